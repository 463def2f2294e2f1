// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog that ships with ctind: the case schema `htcds-case` and the
// counter-trafficking indicators defined against it, compiled into the
// library (it never reads catalog/ at run time). A project adopts
// indicators by exporting a framework skeleton and filling in its project,
// results, baselines and targets.
//
// A Catalog is an immutable value with shared state: copying is cheap and
// copies may be used from any number of threads at once.
//
// The generated proto classes are declared here, not defined: include
// "ctind/v1/framework.pb.h" to read a definition.

#ifndef CTIND_CATALOG_H_
#define CTIND_CATALOG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/diagnostic.h"
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class Indicator;
}  // namespace v1

// The four Ps of counter-trafficking work; numerically ctind.v1.Pillar.
enum class Pillar {
  kUnspecified = 0,
  kPrevention = 1,
  kProtection = 2,
  kProsecution = 3,
  kPartnership = 4,
};

// "prevention", "protection", "prosecution", "partnership"; "" for
// kUnspecified or a value outside the enum.
std::string_view PillarName(Pillar pillar);

// The pillar named `name`, case-insensitive ("Protection", "PROTECTION").
// InvalidArgument naming the four pillars (and the closest one) otherwise.
absl::StatusOr<Pillar> ParsePillar(std::string_view name);

// One indicator of the catalog: what a listing shows, and the definition.
struct CatalogIndicator {
  std::string id;
  std::string title;
  Pillar pillar = Pillar::kUnspecified;
  // "impact", "outcome", "output", "process" or "input"; "" when unset.
  std::string level;
  // True when actuals are computed from records, false when reported.
  bool computed = true;
  // External references as "VOCABULARY CODE", e.g. "SDG 16.2.2" (the
  // vocabulary or the code alone when the other is empty).
  std::vector<std::string> references;
  // The catalog file defining it: for the built-in catalog its path in
  // ctind's source tree, e.g. "catalog/indicators/protection.textproto";
  // otherwise the name given to FromFiles.
  std::string file;
  // The full definition (immutable, never null), as a framework holds it.
  std::shared_ptr<const v1::Indicator> definition;
};

// An indicator file of a catalog: `name` (used in diagnostics) and its text,
// a ctind.v1.Framework in text format holding only `indicators`.
struct CatalogFile {
  std::string name;
  std::string text;
};

// Which indicators an export holds: those of the pillars listed plus those
// whose ids are listed, each once, in catalog order. Both empty: every
// indicator of the catalog.
struct CatalogSelection {
  std::vector<Pillar> pillars;
  std::vector<std::string> ids;
};

namespace internal {
struct CatalogRep;
}  // namespace internal

class Catalog {
 public:
  // The catalog built into the library, loaded on the first call and shared
  // by every later one (thread-safe). Returns Internal when a built-in file
  // is invalid, a defect of the build that the catalog's tests catch, with
  // the first problem in the message.
  static absl::StatusOr<Catalog> Builtin();

  // A catalog of a case schema (`schema_text`, a ctind.v1.Schema in text
  // format, named `schema_name` in diagnostics) and indicator files. Checks
  // that every file parses and validates as a framework holding only
  // indicators, that ids are unique across files, that every indicator has
  // a pillar (one left unset takes the pillar its file is named after,
  // "protection.textproto") and that every computed indicator compiles
  // against the schema. On any problem returns InvalidArgument summarising
  // the first and appends all of them, with file:line:column, to
  // `*diagnostics` when it is not null.
  static absl::StatusOr<Catalog> FromFiles(std::string_view schema_text,
                                           std::string_view schema_name,
                                           const std::vector<CatalogFile>& indicator_files,
                                           Diagnostics* diagnostics = nullptr);

  // The case schema, and its text as shipped (with its comments).
  const Schema& schema() const;
  std::string_view schema_text() const;

  // Every indicator in catalog order: the files of the pillars in the order
  // prevention, protection, prosecution, partnership, then other files by
  // name; each file's indicators in file order.
  const std::vector<CatalogIndicator>& indicators() const;
  // The indicators of `pillar`, in catalog order.
  std::vector<CatalogIndicator> IndicatorsOf(Pillar pillar) const;
  // The indicator `id` (exact, case-sensitive); NotFound naming the closest
  // id ("did you mean") otherwise.
  absl::StatusOr<CatalogIndicator> Find(std::string_view id) const;

  // A framework skeleton a project adopts: the selected indicators as the
  // catalog defines them, `schema_id` set to the catalog schema's id, and a
  // placeholder project (id "FILL-IN", a title saying what to fill in, and
  // dates of calendar 2025) that the project replaces with its own. The
  // result validates and compiles against schema(). NotFound for an id not
  // in the catalog (with "did you mean"); InvalidArgument for a selection
  // that holds no indicator.
  absl::StatusOr<Framework> Export(const CatalogSelection& selection) const;
  // The same in text format, opening with comments that say what to fill
  // in and where the indicators come from.
  absl::StatusOr<std::string> ExportText(const CatalogSelection& selection) const;

 private:
  explicit Catalog(std::shared_ptr<const internal::CatalogRep> rep);
  std::shared_ptr<const internal::CatalogRep> rep_;
};

}  // namespace ctind

#endif  // CTIND_CATALOG_H_
