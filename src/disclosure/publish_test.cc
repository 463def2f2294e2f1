// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The publication as a whole: what a suppressed cell shows, that no reason
// and no record key leaves the data owner, the explicit switch that turns
// protection off, errors, and rounding (hand-worked below).

#include "ctind/publish.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "disclosure/disclosure_fixture.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using disclosure_fixture::EvaluateAndPublish;
using disclosure_fixture::Key;
using disclosure_fixture::PersonGroup;
using disclosure_fixture::PersonsCsv;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kByGender[] = R"pb(
indicators { id: "I" title: "t" period { by: "identified_on" every: QUARTERLY }
  measure { value { table: "persons" count: true } } disaggregate_by { dimensions: "gender" } }
)pb";

// F 2, M 10, X 6 in 2025Q1 (see suppression_test.cc: F primary, X
// complementary).
std::string Persons() { return PersonsCsv({{2, "F"}, {10, "M"}, {6, "X"}}); }

disclosure_fixture::Run ByGender(const PublishOptions& options = PublishOptions(),
                                 const std::string& persons = Persons()) {
  return EvaluateAndPublish(kByGender, persons, "2025-01-01", "2025-03-31", "2025-03-31", {}, options);
}

TEST(PublishTest, SuppressedCellsShowNothingButTheirFlag) {
  const disclosure_fixture::Run run = ByGender();
  ASSERT_TRUE(run.publication);
  const v1::Report& pub = run.publication->results().proto();
  EXPECT_EQ(pub.protection(), v1::PUBLISHED);
  EXPECT_EQ(pub.publication().min_cell_size(), 5);
  EXPECT_EQ(pub.publication().rounding(), v1::NO_ROUNDING);
  int suppressed = 0;
  for (const v1::Cell& c : pub.indicators(0).cells()) {
    // No publication cell carries a reason, whatever its status.
    EXPECT_EQ(c.suppression(), v1::SUPPRESSION_REASON_UNSPECIFIED) << Key(c);
    const bool withheld = Key(c).find("gender=F;") != std::string::npos ||
                          Key(c).find("gender=X;") != std::string::npos;
    if (!withheld) {
      EXPECT_EQ(c.status(), v1::PRESENT) << Key(c);
      EXPECT_TRUE(c.has_value() && c.has_units()) << Key(c);
      EXPECT_THAT(c.flags(), Not(Contains(v1::SUPPRESSED_FLAG))) << Key(c);
      continue;
    }
    ++suppressed;
    EXPECT_EQ(c.status(), v1::SUPPRESSED) << Key(c);
    EXPECT_FALSE(c.has_value() || c.has_numerator() || c.has_denominator() || c.has_units() ||
                 c.has_not_yet_observable())
        << Key(c);
    EXPECT_THAT(c.flags(), Contains(v1::SUPPRESSED_FLAG)) << Key(c);
  }
  EXPECT_EQ(suppressed, 4);  // F and X, in 2025Q1 and LOP
  // The published total and M are the raw ones: 18 and 10.
  const auto cells = disclosure_fixture::Published(run, 0);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").value(), 18);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|gender=M;").value(), 10);
}

TEST(PublishTest, TheDataOwnerGetsTheReasonsWithTheRawValues) {
  const disclosure_fixture::Run run = ByGender();
  ASSERT_TRUE(run.publication);
  const v1::Report& own = run.publication->raw_with_reasons().proto();
  EXPECT_EQ(own.protection(), v1::RAW);
  std::map<std::string, std::pair<double, v1::SuppressionReason>> cells;
  for (const v1::Cell& c : own.indicators(0).cells()) cells[Key(c)] = {c.value(), c.suppression()};
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|gender=F;"), std::make_pair(2.0, v1::PRIMARY));
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|gender=X;"), std::make_pair(6.0, v1::COMPLEMENTARY));
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|gender=M;"), std::make_pair(10.0, v1::NOT_SUPPRESSED));
  // The raw results themselves are untouched.
  for (const v1::Cell& c : run.raw->proto().indicators(0).cells()) {
    EXPECT_EQ(c.suppression(), v1::SUPPRESSION_REASON_UNSPECIFIED);
  }
}

TEST(PublishTest, ProtectionIsOffOnlyThroughTheNamedOption) {
  EXPECT_FALSE(PublishOptions().protection_disabled());
  const disclosure_fixture::Run run = ByGender(PublishOptions::DisableProtectionForInternalUse());
  ASSERT_TRUE(run.publication);
  const v1::Report& out = run.publication->results().proto();
  EXPECT_EQ(out.protection(), v1::RAW);
  EXPECT_EQ(out.SerializeAsString(), run.raw->proto().SerializeAsString());
}

TEST(PublishTest, FindingsLoseTheirRecordKeys) {
  const disclosure_fixture::Run run = ByGender();
  ASSERT_TRUE(run.raw);
  auto with_keys = std::make_shared<v1::Report>(run.raw->proto());
  v1::Finding* f = with_keys->add_findings();
  f->set_rule("duplicate_key");
  f->set_count(2);
  f->add_record_keys("P7");
  f->add_record_keys("P8");
  absl::StatusOr<Publication> pub = Publish(Results(with_keys), *run.plan);
  ASSERT_TRUE(pub.ok()) << pub.status();
  const v1::Report& out = pub->results().proto();
  ASSERT_GT(out.findings_size(), 0);
  for (const v1::Finding& finding : out.findings()) EXPECT_EQ(finding.record_keys_size(), 0);
  EXPECT_EQ(out.findings(out.findings_size() - 1).count(), 2);
  // The data owner's copy keeps them.
  EXPECT_EQ(pub->raw_with_reasons().proto().findings(out.findings_size() - 1).record_keys_size(), 2);
}

TEST(PublishTest, Errors) {
  const disclosure_fixture::Run run = ByGender();
  ASSERT_TRUE(run.publication);
  // A publication cannot be published again.
  EXPECT_EQ(Publish(run.publication->results(), *run.plan).status().code(),
            absl::StatusCode::kFailedPrecondition);
  // Random rounding needs the publisher's key, of at least 16 bytes.
  PublishOptions random;
  random.rounding = Rounding::kRandomBase3;
  absl::Status no_key = Publish(*run.raw, *run.plan, random).status();
  EXPECT_EQ(no_key.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_key.message(), HasSubstr("publisher_key"));
  random.publisher_key = "short";
  EXPECT_EQ(Publish(*run.raw, *run.plan, random).status().code(), absl::StatusCode::kInvalidArgument);
  // Results of another plan.
  const disclosure_fixture::Run other = EvaluateAndPublish(
      std::string(kByGender) + "indicators { id: \"J\" title: \"t\" period { by: \"identified_on\" every: QUARTERLY } "
                               "measure { value { table: \"persons\" count: true } } }",
      Persons(), "2025-01-01", "2025-03-31", "2025-03-31");
  ASSERT_TRUE(other.raw);
  EXPECT_EQ(Publish(*other.raw, *run.plan).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PublishTest, BaseFiveRoundingOfCountsAndPercentages) {
  // 23 persons: F 7 (served 4), M 16 (served 13), X 0; k = 5.
  //   served %: total 17 / 23; F 4 / 7 (numerator 4 < 5: primary);
  //   M 13 / 16 (3 not served: its complement is small, primary too);
  //   X 0 / 0 (no denominator).
  // Withheld F and M hold 17 served, 6 not served and 23 persons between
  // them, each at least 5: nothing else goes.
  // Counts round to the nearest 5: 23 → 25, 17 → 15; the total's
  // percentage is recomputed from them: 100 × 15 / 25 = 60.
  const std::string persons = PersonsCsv({{4, "F", 30, "2025-01-15", true}, {3, "F", 30, "2025-01-15", false},
                                          {13, "M", 30, "2025-01-15", true}, {3, "M", 30, "2025-01-15", false}});
  PublishOptions options;
  options.rounding = Rounding::kBase5;
  const disclosure_fixture::Run run = EvaluateAndPublish(
      R"pb(indicators { id: "served" title: "t" period { by: "identified_on" every: QUARTERLY }
             measure { ratio { numerator { table: "persons" count: true where: "served" }
                               denominator { table: "persons" count: true } factor: 100 } }
             disaggregate_by { dimensions: "gender" } })pb",
      persons, "2025-01-01", "2025-03-31", "2025-03-31", {}, options);
  ASSERT_TRUE(run.publication);
  const auto cells = disclosure_fixture::Published(run, 0);
  const v1::Cell& total = cells.at("SCOPE_PERIOD|2025Q1|");
  EXPECT_EQ(total.status(), v1::PRESENT);
  EXPECT_EQ(total.numerator(), 15);
  EXPECT_EQ(total.denominator(), 25);
  EXPECT_EQ(total.units(), 15);
  EXPECT_DOUBLE_EQ(total.value(), 60);
  EXPECT_THAT(total.flags(), Contains(v1::ROUNDED));
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|gender=F;").status(), v1::SUPPRESSED);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|gender=M;").status(), v1::SUPPRESSED);
  EXPECT_EQ(run.publication->results().proto().publication().rounding(), v1::BASE_5);
}

TEST(PublishTest, KeyedRandomRoundingIsDeterministicPerKey) {
  // Six groups of 20 to 39 persons, one per gender × age band cell, so
  // that nothing is suppressed; every count is rounded to a multiple of 3,
  // the same way for the same key.
  std::vector<PersonGroup> groups;
  const char* genders[] = {"F", "M", "X"};
  for (int g = 0; g < 3; ++g) {
    for (int a = 0; a < 2; ++a) groups.push_back({20 + 7 * g + 5 * a, genders[g], a == 0 ? 10 : 30});
  }
  const std::string persons = PersonsCsv(groups);
  const std::string indicators = R"pb(
indicators { id: "I" title: "t" period { by: "identified_on" every: QUARTERLY }
  measure { value { table: "persons" count: true } } disaggregate_by { dimensions: ["gender", "age_band"] } })pb";
  auto publish = [&](const std::string& key) {
    PublishOptions options;
    options.rounding = Rounding::kRandomBase3;
    options.publisher_key = key;
    return EvaluateAndPublish(indicators, persons, "2025-01-01", "2025-03-31", "2025-03-31", {}, options);
  };
  const disclosure_fixture::Run a = publish("first publisher secret key");
  const disclosure_fixture::Run again = publish("first publisher secret key");
  const disclosure_fixture::Run b = publish("another publisher secret");
  ASSERT_TRUE(a.publication && again.publication && b.publication);
  EXPECT_EQ(a.publication->results().proto().SerializeAsString(),
            again.publication->results().proto().SerializeAsString());
  const auto raw = [&] {
    std::map<std::string, double> out;
    for (const v1::Cell& c : a.raw->proto().indicators(0).cells()) out[Key(c)] = c.value();
    return out;
  }();
  int cells = 0, differ = 0;
  const auto pa = disclosure_fixture::Published(a, 0), pb = disclosure_fixture::Published(b, 0);
  for (const auto& [key, c] : pa) {
    ASSERT_EQ(c.status(), v1::PRESENT) << key;  // every count is at least 20
    const double x = raw.at(key);
    EXPECT_TRUE(c.value() == 3 * std::floor(x / 3) || c.value() == 3 * std::floor(x / 3) + 3) << key;
    EXPECT_EQ(c.value(), c.units()) << key;
    EXPECT_THAT(c.flags(), Contains(v1::ROUNDED)) << key;
    // The LOP cells show the 2025Q1 figures (the same dates): rounded the
    // same way.
    if (key.rfind("SCOPE_LIFE_OF_PROJECT|LOP|", 0) == 0) {
      const std::string period_key = "SCOPE_PERIOD|2025Q1|" + key.substr(std::string("SCOPE_LIFE_OF_PROJECT|LOP|").size());
      EXPECT_EQ(c.value(), pa.at(period_key).value()) << key;
    }
    ++cells;
    differ += c.value() != pb.at(key).value();
  }
  // 12 cells per slot (1 + 3 + 2 + 6, no unknowns), 2 slots.
  EXPECT_EQ(cells, 24);
  // Of the 12 distinct figures, those not a multiple of 3 may differ
  // between keys; with these fixed keys at least one does.
  EXPECT_GT(differ, 0);
}

}  // namespace
}  // namespace ctind
