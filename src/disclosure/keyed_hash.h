// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF",
// 2012): a keyed 64-bit pseudo-random function, written from the paper's
// specification. Disclosure control uses it to make random rounding a
// deterministic function of a secret publisher key and a cell's identity.

#ifndef CTIND_DISCLOSURE_KEYED_HASH_H_
#define CTIND_DISCLOSURE_KEYED_HASH_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace ctind {
namespace internal {

// A 128-bit SipHash key: the two 64-bit words k0 and k1, each read from 8
// key bytes in little-endian order.
struct SipKey {
  uint64_t k0 = 0;
  uint64_t k1 = 0;
  // The key given as 16 bytes.
  static SipKey FromBytes(const std::array<uint8_t, 16>& bytes);
};

// SipHash-2-4 of `message` under `key`.
uint64_t SipHash24(const SipKey& key, std::string_view message);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_KEYED_HASH_H_
