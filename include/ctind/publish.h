// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Publication: disclosure control applied to raw results (docs/privacy.md).
// Raw results are for the data owner; everything made for others is a
// publication, protected by default: small cells (unit counts from 1 to
// k − 1) suppressed with the complementary cells that keep them from being
// recovered from totals and margins, figures derived from a suppressed value
// suppressed, counts optionally rounded, and no person identifier anywhere.
// Renderers render a publication's results like any others.

#ifndef CTIND_PUBLISH_H_
#define CTIND_PUBLISH_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "ctind/engine.h"

namespace ctind {

// Rounding of the published counts, after suppression.
enum class Rounding {
  // The framework's DisclosurePolicy.rounding (none when unset).
  kFramework,
  kNone,
  // Conventional rounding to the nearest multiple of 5.
  kBase5,
  // Unbiased random rounding to a multiple of 3, keyed by
  // PublishOptions::publisher_key.
  kRandomBase3,
};

class PublishOptions {
 public:
  // Protected publication, with the framework's rounding.
  PublishOptions() = default;

  // Options under which Publish applies no protection at all and returns
  // the raw results marked RAW: for the data owner's internal use, never
  // for others. The only way to turn protection off.
  static PublishOptions DisableProtectionForInternalUse() {
    PublishOptions options;
    options.protection_disabled_ = true;
    return options;
  }
  bool protection_disabled() const { return protection_disabled_; }

  Rounding rounding = Rounding::kFramework;
  // The publisher's secret for random rounding: at least 16 bytes, random,
  // kept by the publisher and never stored in the framework. The same key
  // gives the same rounded value of a cell in every publication, so
  // repeated publications cannot be averaged; a new key gives new draws.
  std::string publisher_key;

 private:
  bool protection_disabled_ = false;
};

// The results of Publish. Immutable; cheap to copy.
class Publication {
 public:

  // What may be given to others: protection PUBLISHED with the settings
  // applied; each cell either published (counts rounded and flagged
  // ROUNDED when rounding is on) or SUPPRESSED with SUPPRESSED_FLAG and no
  // value, numerator, denominator or unit count, and never a suppression
  // reason; findings without record keys. RAW, unchanged, when protection
  // was disabled.
  const Results& results() const { return results_; }

  // For the data owner only: the raw results with each cell's suppression
  // reason (NOT_SUPPRESSED, PRIMARY, COMPLEMENTARY or DERIVED), protection
  // RAW.
  const Results& raw_with_reasons() const { return raw_with_reasons_; }

 private:
  friend absl::StatusOr<Publication> Publish(const Results& raw, const Plan& plan,
                                             const PublishOptions& options);
  Publication(Results results, Results raw_with_reasons)
      : results_(std::move(results)), raw_with_reasons_(std::move(raw_with_reasons)) {}

  Results results_;
  Results raw_with_reasons_;
};

// Protects `raw` (results of evaluating `plan`, with the entered values of
// reported indicators added by AddReportedActuals if they are to be
// published) for publication; assess the publication afterwards
// (DESIGN.md: protect, then assess), since % achieved and statuses of raw
// values are withdrawn from suppressed and rounded cells. Thread-safe;
// deterministic: the same results, plan and options give the same
// publication. Errors: FailedPrecondition when `raw` is already a
// publication; InvalidArgument when `raw` was not computed with `plan`, or
// random rounding has no (or too short a) publisher key; Internal when the
// suppression audit cannot be solved.
absl::StatusOr<Publication> Publish(const Results& raw, const Plan& plan,
                                    const PublishOptions& options = PublishOptions());

}  // namespace ctind

#endif  // CTIND_PUBLISH_H_
