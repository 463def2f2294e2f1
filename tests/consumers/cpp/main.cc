// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A C++ program that uses ctind's core: parses a framework with
// ctind::Framework::Parse and reads its proto. Exits non-zero, saying why on
// stderr, when anything is not as expected.

#include <cstdio>
#include <string_view>

#include "ctind/ctind.h"  // every public header: each must be installed
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"

int main() {
  constexpr std::string_view kFramework =
      R"pb(project { id: "P" title: "T" start_date: "2025-01-01" end_date: "2025-12-31" })pb";
  absl::StatusOr<ctind::Framework> framework = ctind::Framework::Parse(
      kFramework, ctind::ProtoFormat::kText, "inline.textproto");
  if (!framework.ok()) {
    std::fprintf(stderr, "FAIL: Framework::Parse: %s\n",
                 framework.status().ToString().c_str());
    return 1;
  }
  const std::string& id = framework->proto().project().id();
  std::printf("%s\n", id.c_str());
  if (id != "P") {
    std::fprintf(stderr, "FAIL: project id '%s', expected 'P'\n", id.c_str());
    return 1;
  }

  // Validation runs too: a day that does not exist is an error.
  constexpr std::string_view kBadDate =
      R"pb(project { id: "P" title: "T" start_date: "2025-02-30" end_date: "2025-12-31" })pb";
  if (ctind::Framework::Parse(kBadDate, ctind::ProtoFormat::kText,
                              "bad.textproto")
          .ok()) {
    std::fprintf(stderr, "FAIL: 2025-02-30 accepted as a start date\n");
    return 1;
  }
  std::printf("ctind %s: framework %s parsed\n", CTIND_VERSION_STRING,
              id.c_str());
  return 0;
}
