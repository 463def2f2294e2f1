// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The inline SVG charts of the HTML report (include/ctind/render_html.h):
// an indicator's actuals against its targets by period, and its values by
// disaggregation cell. Each chart is a self-contained <svg> element (no
// external reference, no script) meant to sit inside a <figure>:
//
// - accessible: role="img", labelled by its <title> and <desc>, the desc
//   being a text alternative that states every mark; each mark has its own
//   <title> (a tooltip);
// - readable without colour: actuals are solid bars with their value
//   written on them, targets dashed lines with a diamond, suppressed values
//   hatched boxes labelled "suppressed" (spanning the whole plot, so their
//   size says nothing), missing values the words given by the caller;
// - testable: each mark is a <g class="mark …"> carrying data-state
//   ("value", "missing" or "suppressed") and, for a value, data-value with
//   the value at full precision (shortest round-trip).
//
// The axis is computed from the values and targets shown only: a
// suppressed value has none, so the scale cannot hint at it.
//
// Rendering is deterministic (the same chart gives the same bytes) and
// escapes every text it is given.

#ifndef CTIND_REPORT_SVG_CHART_H_
#define CTIND_REPORT_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

namespace ctind {

// What a mark shows, as a publication distinguishes them (SEMANTICS.md,
// "Outputs"): a value (which may be 0), no value, or a withheld value.
enum class MarkState { kValue, kMissing, kSuppressed };

// A linear value axis with ticks at every multiple of `step` from `min` to
// `max` (both ticks).
struct ValueAxis {
  double min = 0;
  double max = 1;
  double step = 1;
  // Digits after the point that the tick labels need.
  int decimals = 0;
};

// The smallest axis with a step of 1, 2 or 5 × 10^n that holds `low`,
// `high` and 0 in at most `max_intervals` steps (at least 1). With low ==
// high == 0, the axis 0..1. `low` <= `high`, both finite.
ValueAxis NiceAxis(double low, double high, int max_intervals = 5);

// One period of an indicator: its actual (a bar) and target (a line).
struct PeriodMark {
  // The period id: the label under the bar and the data-period attribute.
  std::string period;
  // A short word under the label ("partial", "future"); may be empty.
  std::string note;
  MarkState actual_state = MarkState::kMissing;
  // The actual, for kValue.
  double actual = 0;
  // The actual as people read it ("58.3"), for kValue.
  std::string actual_label;
  // What a kMissing actual says instead of a value, e.g. "no value".
  std::string missing_label = "no value";
  std::optional<double> target;
  // The target as people read it, when there is one.
  std::string target_label;
  // One sentence saying everything about the period, for the mark's
  // tooltip and the chart's text alternative.
  std::string description;
};

struct PeriodChart {
  // Unique in the document; letters, digits, '-' and '_' only (it prefixes
  // element ids).
  std::string id;
  // The chart's title in words.
  std::string title;
  // Name of the values' unit, for the value axis (e.g. "persons", "%").
  std::string value_axis_label;
  // In chronological order.
  std::vector<PeriodMark> marks;
};

// A bar chart of actuals with target markers, one slot per mark.
std::string RenderPeriodChart(const PeriodChart& chart);

// One disaggregation cell: a horizontal bar.
struct BreakdownMark {
  // The cell's label, e.g. "Women & girls" or "Unknown (not recorded)";
  // shown cut to 30 code points, whole in the tooltip.
  std::string label;
  // The cell's identity for the data-cell attribute, e.g.
  // "prs_Gender=Feminine".
  std::string key;
  // Drawn in italics: the cell of values missing in the records.
  bool unknown = false;
  MarkState state = MarkState::kMissing;
  double value = 0;
  std::string value_label;
  std::string missing_label = "no value";
  std::string description;
};

struct BreakdownChart {
  std::string id;
  std::string title;
  std::string value_axis_label;
  std::vector<BreakdownMark> marks;
};

// A horizontal bar chart, one row per mark, in the given order.
std::string RenderBreakdownChart(const BreakdownChart& chart);

}  // namespace ctind

#endif  // CTIND_REPORT_SVG_CHART_H_
