// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/render.h"

#include <memory>

#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Results SampleResults() {
  auto report = std::make_shared<v1::Report>();
  report->set_project_id("P");
  report->set_as_of("2025-06-30");
  report->set_protection(v1::RAW);
  v1::IndicatorResult* ir = report->add_indicators();
  ir->set_indicator_id("=HYPERLINK(1)");
  ir->set_title("Victims");
  v1::ReportPeriod* p = ir->add_periods();
  p->set_id("2025Q1");
  p->set_start("2025-01-01");
  p->set_end("2025-04-01");
  v1::Cell* zero = ir->add_cells();
  zero->set_period("2025Q1");
  zero->set_scope(v1::SCOPE_PERIOD);
  zero->set_status(v1::PRESENT);
  zero->set_value(0);
  zero->set_units(0);
  v1::Cell* missing = ir->add_cells();
  missing->set_period("2025Q1");
  missing->set_scope(v1::SCOPE_PERIOD);
  missing->set_breakdown("prs_Gender");
  v1::CellCoordinate* c = missing->add_coordinates();
  c->set_dimension("prs_Gender");
  c->set_value("Feminine");
  missing->set_status(v1::MISSING);
  missing->add_flags(v1::NO_DENOMINATOR);
  return Results(std::move(report));
}

TEST(RenderTest, JsonKeepsZeroAndMissingApart) {
  const std::string json = RenderJson(SampleResults());
  EXPECT_THAT(json, HasSubstr("\"value\": 0"));
  EXPECT_THAT(json, HasSubstr("\"units\": \"0\""));
  EXPECT_THAT(json, HasSubstr("\"status\": \"MISSING\""));
  EXPECT_THAT(json, HasSubstr("\"status\": \"PRESENT\""));
  // Read back, the zero is present and the missing value absent.
  v1::Report back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &back).ok());
  ASSERT_EQ(back.indicators(0).cells_size(), 2);
  EXPECT_TRUE(back.indicators(0).cells(0).has_value());
  EXPECT_EQ(back.indicators(0).cells(0).value(), 0);
  EXPECT_FALSE(back.indicators(0).cells(1).has_value());
}

TEST(RenderTest, CsvHasStableColumnsAndNeutralisesFormulas) {
  const std::string csv = RenderCsv(SampleResults());
  EXPECT_EQ(csv,
            "indicator_id,indicator_code,scope,period,period_start,period_end,breakdown,cell,"
            "status,value,numerator,denominator,units,flags\r\n"
            "\"'=HYPERLINK(1)\",,period,2025Q1,2025-01-01,2025-04-01,,,present,0,,,0,\r\n"
            "\"'=HYPERLINK(1)\",,period,2025Q1,2025-01-01,2025-04-01,prs_Gender,"
            "prs_Gender=Feminine,missing,,,,,no_denominator\r\n");
}

TEST(RenderTest, TableMarksRawResultsAndMissing) {
  const std::string table = RenderTable(SampleResults());
  EXPECT_THAT(table, HasSubstr("Raw results (for the data owner; not for publication)"));
  EXPECT_THAT(table, HasSubstr("prs_Gender=Feminine"));
  EXPECT_THAT(table, Not(HasSubstr("nan")));
}

}  // namespace
}  // namespace ctind
