// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/diagnostic.h"

#include "gtest/gtest.h"

namespace ctind {
namespace {

TEST(DiagnosticTest, FormatsKnownParts) {
  Diagnostic d;
  d.file = "fw.textproto";
  d.line = 14;
  d.column = 9;
  d.path = "indicators[2].where";
  d.message = "unknown field 'sexx'";
  EXPECT_EQ(d.ToString(), "fw.textproto:14:9: indicators[2].where: unknown field 'sexx'");
  d.line = 0;
  d.file.clear();
  EXPECT_EQ(d.ToString(), "indicators[2].where: unknown field 'sexx'");
}

TEST(DiagnosticTest, StatusSummarisesErrorsOnly) {
  Diagnostics list(3);
  list[0].severity = Severity::kWarning;
  list[0].message = "w";
  list[1].message = "first";
  list[2].message = "second";
  const absl::Status status = StatusFromDiagnostics(list);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "first (and 1 more)");
  EXPECT_TRUE(StatusFromDiagnostics({list[0]}).ok());
  EXPECT_FALSE(HasErrors({list[0]}));
}

}  // namespace
}  // namespace ctind
