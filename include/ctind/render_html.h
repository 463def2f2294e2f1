// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The HTML report of a publication: one self-contained HTML5 file (inline
// CSS, inline SVG charts, no script, no external resource of any kind)
// with the project and its protection, the logframe, the indicator
// performance tracking table (IPTT), a chart per indicator of actuals
// against targets and of its disaggregation, and optionally a data-quality
// section. docs/html-report.md describes what it shows and how to read it.
//
// It renders what a publication holds: a suppressed value is shown as
// "suppressed" (never a value, a bar length or anything derived from it),
// a missing one as "—" and a zero as 0. Every text from a definition or a
// report (titles, descriptions, code labels, comments, narratives) is
// escaped; record keys, the values behind data-quality findings and their
// places in the input files are never written.
//
// Output is deterministic: the same inputs give byte-identical files (the
// only date written is the report's as-of date). The function is pure and
// may be called from any number of threads.
//
// The generated proto classes are declared here, not defined: include
// "ctind/v1/report.pb.h" to build or read reports and IPTTs.

#ifndef CTIND_RENDER_HTML_H_
#define CTIND_RENDER_HTML_H_

#include <string>

#include "absl/status/statusor.h"
#include "ctind/model.h"
#include "ctind/quality.h"

namespace ctind {
namespace v1 {
class Report;
class Iptt;
}  // namespace v1

struct HtmlOptions {
  // BCP 47 tag of the language user text is shown in: the translation of a
  // title or label into this language when the framework (or schema) has
  // one, else the text as written (in the project's default language),
  // each marked with its language. The report's own words (headings,
  // legends) are English. Empty: the project's default language.
  std::string language;
  // Replaces the project's title as the document's <title> and heading.
  // Empty: the project's title, in `language`.
  std::string title;
  // The schema the report was computed with, for the labels of codes
  // (code lists, groupings) and the titles of fields and dimensions in
  // disaggregations; must outlive the call. Null: codes and dimension ids
  // are shown as they are.
  const Schema* schema = nullptr;
};

// The HTML report of `publication`: a report of `framework`'s project
// whose protection is PUBLISHED, assessed (Assess), and `iptt` built from
// it (BuildIptt). `quality` (may be null) adds the data-quality section:
// per table the completeness of every field and the findings with their
// counts and shares, in plain words.
//
// Errors: FailedPrecondition when `publication` or `iptt` is not
// PUBLISHED (raw results are for the data owner, never for a report) or
// `publication` has not been assessed; InvalidArgument when the
// publication, the IPTT or the quality report is of another project, when
// the IPTT's as-of date is not the publication's, or when the publication
// holds an indicator the framework does not have.
absl::StatusOr<std::string> RenderHtml(const Framework& framework, const v1::Report& publication,
                                       const v1::Iptt& iptt, const QualityReport* quality,
                                       const HtmlOptions& options = {});

}  // namespace ctind

#endif  // CTIND_RENDER_HTML_H_
