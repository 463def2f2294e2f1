// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog's case schema (catalog/schema.textproto): it validates, its
// HTCDS fields and code lists are HTCDS 2.0's (checked against the standard's
// field list kept in catalog/reference/), HTCDS-shaped CSV loads into every
// table without findings, and its derived dimensions compute what they
// document. Expected values are worked out by hand in the comments.

#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/strings.h"
#include "ctind/dataset.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/report.pb.h"
#include "ctind/v1/schema.pb.h"
#include "engine/test_cells.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.h"

namespace ctind {
namespace {

using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

constexpr char kHtcdsPrefix[] = "HTCDS 2.0 ";

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// One field of the HTCDS 2.0 field list.
struct HtcdsField {
  std::string type;  // "Picklist", "Multiselect Picklist", "Date", ...
  std::vector<std::string> value_names;
  std::vector<std::string> value_labels;
};

// The lines of a picklist cell, trimmed of spaces and no-break spaces
// (HTCDS's labels carry trailing U+00A0), empty lines dropped. Picklist
// values are one per line; labels may contain ';' ("Water supply; sewerage").
std::vector<std::string> PicklistLines(std::string_view cell) {
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(Sv(cell), '\n')) {
    bool trimmed = true;
    while (trimmed) {
      trimmed = false;
      line = absl::StripAsciiWhitespace(line);
      if (absl::ConsumeSuffix(&line, "\xc2\xa0") || absl::ConsumePrefix(&line, "\xc2\xa0")) {
        trimmed = true;
      }
    }
    if (!line.empty()) out.emplace_back(line);
  }
  return out;
}

// HTCDS fields by "Field Name including Prefix", read from the standard's
// CSV with ctind's own CSV reader.
std::map<std::string, HtcdsField> ReadHtcdsFields() {
  static const std::string* const bytes = new std::string(
      ReadFileOrDie(std::string(CTIND_CATALOG_DIR) + "/reference/htcds-field-standards-2.0.csv"));
  std::map<std::string, HtcdsField> out;
  absl::StatusOr<CsvReader> reader = CsvReader::Create(*bytes, "htcds-field-standards-2.0.csv");
  EXPECT_TRUE(reader.ok()) << reader.status();
  if (!reader.ok()) return out;
  CsvRecord record;
  std::map<std::string, size_t> column;
  bool header = true;
  while (true) {
    absl::StatusOr<bool> more = reader->Next(&record);
    EXPECT_TRUE(more.ok()) << more.status();
    if (!more.ok() || !*more) break;
    if (header) {
      for (size_t i = 0; i < record.fields.size(); ++i) column[std::string(record.fields[i].text)] = i;
      header = false;
      continue;
    }
    auto cell = [&](const char* name) -> std::string_view {
      auto it = column.find(name);
      EXPECT_NE(it, column.end()) << "HTCDS CSV has no column " << name;
      if (it == column.end() || it->second >= record.fields.size()) return {};
      return record.fields[it->second].text;
    };
    const std::string name(cell("Field Name including Prefix"));
    // Section rows have no field name; "N/A" rows are placeholders.
    if (name.empty() || name == "N/A") continue;
    HtcdsField& field = out[name];
    field.type = std::string(cell("Field Type"));
    field.value_names = PicklistLines(cell("Value Names (if picklist)"));
    field.value_labels = PicklistLines(cell("Value Labels (if picklist)"));
  }
  return out;
}

// "Use ISO 3166 country codes standard ..." and the like: a pointer to a
// standard rather than a list of values.
bool NamesAStandard(const HtcdsField& field) {
  return field.value_names.size() == 1 && absl::StartsWith(field.value_names[0], "Use ISO");
}

const v1::CodeList* FindCodeList(const v1::Schema& schema, std::string_view id) {
  for (const v1::CodeList& list : schema.code_lists()) {
    if (list.id() == id) return &list;
  }
  return nullptr;
}

std::vector<std::string> Values(const v1::CodeList& list) {
  std::vector<std::string> out;
  for (const v1::Code& code : list.codes()) out.push_back(code.value());
  return out;
}

std::vector<std::string> Labels(const v1::CodeList& list) {
  std::vector<std::string> out;
  for (const v1::Code& code : list.codes()) out.push_back(code.label());
  return out;
}

std::string SchemaText() {
  return ReadFileOrDie(std::string(CTIND_CATALOG_DIR) + "/schema.textproto");
}

// HTCDS-shaped inputs, one per table; together they fill every field of the
// schema (CsvFixturesCoverEveryField). Multi-select values are separated by
// ';' as HTCDS (Salesforce) exports them; NA is Namibia.
//
// Persons, with each one's ages worked out at identification:
// P1 Feminine, born 2010-05-01, identified 2025-02-10: 14 (0-17, 12-17),
//    trafficked at 14 (0-17), citizen of NA, consents.
// P2 Masculine, born 1990-01-15, identified 2025-03-01: 35 (18+, 35-49),
//    trafficked at 33, citizen of NA and ZA, consents.
// P3 TransgenderFeminine, born 2001-07-30, identified 2025-04-02: 23 (18+,
//    18-24), trafficked at 23, citizen of BW, does not consent.
// P4 NonSpecifiedUnknown, no birth date or age: unknown age; citizen of ZA,
//    consents.
const std::map<std::string, std::string>& Fixtures() {
  static const auto* const fixtures = new std::map<std::string, std::string>{
      {"persons",
       "person_id,prs_Birthdate,prs_Gender,prs_Citizenship,prs_MailingCountry,prs_MaritalStatus,"
       "prs_NumberOfChildren,prs_HighestLevelOfEducation,vic_TraffickingStatus,"
       "vic_TraffickingStatusDecisionMakingOrg,vic_RelationshipToTrafficker,vic_AgeWhenTrafficked,"
       "vic_MethodOfRecruitment,vic_RecruitmentWebsitesAndApps,vic_MethodsOfControl,"
       "vic_TypeOfExploitation,vic_ForcedLabourIndustry,vic_TypeOfSexExploitation,"
       "vic_ExploitationWebsitesAndApps,vic_Vulnerabilities,con_Consent,identified_on,identified_by,"
       "referred_in_from,consent_data_use,needs_assessed_on\n"
       "P1,2010-05-01,Feminine,NA,NA,Single,0,PrimaryEducation,ActualVictimOfTrafficking,Police,"
       "Acquainted,14,ThroughOnlineSocialNetworks,Facebook;WhatsApp,DebtBondage;WithholdsDocuments,"
       "SexualExploitation;ForcedLabour,I_AccommodationAndFoodServiceActivities,Prostitution,"
       "WhatsApp,Poverty;Migration,true,2025-02-10,LawEnforcement,,true,2025-02-12\n"
       "P2,1990-01-15,Masculine,NA;ZA,ZA,Married,2,LowerSecondaryEducation,"
       "PossibleVictimOfTrafficking,NGO,Unaquainted,33,ThroughAnOnlineAdvertisement,4Sale,"
       "FalsePromises; TakesEarnings,ForcedLabour,A_AgricultureForestryAndFishing,,,Poverty,true,"
       "2025-03-01,LabourInspection,NGO,true,2025-03-05\n"
       "P3,2001-07-30,TransgenderFeminine,BW,BW,,,,ActualVictimOfTrafficking,CourtOrProsecution,"
       "Familial,23,ThroughFamilyOrFamilyEvents,,PsychologicalAbuse,ForcedMarriage,,,,,true,"
       "2025-04-02,NGO,Hotline,false,\n"
       "P4,,NonSpecifiedUnknown,ZA,,,,,ActualVictimOfTrafficking,Other,,,Other,Other,Other,Other,,,"
       ",,false,2025-05-20,SelfReferral,,true,\n"},
      // Days from opening to closure: C1 19 (0-30); C2 121 (91-180; 30 in
      // March to 31 March, then 30 + 31 + 30); C3 open; C4 closed before it
      // opened (invalid: unknown); C5 184 (181-365; 20 May to 20 November is
      // 31+30+31+31+30+31); C6 376 (366+; 2024-01-10 to 2025-01-10 is 366
      // days, a leap year, then 10).
      {"cases",
       "case_id,person_id,cas_Status,opened_on,closed_on,closure_reason,cas_IncomingReferralDate,"
       "cas_ReasonForIncomingReferral,referred_out_to,cas_OutgoingReferralDate,"
       "cas_ReasonForOutgoingReferral\n"
       "C1,P1,Closed,2025-02-10,2025-03-01,Reintegrated,,,,,\n"
       "C2,P2,ClosedReferred,2025-03-01,2025-06-30,ReferredElsewhere,2025-03-01,"
       "AdditionalServicesRequired,NGO;LegalService,2025-06-30,AdditionalServicesRequired\n"
       "C3,P3,Active,2025-04-02,,,,,HealthServiceOrganisation,2025-04-03,Other\n"
       "C4,P1,Closed,2025-06-01,2025-05-15,LostContact,,,,,\n"
       "C5,P4,FollowUp,2025-05-20,2025-11-20,DeclinedFurtherSupport,,,,,\n"
       "C6,P2,Closed,2024-01-10,2025-01-20,Repatriated,2024-01-10,MigrationOrChangeOfLocation,,,\n"},
      {"support_plans",
       "plan_id,case_id,spl_Type,agreed_on,spl_PlannedEndDate,spl_ActualEndDate,"
       "based_on_needs_assessment,status\n"
       "SP1,C1,SexualExploitationRehabilitation,2025-02-15,2025-08-15,2025-03-01,true,Completed\n"
       "SP2,C3,Health,2025-04-10,2025-12-31,,false,Active\n"},
      {"services",
       "service_id,case_id,plan_id,service_type,planned_on,provided_on,provider\n"
       "S1,C1,SP1,Shelter,2025-02-10,2025-02-10,NGO\n"
       "S2,C1,,Medical,2025-02-11,2025-02-12,HealthServiceOrganisation\n"
       "S3,C3,SP2,Psychosocial,2025-04-10,,NGO\n"},
      {"perpetrators",
       "perpetrator_id,case_id,prs_Gender,prs_Birthdate,prs_Citizenship,per_RoleInProcess\n"
       "X1,C1,Masculine,1980-03-03,ZA,RecruiterOrIntermediary;Exploiter\n"
       "X2,C1,Feminine,,ZA,Transporter\n"
       "X3,C2,Masculine,1975-09-09,NA,Exploiter\n"},
      // PR1 and PR2 are proceedings against two perpetrators of P1's case;
      // PR3 is against P2's perpetrator.
      {"legal_proceedings",
       "proceeding_id,perpetrator_id,case_id,stage,investigation_opened_on,prosecution_started_on,"
       "verdict_on,convicted,sentence_months,compensation_awarded,compensation_received,"
       "compensation_currency\n"
       "PR1,X1,C1,Convicted,2025-02-11,2025-04-01,2025-09-30,true,96,5000,1200.50,NAD\n"
       "PR2,X2,C1,Convicted,2025-02-11,2025-04-01,2025-09-30,true,48,,,\n"
       "PR3,X3,C2,Prosecuted,2025-03-02,2025-05-02,,,,,,\n"},
      {"trainings",
       "training_id,topic,held_on,audience,district,pass_mark\n"
       "T1,Identification,2025-03-10,Police;LabourInspectors,NA,70\n"
       "T2,Prosecution,2025-07-01,Prosecutors;Judges,ZA,60\n"},
      // Passing (post_test_score >= the training's pass mark): U1 (80 >= 70)
      // and U3 (70 >= 70); U2 fails (65 < 70), U4 (T2) has no post-test.
      {"training_participants",
       "participant_id,training_id,prs_Gender,institution,pre_test_score,post_test_score,completed\n"
       "U1,T1,Feminine,Police,40,80,true\n"
       "U2,T1,Masculine,LabourInspectors,55.5,65,true\n"
       "U3,T1,NonConforming,Police,50,70,true\n"
       "U4,T2,Masculine,Judges,62,,false\n"},
      {"awareness_activities",
       "activity_id,held_on,channel,people_reached,district\n"
       "A1,2025-02-01,CommunitySession,120,NA\n"
       "A2,2025-05-15,Radio,80,NA\n"
       "A3,2025-06-01,School,200,ZA\n"},
      {"survey_respondents",
       "respondent_id,surveyed_on,wave,prs_Gender,age_at_survey,risks_identified,risks_named,"
       "knows_where_to_seek_help,district\n"
       "R1,2025-01-20,Baseline,Feminine,16,2,DeceptiveJobOffers;RecruitmentFees,false,NA\n"
       "R2,2025-01-21,Baseline,Masculine,45,0,,false,NA\n"
       "R3,2025-11-05,Endline,Feminine,17,3,DeceptiveJobOffers;DocumentConfiscation;OnlineRecruitment,"
       "true,NA\n"},
      {"coordination_mechanisms",
       "mechanism_id,name,kind,assessed_on,established,meets_regularly,has_sops,members\n"
       "M1,National Referral Mechanism,NationalReferralMechanism,2025-06-30,true,true,false,14\n"
       "M1,National Referral Mechanism,NationalReferralMechanism,2025-12-15,true,true,true,16\n"
       "M2,Northern task force,LocalCoordinationGroup,2025-12-15,true,false,false,6\n"},
      // 2025: Feminine 1000 + 3000 = 4000, Masculine 1000 + 5000 = 6000,
      // NA 2000, ZA 8000, all 10000. No row for other genders nor for BW.
      {"population",
       "year,prs_Gender,prs_Citizenship,population\n"
       "2025,Feminine,NA,1000\n"
       "2025,Masculine,NA,1000\n"
       "2025,Feminine,ZA,3000\n"
       "2025,Masculine,ZA,5000\n"},
  };
  return *fixtures;
}

class CatalogSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Schema> schema =
        Schema::Parse(SchemaText(), ProtoFormat::kText, "catalog/schema.textproto", &diagnostics_);
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = *schema;
  }

  // A dataset of `schema` with every fixture loaded; fails the test on a
  // load error or a finding.
  static std::unique_ptr<Dataset> LoadAll(const Schema& schema) {
    auto dataset = std::make_unique<Dataset>(schema);
    for (const auto& [table, csv] : Fixtures()) {
      const absl::Status status = dataset->LoadCsv(table, csv, table + ".csv");
      EXPECT_TRUE(status.ok()) << status;
    }
    for (int i = 0; i < dataset->FindingCount(); ++i) {
      ADD_FAILURE() << "unexpected finding: " << dataset->GetFinding(i).DebugString();
    }
    return dataset;
  }

  // Computes one indicator (project 2025, as of 2025-12-31) on `dataset`.
  static absl::StatusOr<v1::IndicatorResult> Compute(const Schema& schema, const Dataset& dataset,
                                                     const std::string& body,
                                                     const std::string& project_extra = "") {
    const std::string text = R"pb(project { id: "P" title: "t" start_date: "2025-01-01"
                                            end_date: "2025-12-31" )pb" +
                             project_extra + "}\nindicators { id: \"I\" title: \"t\" " + body + "}\n";
    Diagnostics diagnostics;
    absl::StatusOr<Framework> framework = Framework::Parse(text, ProtoFormat::kText, "fw.textproto");
    if (!framework.ok()) return framework.status();
    absl::StatusOr<Plan> plan = Plan::Compile(*framework, schema, &diagnostics);
    if (!plan.ok()) return plan.status();
    EvaluateOptions options;
    options.as_of = Date::ParseIso("2025-12-31");
    absl::StatusOr<Results> results = Evaluate(*plan, dataset, options);
    if (!results.ok()) return results.status();
    return results->proto().indicators(0);
  }

  Diagnostics diagnostics_;
  std::optional<Schema> schema_;
};

TEST_F(CatalogSchemaTest, ParsesAndValidatesWithoutDiagnostics) {
  for (const Diagnostic& d : diagnostics_) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(schema_->proto().id(), "htcds-case");
  std::vector<std::string> tables;
  for (const v1::Table& t : schema_->proto().tables()) tables.push_back(t.name());
  // The table names are the contract of the catalog's indicators.
  EXPECT_THAT(tables, ElementsAreArray({"persons", "cases", "support_plans", "services",
                                        "perpetrators", "legal_proceedings", "trainings",
                                        "training_participants", "awareness_activities",
                                        "survey_respondents", "coordination_mechanisms",
                                        "population"}));
}

TEST_F(CatalogSchemaTest, EveryFieldSaysWhereItComesFrom) {
  for (const v1::Table& table : schema_->proto().tables()) {
    for (const v1::Field& field : table.fields()) {
      const std::string& source = field.source();
      const bool htcds = absl::StartsWith(source, kHtcdsPrefix);
      const bool system = absl::StartsWith(source, "system field (") && absl::EndsWith(source, ")");
      EXPECT_TRUE(htcds || system) << table.name() << "." << field.name() << ": source " << source;
      // An HTCDS field keeps its HTCDS name; a system field does not borrow
      // an HTCDS prefix.
      if (htcds) {
        EXPECT_EQ(source, kHtcdsPrefix + field.name()) << table.name() << "." << field.name();
      } else {
        for (const char* prefix : {"org_", "prs_", "vic_", "per_", "cas_", "cco_", "hte_", "spl_", "con_"}) {
          EXPECT_FALSE(absl::StartsWith(field.name(), prefix))
              << table.name() << "." << field.name() << " looks like HTCDS but is a system field";
        }
      }
    }
  }
}

TEST_F(CatalogSchemaTest, HtcdsFieldsExistInHtcdsWithTheirTypes) {
  const std::map<std::string, HtcdsField> htcds = ReadHtcdsFields();
  // The standard's list as shipped: a sanity check that the reader found it.
  ASSERT_TRUE(htcds.count("prs_Gender") && htcds.count("vic_TypeOfExploitation"));
  int htcds_fields = 0;
  for (const v1::Table& table : schema_->proto().tables()) {
    for (const v1::Field& field : table.fields()) {
      if (!absl::StartsWith(field.source(), kHtcdsPrefix)) continue;
      ++htcds_fields;
      const std::string where = table.name() + "." + field.name();
      auto it = htcds.find(field.name());
      ASSERT_NE(it, htcds.end()) << where << " is not an HTCDS 2.0 field";
      const std::string& type = it->second.type;
      if (type == "Picklist" || (type == "Text" && NamesAStandard(it->second))) {
        EXPECT_EQ(field.type(), v1::CATEGORY) << where;
        EXPECT_FALSE(field.multi_valued()) << where;
      } else if (type == "Multiselect Picklist") {
        EXPECT_EQ(field.type(), v1::CATEGORY) << where;
        // Reference data has one value per row (a population by country).
        EXPECT_EQ(field.multi_valued(), table.sensitivity() != v1::NON_SENSITIVE) << where;
      } else if (type == "Date") {
        EXPECT_EQ(field.type(), v1::DATE) << where;
      } else if (type == "Checkbox") {
        EXPECT_EQ(field.type(), v1::BOOL) << where;
      } else if (type == "Number") {
        EXPECT_EQ(field.type(), v1::INT64) << where;
      } else {
        ADD_FAILURE() << where << ": no mapping for HTCDS type " << type;
      }
    }
  }
  EXPECT_GE(htcds_fields, 30);
}

TEST_F(CatalogSchemaTest, HtcdsCodeListsAreHtcdsValueNamesAndLabels) {
  const std::map<std::string, HtcdsField> htcds = ReadHtcdsFields();
  int picklists = 0;
  for (const v1::Table& table : schema_->proto().tables()) {
    for (const v1::Field& field : table.fields()) {
      if (!absl::StartsWith(field.source(), kHtcdsPrefix) || field.type() != v1::CATEGORY) continue;
      const std::string where = table.name() + "." + field.name();
      auto it = htcds.find(field.name());
      ASSERT_NE(it, htcds.end()) << where;
      const v1::CodeList* list = FindCodeList(schema_->proto(), field.code_list());
      ASSERT_NE(list, nullptr) << where;
      if (NamesAStandard(it->second)) {
        // HTCDS: "Use ISO 3166 country codes standard".
        ASSERT_TRUE(absl::StrContains(it->second.value_names[0], "ISO 3166")) << where;
        EXPECT_EQ(field.code_list(), "country") << where;
        continue;
      }
      ++picklists;
      EXPECT_THAT(Values(*list), ElementsAreArray(it->second.value_names)) << where;
      EXPECT_THAT(Labels(*list), ElementsAreArray(it->second.value_labels)) << where;
    }
  }
  EXPECT_GE(picklists, 18);

  // Organisation types are HTCDS's org_Type, first and unchanged, followed
  // by ctind's additions.
  const v1::CodeList* organisations = FindCodeList(schema_->proto(), "organisation_type");
  ASSERT_NE(organisations, nullptr);
  const HtcdsField& org_type = htcds.at("org_Type");
  ASSERT_EQ(org_type.value_names.size(), 9u);
  ASSERT_GT(organisations->codes_size(), 9);
  for (size_t i = 0; i < org_type.value_names.size(); ++i) {
    EXPECT_EQ(organisations->codes(static_cast<int>(i)).value(), org_type.value_names[i]);
    EXPECT_EQ(organisations->codes(static_cast<int>(i)).label(), org_type.value_labels[i]);
  }
}

TEST_F(CatalogSchemaTest, CountriesAreIso3166Alpha2IncludingNamibia) {
  const v1::CodeList* countries = FindCodeList(schema_->proto(), "country");
  ASSERT_NE(countries, nullptr);
  // ISO 3166-1 has 249 officially assigned alpha-2 codes.
  EXPECT_EQ(countries->codes_size(), 249);
  std::map<std::string, std::string> labels;
  for (const v1::Code& code : countries->codes()) {
    EXPECT_EQ(code.value().size(), 2u) << code.value();
    for (char c : code.value()) EXPECT_TRUE(c >= 'A' && c <= 'Z') << code.value();
    labels[code.value()] = code.label();
  }
  EXPECT_EQ(labels["NA"], "Namibia");
  EXPECT_EQ(labels["ZA"], "South Africa");
  EXPECT_EQ(labels["BW"], "Botswana");
  // The places of the non-case tables start from the same countries.
  const v1::CodeList* area = FindCodeList(schema_->proto(), "area");
  ASSERT_NE(area, nullptr);
  EXPECT_THAT(area->levels(), ElementsAreArray({"country", "district"}));
  EXPECT_EQ(Values(*area), Values(*countries));
}

TEST_F(CatalogSchemaTest, CsvFixturesCoverEveryField) {
  for (const v1::Table& table : schema_->proto().tables()) {
    auto it = Fixtures().find(table.name());
    ASSERT_NE(it, Fixtures().end()) << "no fixture for " << table.name();
    const std::string header(it->second.substr(0, it->second.find('\n')));
    std::set<std::string> columns;
    for (absl::string_view c : absl::StrSplit(header, ',')) columns.emplace(c);
    std::set<std::string> fields;
    for (const v1::Field& f : table.fields()) fields.insert(f.column().empty() ? f.name() : f.column());
    EXPECT_EQ(columns, fields) << table.name();
  }
}

TEST_F(CatalogSchemaTest, HtcdsShapedCsvLoadsIntoEveryTableWithoutFindings) {
  std::unique_ptr<Dataset> dataset = LoadAll(*schema_);
  EXPECT_EQ(dataset->FindingCount(), 0);
  EXPECT_EQ(dataset->RowCount("persons"), 4);
  EXPECT_EQ(dataset->RowCount("cases"), 6);
  EXPECT_EQ(dataset->RowCount("coordination_mechanisms"), 3);  // M1 twice, on two dates
  EXPECT_EQ(dataset->RowCount("population"), 4);
}

TEST_F(CatalogSchemaTest, ValuesOutsideTheCodeListsAreFindings) {
  Dataset dataset(*schema_);
  // "Female" is not an HTCDS gender (Feminine is), "Trafficking" not a type
  // of exploitation, "XX" not an ISO 3166 code. The rows stay, with those
  // values invalid.
  ASSERT_TRUE(dataset
                  .LoadCsv("persons",
                           "person_id,prs_Gender,vic_TypeOfExploitation,prs_Citizenship,identified_on\n"
                           "P1,Female,ForcedLabour;Trafficking,NA,2025-01-01\n"
                           "P2,Feminine,ForcedLabour,XX,2025-01-02\n",
                           "persons.csv")
                  .ok());
  EXPECT_EQ(dataset.RowCount("persons"), 2);
  std::set<std::string> invalid;
  for (int i = 0; i < dataset.FindingCount(); ++i) {
    const v1::Finding& f = dataset.GetFinding(i);
    EXPECT_EQ(f.rule(), "invalid_value");
    EXPECT_EQ(f.table(), "persons");
    EXPECT_EQ(f.count(), 1) << f.field();
    invalid.insert(f.field());
  }
  EXPECT_EQ(invalid, (std::set<std::string>{"prs_Gender", "vic_TypeOfExploitation", "prs_Citizenship"}));

  // In strict mode the same value fails the load.
  Dataset strict(*schema_);
  IngestOptions options;
  options.strict = true;
  EXPECT_FALSE(strict
                   .LoadCsv("persons", "person_id,prs_Gender,identified_on\nP1,Female,2025-01-01\n",
                            "persons.csv", options)
                   .ok());
}

TEST_F(CatalogSchemaTest, SexGroupsGenderAndAgeBandsUseTheIdentificationDate) {
  std::unique_ptr<Dataset> dataset = LoadAll(*schema_);
  auto ir = Compute(*schema_, *dataset, R"pb(
      measure { value { table: "persons" count: true } }
      period { by: "identified_on" every: YEARLY }
      disaggregate_by { dimensions: "sex" }
      disaggregate_by { dimensions: "age_band" }
      disaggregate_by { dimensions: "age_group" }
      disaggregate_by { dimensions: "age_when_trafficked_band" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = testing_cells::ByValues(*ir);
  const std::string y = "SCOPE_PERIOD|2025|";
  EXPECT_EQ(testing_cells::PresentValue(cells, y), 4);
  // sex: P1 Feminine and P3 TransgenderFeminine are female, P2 male; no
  // NonConforming person; P4 NonSpecifiedUnknown is unknown.
  EXPECT_EQ(testing_cells::PresentValue(cells, "sex:" + y + "female;"), 2);
  EXPECT_EQ(testing_cells::PresentValue(cells, "sex:" + y + "male;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "sex:" + y + "other;"), 0);
  EXPECT_EQ(testing_cells::PresentValue(cells, "sex:" + y + "unknown;"), 1);
  // Ages at identification: P1 14, P2 35, P3 23, P4 unknown.
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_band:" + y + "0-17;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_band:" + y + "18+;"), 2);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_band:" + y + "unknown;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_group:" + y + "12-17;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_group:" + y + "18-24;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_group:" + y + "35-49;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_group:" + y + "0-11;"), 0);
  // Stored ages when trafficked: 14, 33, 23, missing.
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_when_trafficked_band:" + y + "0-17;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "age_when_trafficked_band:" + y + "18+;"), 2);

  // The framework-level population filter on consent: P3 did not consent.
  ir = Compute(*schema_, *dataset, R"pb(
      measure { value { table: "persons" count: true } }
      period { by: "identified_on" every: YEARLY } )pb",
               R"pb(population_filter: "consent_data_use = true")pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  EXPECT_EQ(testing_cells::PresentValue(testing_cells::ByValues(*ir), y), 3);
}

TEST_F(CatalogSchemaTest, DaysToClosureBands) {
  std::unique_ptr<Dataset> dataset = LoadAll(*schema_);
  auto ir = Compute(*schema_, *dataset, R"pb(
      measure { value { table: "cases" count: true } }
      where: "not is_missing(closed_on)"
      period { by: "closed_on" every: YEARLY }
      disaggregate_by { dimensions: "days_to_closure_band" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = testing_cells::ByValues(*ir);
  const std::string y = "SCOPE_PERIOD|2025|";
  // Closed in 2025: C1 (19 days), C2 (121), C4 (invalid), C5 (184), C6 (376).
  EXPECT_EQ(testing_cells::PresentValue(cells, y), 5);
  EXPECT_EQ(testing_cells::PresentValue(cells, y + "0-30;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, y + "31-90;"), 0);
  EXPECT_EQ(testing_cells::PresentValue(cells, y + "91-180;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, y + "181-365;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, y + "366+;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, y + "unknown;"), 1);
}

TEST_F(CatalogSchemaTest, RatesPerPopulationMatchGenderSexAndCitizenship) {
  std::unique_ptr<Dataset> dataset = LoadAll(*schema_);
  auto ir = Compute(*schema_, *dataset, R"pb(
      measure { ratio {
        numerator { table: "persons" count: true }
        denominator { table: "population" sum: "population" period { year_field: "year" } }
        factor: 100000 } }
      period { by: "identified_on" every: YEARLY }
      disaggregate_by { dimensions: "prs_Gender" }
      disaggregate_by { dimensions: "sex" }
      disaggregate_by { dimensions: "prs_Citizenship" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = testing_cells::ByValues(*ir);
  const std::string y = "SCOPE_PERIOD|2025|";
  // 4 persons over 10000.
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(cells, y), 4 * 100000.0 / 10000);
  // Feminine: P1 over 4000; Masculine: P2 over 6000.
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(cells, "prs_Gender:" + y + "Feminine;"), 25);
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(cells, "prs_Gender:" + y + "Masculine;"),
                   100000.0 / 6000);
  // No population row of TransgenderFeminine: no denominator.
  EXPECT_EQ(cells.at("prs_Gender:" + y + "TransgenderFeminine;").status(), v1::MISSING);
  // sex on both sides: female P1 and P3 over the Feminine 4000.
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(cells, "sex:" + y + "female;"), 50);
  // Citizenship (multi-valued): NA P1 and P2 over 2000; ZA P2 and P4 over
  // 8000; BW has no population.
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(cells, "prs_Citizenship:" + y + "NA;"), 100);
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(cells, "prs_Citizenship:" + y + "ZA;"), 25);
  EXPECT_EQ(cells.at("prs_Citizenship:" + y + "BW;").status(), v1::MISSING);
}

TEST_F(CatalogSchemaTest, ProceedingsCountTheVictimsBehindThem) {
  std::unique_ptr<Dataset> dataset = LoadAll(*schema_);
  auto ir = Compute(*schema_, *dataset, R"pb(
      measure { value { table: "legal_proceedings" count: true } }
      where: "convicted = true"
      period { by: "verdict_on" every: YEARLY } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  const v1::Cell year = testing_cells::ByValues(*ir).at("SCOPE_PERIOD|2025|");
  EXPECT_EQ(year.value(), 2);  // PR1 and PR2
  EXPECT_EQ(year.units(), 1);  // both in P1's case: one victim

  // Perpetrators are counted as the persons they are.
  ir = Compute(*schema_, *dataset, R"pb(
      measure { value { table: "perpetrators" count: true } }
      period { by: "case.opened_on" every: YEARLY }
      disaggregate_by { dimensions: "sex" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = testing_cells::ByValues(*ir);
  // X1 and X2 (case C1, opened 2025-02-10) and X3 (C2, 2025-03-01).
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025|").units(), 3);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_PERIOD|2025|male;"), 2);  // X1, X3
}

TEST_F(CatalogSchemaTest, TrainingPassMarkIsReadThroughTheLink) {
  std::unique_ptr<Dataset> dataset = LoadAll(*schema_);
  auto ir = Compute(*schema_, *dataset, R"pb(
      measure { ratio {
        numerator { table: "training_participants" count: true
                    where: "post_test_score >= training.pass_mark" }
        denominator { table: "training_participants" count: true }
        factor: 100 } }
      where: "training_id = \"T1\""
      period { by: "training.held_on" every: YEARLY } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  // T1: U1 and U3 pass, U2 fails: 2 of 3.
  EXPECT_DOUBLE_EQ(testing_cells::PresentValue(testing_cells::ByValues(*ir), "SCOPE_PERIOD|2025|"),
                   200.0 / 3);
}

TEST_F(CatalogSchemaTest, DeploymentDistrictsRollUpToTheirCountry) {
  // A deployment adds its districts under their country, as
  // docs/case-schema.md says.
  v1::Schema proto = schema_->proto();
  for (v1::CodeList& list : *proto.mutable_code_lists()) {
    if (list.id() != "area") continue;
    for (const char* district : {"NA-KH", "NA-ER"}) {
      v1::Code* code = list.add_codes();
      code->set_value(district);
      code->set_parent("NA");
    }
  }
  Diagnostics diagnostics;
  absl::StatusOr<Schema> deployed = Schema::FromProto(proto, &diagnostics);
  ASSERT_TRUE(deployed.ok()) << deployed.status();
  EXPECT_THAT(diagnostics, IsEmpty());
  Dataset dataset(*deployed);
  ASSERT_TRUE(dataset
                  .LoadCsv("awareness_activities",
                           "activity_id,held_on,channel,people_reached,district\n"
                           "A1,2025-02-01,CommunitySession,120,NA-KH\n"
                           "A2,2025-05-15,Radio,80,NA-ER\n"
                           "A3,2025-06-01,Event,50,NA\n"
                           "A4,2025-06-01,School,200,ZA\n",
                           "awareness_activities.csv")
                  .ok());
  EXPECT_EQ(dataset.FindingCount(), 0);
  auto ir = Compute(*deployed, dataset, R"pb(
      measure { value { table: "awareness_activities" sum: "people_reached" } }
      period { by: "held_on" every: YEARLY }
      disaggregate_by { dimensions: "country_of_district" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = testing_cells::ByValues(*ir);
  // NA: 120 + 80 in its districts + 50 recorded at country level; ZA 200.
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_PERIOD|2025|NA;"), 250);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_PERIOD|2025|ZA;"), 200);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_PERIOD|2025|"), 450);
}

}  // namespace
}  // namespace ctind
