// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "report/csv_writer.h"

#include "gtest/gtest.h"

namespace ctind {
namespace {

TEST(CsvWriterTest, QuotesWhatNeedsQuoting) {
  CsvWriter w;
  w.Text("plain");
  w.Text("a,b");
  w.Text("say \"hi\"");
  w.Text("two\nlines");
  w.Empty();
  w.EndRow();
  EXPECT_EQ(w.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(CsvWriterTest, NeutralisesFormulasInTextButNotNumbers) {
  CsvWriter w;
  for (const char* t : {"=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"}) w.Text(t);
  w.Number(-2.5);
  w.Integer(-3);
  w.EndRow();
  EXPECT_EQ(w.str(), "\"'=1+1\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",-2.5,-3\r\n");
}

}  // namespace
}  // namespace ctind
