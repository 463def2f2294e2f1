// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The codes of IATI 2.03 codelists that the IATI export writes for ctind's
// framework (RenderIati in ctind/render_donor.h). Sources, as recorded in
// docs/donor-formats.md: ResultType, IndicatorMeasure, ActivityDateType and
// DescriptionType from the IATI Standard's 2.03 codelists; IndicatorVocabulary
// from IATI/IATI-Codelists-NonEmbedded (xml/IndicatorVocabulary.xml).

#ifndef CTIND_REPORT_IATI_H_
#define CTIND_REPORT_IATI_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ctind/v1/framework.pb.h"

namespace ctind {

// ResultType of a result of the logframe: GOAL "3" (impact), OUTCOME "2"
// (outcome), OUTPUT "1" (output), ACTIVITY and unspecified "9" (other).
std::string IatiResultType(v1::ResultLevel level);

// ResultType of the result that gathers indicators attached to no result,
// from the indicator's level: IMPACT "3", OUTCOME_INDICATOR "2",
// OUTPUT_INDICATOR "1", others "9".
std::string IatiResultTypeOfIndicator(v1::IndicatorLevel level);

// IndicatorMeasure of an indicator: "5" qualitative for narratives, "4"
// ordinal for ordinal scales, "3" nominal for "in place" booleans (and
// reported flags), "2" percentage for a ratio with factor 100, a relative
// change or a unit of "%", else "1" unit.
std::string IatiIndicatorMeasure(const v1::Indicator& indicator);

// iati indicator/@ascending: true for INCREASE, false for DECREASE, unset
// (not written) otherwise.
std::optional<bool> IatiAscending(v1::Direction direction);

// indicator/@aggregation-status: true when values of several activities
// can be added up: plain counts and sums of records. Distinct counts (the
// same person may be counted by two activities), means, medians, extremes,
// ratios, relative changes and entered values are not.
bool IatiAggregationStatus(const v1::Indicator& indicator);

// The IndicatorVocabulary code of `vocabulary` (ExternalReference
// .vocabulary): first the `extra` pairs (exact, case-insensitive), then the
// built-in names WHO 1, SPHERE 2, US-F 3, WDI 4, MDG 5, HRI 6, HIPSO 8,
// SDG 9 (case-insensitive), then a code of the list written as is (1..9,
// 99). nullopt when IATI has no code for it.
std::optional<std::string> IatiIndicatorVocabulary(
    std::string_view vocabulary,
    const std::vector<std::pair<std::string, std::string>>& extra);

}  // namespace ctind

#endif  // CTIND_REPORT_IATI_H_
