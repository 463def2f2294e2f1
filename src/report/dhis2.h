// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The state behind Dhis2Mapping (ctind/render_donor.h), and the text rules
// of the DHIS2 export.

#ifndef CTIND_REPORT_DHIS2_H_
#define CTIND_REPORT_DHIS2_H_

#include <string>
#include <string_view>

#include "ctind/render_donor.h"
#include "ctind/v1/dhis2.pb.h"
#include "model/source.h"

namespace ctind {
namespace internal {

struct Dhis2MappingRep {
  v1::Dhis2Mapping proto;
  // Where the mapping was read from, to locate problems found when it is
  // checked against a report.
  SourceFile source;
};

struct Dhis2MappingAccess {
  static const Dhis2MappingRep& Rep(const Dhis2Mapping& mapping) { return *mapping.rep_; }
};

}  // namespace internal

// True for a DHIS2 UID: 11 characters, an ASCII letter then ASCII letters
// or digits.
bool IsDhis2Uid(std::string_view id);

// `text` as a JSON string literal, quotes included: " and \ escaped, control
// characters as \n, \r, \t or \u00XX, U+2028 and U+2029 as \u escapes (some
// JavaScript parsers reject them raw), and ill-formed UTF-8 replaced by
// U+FFFD.
std::string JsonString(std::string_view text);

}  // namespace ctind

#endif  // CTIND_REPORT_DHIS2_H_
