// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The synthetic data generator: it writes the catalog's case schema
// (columns in the schema's order), deterministically; clean data loads
// with no finding and dirty data with findings; links resolve and dates are
// in order in clean data; and the joint distributions docs/synthetic-data.md
// states hold at 20,000 persons. The generated CSV is read back with the
// ingest layer's own CSV tokenizer and checked by code written here, apart
// from the generator's; the bounds are the documented targets with room
// for sampling noise (a share p over n records varies by about
// sqrt(p(1-p)/n), well under a point at these sizes).

#include "generator.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_split.h"
#include "ctind/dataset.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/report.pb.h"
#include "ctind/v1/schema.pb.h"
#include "engine/test_cells.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.h"
#include "random.h"

namespace ctind {
namespace generate {
namespace {

using ::testing::ElementsAreArray;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const Schema& CaseSchema() {
  static const Schema* schema = [] {
    absl::StatusOr<Schema> s =
        Schema::Parse(ReadFile(std::string(CTIND_CATALOG_DIR) + "/schema.textproto"),
                      ProtoFormat::kText, "schema.textproto");
    EXPECT_TRUE(s.ok()) << s.status();
    return new Schema(*std::move(s));
  }();
  return *schema;
}

GeneratorOptions Options(int64_t persons, double dirty_rate, uint64_t seed = 20260101) {
  GeneratorOptions options;
  options.persons = persons;
  options.dirty_rate = dirty_rate;
  options.seed = seed;
  return options;
}

// A table read back from CSV: the header, then rows of texts.
struct ParsedTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  int Column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
};

ParsedTable Parse(const std::string& csv, const std::string& name) {
  ParsedTable out;
  absl::StatusOr<CsvReader> reader = CsvReader::Create(csv, name);
  EXPECT_TRUE(reader.ok()) << reader.status();
  if (!reader.ok()) return out;
  CsvRecord record;
  bool first = true;
  while (true) {
    absl::StatusOr<bool> has = reader->Next(&record);
    EXPECT_TRUE(has.ok()) << has.status();
    if (!has.ok() || !*has) break;
    std::vector<std::string> fields;
    for (const CsvField& f : record.fields) fields.emplace_back(f.text);
    if (first) {
      out.header = std::move(fields);
      first = false;
    } else {
      out.rows.push_back(std::move(fields));
    }
  }
  return out;
}

// Every table of `options`, parsed, by Table.
std::map<Table, ParsedTable> GenerateAll(const GeneratorOptions& options) {
  std::map<Table, ParsedTable> out;
  for (Table table : AllTables()) {
    absl::StatusOr<std::string> csv = GenerateCsv(options, table);
    EXPECT_TRUE(csv.ok()) << csv.status();
    if (csv.ok()) out[table] = Parse(*csv, std::string(TableName(table)));
  }
  return out;
}

// Completed years from ISO date `birth` to ISO date `on`, a 29 February
// birthday falling on 1 March in common years (SEMANTICS.md, "Ages").
int AgeOn(const std::string& birth, const std::string& on) {
  const int by = std::stoi(birth.substr(0, 4)), bm = std::stoi(birth.substr(5, 2)),
            bd = std::stoi(birth.substr(8, 2));
  const int y = std::stoi(on.substr(0, 4)), m = std::stoi(on.substr(5, 2)),
            d = std::stoi(on.substr(8, 2));
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int birthday_month = bm, birthday_day = bd;
  if (bm == 2 && bd == 29 && !leap) {
    birthday_month = 3;
    birthday_day = 1;
  }
  const bool before_birthday = m < birthday_month || (m == birthday_month && d < birthday_day);
  return y - by - (before_birthday ? 1 : 0);
}

bool HasItem(const std::string& multi, std::string_view code) {
  for (absl::string_view item : absl::StrSplit(multi, ';')) {
    if (item == absl::string_view(code.data(), code.size())) return true;
  }
  return false;
}

// The fixture data: 20,000 persons, clean, with the default seed.
const std::map<Table, ParsedTable>& Clean20k() {
  static const auto* tables = new std::map<Table, ParsedTable>(GenerateAll(Options(20000, 0)));
  return *tables;
}

TEST(GeneratorTest, ColumnsAreTheCaseSchemasFieldsInOrder) {
  const v1::Schema& schema = CaseSchema().proto();
  std::set<std::string> generated;
  for (Table table : AllTables()) generated.insert(std::string(TableName(table)));
  std::set<std::string> in_schema;
  for (const v1::Table& t : schema.tables()) {
    in_schema.insert(t.name());
    const std::optional<Table> table = FindTable(t.name());
    ASSERT_TRUE(table.has_value()) << t.name();
    std::vector<std::string> fields;
    for (const v1::Field& f : t.fields()) fields.push_back(f.name());
    std::vector<std::string> columns(TableColumns(*table).begin(), TableColumns(*table).end());
    EXPECT_THAT(columns, ElementsAreArray(fields)) << t.name();
  }
  EXPECT_EQ(generated, in_schema);
  // Load order: a table after the tables it links to.
  for (const v1::Table& t : schema.tables()) {
    for (const v1::Link& link : t.links()) {
      EXPECT_LT(static_cast<int>(*FindTable(link.table())), static_cast<int>(*FindTable(t.name())))
          << t.name() << " links to " << link.table();
    }
  }
}

TEST(GeneratorTest, SameSeedGivesTheSameBytesAndAnotherSeedOthers) {
  const GeneratorOptions options = Options(1500, 0.02, 7);
  for (Table table : AllTables()) {
    absl::StatusOr<std::string> a = GenerateCsv(options, table);
    absl::StatusOr<std::string> b = GenerateCsv(options, table);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b) << TableName(table);
  }
  // Every table drawn from random streams differs under another seed; the
  // population figures do not depend on it.
  const GeneratorOptions other = Options(1500, 0.02, 8);
  for (Table table : AllTables()) {
    if (table == Table::kPopulation) continue;
    EXPECT_NE(*GenerateCsv(options, table), *GenerateCsv(other, table)) << TableName(table);
  }
}

TEST(GeneratorTest, FilesHoldTheSameBytesWhicheverTablesAreWritten) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "ctind_generator_files";
  std::filesystem::remove_all(dir);
  const GeneratorOptions options = Options(2500, 0.02, 11);
  GenerateStats stats;
  ASSERT_TRUE(WriteCsvFiles(options, (dir / "all").string(), nullptr, &stats).ok());
  for (Table table : AllTables()) {
    const std::string file =
        ReadFile((dir / "all" / (std::string(TableName(table)) + ".csv")).string());
    EXPECT_EQ(file, *GenerateCsv(options, table)) << TableName(table);
    EXPECT_EQ(stats.tables[static_cast<int>(table)].bytes, static_cast<int64_t>(file.size()));
    // Rows: lines after the header (no generated value holds a line break).
    EXPECT_EQ(stats.tables[static_cast<int>(table)].rows,
              std::count(file.begin(), file.end(), '\n') - 1);
  }
  // Services alone: the same file, and no other file written.
  GeneratorOptions services_only = options;
  services_only.tables = {Table::kServices};
  ASSERT_TRUE(WriteCsvFiles(services_only, (dir / "services").string()).ok());
  EXPECT_EQ(ReadFile((dir / "services" / "services.csv").string()),
            ReadFile((dir / "all" / "services.csv").string()));
  EXPECT_FALSE(std::filesystem::exists(dir / "services" / "persons.csv"));
  std::filesystem::remove_all(dir);
}

TEST(GeneratorTest, CleanRecordsAreTheSameAtEveryDirtyRate) {
  // Dirty values come from their own streams: each person's row at 5% is
  // its clean row with at most one field changed, or repeated once.
  const ParsedTable clean = Parse(*GenerateCsv(Options(4000, 0), Table::kPersons), "clean");
  const ParsedTable dirty = Parse(*GenerateCsv(Options(4000, 0.05), Table::kPersons), "dirty");
  ASSERT_EQ(clean.rows.size(), 4000u);
  std::map<std::string, std::vector<std::string>> by_id;
  int duplicates = 0;
  for (const auto& row : dirty.rows) {
    auto [it, inserted] = by_id.emplace(row[0], row);
    if (!inserted) {
      ++duplicates;
      EXPECT_EQ(it->second, row) << "a repeated record is repeated whole";
    }
  }
  int changed = 0;
  for (const auto& row : clean.rows) {
    const auto& other = by_id.at(row[0]);
    int differing = 0;
    for (size_t f = 0; f < row.size(); ++f) differing += row[f] != other[f] ? 1 : 0;
    EXPECT_LE(differing, 1) << row[0];
    changed += differing;
  }
  // 5% of 4000 records are dirty (about 200): one kind in eight repeats
  // the record, the others change one field. Bounds: +-4 standard
  // deviations (sqrt(4000 * 0.05 * 0.95) = 13.8 for the total).
  EXPECT_NEAR(changed + duplicates, 200, 56);
  EXPECT_GT(duplicates, 5);
}

TEST(GeneratorTest, WithoutDuplicateLinksOnlyServicesRepeatTheirKeys) {
  // At a 20% dirty rate about 1 person record in 40 and 1 case record in 30
  // would be repeated; without duplicate links none is, while services
  // still are (1 in 20 of their dirty records).
  GeneratorOptions options = Options(3000, 0.2);
  options.duplicate_linked_keys = false;
  auto repeated_keys = [&](Table table) {
    const ParsedTable t = Parse(*GenerateCsv(options, table), "t");
    std::set<std::string> seen;
    int repeats = 0;
    for (const auto& row : t.rows) repeats += seen.insert(row[0]).second ? 0 : 1;
    return repeats;
  };
  EXPECT_EQ(repeated_keys(Table::kPersons), 0);
  EXPECT_EQ(repeated_keys(Table::kCases), 0);
  EXPECT_GT(repeated_keys(Table::kServices), 10);
  options.duplicate_linked_keys = true;
  EXPECT_GT(repeated_keys(Table::kPersons), 10);
}

TEST(GeneratorTest, CleanDataLoadsIntoTheCaseSchemaWithoutFindings) {
  Dataset dataset(CaseSchema());
  GenerateStats stats;
  const absl::Status status = GenerateInto(Options(3000, 0), &dataset, &stats);
  ASSERT_TRUE(status.ok()) << status;
  for (int i = 0; i < dataset.FindingCount(); ++i) {
    ADD_FAILURE() << dataset.GetFinding(i).rule() << ": " << dataset.GetFinding(i).message();
  }
  for (Table table : AllTables()) {
    EXPECT_TRUE(dataset.IsLoaded(TableName(table))) << TableName(table);
    EXPECT_GT(dataset.RowCount(TableName(table)), 0) << TableName(table);
    EXPECT_EQ(dataset.RowCount(TableName(table)), stats.tables[static_cast<int>(table)].rows);
  }
  EXPECT_EQ(dataset.RowCount("persons"), 3000);
}

TEST(GeneratorTest, DirtyDataLoadsWithFindingsInEveryRecordTable) {
  Dataset dataset(CaseSchema());
  const absl::Status status = GenerateInto(Options(3000, 0.02), &dataset);
  ASSERT_TRUE(status.ok()) << status;
  std::set<std::string> tables_with_findings;
  std::set<std::string> rules;
  for (int i = 0; i < dataset.FindingCount(); ++i) {
    tables_with_findings.insert(dataset.GetFinding(i).table());
    rules.insert(dataset.GetFinding(i).rule());
  }
  // 2% of the records of the larger tables (300 rows or more here) are
  // dirty; the small programme tables (15 trainings, 30 activities, 48
  // assessments) may have none at this rate.
  for (const char* table : {"persons", "cases", "support_plans", "services", "perpetrators",
                            "legal_proceedings", "training_participants", "survey_respondents"}) {
    EXPECT_TRUE(tables_with_findings.count(table)) << table;
  }
  EXPECT_FALSE(tables_with_findings.count("population"));
  EXPECT_TRUE(rules.count("invalid_value"));
  EXPECT_TRUE(rules.count("duplicate_key"));
  EXPECT_FALSE(rules.count("missing_key"));
}

TEST(GeneratorTest, EveryTableButPopulationHasDirtyValuesAtAHighRate) {
  // Half the records dirty: every record table has findings, and the
  // data still loads.
  Dataset dataset(CaseSchema());
  const absl::Status status = GenerateInto(Options(1000, 0.5), &dataset);
  ASSERT_TRUE(status.ok()) << status;
  std::set<std::string> tables_with_findings;
  for (int i = 0; i < dataset.FindingCount(); ++i) {
    tables_with_findings.insert(dataset.GetFinding(i).table());
  }
  for (Table table : AllTables()) {
    EXPECT_EQ(tables_with_findings.count(std::string(TableName(table))),
              table == Table::kPopulation ? 0u : 1u)
        << TableName(table);
  }
}

TEST(GeneratorTest, EveryLinkResolvesAndKeysAreUniqueInCleanData) {
  const auto& t = Clean20k();
  auto keys = [&](Table table, const char* column) {
    const ParsedTable& p = t.at(table);
    const int c = p.Column(column);
    std::map<std::string, size_t> out;
    for (size_t r = 0; r < p.rows.size(); ++r) {
      EXPECT_TRUE(out.emplace(p.rows[r][c], r).second)
          << TableName(table) << " repeats " << p.rows[r][c];
    }
    return out;
  };
  const auto persons = keys(Table::kPersons, "person_id");
  const auto cases = keys(Table::kCases, "case_id");
  const auto plans = keys(Table::kSupportPlans, "plan_id");
  const auto perpetrators = keys(Table::kPerpetrators, "perpetrator_id");
  const auto trainings = keys(Table::kTrainings, "training_id");
  keys(Table::kServices, "service_id");
  keys(Table::kLegalProceedings, "proceeding_id");
  keys(Table::kTrainingParticipants, "participant_id");
  keys(Table::kAwarenessActivities, "activity_id");
  keys(Table::kSurveyRespondents, "respondent_id");

  const ParsedTable& c = t.at(Table::kCases);
  for (const auto& row : c.rows) EXPECT_TRUE(persons.count(row[c.Column("person_id")]));
  const ParsedTable& sp = t.at(Table::kSupportPlans);
  for (const auto& row : sp.rows) EXPECT_TRUE(cases.count(row[sp.Column("case_id")]));
  const ParsedTable& s = t.at(Table::kServices);
  for (const auto& row : s.rows) {
    EXPECT_TRUE(cases.count(row[s.Column("case_id")]));
    const std::string& plan = row[s.Column("plan_id")];
    if (plan.empty()) continue;
    // A service's plan is a plan of the same case.
    ASSERT_TRUE(plans.count(plan)) << plan;
    EXPECT_EQ(sp.rows[plans.at(plan)][sp.Column("case_id")], row[s.Column("case_id")]);
  }
  const ParsedTable& pe = t.at(Table::kPerpetrators);
  for (const auto& row : pe.rows) EXPECT_TRUE(cases.count(row[pe.Column("case_id")]));
  const ParsedTable& lp = t.at(Table::kLegalProceedings);
  for (const auto& row : lp.rows) {
    const std::string& perpetrator = row[lp.Column("perpetrator_id")];
    ASSERT_TRUE(perpetrators.count(perpetrator)) << perpetrator;
    // The proceeding's case is its perpetrator's case.
    EXPECT_EQ(pe.rows[perpetrators.at(perpetrator)][pe.Column("case_id")],
              row[lp.Column("case_id")]);
  }
  const ParsedTable& tp = t.at(Table::kTrainingParticipants);
  for (const auto& row : tp.rows) EXPECT_TRUE(trainings.count(row[tp.Column("training_id")]));
  // Coordination mechanisms: one row per mechanism and assessment date.
  const ParsedTable& cm = t.at(Table::kCoordinationMechanisms);
  std::set<std::pair<std::string, std::string>> assessments;
  for (const auto& row : cm.rows) {
    EXPECT_TRUE(
        assessments.emplace(row[cm.Column("mechanism_id")], row[cm.Column("assessed_on")]).second);
  }
}

TEST(GeneratorTest, DatesAreInOrderInCleanData) {
  // ISO dates compare as strings.
  const std::string kStart = "2023-01-01", kEnd = "2025-12-31";
  const auto& t = Clean20k();
  const ParsedTable& p = t.at(Table::kPersons);
  std::map<std::string, std::string> identified;
  for (const auto& row : p.rows) {
    const std::string& on = row[p.Column("identified_on")];
    identified[row[0]] = on;
    EXPECT_GE(on, kStart);
    EXPECT_LE(on, kEnd);
    const std::string& birth = row[p.Column("prs_Birthdate")];
    if (!birth.empty()) {
      EXPECT_LT(birth, on) << row[0];
    }
    const std::string& assessed = row[p.Column("needs_assessed_on")];
    if (!assessed.empty()) {
      EXPECT_GE(assessed, on);
      EXPECT_LE(assessed, kEnd);
    }
    const std::string& trafficked = row[p.Column("vic_AgeWhenTrafficked")];
    if (!trafficked.empty() && !birth.empty()) {
      EXPECT_LE(std::stoi(trafficked), AgeOn(birth, on));
    }
  }

  const ParsedTable& c = t.at(Table::kCases);
  std::map<std::string, std::pair<std::string, std::string>> case_span;  // opened, closed
  std::map<std::string, std::string> last_closed_of_person;
  for (const auto& row : c.rows) {
    const std::string& person = row[c.Column("person_id")];
    const std::string& opened = row[c.Column("opened_on")];
    const std::string& closed = row[c.Column("closed_on")];
    const std::string& status = row[c.Column("cas_Status")];
    case_span[row[0]] = {opened, closed};
    EXPECT_GE(opened, identified.at(person));
    EXPECT_LE(opened, kEnd);
    // A later case of the person opens after the earlier one closed.
    if (auto it = last_closed_of_person.find(person); it != last_closed_of_person.end()) {
      ASSERT_FALSE(it->second.empty()) << row[0] << ": an earlier case is still open";
      EXPECT_GT(opened, it->second) << row[0];
    }
    last_closed_of_person[person] = closed;
    if (closed.empty()) {
      EXPECT_TRUE(status == "Active" || status == "FollowUp") << row[0] << " " << status;
      EXPECT_TRUE(row[c.Column("closure_reason")].empty()) << row[0];
    } else {
      EXPECT_GE(closed, opened) << row[0];
      EXPECT_LE(closed, kEnd);
      EXPECT_TRUE(status == "Closed" || status == "ClosedReferred") << row[0] << " " << status;
    }
    const std::string& incoming = row[c.Column("cas_IncomingReferralDate")];
    if (!incoming.empty()) {
      EXPECT_LE(incoming, opened) << row[0];
    }
    const std::string& outgoing = row[c.Column("cas_OutgoingReferralDate")];
    if (!outgoing.empty()) {
      EXPECT_GE(outgoing, opened) << row[0];
      EXPECT_LE(outgoing, closed.empty() ? kEnd : closed) << row[0];
    }
  }

  const ParsedTable& sp = t.at(Table::kSupportPlans);
  std::map<std::string, std::string> plan_agreed;
  for (const auto& row : sp.rows) {
    const auto& [opened, closed] = case_span.at(row[sp.Column("case_id")]);
    const std::string& agreed = row[sp.Column("agreed_on")];
    const std::string& planned_end = row[sp.Column("spl_PlannedEndDate")];
    const std::string& actual_end = row[sp.Column("spl_ActualEndDate")];
    const std::string& status = row[sp.Column("status")];
    plan_agreed[row[0]] = agreed;
    EXPECT_GE(agreed, opened) << row[0];
    EXPECT_LE(agreed, closed.empty() ? kEnd : closed) << row[0];
    EXPECT_GT(planned_end, agreed) << row[0];
    if (actual_end.empty()) {
      EXPECT_TRUE(status == "Active" || status.empty()) << row[0] << " " << status;
    } else {
      EXPECT_GE(actual_end, agreed) << row[0];
      EXPECT_LE(actual_end, closed.empty() ? kEnd : closed) << row[0];
      EXPECT_TRUE(status == "Completed" || status == "Discontinued" || status.empty()) << row[0];
    }
  }

  const ParsedTable& s = t.at(Table::kServices);
  for (const auto& row : s.rows) {
    const auto& [opened, closed] = case_span.at(row[s.Column("case_id")]);
    const std::string& planned = row[s.Column("planned_on")];
    const std::string& provided = row[s.Column("provided_on")];
    EXPECT_GE(planned, opened) << row[0];
    EXPECT_LE(planned, closed.empty() ? kEnd : closed) << row[0];
    if (!provided.empty()) {
      EXPECT_GE(provided, planned) << row[0];
      EXPECT_LE(provided, closed.empty() ? kEnd : closed) << row[0];
    }
    const std::string& plan = row[s.Column("plan_id")];
    if (!plan.empty()) {
      EXPECT_LE(plan_agreed.at(plan), planned) << row[0];
    }
  }

  const ParsedTable& lp = t.at(Table::kLegalProceedings);
  for (const auto& row : lp.rows) {
    const std::string& stage = row[lp.Column("stage")];
    const std::string& investigated = row[lp.Column("investigation_opened_on")];
    const std::string& prosecuted = row[lp.Column("prosecution_started_on")];
    const std::string& verdict = row[lp.Column("verdict_on")];
    const std::string& convicted = row[lp.Column("convicted")];
    EXPECT_GE(investigated, case_span.at(row[lp.Column("case_id")]).first) << row[0];
    EXPECT_LE(investigated, kEnd);
    if (!prosecuted.empty()) {
      EXPECT_GE(prosecuted, investigated) << row[0];
    }
    if (!verdict.empty()) {
      ASSERT_FALSE(prosecuted.empty()) << row[0];
      EXPECT_GE(verdict, prosecuted) << row[0];
      EXPECT_LE(verdict, kEnd);
    }
    // Stage, dates and the convicted flag agree.
    if (stage == "Investigated") {
      EXPECT_TRUE(prosecuted.empty() && verdict.empty() && convicted.empty()) << row[0];
    } else if (stage == "Prosecuted") {
      EXPECT_TRUE(!prosecuted.empty() && verdict.empty() && convicted.empty()) << row[0];
    } else {
      EXPECT_FALSE(verdict.empty()) << row[0];
      EXPECT_EQ(convicted, stage == "Convicted" ? "true" : "false") << row[0];
    }
    if (convicted != "true") {
      EXPECT_TRUE(row[lp.Column("sentence_months")].empty()) << row[0];
      EXPECT_TRUE(row[lp.Column("compensation_awarded")].empty()) << row[0];
    }
    const std::string& awarded = row[lp.Column("compensation_awarded")];
    if (!awarded.empty()) {
      EXPECT_LE(std::stod(row[lp.Column("compensation_received")]), std::stod(awarded)) << row[0];
      EXPECT_FALSE(row[lp.Column("compensation_currency")].empty()) << row[0];
    }
  }

  for (Table table : {Table::kTrainings, Table::kAwarenessActivities}) {
    const ParsedTable& x = t.at(table);
    for (const auto& row : x.rows) {
      EXPECT_GE(row[x.Column("held_on")], kStart);
      EXPECT_LE(row[x.Column("held_on")], kEnd);
    }
  }
  const ParsedTable& cm = t.at(Table::kCoordinationMechanisms);
  for (const auto& row : cm.rows) {
    EXPECT_GE(row[cm.Column("assessed_on")], kStart);
    EXPECT_LE(row[cm.Column("assessed_on")], kEnd);
  }
}

TEST(GeneratorTest, PersonsHaveTheDocumentedDistributions) {
  const ParsedTable& p = Clean20k().at(Table::kPersons);
  ASSERT_EQ(p.rows.size(), 20000u);
  const int gender = p.Column("prs_Gender"), birth = p.Column("prs_Birthdate"),
            on = p.Column("identified_on"), forms = p.Column("vic_TypeOfExploitation"),
            citizenship = p.Column("prs_Citizenship"), consent = p.Column("consent_data_use"),
            industry = p.Column("vic_ForcedLabourIndustry"),
            status = p.Column("vic_TraffickingStatus"), assessed = p.Column("needs_assessed_on");
  int feminine = 0, masculine = 0, no_gender = 0, with_birth = 0, children = 0, two_forms = 0,
      two_citizenships = 0, namibians = 0, consenting = 0, assessed_in_a_week = 0, not_victims = 0;
  // Sexual exploitation and forced labour by gender; adult ages by form.
  int sexual = 0, sexual_feminine = 0, labour = 0, labour_masculine = 0, labour_with_industry = 0;
  double age_sum[3] = {0, 0, 0};  // adults: forced marriage, sexual exploitation, forced labour
  int age_n[3] = {0, 0, 0};
  std::map<std::string, int> by_year;
  int by_month[12] = {};
  for (const auto& row : p.rows) {
    feminine += row[gender] == "Feminine";
    masculine += row[gender] == "Masculine";
    no_gender += row[gender].empty();
    two_forms += row[forms].find(';') != std::string::npos;
    two_citizenships += row[citizenship].find(';') != std::string::npos;
    namibians += HasItem(row[citizenship], "NA");
    consenting += row[consent] == "true";
    not_victims += row[status] == "NotAVictimOfTrafficking";
    by_year[row[on].substr(0, 4)]++;
    by_month[std::stoi(row[on].substr(5, 2)) - 1]++;
    if (!row[assessed].empty()) {
      const auto days = [](const std::string& iso) { return Date::ParseIso(iso)->day_number(); };
      assessed_in_a_week += days(row[assessed]) - days(row[on]) <= 7;
    }
    if (HasItem(row[forms], "SexualExploitation")) {
      ++sexual;
      sexual_feminine += row[gender] == "Feminine";
    }
    if (HasItem(row[forms], "ForcedLabour")) {
      ++labour;
      labour_masculine += row[gender] == "Masculine";
      labour_with_industry += !row[industry].empty();
    }
    if (row[birth].empty()) continue;
    ++with_birth;
    const int age = AgeOn(row[birth], row[on]);
    children += age < 18;
    if (age >= 18) {
      const std::string first = row[forms].substr(0, row[forms].find(';'));
      const int k = first == "ForcedMarriage"       ? 0
                    : first == "SexualExploitation" ? 1
                    : first == "ForcedLabour"       ? 2
                                                    : -1;
      if (k >= 0) {
        age_sum[k] += age;
        ++age_n[k];
      }
    }
  }
  const double n = 20000;
  // Gender: 62% Feminine, 32% Masculine, 3% missing.
  EXPECT_NEAR(feminine / n, 0.62, 0.02);
  EXPECT_NEAR(masculine / n, 0.32, 0.02);
  EXPECT_NEAR(no_gender / n, 0.03, 0.01);
  // 25% children at identification; 4% without a birth date.
  EXPECT_NEAR(children / static_cast<double>(with_birth), 0.25, 0.02);
  EXPECT_NEAR(with_birth / n, 0.96, 0.01);
  // About 12% with two types of exploitation (a few redraws fail to find
  // a second type, and 2% have none recorded).
  EXPECT_NEAR(two_forms / n, 0.115, 0.02);
  EXPECT_NEAR(two_citizenships / n, 0.03, 0.01);
  // Namibia: weight 25 of 1000 among citizenships.
  EXPECT_NEAR(namibians / n, 0.025, 0.008);
  EXPECT_NEAR(consenting / n, 0.95, 0.01);
  EXPECT_NEAR(not_victims / n, 0.05, 0.01);
  // Most needs assessments within a week of identification: 88% assessed,
  // 30% of them the same day, the others 1 + floor(X) days later with X
  // exponential of mean 5, within 7 days when X < 7:
  // 0.88 (0.3 + 0.7 (1 - e^(-7/5))) = 0.728.
  EXPECT_NEAR(assessed_in_a_week / n, 0.728, 0.02);
  // Sexual exploitation mostly Feminine; forced labour mostly Masculine
  // (against 32% Masculine overall), with an industry for 90%.
  EXPECT_GT(sexual_feminine / static_cast<double>(sexual), 0.8);
  EXPECT_GT(labour_masculine / static_cast<double>(labour), 0.5);
  EXPECT_NEAR(labour_with_industry / static_cast<double>(labour), 0.9, 0.03);
  // Adults: forced marriage youngest (18 + exp(4) ~ 22), sexual
  // exploitation (18 + exp(8) ~ 26), forced labour oldest (20 + exp(15) ~ 34).
  ASSERT_GT(age_n[0], 50);
  EXPECT_LT(age_sum[0] / age_n[0], age_sum[1] / age_n[1]);
  EXPECT_LT(age_sum[1] / age_n[1] + 4, age_sum[2] / age_n[2]);
  // A growing caseload: densities 1 : 2 from start to end put 26%, 33%
  // and 41% of persons in the three years (before seasonality).
  EXPECT_NEAR(by_year["2023"] / n, 0.26, 0.02);
  EXPECT_NEAR(by_year["2025"] / n, 0.41, 0.02);
  // Seasonality: June (weight 115) above December (weight 80) by far.
  EXPECT_GT(by_month[5], by_month[11] * 1.2);
}

TEST(GeneratorTest, LinkedTablesHaveTheDocumentedSizes) {
  const auto& t = Clean20k();
  const double persons = 20000;
  const double cases = static_cast<double>(t.at(Table::kCases).rows.size());
  const double perpetrators = static_cast<double>(t.at(Table::kPerpetrators).rows.size());
  EXPECT_NEAR(cases / persons, 1.3, 0.1);
  EXPECT_NEAR(t.at(Table::kSupportPlans).rows.size() / cases, 0.8, 0.1);
  EXPECT_NEAR(t.at(Table::kServices).rows.size() / cases, 3.0, 0.3);
  EXPECT_NEAR(perpetrators / cases, 0.4, 0.06);
  EXPECT_NEAR(t.at(Table::kLegalProceedings).rows.size() / perpetrators, 0.7, 0.08);
  EXPECT_EQ(t.at(Table::kTrainings).rows.size(), 100u);  // 1 per 200 persons
  EXPECT_NEAR(t.at(Table::kTrainingParticipants).rows.size() / 100.0, 20, 2);
  EXPECT_EQ(t.at(Table::kAwarenessActivities).rows.size(), 200u);  // 1 per 100
  EXPECT_EQ(t.at(Table::kSurveyRespondents).rows.size(), 2000u);   // 1 per 10
  // 10 mechanisms (1 per 2000 persons, 4 to 12), assessed in each of the 12
  // quarters of 2023-2025.
  EXPECT_EQ(t.at(Table::kCoordinationMechanisms).rows.size(), 120u);
  // 3 years x 2 genders x 15 countries.
  EXPECT_EQ(t.at(Table::kPopulation).rows.size(), 90u);

  // Support plans that ended: most completed, some discontinued.
  const ParsedTable& sp = t.at(Table::kSupportPlans);
  int ended = 0, completed = 0;
  for (const auto& row : sp.rows) {
    if (row[sp.Column("spl_ActualEndDate")].empty()) continue;
    ++ended;
    completed += row[sp.Column("status")] == "Completed";
  }
  EXPECT_GT(completed, ended * 0.6);
  EXPECT_LT(completed, ended * 0.8);

  // About 70% of cases closed; first services mostly within 30 days.
  const ParsedTable& c = t.at(Table::kCases);
  int closed = 0;
  for (const auto& row : c.rows) closed += !row[c.Column("closed_on")].empty();
  EXPECT_NEAR(closed / cases, 0.70, 0.05);
  const ParsedTable& s = t.at(Table::kServices);
  std::map<std::string, std::string> first_service;
  for (const auto& row : s.rows) {
    std::string& first = first_service[row[s.Column("case_id")]];
    if (first.empty() || row[s.Column("planned_on")] < first) first = row[s.Column("planned_on")];
  }
  int within_30 = 0;
  for (const auto& row : c.rows) {
    auto it = first_service.find(row[0]);
    if (it == first_service.end()) continue;
    within_30 += Date::ParseIso(it->second)->day_number() -
                     Date::ParseIso(row[c.Column("opened_on")])->day_number() <=
                 30;
  }
  // 50% on the day, 42.5% 1 + exp(6) days later (nearly all within 30),
  // 7.5% after 30 days or more, some capped by an early closure.
  EXPECT_NEAR(within_30 / static_cast<double>(first_service.size()), 0.92, 0.03);
}

TEST(GeneratorTest, ProgrammeTablesHaveTheDocumentedDistributions) {
  const auto& t = Clean20k();
  // Post-test scores above pre-test scores on average (by 16 points).
  const ParsedTable& tp = t.at(Table::kTrainingParticipants);
  double gain = 0;
  int scored = 0, completed = 0;
  for (const auto& row : tp.rows) {
    completed += row[tp.Column("completed")] == "true";
    const std::string& pre = row[tp.Column("pre_test_score")];
    const std::string& post = row[tp.Column("post_test_score")];
    if (pre.empty() || post.empty()) continue;
    gain += std::stod(post) - std::stod(pre);
    ++scored;
  }
  EXPECT_NEAR(gain / scored, 16, 3);
  EXPECT_NEAR(completed / static_cast<double>(tp.rows.size()), 0.92, 0.03);
  const ParsedTable& tr = t.at(Table::kTrainings);
  for (const auto& row : tr.rows) {
    EXPECT_TRUE(row[tr.Column("pass_mark")] == "60" || row[tr.Column("pass_mark")] == "70");
  }
  // Survey: more risks named and more knowing where to seek help at
  // endline. Risks named: weights 25, 30, 25, 12, 6, 2 for 0..5 at
  // baseline, mean (30 + 50 + 36 + 24 + 10) / 100 = 1.50; 8, 15, 25, 25,
  // 17, 10 at endline, mean (15 + 50 + 75 + 68 + 50) / 100 = 2.58. Knowing
  // where to seek help: 38% and 66% (2% missing).
  const ParsedTable& sr = t.at(Table::kSurveyRespondents);
  double risks[2] = {0, 0}, knows[2] = {0, 0}, n[2] = {0, 0};
  for (const auto& row : sr.rows) {
    const std::string& wave = row[sr.Column("wave")];
    ASSERT_TRUE(wave == "Baseline" || wave == "Endline") << wave;
    const int k = wave == "Endline";
    const int named = std::stoi(row[sr.Column("risks_identified")]);
    const std::string& list = row[sr.Column("risks_named")];
    EXPECT_EQ(named, list.empty() ? 0 : std::count(list.begin(), list.end(), ';') + 1);
    risks[k] += named;
    knows[k] += row[sr.Column("knows_where_to_seek_help")] == "true";
    ++n[k];
  }
  EXPECT_NEAR(risks[0] / n[0], 1.50, 0.1);
  EXPECT_NEAR(risks[1] / n[1], 2.58, 0.1);
  EXPECT_NEAR(knows[0] / n[0], 0.38, 0.05);
  EXPECT_NEAR(knows[1] / n[1], 0.66, 0.05);
  // Mechanisms become established and stay so.
  const ParsedTable& cm = t.at(Table::kCoordinationMechanisms);
  std::map<std::string, std::string> last_established;
  int established_at_end = 0, established_at_start = 0;
  for (const auto& row : cm.rows) {
    const std::string& id = row[cm.Column("mechanism_id")];
    const std::string& established = row[cm.Column("established")];
    if (last_established[id] == "true") {
      EXPECT_EQ(established, "true") << id;
    }
    last_established[id] = established;
    const std::string& on = row[cm.Column("assessed_on")];
    if (on < "2023-04-01") established_at_start += established == "true";
    if (on > "2025-10-01") established_at_end += established == "true";
  }
  EXPECT_LT(established_at_start, established_at_end);
  EXPECT_EQ(established_at_end, 10);  // every mechanism by quarter 7 at the latest
  // A name holding a comma is quoted and reads back whole.
  EXPECT_EQ(cm.rows[2 * 12][cm.Column("name")], "Cross-border working group, TH-MM");
  // Population: Feminine and Masculine for each of the 15 countries, each
  // year; Namibia's code is NA.
  const ParsedTable& pop = t.at(Table::kPopulation);
  std::set<std::string> countries;
  for (const auto& row : pop.rows) {
    countries.insert(row[pop.Column("prs_Citizenship")]);
    EXPECT_GT(std::stod(row[pop.Column("population")]), 500000);
  }
  EXPECT_EQ(countries.size(), 15u);
  EXPECT_TRUE(countries.count("NA"));
}

TEST(GeneratorTest, TheEngineCountsTheGeneratedChildren) {
  // Persons by the catalog's age_band, computed by the engine from the
  // loaded dataset, match the ages worked out here from the CSV.
  GeneratorOptions options = Options(5000, 0);
  options.tables = {Table::kPersons};
  Dataset dataset(CaseSchema());
  ASSERT_TRUE(GenerateInto(options, &dataset).ok());
  const ParsedTable p = Parse(*GenerateCsv(options, Table::kPersons), "persons.csv");
  int children = 0, adults = 0, unknown = 0;
  for (const auto& row : p.rows) {
    const std::string& birth = row[p.Column("prs_Birthdate")];
    if (birth.empty()) {
      ++unknown;
    } else if (AgeOn(birth, row[p.Column("identified_on")]) < 18) {
      ++children;
    } else {
      ++adults;
    }
  }
  constexpr char kFramework[] = R"pb(
    project { id: "P" title: "t" start_date: "2023-01-01" end_date: "2025-12-31" }
    indicators {
      id: "PERSONS"
      title: "Persons identified"
      measure { value { table: "persons" count_distinct: "person_id" } }
      period { by: "identified_on" every: QUARTERLY }
      disaggregate_by { dimensions: "age_band" }
    })pb";
  absl::StatusOr<Framework> framework = Framework::Parse(kFramework, ProtoFormat::kText, "fw");
  ASSERT_TRUE(framework.ok()) << framework.status();
  Diagnostics diagnostics;
  absl::StatusOr<Plan> plan = Plan::Compile(*framework, CaseSchema(), &diagnostics);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EvaluateOptions evaluate;
  evaluate.as_of = Date::ParseIso("2025-12-31");
  absl::StatusOr<Results> results = Evaluate(*plan, dataset, evaluate);
  ASSERT_TRUE(results.ok()) << results.status();
  const testing_cells::CellMap cells = testing_cells::ByCoordinates(results->proto().indicators(0));
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 5000);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|age_band=0-17;"),
            children);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|age_band=18+;"), adults);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|age_band=unknown;"),
            unknown);
}

TEST(GeneratorTest, SmallestCaseloadStillHasEveryTable) {
  // One person: the programme tables keep their minimum sizes.
  Dataset dataset(CaseSchema());
  GenerateStats stats;
  ASSERT_TRUE(GenerateInto(Options(1, 0), &dataset, &stats).ok());
  EXPECT_EQ(dataset.RowCount("persons"), 1);
  EXPECT_EQ(dataset.RowCount("trainings"), 5);
  EXPECT_EQ(dataset.RowCount("awareness_activities"), 5);
  EXPECT_EQ(dataset.RowCount("survey_respondents"), 50);
  EXPECT_EQ(dataset.RowCount("coordination_mechanisms"), 4 * 12);
  EXPECT_EQ(dataset.RowCount("population"), 90);
  EXPECT_EQ(dataset.FindingCount(), 0);
}

TEST(GeneratorTest, BadOptionsAndDatasetsAreErrors) {
  GeneratorOptions options;
  EXPECT_TRUE(ValidateOptions(options).ok());
  options.persons = 0;
  EXPECT_EQ(ValidateOptions(options).code(), absl::StatusCode::kInvalidArgument);
  options = GeneratorOptions();
  options.dirty_rate = 0.6;
  EXPECT_EQ(ValidateOptions(options).code(), absl::StatusCode::kInvalidArgument);
  options.dirty_rate = std::nan("");
  EXPECT_EQ(ValidateOptions(options).code(), absl::StatusCode::kInvalidArgument);
  options = GeneratorOptions();
  options.end = options.start.AddDays(88);  // 89 days
  EXPECT_EQ(ValidateOptions(options).code(), absl::StatusCode::kInvalidArgument);
  options.end = options.start.AddDays(89);  // 90 days
  EXPECT_TRUE(ValidateOptions(options).ok());
  options = GeneratorOptions();
  options.start = *Date::FromYmd(1999, 12, 31);
  EXPECT_EQ(ValidateOptions(options).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GenerateCsv(options, Table::kPersons).status().code(),
            absl::StatusCode::kInvalidArgument);

  EXPECT_EQ(GenerateInto(Options(10, 0), nullptr).code(), absl::StatusCode::kInvalidArgument);
  Dataset dataset(CaseSchema());
  GeneratorOptions persons_only = Options(10, 0);
  persons_only.tables = {Table::kPersons};
  ASSERT_TRUE(GenerateInto(persons_only, &dataset).ok());
  const absl::Status again = GenerateInto(persons_only, &dataset);
  EXPECT_EQ(again.code(), absl::StatusCode::kFailedPrecondition) << again;
  EXPECT_THAT(std::string(again.message()), ::testing::HasSubstr("'persons'"));

  // A schema without the case schema's tables.
  absl::StatusOr<Schema> other = Schema::Parse(
      R"pb(tables {
             name: "persons"
             key: "person_id"
             fields { name: "person_id" type: STRING role: IDENTIFIER }
           })pb",
      ProtoFormat::kText, "other");
  ASSERT_TRUE(other.ok()) << other.status();
  Dataset small(*other);
  GeneratorOptions cases_only = Options(10, 0);
  cases_only.tables = {Table::kCases};
  EXPECT_EQ(GenerateInto(cases_only, &small).code(), absl::StatusCode::kNotFound);
}

TEST(GeneratorTest, UnwritableDirectoryIsAnErrorBeforeAnythingIsWritten) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "ctind_generator_unwritable";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "a_file") << "x"; }
  // A directory under a regular file cannot be created.
  const absl::Status status = WriteCsvFiles(Options(10, 0), (dir / "a_file" / "out").string());
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("a_file/out"));
  std::filesystem::remove_all(dir);
}

TEST(RandomTest, DeterministicLogIsTheNaturalLogarithm) {
  for (double x : {1e-300, 1e-9, 0.001, 0.1, 0.5, 0.70710678118654752, 0.9, 0.999999, 1.0, 2.0,
                   10.0, 12345.678}) {
    EXPECT_NEAR(DeterministicLog(x), std::log(x), 4e-16 * std::max(1.0, std::fabs(std::log(x))))
        << x;
  }
}

TEST(RandomTest, DrawsAreUniformAndReproducible) {
  Rng a(1, 2, 3), b(1, 2, 3), c(1, 2, 4);
  int same_as_other_stream = 0;
  int counts[10] = {};
  for (int i = 0; i < 100000; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    same_as_other_stream += x == c.Next();
    counts[a.Below(10)]++;
    b.Below(10);
    c.Below(10);
  }
  EXPECT_EQ(same_as_other_stream, 0);
  // 10,000 expected per digit, standard deviation about 95.
  for (int count : counts) EXPECT_NEAR(count, 10000, 500);
  // Exponential(mean 10) has mean 10 (minus 0.5 for rounding down).
  double sum = 0;
  for (int i = 0; i < 100000; ++i) sum += a.Exponential(10.0);
  EXPECT_NEAR(sum / 100000, 9.5, 0.15);
}

}  // namespace
}  // namespace generate
}  // namespace ctind
