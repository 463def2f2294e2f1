// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Text helpers of the HTML report (include/ctind/render_html.h) and its
// SVG charts (report/svg_chart.h): escaping user text, formatting numbers
// for people.

#ifndef CTIND_REPORT_HTML_H_
#define CTIND_REPORT_HTML_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ctind {

// `text` made safe for HTML (and inline SVG) text content and for quoted
// attribute values, whichever quote is used: & < > " ' become character
// references; an ill-formed UTF-8 sequence, a C0 or C1 control other than
// tab, LF and CR, and a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF)
// become U+FFFD, since HTML forbids them.
std::string EscapeHtml(std::string_view text);

// A percentage for people: one decimal, rounded half away from zero, never
// "-0.0" ("87.5", "100.0", "-12.3"). No percent sign.
std::string FormatPercentOneDecimal(double percent);

// `text` cut to at most `max_code_points` code points, the last replaced by
// "…" when it was cut; `text` itself when it fits. Cuts between code points,
// never inside one (ill-formed bytes count as one each).
std::string TruncateText(std::string_view text, size_t max_code_points);

}  // namespace ctind

#endif  // CTIND_REPORT_HTML_H_
