// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Renderers of publications for donors' systems: the results of an IATI
// 2.03 activity (XML) and DHIS2 data values (dataValueSets JSON).
// docs/donor-formats.md describes both, with the code mappings and their
// sources.
//
// Both read a publication: a report whose protection is PUBLISHED, made by
// disclosure control (Publish in ctind/publish.h, then
// `publication.results().proto()`); a raw report is refused. Neither format has a
// suppression flag, so a suppressed value is written without its value and
// with a comment saying it is withheld to protect individuals (never why).
// Nothing else is left out silently: what a document does not carry is
// listed in DonorDocument::notes. Unit counts, suppression reasons and
// data-quality findings are never written.
//
// Output is deterministic: the same inputs give byte-identical documents.
// The functions are pure and may be called from any number of threads.
//
// The generated proto classes are declared here, not defined: include
// "ctind/v1/report.pb.h" and "ctind/v1/dhis2.pb.h" to read them.

#ifndef CTIND_RENDER_DONOR_H_
#define CTIND_RENDER_DONOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/diagnostic.h"
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class Report;
class Dhis2Mapping;
}  // namespace v1

// A document rendered for a donor system.
struct DonorDocument {
  // The document, UTF-8.
  std::string text;
  // What the document does not carry and why, one sentence each, in
  // document order (a cell the DHIS2 mapping does not map, a reference in
  // a vocabulary IATI has no code for); empty when nothing was left out.
  // Suppressed values are not listed: the document itself marks them.
  std::vector<std::string> notes;
};

struct DonorRenderOptions {
  // iati-activities/@generated-datetime and iati-activity/
  // @last-updated-datetime, an xsd:dateTime such as
  // "2026-07-01T09:00:00Z". Empty: the report's as-of date at 00:00:00Z,
  // so that the same report always gives the same bytes.
  std::string generated_datetime;
  // Write a period for the life of project (project start to end) with the
  // life-of-project target and value.
  bool include_life_of_project = true;
  // Codes of the IATI IndicatorVocabulary codelist for vocabularies of
  // Indicator.references beyond the built-in ones (docs/donor-formats.md),
  // as (vocabulary, code) pairs, e.g. {"INDIKIT", "99"} for a publisher
  // that adopts those codes as its own. A pair overrides a built-in entry.
  std::vector<std::pair<std::string, std::string>> indicator_vocabularies;
};

// The IATI 2.03 document (iati-activities, version "2.03") with one
// iati-activity for the project of `framework`, carrying its results: one
// result per framework result with indicators, each indicator with its
// baseline, references and one period per reporting period of
// `publication` (plus periods that only have targets) with targets and
// actuals, disaggregated by `dimension` elements. The document validates
// against the IATI 2.03 activity schema.
//
// Errors: FailedPrecondition when `publication` is not PUBLISHED;
// InvalidArgument when it is a report of another project or holds an
// indicator the framework lacks, when `options.generated_datetime` is not
// an xsd:dateTime (or is empty and the report's as-of date is not a date),
// or when the project lacks what IATI requires (the
// activity identifier, the reporting organisation's ref, type and name, a
// description, the activity status, a participating organisation with a
// role): every such problem is appended to `*diagnostics` (when not null)
// with its place in the framework file.
absl::StatusOr<DonorDocument> RenderIati(const Framework& framework,
                                         const v1::Report& publication,
                                         const DonorRenderOptions& options = {},
                                         Diagnostics* diagnostics = nullptr);

namespace internal {
struct Dhis2MappingRep;
struct Dhis2MappingAccess;
}  // namespace internal

// A DHIS2 mapping (proto/ctind/v1/dhis2.proto): where a publication's
// values go in one DHIS2 instance. An immutable value with shared state:
// copying is cheap and copies may be used from any number of threads.
class Dhis2Mapping {
 public:
  // Parses `bytes` in `format` and validates the mapping on its own: every
  // indicator has a data element and an organisation unit (its own or the
  // mapping's); identifiers are DHIS2 UIDs unless id_scheme is DHIS2_CODE;
  // no indicator is mapped twice, no cell twice within an indicator, no
  // dimension twice within a cell; decimals lie in 0..15. `file_name` is
  // used in diagnostics. On a syntax or validation error returns
  // InvalidArgument summarising the first error and appends every problem
  // (for text format with line and column) to `*diagnostics` when not null.
  static absl::StatusOr<Dhis2Mapping> Parse(std::string_view bytes,
                                            ProtoFormat format,
                                            std::string_view file_name,
                                            Diagnostics* diagnostics = nullptr);
  // Validates a mapping built in code; errors as for Parse.
  static absl::StatusOr<Dhis2Mapping> FromProto(const v1::Dhis2Mapping& proto,
                                                Diagnostics* diagnostics = nullptr);

  const v1::Dhis2Mapping& proto() const;
  // The file name given to Parse; empty for FromProto.
  const std::string& file_name() const;

 private:
  friend struct internal::Dhis2MappingAccess;
  explicit Dhis2Mapping(std::shared_ptr<const internal::Dhis2MappingRep> rep);
  std::shared_ptr<const internal::Dhis2MappingRep> rep_;
};

// The DHIS2 dataValueSets JSON of `publication`:
// {"dataSet"?, "idScheme"?, "dataValues": [{"dataElement", "period",
// "orgUnit", "categoryOptionCombo"?, "attributeOptionCombo"?, "value",
// "comment"?}, ...]}, keys always in this order, values as strings, one
// data value per mapped cell of a mapped indicator, in the report's order,
// for per-period values of the periods the mapping selects. A suppressed
// value is written with "value": "" and a comment (DHIS2 stores a data
// value that has a comment and no value); a missing value is not written.
// The notes count what was skipped: unmapped indicators and cells,
// missing values, periods DHIS2 cannot name (custom periods).
//
// Errors: FailedPrecondition when `publication` is not PUBLISHED;
// InvalidArgument when the mapping does not fit the report (another
// project; an indicator the report lacks; a cell whose dimensions are not
// a breakdown of its indicator or whose value is no value of it), with
// every such problem appended to `*diagnostics` (when not null) with its
// place in the mapping file.
absl::StatusOr<DonorDocument> RenderDhis2(const v1::Report& publication,
                                          const Dhis2Mapping& mapping,
                                          Diagnostics* diagnostics = nullptr);

}  // namespace ctind

#endif  // CTIND_RENDER_DONOR_H_
