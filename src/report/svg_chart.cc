// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The report's SVG charts. Layout constants are in CSS pixels of the
// viewBox; the <svg> scales to its container (CSS in html.cc).

#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/number_format.h"
#include "report/html.h"

namespace ctind {
namespace {

// A coordinate, to a tenth of a pixel, without a trailing ".0".
std::string Px(double v) {
  double rounded = std::round(v * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  std::string text = FormatFixed(rounded, 1);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

std::string TickLabel(double tick, int decimals) {
  std::string text = FormatFixed(tick, decimals);
  // printf keeps the sign of a negative zero ("-0", "-0.0").
  if (!text.empty() && text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

const char* StateName(MarkState state) {
  switch (state) {
    case MarkState::kValue: return "value";
    case MarkState::kSuppressed: return "suppressed";
    case MarkState::kMissing: break;
  }
  return "missing";
}

// The attributes every mark carries: its state and, for a value, the value
// at full precision.
std::string StateAttributes(MarkState state, double value) {
  std::string out = absl::StrCat(" data-state=\"", StateName(state), "\"");
  if (state == MarkState::kValue) {
    absl::StrAppend(&out, " data-value=\"", FormatNumber(value), "\"");
  }
  return out;
}

// Maps values onto a pixel range: `from` is where axis.min goes, `to`
// where axis.max goes (to < from for a vertical axis, as SVG's y grows
// downwards).
class Scale {
 public:
  Scale(const ValueAxis& axis, double from, double to) : axis_(axis), from_(from), to_(to) {}
  double operator()(double v) const {
    return from_ + (to_ - from_) * (v - axis_.min) / (axis_.max - axis_.min);
  }
  // Tick values, from min to max.
  std::vector<double> Ticks() const {
    std::vector<double> ticks;
    const long first = std::lround(axis_.min / axis_.step);
    const long count = std::lround((axis_.max - axis_.min) / axis_.step);
    for (long i = 0; i <= count; ++i) ticks.push_back(static_cast<double>(first + i) * axis_.step);
    return ticks;
  }
  const ValueAxis& axis() const { return axis_; }

 private:
  ValueAxis axis_;
  double from_, to_;
};

// The <defs> of a chart: its hatch pattern, for suppressed marks.
std::string HatchPattern(const std::string& id) {
  return absl::StrCat(
      "<defs><pattern id=\"", id,
      "-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f2f2f2\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#6b6b6b\" stroke-width=\"2.5\"/>"
      "</pattern></defs>\n");
}

// The opening of the <svg> element with its title and text alternative.
std::string SvgOpen(const std::string& id, double width, double height, const std::string& title,
                    const std::string& description) {
  return absl::StrCat(
      "<svg class=\"chart\" id=\"", id, "\" viewBox=\"0 0 ", Px(width), " ", Px(height),
      "\" width=\"", Px(width), "\" height=\"", Px(height), "\" role=\"img\" aria-labelledby=\"",
      id, "-title ", id, "-desc\">\n<title id=\"", id, "-title\">", EscapeHtml(title),
      "</title>\n<desc id=\"", id, "-desc\">", EscapeHtml(description), "</desc>\n");
}

std::string Text(double x, double y, const std::string& css_class, const std::string& anchor,
                 const std::string& text, const std::string& extra = "") {
  return absl::StrCat("<text class=\"", css_class, "\" x=\"", Px(x), "\" y=\"", Px(y),
                      "\" text-anchor=\"", anchor, "\"", extra, ">", EscapeHtml(text), "</text>");
}

// A legend entry: a swatch drawn by `swatch` at (x, y) and its text; returns
// the x after it.
double LegendEntry(std::string* out, double x, double y, const std::string& swatch,
                   const std::string& text) {
  absl::StrAppend(out, swatch, Text(x + 22, y + 4, "legend", "start", text), "\n");
  // About 6.2 px per character at the legend's 11 px font.
  return x + 22 + 6.2 * static_cast<double>(text.size()) + 18;
}

std::string ActualSwatch(double x, double y) {
  return absl::StrCat("<rect class=\"actual\" x=\"", Px(x), "\" y=\"", Px(y - 6),
                      "\" width=\"16\" "
                      "height=\"12\"/>");
}

std::string TargetSwatch(double x, double y) {
  return absl::StrCat("<path class=\"target-line\" d=\"M", Px(x), " ", Px(y), "H", Px(x + 16),
                      "\"/><path class=\"target-marker\" d=\"M", Px(x + 8), " ", Px(y - 4),
                      "l4 4l-4 "
                      "4l-4 -4z\"/>");
}

std::string SuppressedSwatch(const std::string& id, double x, double y) {
  return absl::StrCat("<rect class=\"suppressed\" x=\"", Px(x), "\" y=\"", Px(y - 6),
                      "\" width=\"16\" height=\"12\" fill=\"url(#", id, "-hatch)\"/>");
}

std::string JoinDescriptions(const std::string& kind, const std::vector<std::string>& sentences) {
  std::string out = kind;
  for (const std::string& s : sentences) absl::StrAppend(&out, " ", s);
  return out;
}

}  // namespace

ValueAxis NiceAxis(double low, double high, int max_intervals) {
  max_intervals = std::max(1, max_intervals);
  low = std::min(low, 0.0);
  high = std::max(high, 0.0);
  if (low == high) high = 1;
  // Tolerances keep 0.3 / 0.1 = 2.9999999999999996 from adding a step.
  constexpr double kSlack = 1e-9;
  const double raw = (high - low) / max_intervals;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  ValueAxis axis;
  for (;; magnitude *= 10) {
    bool found = false;
    for (double factor : {1.0, 2.0, 5.0}) {
      const double step = factor * magnitude;
      const double first = std::floor(low / step + kSlack);
      const double last = std::ceil(high / step - kSlack);
      if (last - first <= max_intervals) {
        axis.step = step;
        axis.min = first * step;
        axis.max = last * step;
        found = true;
        break;
      }
    }
    if (found) break;
  }
  if (axis.min == 0) axis.min = 0;  // no "-0"
  axis.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(axis.step) + kSlack)));
  return axis;
}

std::string RenderPeriodChart(const PeriodChart& chart) {
  constexpr double kLeft = 64, kRight = 16, kTop = 40, kBottom = 64, kPlotHeight = 190;
  constexpr double kSlotWidth = 76;
  const size_t n = std::max<size_t>(chart.marks.size(), 1);
  const double plot_width = std::max(480.0, kSlotWidth * static_cast<double>(n));
  const double width = kLeft + plot_width + kRight;
  const double height = kTop + kPlotHeight + kBottom;
  const double slot = plot_width / static_cast<double>(n);

  double low = 0, high = 0;
  bool any_suppressed = false, any_target = false;
  std::vector<std::string> sentences;
  for (const PeriodMark& m : chart.marks) {
    if (m.actual_state == MarkState::kValue) {
      low = std::min(low, m.actual), high = std::max(high, m.actual);
    }
    if (m.target) {
      low = std::min(low, *m.target), high = std::max(high, *m.target);
      any_target = true;
    }
    any_suppressed |= m.actual_state == MarkState::kSuppressed;
    sentences.push_back(m.description);
  }
  const Scale y(NiceAxis(low, high), kTop + kPlotHeight, kTop);
  const double zero = y(0);

  std::string out =
      SvgOpen(chart.id, width, height, chart.title,
              JoinDescriptions("Bars: actual per period; dashed lines: target.", sentences));
  if (any_suppressed) absl::StrAppend(&out, HatchPattern(chart.id));

  // Legend.
  double x = kLeft;
  x = LegendEntry(&out, x, 16, ActualSwatch(x, 16), "Actual");
  if (any_target) x = LegendEntry(&out, x, 16, TargetSwatch(x, 16), "Target");
  if (any_suppressed) {
    LegendEntry(&out, x, 16, SuppressedSwatch(chart.id, x, 16),
                "Suppressed: withheld to protect individuals");
  }

  // Value axis: grid lines, tick labels and the unit.
  absl::StrAppend(&out, "<g class=\"axis value-axis\">\n");
  for (double tick : y.Ticks()) {
    absl::StrAppend(
        &out, "<line class=\"", tick == 0 ? "zero-line" : "grid", "\" x1=\"", Px(kLeft), "\" x2=\"",
        Px(kLeft + plot_width), "\" y1=\"", Px(y(tick)), "\" y2=\"", Px(y(tick)), "\"/>",
        Text(kLeft - 6, y(tick) + 4, "tick", "end", TickLabel(tick, y.axis().decimals)), "\n");
  }
  const double middle = kTop + kPlotHeight / 2;
  absl::StrAppend(&out,
                  Text(14, middle, "axis-title", "middle", chart.value_axis_label,
                       absl::StrCat(" transform=\"rotate(-90 14 ", Px(middle), ")\"")),
                  "\n</g>\n");

  for (size_t i = 0; i < chart.marks.size(); ++i) {
    const PeriodMark& m = chart.marks[i];
    const double left = kLeft + slot * static_cast<double>(i);
    const double center = left + slot / 2;
    const double bar_width = slot * 0.56;
    const double bar_left = center - bar_width / 2;
    absl::StrAppend(&out, "<g class=\"period\" data-period=\"", EscapeHtml(m.period), "\">\n");
    absl::StrAppend(&out, "<g class=\"mark actual\" data-period=\"", EscapeHtml(m.period), "\"",
                    StateAttributes(m.actual_state, m.actual), "><title>",
                    EscapeHtml(m.description), "</title>");
    switch (m.actual_state) {
      case MarkState::kValue: {
        // A zero is a value: a hairline bar on the zero line, labelled 0.
        const double bar_height = std::max(std::fabs(y(m.actual) - zero), 1.5);
        const double top = m.actual < 0 ? zero : zero - bar_height;
        absl::StrAppend(&out, "<rect class=\"actual\" x=\"", Px(bar_left), "\" y=\"", Px(top),
                        "\" width=\"", Px(bar_width), "\" height=\"", Px(bar_height), "\"/>");
        if (m.actual < 0) {
          absl::StrAppend(&out,
                          Text(center, zero + bar_height + 13, "value", "middle", m.actual_label));
        } else if (bar_height >= 22) {
          // At the foot of the bar, where no target line crosses it.
          absl::StrAppend(&out, Text(center, zero - 7, "value inside", "middle", m.actual_label));
        } else {
          absl::StrAppend(&out, Text(center, top - 5, "value", "middle", m.actual_label));
        }
        break;
      }
      case MarkState::kSuppressed: {
        // The whole plot height: the box says nothing about the value. The
        // word sits in the lower half, below most target lines.
        const double label_y = kTop + kPlotHeight * 0.72;
        absl::StrAppend(
            &out, "<rect class=\"suppressed\" x=\"", Px(bar_left), "\" y=\"", Px(kTop),
            "\" width=\"", Px(bar_width), "\" height=\"", Px(kPlotHeight), "\" fill=\"url(#",
            chart.id, "-hatch)\"/>",
            Text(center, label_y + 4, "state-label", "middle", "suppressed",
                 absl::StrCat(" transform=\"rotate(-90 ", Px(center), " ", Px(label_y), ")\"")));
        break;
      }
      case MarkState::kMissing:
        absl::StrAppend(&out,
                        Text(center, zero - 6, "state-label missing", "middle", m.missing_label));
        break;
    }
    absl::StrAppend(&out, "</g>\n");
    if (m.target) {
      const double ty = y(*m.target);
      absl::StrAppend(&out, "<g class=\"mark target\" data-period=\"", EscapeHtml(m.period), "\"",
                      StateAttributes(MarkState::kValue, *m.target), "><title>",
                      EscapeHtml(m.description), "</title><path class=\"target-line\" d=\"M",
                      Px(center - slot * 0.4), " ", Px(ty), "H", Px(center + slot * 0.4),
                      "\"/><path class=\"target-marker\" d=\"M", Px(center), " ", Px(ty - 5),
                      "l5 5l-5 5l-5 -5z\"/></g>\n");
    }
    const double base = kTop + kPlotHeight;
    absl::StrAppend(&out, Text(center, base + 16, "period-label", "middle", m.period), "\n",
                    Text(center, base + 31, "target-label", "middle",
                         m.target ? absl::StrCat("target ", m.target_label) : "no target"),
                    "\n");
    if (!m.note.empty()) {
      absl::StrAppend(&out, Text(center, base + 46, "note", "middle", m.note), "\n");
    }
    absl::StrAppend(&out, "</g>\n");
  }
  absl::StrAppend(&out, "<line class=\"axis-line\" x1=\"", Px(kLeft), "\" x2=\"", Px(kLeft),
                  "\" y1=\"", Px(kTop), "\" y2=\"", Px(kTop + kPlotHeight), "\"/>\n</svg>\n");
  return out;
}

std::string RenderBreakdownChart(const BreakdownChart& chart) {
  constexpr double kLabelWidth = 210, kRight = 80, kTop = 36, kBottom = 44, kRow = 30;
  constexpr double kPlotWidth = 380, kBarHeight = 18;
  constexpr size_t kLabelPoints = 30;
  const size_t rows = std::max<size_t>(chart.marks.size(), 1);
  const double plot_height = kRow * static_cast<double>(rows);
  const double width = kLabelWidth + kPlotWidth + kRight;
  const double height = kTop + plot_height + kBottom;

  double low = 0, high = 0;
  bool any_suppressed = false;
  std::vector<std::string> sentences;
  for (const BreakdownMark& m : chart.marks) {
    if (m.state == MarkState::kValue) low = std::min(low, m.value), high = std::max(high, m.value);
    any_suppressed |= m.state == MarkState::kSuppressed;
    sentences.push_back(m.description);
  }
  const Scale x(NiceAxis(low, high), kLabelWidth, kLabelWidth + kPlotWidth);
  const double zero = x(0);

  std::string out = SvgOpen(chart.id, width, height, chart.title,
                            JoinDescriptions("Bars: value per cell.", sentences));
  if (any_suppressed) absl::StrAppend(&out, HatchPattern(chart.id));
  double lx = kLabelWidth;
  lx = LegendEntry(&out, lx, 16, ActualSwatch(lx, 16), "Value");
  if (any_suppressed) {
    LegendEntry(&out, lx, 16, SuppressedSwatch(chart.id, lx, 16),
                "Suppressed: withheld to protect individuals");
  }

  absl::StrAppend(&out, "<g class=\"axis value-axis\">\n");
  const double base = kTop + plot_height;
  for (double tick : x.Ticks()) {
    absl::StrAppend(
        &out, "<line class=\"", tick == 0 ? "zero-line" : "grid", "\" x1=\"", Px(x(tick)),
        "\" x2=\"", Px(x(tick)), "\" y1=\"", Px(kTop), "\" y2=\"", Px(base), "\"/>",
        Text(x(tick), base + 15, "tick", "middle", TickLabel(tick, x.axis().decimals)), "\n");
  }
  absl::StrAppend(
      &out,
      Text(kLabelWidth + kPlotWidth / 2, base + 34, "axis-title", "middle", chart.value_axis_label),
      "\n</g>\n");

  for (size_t i = 0; i < chart.marks.size(); ++i) {
    const BreakdownMark& m = chart.marks[i];
    const double row_top = kTop + kRow * static_cast<double>(i);
    const double bar_top = row_top + (kRow - kBarHeight) / 2;
    const double middle = row_top + kRow / 2 + 4;
    absl::StrAppend(&out, "<g class=\"mark cell\" data-cell=\"", EscapeHtml(m.key), "\"",
                    StateAttributes(m.state, m.value), "><title>", EscapeHtml(m.description),
                    "</title>",
                    Text(kLabelWidth - 8, middle, m.unknown ? "cell-label unknown" : "cell-label",
                         "end", TruncateText(m.label, kLabelPoints)));
    switch (m.state) {
      case MarkState::kValue: {
        const double end = x(m.value);
        const double bar_width = std::max(std::fabs(end - zero), 1.5);
        const double bar_left = m.value < 0 ? end : zero;
        absl::StrAppend(&out, "<rect class=\"actual\" x=\"", Px(bar_left), "\" y=\"", Px(bar_top),
                        "\" width=\"", Px(bar_width), "\" height=\"", Px(kBarHeight), "\"/>");
        if (m.value < 0) {
          absl::StrAppend(&out, Text(zero + 5, middle, "value", "start", m.value_label));
        } else {
          absl::StrAppend(&out,
                          Text(zero + bar_width + 5, middle, "value", "start", m.value_label));
        }
        break;
      }
      case MarkState::kSuppressed:
        // The whole plot width: the box says nothing about the value.
        absl::StrAppend(
            &out, "<rect class=\"suppressed\" x=\"", Px(kLabelWidth), "\" y=\"", Px(bar_top),
            "\" width=\"", Px(kPlotWidth), "\" height=\"", Px(kBarHeight), "\" fill=\"url(#",
            chart.id, "-hatch)\"/>",
            Text(kLabelWidth + kPlotWidth / 2, middle, "state-label", "middle", "suppressed"));
        break;
      case MarkState::kMissing:
        absl::StrAppend(&out,
                        Text(zero + 5, middle, "state-label missing", "start", m.missing_label));
        break;
    }
    absl::StrAppend(&out, "</g>\n");
  }
  absl::StrAppend(&out, "<line class=\"axis-line\" x1=\"", Px(zero), "\" x2=\"", Px(zero),
                  "\" y1=\"", Px(kTop), "\" y2=\"", Px(base), "\"/>\n</svg>\n");
  return out;
}

}  // namespace ctind
