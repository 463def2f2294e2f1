// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog files compiled into the library. The definitions are in a
// source file that the build generates from catalog/ (catalog_embed.cmake):
// the library never reads the source tree at run time.

#ifndef CTIND_CATALOG_EMBEDDED_FILES_H_
#define CTIND_CATALOG_EMBEDDED_FILES_H_

#include <cstddef>

namespace ctind {
namespace catalog_internal {

struct EmbeddedFile {
  // Path relative to catalog/, e.g. "indicators/protection.textproto".
  const char* name;
  // The file's bytes, followed by a NUL that `size` does not count.
  const char* data;
  size_t size;
};

// "schema.textproto" and every "indicators/*.textproto", in that order (the
// indicator files sorted by name); static, never freed.
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

}  // namespace catalog_internal
}  // namespace ctind

#endif  // CTIND_CATALOG_EMBEDDED_FILES_H_
