// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog's protection indicators (catalog/indicators/protection.textproto)
// on small hand-made fixtures. Every expected value is worked out by hand in
// the comments next to it: which rows count in which quarter, and why.
// Quarters of the test project (calendar 2025): Q1 Jan–Mar, Q2 Apr–Jun,
// Q3 Jul–Sep, Q4 Oct–Dec; the as-of date is 2025-12-31 unless a test says
// otherwise.

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog_testing.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cells.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::ctind::catalog_testing::CatalogIndicators;
using ::ctind::catalog_testing::CaseSchema;
using ::ctind::catalog_testing::CellsOf;
using ::ctind::catalog_testing::Compute;
using ::ctind::catalog_testing::ResultOf;
using ::ctind::catalog_testing::TestFramework;
using ::ctind::testing_cells::CellMap;
using ::ctind::testing_cells::PresentValue;
using ::testing::Contains;
using ::testing::IsSupersetOf;

constexpr char kLop[] = "SCOPE_LIFE_OF_PROJECT|LOP|";

std::string Q(int quarter, const std::string& cell = "") {
  return "SCOPE_PERIOD|2025Q" + std::to_string(quarter) + "|" + cell;
}
std::string Cumulative(int quarter, const std::string& cell = "") {
  return "SCOPE_CUMULATIVE|2025Q" + std::to_string(quarter) + "|" + cell;
}
std::string Lop(const std::string& cell = "") { return kLop + cell; }

// The ids of this file's indicators, in file order.
std::vector<std::string> ProtectionIds() { return catalog_testing::IdsWithPrefix("PROT-"); }

// A cell that exists and has no value (e.g. a ratio without denominator).
const v1::Cell& MissingCell(const CellMap& cells, const std::string& key) {
  static const v1::Cell none;
  auto it = cells.find(key);
  if (it == cells.end()) {
    ADD_FAILURE() << "no cell " << key;
    return none;
  }
  EXPECT_EQ(it->second.status(), v1::MISSING) << key;
  EXPECT_FALSE(it->second.has_value()) << key;
  return it->second;
}

// ---------------------------------------------------------------------------
// The whole file.
// ---------------------------------------------------------------------------

TEST(ProtectionCatalogTest, HasAtLeast26IndicatorsThatCompileTogetherWithoutDiagnostics) {
  const std::vector<std::string> ids = ProtectionIds();
  EXPECT_GE(ids.size(), 26u);
  catalog_testing::ExpectCompileTogether(ids);
  // And with a population filter on the persons' consent, which applies to
  // the persons table only.
  catalog_testing::ExpectCompileTogether(ids, "consent_data_use = true");
}

TEST(ProtectionCatalogTest, EveryIndicatorIsFullyDocumented) {
  const std::regex id_form("PROT-[0-9][0-9]");
  const std::set<std::string> vocabularies = {"SDG", "US-F", "GLOTIP", "IOM-HANDBOOK", "INDIKIT"};
  for (const std::string& id : ProtectionIds()) {
    SCOPED_TRACE(id);
    const v1::Indicator& ind = CatalogIndicators().at(id);
    EXPECT_TRUE(std::regex_match(id, id_form));
    catalog_testing::ExpectCatalogDefinition(ind, v1::PROTECTION);
    EXPECT_GE(ind.description().size(), 80u) << "a description states what is counted and the edge cases";
    for (const v1::ExternalReference& ref : ind.references()) {
      EXPECT_TRUE(vocabularies.count(ref.vocabulary())) << ref.vocabulary();
      EXPECT_FALSE(ref.title().empty());
    }
    if (ind.source() != v1::REPORTED) {
      EXPECT_GT(ind.disaggregate_by_size(), 0) << "a computed indicator is disaggregated";
    } else if (ind.disaggregate_by_size() == 0) {
      EXPECT_NE(ind.notes().find("No disaggregation"), std::string::npos)
          << "say why a reported indicator has no disaggregation";
    }
    // Consent is the project's business (its population filter).
    EXPECT_EQ(ind.where().find("consent_data_use"), std::string::npos);
  }
}


// ---------------------------------------------------------------------------
// Identification: PROT-01..05, 28, 29 on one register of persons.
// ---------------------------------------------------------------------------

// Victims of the identification fixture (age at identified_on):
//   V01 F  34  NP     Actual    SexExpl;ForcedLabour  2025-01-15 Q1  by NGO, from LawEnforcement, consent
//   V02 M  15  NP;IN  Possible  ForcedLabour          2025-03-31 Q1 (last day)  by LawEnforcement, consent
//   V03 F  18  IN     Actual    SexExpl               2025-04-01 Q2 (first day, 18th birthday)  by LabourInspection, from NGO, no consent
//   V04 TF 40  NP     Possible  ForcedMarriage        2025-05-20 Q2  identifier not recorded, consent
//   V05 M  ?   NA     Actual    ForcedLabour          2025-06-10 Q2  no birth date, by LawEnforcement, from LawEnforcement, consent missing
//   V06 F  12  NP     NotAVictim                      2025-05-05 — not a victim: never counted
//   V07 NSU 16 NP     (missing status) ChildLabour    2025-08-15 Q3  by CommunityMember, from FamilyOrFriend, consent
//   V08 M  25  BD     Actual    ForcedLabour;Servitude 2025-11-03 Q4  by ImmigrationService, from EmbassyOrConsulate, consent
//   V09 F      NP     Possible                        no identification date: in no period
//   V10 F      NP     Actual                          2024-12-31: before the project
//   V11 F  10  NP     Possible  ForcedBegging         2025-10-10 Q4  by NGO, consent
// Counted victims: Q1 V01 V02; Q2 V03 V04 V05; Q3 V07; Q4 V08 V11 (8).
constexpr char kIdentifiedPersons[] =
    "person_id,prs_Birthdate,prs_Gender,prs_Citizenship,vic_TraffickingStatus,"
    "vic_TypeOfExploitation,identified_on,identified_by,referred_in_from,con_Consent\n"
    "V01,1990-05-01,Feminine,NP,ActualVictimOfTrafficking,SexualExploitation;ForcedLabour,2025-01-15,NGO,LawEnforcement,true\n"
    "V02,2010-02-01,Masculine,NP;IN,PossibleVictimOfTrafficking,ForcedLabour,2025-03-31,LawEnforcement,,true\n"
    "V03,2007-04-01,Feminine,IN,ActualVictimOfTrafficking,SexualExploitation,2025-04-01,LabourInspection,NGO,false\n"
    "V04,1985-01-01,TransgenderFeminine,NP,PossibleVictimOfTrafficking,ForcedMarriage,2025-05-20,,,true\n"
    "V05,,Masculine,NA,ActualVictimOfTrafficking,ForcedLabour,2025-06-10,LawEnforcement,LawEnforcement,\n"
    "V06,2012-09-09,Feminine,NP,NotAVictimOfTrafficking,,2025-05-05,NGO,,true\n"
    "V07,2008-11-30,NonSpecifiedUnknown,NP,,ChildLabour,2025-08-15,CommunityMember,FamilyOrFriend,true\n"
    "V08,2000-01-01,Masculine,BD,ActualVictimOfTrafficking,ForcedLabour;Servitude,2025-11-03,ImmigrationService,EmbassyOrConsulate,true\n"
    "V09,1995-07-07,Feminine,NP,PossibleVictimOfTrafficking,SexualExploitation,,NGO,,true\n"
    "V10,1999-03-03,Feminine,NP,ActualVictimOfTrafficking,SexualExploitation,2024-12-31,NGO,,true\n"
    "V11,2015-06-01,Feminine,NP,PossibleVictimOfTrafficking,ForcedBegging,2025-10-10,NGO,,true\n";

TEST(ProtectionIdentificationTest, Prot01VictimsIdentified) {
  const v1::Report report = Compute(TestFramework({"PROT-01"}), {{"persons", kIdentifiedPersons}});
  const CellMap cells = CellsOf(report, "PROT-01");
  // Q1: V01, V02 (identified on the quarter's last day).
  EXPECT_EQ(PresentValue(cells, Q(1)), 2);
  // Q2: V03 (on its first day), V04, V05; V06 is not a victim.
  EXPECT_EQ(PresentValue(cells, Q(2)), 3);
  EXPECT_EQ(PresentValue(cells, Q(3)), 1);  // V07: a missing status is a presumed victim
  EXPECT_EQ(PresentValue(cells, Q(4)), 2);  // V08, V11
  // V09 has no date, V10 is before the project: 8 in all.
  EXPECT_EQ(PresentValue(cells, Lop()), 8);
  EXPECT_EQ(ResultOf(report, "PROT-01").records_without_period(), 1);  // V09
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 5);  // 2 + 3
  EXPECT_EQ(PresentValue(cells, Cumulative(4)), 8);
  // Gender as recorded: Q2 Feminine is V03 only (V04 is TransgenderFeminine),
  // the sex grouping puts both in female.
  EXPECT_EQ(PresentValue(cells, Q(2, "prs_Gender=Feminine;")), 1);
  EXPECT_EQ(PresentValue(cells, Q(2, "sex=female;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("sex=unknown;")), 1);  // V07 NonSpecifiedUnknown
  // Age on the identification day: V03 turns 18 that day and is an adult;
  // V05 has no birth date.
  EXPECT_EQ(PresentValue(cells, Q(2, "age_band=18+;")), 2);  // V03, V04
  EXPECT_EQ(PresentValue(cells, Q(2, "age_band=0-17;")), 0);
  EXPECT_EQ(PresentValue(cells, Lop("age_band=0-17;")), 3);  // V02 15, V07 16, V11 10
  EXPECT_EQ(PresentValue(cells, Lop("age_band=unknown;")), 1);  // V05
  EXPECT_EQ(PresentValue(cells, Lop("age_band_detailed=18-24;")), 1);  // V03
  EXPECT_EQ(PresentValue(cells, Lop("age_band_detailed=25-59;")), 3);  // V01 34, V04 40, V08 25
  // The cross of sex and age band.
  EXPECT_EQ(PresentValue(cells, Q(1, "sex=male;age_band=0-17;")), 1);  // V02
  EXPECT_EQ(PresentValue(cells, Lop("sex=female;age_band=18+;")), 3);  // V01, V03, V04
  // Multi-valued citizenship: V02 (NP;IN) counts in both cells, once in
  // the total (5 + 2 + 1 + 1 = 9 cells for 8 persons). NA is Namibia.
  EXPECT_EQ(PresentValue(cells, Lop("prs_Citizenship=NP;")), 5);  // V01 V02 V04 V07 V11
  EXPECT_EQ(PresentValue(cells, Lop("prs_Citizenship=IN;")), 2);  // V02 V03
  EXPECT_EQ(PresentValue(cells, Lop("prs_Citizenship=NA;")), 1);  // V05
  EXPECT_EQ(PresentValue(cells, Lop("vic_TypeOfExploitation=ForcedLabour;")), 4);  // V01 V02 V05 V08
  EXPECT_EQ(PresentValue(cells, Lop("vic_TypeOfExploitation=SexualExploitation;")), 2);  // V01 V03
  // Presumed and confirmed; V07's missing status is unknown.
  EXPECT_EQ(PresentValue(cells, Lop("vic_TraffickingStatus=PossibleVictimOfTrafficking;")), 3);  // V02 V04 V11
  EXPECT_EQ(PresentValue(cells, Lop("vic_TraffickingStatus=ActualVictimOfTrafficking;")), 4);  // V01 V03 V05 V08
  EXPECT_EQ(PresentValue(cells, Lop("vic_TraffickingStatus=unknown;")), 1);
  // Only the declared statuses are cells.
  EXPECT_EQ(cells.count(Lop("vic_TraffickingStatus=NotAVictimOfTrafficking;")), 0u);
}

TEST(ProtectionIdentificationTest, Prot02ShareOfVictimsConfirmed) {
  const CellMap cells =
      CellsOf(Compute(TestFramework({"PROT-02"}), {{"persons", kIdentifiedPersons}}), "PROT-02");
  // Q1: V01 actual, V02 possible: 1 of 2.
  EXPECT_EQ(PresentValue(cells, Q(1)), 50);
  EXPECT_EQ(cells.at(Q(1)).numerator(), 1);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 2);
  // Q2: V03 and V05 actual, V04 possible: 2 of 3.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Q(2)), 200.0 / 3);
  // Q3: V07's status is missing: in the denominator, not confirmed.
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  EXPECT_EQ(cells.at(Q(3)).denominator(), 1);
  EXPECT_EQ(PresentValue(cells, Q(4)), 50);  // V08 actual, V11 possible
  // LOP: V01 V03 V05 V08 of 8.
  EXPECT_EQ(PresentValue(cells, Lop()), 50);
  EXPECT_EQ(cells.at(Lop()).numerator(), 4);
  EXPECT_EQ(cells.at(Lop()).denominator(), 8);
  EXPECT_EQ(PresentValue(cells, Q(2, "prs_Gender=Masculine;")), 100);  // V05
  EXPECT_EQ(PresentValue(cells, Q(2, "age_band=18+;")), 50);  // V03 of V03, V04
  EXPECT_EQ(PresentValue(cells, Q(2, "age_band=unknown;")), 100);  // V05, no birth date
}

TEST(ProtectionIdentificationTest, Prot03VictimsByIdentifyingOrganisation) {
  const CellMap cells =
      CellsOf(Compute(TestFramework({"PROT-03"}), {{"persons", kIdentifiedPersons}}), "PROT-03");
  EXPECT_EQ(PresentValue(cells, Q(2)), 3);  // V03 V04 V05
  EXPECT_EQ(PresentValue(cells, Lop()), 8);
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 6);  // Q1 2 + Q2 3 + Q3 1
  EXPECT_EQ(PresentValue(cells, Q(2, "identified_by=LawEnforcement;")), 1);  // V05
  EXPECT_EQ(PresentValue(cells, Q(2, "identified_by=LabourInspection;")), 1);  // V03
  // V04's identifier is not recorded.
  EXPECT_EQ(PresentValue(cells, Q(2, "identified_by=unknown;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("identified_by=LawEnforcement;")), 2);  // V02 V05
  // NGO: V01 and V11; V06 (not a victim), V09 (no date) and V10 (2024) are not counted.
  EXPECT_EQ(PresentValue(cells, Lop("identified_by=NGO;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("identified_by=NGO;sex=female;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("identified_by=Hotline;")), 0);
}

TEST(ProtectionIdentificationTest, Prot04ChildVictimsIdentified) {
  const CellMap cells =
      CellsOf(Compute(TestFramework({"PROT-04"}), {{"persons", kIdentifiedPersons}}), "PROT-04");
  EXPECT_EQ(PresentValue(cells, Q(1)), 1);  // V02, 15
  // Q2: V03 turns 18 on the day she is identified: an adult. V05 has no
  // birth date: not counted. V06 (12) is not a victim.
  EXPECT_EQ(PresentValue(cells, Q(2)), 0);
  EXPECT_EQ(PresentValue(cells, Q(3)), 1);  // V07, 16
  EXPECT_EQ(PresentValue(cells, Q(4)), 1);  // V11, 10
  EXPECT_EQ(PresentValue(cells, Lop()), 3);
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 2);
  EXPECT_EQ(PresentValue(cells, Lop("age_group=0-11;")), 1);   // V11
  EXPECT_EQ(PresentValue(cells, Lop("age_group=12-17;")), 2);  // V02 V07
  EXPECT_EQ(PresentValue(cells, Q(1, "prs_Gender=Masculine;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("vic_TypeOfExploitation=ForcedBegging;")), 1);  // V11
}

TEST(ProtectionIdentificationTest, Prot05VictimsReferredIn) {
  const CellMap cells =
      CellsOf(Compute(TestFramework({"PROT-05"}), {{"persons", kIdentifiedPersons}}), "PROT-05");
  // Referred in (referred_in_from recorded): V01 Q1, V03 Q2, V05 Q2, V07 Q3,
  // V08 Q4. V02, V04 and V11 were identified by the organisation itself.
  EXPECT_EQ(PresentValue(cells, Q(1)), 1);
  EXPECT_EQ(PresentValue(cells, Q(2)), 2);
  EXPECT_EQ(PresentValue(cells, Q(4)), 1);
  EXPECT_EQ(PresentValue(cells, Lop()), 5);
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 4);
  EXPECT_EQ(PresentValue(cells, Lop("referred_in_from=LawEnforcement;")), 2);  // V01 V05
  EXPECT_EQ(PresentValue(cells, Q(2, "referred_in_from=NGO;")), 1);  // V03
  EXPECT_EQ(PresentValue(cells, Q(2, "age_band=unknown;")), 1);  // V05
}

TEST(ProtectionIdentificationTest, Prot29ShareGivingInformedConsent) {
  const CellMap cells =
      CellsOf(Compute(TestFramework({"PROT-29"}), {{"persons", kIdentifiedPersons}}), "PROT-29");
  EXPECT_EQ(PresentValue(cells, Q(1)), 100);  // V01, V02 consented
  // Q2: V04 consented; V03 refused; V05's answer is missing and stays in
  // the denominator.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Q(2)), 100.0 / 3);
  EXPECT_EQ(cells.at(Q(2)).numerator(), 1);
  EXPECT_EQ(cells.at(Q(2)).denominator(), 3);
  // LOP: all but V03 and V05: 6 of 8.
  EXPECT_EQ(PresentValue(cells, Lop()), 75);
  EXPECT_EQ(cells.at(Lop()).denominator(), 8);
  EXPECT_EQ(PresentValue(cells, Q(2, "prs_Gender=Feminine;")), 0);  // V03
  EXPECT_EQ(PresentValue(cells, Lop("age_band=0-17;")), 100);  // V02 V07 V11
}

// Population 2025 by gender and country: 3,000,000 in all.
constexpr char kPopulation[] =
    "year,prs_Gender,prs_Citizenship,population\n"
    "2025,Feminine,NP,1000000\n"
    "2025,Masculine,NP,1000000\n"
    "2025,Feminine,IN,500000\n"
    "2025,Masculine,IN,500000\n";

TEST(ProtectionIdentificationTest, Prot28VictimsPer100000Population) {
  const v1::Report report = Compute(TestFramework({"PROT-28"}),
                                    {{"persons", kIdentifiedPersons}, {"population", kPopulation}});
  const CellMap cells = CellsOf(report, "PROT-28");
  // 2025: the 8 victims of PROT-01 per 3,000,000.
  const std::string year = "SCOPE_PERIOD|2025|";
  EXPECT_DOUBLE_EQ(PresentValue(cells, year), 8 * 100000.0 / 3000000);
  EXPECT_EQ(cells.at(year).numerator(), 8);
  EXPECT_EQ(cells.at(year).denominator(), 3000000);
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop()), 8 * 100000.0 / 3000000);
  // Feminine: V01 V03 V11 per 1,500,000 women.
  EXPECT_DOUBLE_EQ(PresentValue(cells, year + "prs_Gender=Feminine;"), 0.2);
  EXPECT_EQ(cells.at(year + "prs_Gender=Feminine;").denominator(), 1500000);
  // No population row for TransgenderFeminine (V04): no denominator.
  EXPECT_THAT(MissingCell(cells, year + "prs_Gender=TransgenderFeminine;").flags(),
              Contains(v1::NO_DENOMINATOR));
  // sex=female groups V04 with the women: 4 per 1,500,000.
  EXPECT_DOUBLE_EQ(PresentValue(cells, year + "sex=female;"), 4 * 100000.0 / 1500000);
  // Citizenship: V02 (NP;IN) counts in both countries' rates.
  EXPECT_DOUBLE_EQ(PresentValue(cells, year + "prs_Citizenship=NP;"), 0.25);  // 5 / 2,000,000
  EXPECT_DOUBLE_EQ(PresentValue(cells, year + "prs_Citizenship=IN;"), 0.2);   // 2 / 1,000,000
  // Namibia (NA, V05) is a country, not a missing value; it has no population row.
  const v1::Cell& namibia = MissingCell(cells, year + "prs_Citizenship=NA;");
  EXPECT_EQ(namibia.numerator(), 1);
  EXPECT_THAT(namibia.flags(), Contains(v1::NO_DENOMINATOR));
  // The population has no type of exploitation: its total divides.
  EXPECT_DOUBLE_EQ(PresentValue(cells, year + "vic_TypeOfExploitation=ForcedLabour;"),
                   4 * 100000.0 / 3000000);
}


// ---------------------------------------------------------------------------
// Referral out: PROT-06.
// ---------------------------------------------------------------------------

// Persons of the assistance fixtures (age at identified_on):
//   A1 F 30 NP     Actual    SexExpl               2025-01-10 Q1  needs assessed 01-12
//   A2 M 15 NP;IN  Possible  ForcedLabour          2025-02-01 Q1  needs assessed 02-20
//   A3 F 35 IN     Actual    SexExpl;ForcedLabour  2025-03-20 Q1  needs not assessed
//   A4 M 45 BD     Actual    ForcedLabour          2025-05-02 Q2  needs assessed 06-30
//   A5 F 25 NP     Possible  ForcedMarriage        2025-06-15 Q2  needs assessed 07-20
//   A6 F 27 NP     Actual    SexExpl               2025-12-10 Q4  needs not assessed
//   A7 M 55 NP     NotAVictim                      2025-04-10 Q2
constexpr char kServedPersons[] =
    "person_id,prs_Birthdate,prs_Gender,prs_Citizenship,vic_TraffickingStatus,"
    "vic_TypeOfExploitation,identified_on,needs_assessed_on\n"
    "A1,1995-01-01,Feminine,NP,ActualVictimOfTrafficking,SexualExploitation,2025-01-10,2025-01-12\n"
    "A2,2009-05-05,Masculine,NP;IN,PossibleVictimOfTrafficking,ForcedLabour,2025-02-01,2025-02-20\n"
    "A3,1990-01-01,Feminine,IN,ActualVictimOfTrafficking,SexualExploitation;ForcedLabour,2025-03-20,\n"
    "A4,1980-01-01,Masculine,BD,ActualVictimOfTrafficking,ForcedLabour,2025-05-02,2025-06-30\n"
    "A5,2000-01-01,Feminine,NP,PossibleVictimOfTrafficking,ForcedMarriage,2025-06-15,2025-07-20\n"
    "A6,1998-01-01,Feminine,NP,ActualVictimOfTrafficking,SexualExploitation,2025-12-10,\n"
    "A7,1970-01-01,Masculine,NP,NotAVictimOfTrafficking,,2025-04-10,\n";

// Outgoing referrals of the persons above:
//   R1 A1 to Health + Legal  2025-01-25 Q1
//   R2 A2 to NGO             2025-04-01 Q2 (first day)
//   R3 A1 to Legal           2025-05-20 Q2 (A1's second referral)
//   R4 A3 not referred out
//   R5 A4 to Immigration     no referral date: in no period
//   R6 A5 to LawEnforcement  2025-06-30 Q2 (last day)
constexpr char kReferralCases[] =
    "case_id,person_id,opened_on,referred_out_to,cas_OutgoingReferralDate,cas_ReasonForOutgoingReferral\n"
    "R1,A1,2025-01-10,HealthServiceOrganisation;LegalService,2025-01-25,AdditionalServicesRequired\n"
    "R2,A2,2025-02-01,NGO,2025-04-01,MigrationOrChangeOfLocation\n"
    "R3,A1,2025-05-01,LegalService,2025-05-20,AdditionalServicesRequired\n"
    "R4,A3,2025-03-20,,,\n"
    "R5,A4,2025-05-02,ImmigrationService,,Other\n"
    "R6,A5,2025-06-15,LawEnforcement,2025-06-30,Other\n";

TEST(ProtectionReferralTest, Prot06VictimsReferredForProtectionServices) {
  const v1::Report report = Compute(TestFramework({"PROT-06"}),
                                    {{"persons", kServedPersons}, {"cases", kReferralCases}});
  const CellMap cells = CellsOf(report, "PROT-06");
  // Q1: A1 (R1), referred to two types of organisation: once in the total,
  // once in each type's cell.
  EXPECT_EQ(PresentValue(cells, Q(1)), 1);
  EXPECT_EQ(PresentValue(cells, Q(1, "referred_out_to=HealthServiceOrganisation;")), 1);
  EXPECT_EQ(PresentValue(cells, Q(1, "referred_out_to=LegalService;")), 1);
  // Q2: A2 (R2), A1 again (R3), A5 (R6).
  EXPECT_EQ(PresentValue(cells, Q(2)), 3);
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  // A1 counts once in the cumulative and life-of-project totals; R5 has no
  // referral date and is in no period.
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 3);
  EXPECT_EQ(PresentValue(cells, Lop()), 3);
  EXPECT_EQ(ResultOf(report, "PROT-06").records_without_period(), 1);
  EXPECT_EQ(PresentValue(cells, Lop("referred_out_to=LegalService;")), 1);  // A1 (R1, R3)
  EXPECT_EQ(PresentValue(cells, Lop("referred_out_to=ImmigrationService;")), 0);  // R5 undated
  EXPECT_EQ(PresentValue(cells, Q(2, "cas_ReasonForOutgoingReferral=AdditionalServicesRequired;")), 1);
  EXPECT_EQ(PresentValue(cells, Q(2, "person.prs_Gender=Feminine;")), 2);  // A1, A5
}

// ---------------------------------------------------------------------------
// Assistance: PROT-07..17, 27 on one set of cases and services.
// ---------------------------------------------------------------------------

// K1–K5, K7, K8: each person's case; K6: A1's second case.
constexpr char kServedCases[] =
    "case_id,person_id,opened_on\n"
    "K1,A1,2025-01-10\n"
    "K2,A2,2025-02-01\n"
    "K3,A3,2025-03-20\n"
    "K4,A4,2025-05-02\n"
    "K5,A5,2025-06-15\n"
    "K6,A1,2025-09-01\n"
    "K7,A6,2025-12-10\n"
    "K8,A7,2025-04-10\n";

// Services (days after the person's identification):
//   S01 A1 Shelter       01-10 Q1 (0)     S07 A3 Legal         planned, not provided
//   S02 A1 Medical       01-20 Q1 (10)    S08 A4 Repatriation  06-30 Q2 (59)
//   S03 A1 Psychosocial  04-05 Q2         S09 A5 Psychosocial  07-15 Q3 (30)
//   S04 A2 Medical       03-15 Q1 (42)    S10 A1 Medical       09-05 Q3 (second case)
//   S05 A2 Legal         03-31 Q1         S11 A7 Medical       04-11 Q2 (not a victim)
//   S06 A3 Shelter       04-01 Q2 (12)    S12 A2 Repatriation  12-31 Q4 (the as-of date)
// A6 has no service.
constexpr char kServices[] =
    "service_id,case_id,service_type,provided_on,provider\n"
    "S01,K1,Shelter,2025-01-10,NGO\n"
    "S02,K1,Medical,2025-01-20,HealthServiceOrganisation\n"
    "S03,K1,Psychosocial,2025-04-05,NGO\n"
    "S04,K2,Medical,2025-03-15,HealthServiceOrganisation\n"
    "S05,K2,Legal,2025-03-31,LegalService\n"
    "S06,K3,Shelter,2025-04-01,NGO\n"
    "S07,K3,Legal,,LegalService\n"
    "S08,K4,Repatriation,2025-06-30,InternationalOrganisation\n"
    "S09,K5,Psychosocial,2025-07-15,NGO\n"
    "S10,K6,Medical,2025-09-05,HealthServiceOrganisation\n"
    "S11,K8,Medical,2025-04-11,HealthServiceOrganisation\n"
    "S12,K2,Repatriation,2025-12-31,InternationalOrganisation\n";

// Support plans: L1 A1 needs-based, completed on its planned end date;
// L2 A3 not needs-based, completed late; L3 A2 (needs-based not recorded),
// still active after its planned end; L4 A4 not needs-based, completed
// early; L5 A5 not needs-based, discontinued; L6 A1 (second case), due after
// the as-of date; L7 A1, no planned end date.
constexpr char kSupportPlans[] =
    "plan_id,case_id,spl_Type,agreed_on,spl_PlannedEndDate,spl_ActualEndDate,based_on_needs_assessment,status\n"
    "L1,K1,SocialCare,2025-01-15,2025-03-31,2025-03-31,true,Completed\n"
    "L2,K3,Health,2025-03-25,2025-05-31,2025-06-10,false,Completed\n"
    "L3,K2,Legal,2025-02-10,2025-06-30,,,Active\n"
    "L4,K4,Livelihood,2025-05-10,2025-08-31,2025-08-01,false,Completed\n"
    "L5,K5,Education,2025-07-01,2025-09-30,2025-09-15,false,Discontinued\n"
    "L6,K6,SocialCare,2025-09-05,2026-03-31,,true,Active\n"
    "L7,K1,Financial,2025-02-01,,,true,Active\n";

v1::Report ComputeAssistance(const std::vector<std::string>& ids,
                             const std::string& as_of = "2025-12-31") {
  return Compute(TestFramework(ids),
                 {{"persons", kServedPersons},
                  {"cases", kServedCases},
                  {"services", kServices},
                  {"support_plans", kSupportPlans}},
                 as_of);
}

TEST(ProtectionAssistanceTest, Prot07VictimsAssisted) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-07"}), "PROT-07");
  EXPECT_EQ(PresentValue(cells, Q(1)), 2);  // A1 (S01, S02), A2 (S04, S05): persons, not services
  EXPECT_EQ(PresentValue(cells, Q(2)), 4);  // A1 (S03), A3 (S06), A4 (S08), A7 (S11)
  EXPECT_EQ(PresentValue(cells, Q(3)), 2);  // A5 (S09), A1 (S10)
  EXPECT_EQ(PresentValue(cells, Q(4)), 1);  // A2 (S12 on the as-of date)
  // A1 is served in three quarters and two cases: once to date.
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 5);  // A1 A2 A3 A4 A7
  EXPECT_EQ(PresentValue(cells, Cumulative(4)), 6);
  EXPECT_EQ(PresentValue(cells, Lop()), 6);  // all but A6 (never served)
  EXPECT_EQ(cells.at(Lop()).units(), 6);
  EXPECT_EQ(PresentValue(cells, Q(2, "case.person.prs_Gender=Feminine;")), 2);  // A1, A3
  EXPECT_EQ(PresentValue(cells, Q(2, "case.person.prs_Gender=Masculine;")), 2);  // A4, A7
  // By type of service: a person counts in each type received. Legal: only
  // A2, since A3's legal service (S07) is planned, not provided.
  EXPECT_EQ(PresentValue(cells, Lop("service_type=Medical;")), 3);  // A1 A2 A7
  EXPECT_EQ(PresentValue(cells, Lop("service_type=Legal;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("service_type=Repatriation;")), 2);  // A4 A2
  // A7's type of exploitation is missing.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=unknown;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 3);  // A2 A3 A4
}

TEST(ProtectionAssistanceTest, Prot08ServicesProvidedByType) {
  const v1::Report report = ComputeAssistance({"PROT-08"});
  const CellMap cells = CellsOf(report, "PROT-08");
  EXPECT_EQ(PresentValue(cells, Q(1)), 4);  // S01 S02 S04 S05
  EXPECT_EQ(PresentValue(cells, Q(2)), 4);  // S03 S06 S08 S11
  EXPECT_EQ(PresentValue(cells, Q(4)), 1);  // S12
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 8);
  // Twelve records, S07 only planned: 11. Being filtered out, it is not a
  // record without a period.
  EXPECT_EQ(PresentValue(cells, Lop()), 11);
  EXPECT_EQ(ResultOf(report, "PROT-08").records_without_period(), 0);
  EXPECT_EQ(PresentValue(cells, Q(1, "service_type=Medical;")), 2);  // S02 S04
  // Four medical services (S02 S04 S10 S11) to three persons (A1 A2 A7).
  EXPECT_EQ(PresentValue(cells, Lop("service_type=Medical;")), 4);
  EXPECT_EQ(cells.at(Lop("service_type=Medical;")).units(), 3);
  EXPECT_EQ(PresentValue(cells, Lop("provider=NGO;")), 4);  // S01 S03 S06 S09
  // A1 (S01 S02 S03 S10), A3 (S06), A5 (S09).
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 6);
}

TEST(ProtectionAssistanceTest, Prot09VictimsReceivingShelter) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-09"}), "PROT-09");
  EXPECT_EQ(PresentValue(cells, Q(1)), 1);  // A1 (S01)
  EXPECT_EQ(PresentValue(cells, Q(2)), 1);  // A3 (S06)
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 2);
  EXPECT_EQ(PresentValue(cells, Lop()), 2);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Masculine;")), 0);
  // A3 is SexualExploitation;ForcedLabour: in both cells.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")), 2);
}

TEST(ProtectionAssistanceTest, Prot10VictimsReceivingMedicalCare) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-10"}), "PROT-10");
  EXPECT_EQ(PresentValue(cells, Q(1)), 2);  // A1 (S02), A2 (S04)
  EXPECT_EQ(PresentValue(cells, Q(2)), 1);  // A7 (S11): served, whatever their status
  EXPECT_EQ(PresentValue(cells, Q(3)), 1);  // A1 again (S10, second case)
  // A1 counts once to date although treated in Q1 and Q3.
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 3);
  EXPECT_EQ(PresentValue(cells, Lop()), 3);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Masculine;")), 2);  // A2 A7
}

TEST(ProtectionAssistanceTest, Prot11VictimsReceivingLegalAssistance) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-11"}), "PROT-11");
  EXPECT_EQ(PresentValue(cells, Q(1)), 1);  // A2 (S05, on the quarter's last day)
  EXPECT_EQ(PresentValue(cells, Q(2)), 0);  // A3's S07 is planned only
  EXPECT_EQ(PresentValue(cells, Cumulative(4)), 1);
  EXPECT_EQ(PresentValue(cells, Lop()), 1);
  EXPECT_EQ(PresentValue(cells, Q(1, "case.person.prs_Gender=Masculine;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 0);
}

TEST(ProtectionAssistanceTest, Prot12VictimsReceivingPsychosocialSupport) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-12"}), "PROT-12");
  EXPECT_EQ(PresentValue(cells, Q(1)), 0);
  EXPECT_EQ(PresentValue(cells, Q(2)), 1);  // A1 (S03)
  EXPECT_EQ(PresentValue(cells, Q(3)), 1);  // A5 (S09)
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 2);
  EXPECT_EQ(PresentValue(cells, Lop()), 2);
  EXPECT_EQ(PresentValue(cells, Q(3, "case.person.vic_TypeOfExploitation=ForcedMarriage;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 2);
}

TEST(ProtectionAssistanceTest, Prot27VictimsRepatriated) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-27"}), "PROT-27");
  EXPECT_EQ(PresentValue(cells, Q(2)), 1);  // A4 (S08, on the quarter's last day)
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  EXPECT_EQ(PresentValue(cells, Q(4)), 1);  // A2 (S12, on the as-of date)
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 1);
  EXPECT_EQ(PresentValue(cells, Cumulative(4)), 2);
  EXPECT_EQ(PresentValue(cells, Lop()), 2);
  // Citizenship: A4 BD; A2 NP;IN counts in both.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Citizenship=BD;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Citizenship=NP;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Citizenship=IN;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Masculine;")), 2);
}

TEST(ProtectionAssistanceTest, Prot13VictimsSupportedOnANeedsAssessment) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-13"}), "PROT-13");
  // A1: plan L1 is needs-based (although her first service, S01 on 01-10,
  //     came before her assessment on 01-12).
  // A2: no needs-based plan (L3's flag is missing), but assessed on 02-20,
  //     before his first service (S04 on 03-15).
  // A3: plan L2 is not needs-based and her needs were never assessed: no.
  // A4: L4 not needs-based; assessed on 06-30, the day of his first service
  //     (S08): on or before it, so yes.
  // A5: L5 not needs-based; assessed on 07-20, after her service S09 (07-15): no.
  // A6: nothing yet. A7 is not a victim.
  EXPECT_EQ(PresentValue(cells, Q(1)), 2);  // A1, A2
  EXPECT_EQ(PresentValue(cells, Q(2)), 1);  // A4
  EXPECT_EQ(PresentValue(cells, Q(4)), 0);  // A6
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 3);
  EXPECT_EQ(PresentValue(cells, Lop()), 3);
  EXPECT_EQ(PresentValue(cells, Q(1, "prs_Gender=Masculine;")), 1);  // A2
  EXPECT_EQ(PresentValue(cells, Q(1, "age_band=0-17;")), 1);  // A2 is 15
}

TEST(ProtectionAssistanceTest, Prot14ShareOfVictimsSupportedOnANeedsAssessment) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-14"}), "PROT-14");
  // With the rule worked out for PROT-13; victims not supported stay in
  // the denominator.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Q(1)), 200.0 / 3);  // A1 A2 of A1 A2 A3
  EXPECT_EQ(cells.at(Q(1)).numerator(), 2);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 3);
  EXPECT_EQ(PresentValue(cells, Q(2)), 50);  // A4 of A4 A5 (A7 is not a victim)
  EXPECT_EQ(cells.at(Q(2)).denominator(), 2);
  EXPECT_THAT(MissingCell(cells, Q(3)).flags(), Contains(v1::NO_DENOMINATOR));  // nobody identified
  EXPECT_EQ(PresentValue(cells, Q(4)), 0);  // A6
  EXPECT_EQ(PresentValue(cells, Lop()), 50);  // 3 of 6
  EXPECT_EQ(PresentValue(cells, Q(1, "prs_Gender=Feminine;")), 50);  // A1 of A1 A3
}

TEST(ProtectionAssistanceTest, Prot15ShareServedWithin30DaysOfIdentification) {
  const v1::Report report = ComputeAssistance({"PROT-15"});
  CellMap cells = CellsOf(report, "PROT-15");
  // A1 (01-10): S01 the same day: yes. A2 (02-01, day 30 = 03-03): first
  // service S04 on 03-15: no. A3 (03-20, day 30 = 04-19): S06 on 04-01: yes
  // (S07 is planned only). A4 (05-02, day 30 = 06-01): S08 on 06-30: no.
  // A5 (06-15, day 30 = 07-15): S09 on 07-15, exactly 30 days: yes.
  // A6 (12-10): day 30 is 2026-01-09, after the as-of date: not yet
  // observable. A7 is not a victim.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Q(1)), 200.0 / 3);
  EXPECT_EQ(cells.at(Q(1)).numerator(), 2);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 3);
  EXPECT_EQ(PresentValue(cells, Q(2)), 50);
  EXPECT_THAT(MissingCell(cells, Q(3)).flags(), Contains(v1::NO_DENOMINATOR));
  const v1::Cell& q4 = MissingCell(cells, Q(4));
  EXPECT_THAT(q4.flags(), IsSupersetOf({v1::NOT_YET_OBSERVABLE, v1::NO_DENOMINATOR}));
  EXPECT_EQ(q4.not_yet_observable(), 1);
  EXPECT_EQ(PresentValue(cells, Lop()), 60);  // 3 of 5
  EXPECT_EQ(cells.at(Lop()).not_yet_observable(), 1);
  EXPECT_EQ(PresentValue(cells, Q(1, "prs_Gender=Feminine;")), 100);  // A1 A3
  EXPECT_EQ(PresentValue(cells, Q(1, "prs_Gender=Masculine;")), 0);   // A2
  EXPECT_EQ(PresentValue(cells, Q(1, "age_band=0-17;")), 0);          // A2 is 15

  // As of 2025-07-14, A5's 30 days have not passed (07-15): not yet
  // observable, so Q2 is A4 alone (day 30 = 06-01 passed): 0 of 1. A6 is
  // not identified yet, and Q4 is not computed.
  cells = CellsOf(ComputeAssistance({"PROT-15"}, "2025-07-14"), "PROT-15");
  EXPECT_EQ(PresentValue(cells, Q(2)), 0);
  EXPECT_EQ(cells.at(Q(2)).denominator(), 1);
  EXPECT_EQ(cells.at(Q(2)).not_yet_observable(), 1);
  EXPECT_EQ(cells.count(Q(4)), 0u);
  EXPECT_EQ(PresentValue(cells, Lop()), 50);  // A1 A3 of A1 A2 A3 A4
}

TEST(ProtectionAssistanceTest, Prot16MeanDaysToFirstService) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-16"}), "PROT-16");
  // First services: A1 S01 (0 days; her later S02, S03 and her second
  // case's S10 are not first), A2 S04 (42), A3 S06 (12), A4 S08 (59), A5
  // S09 (30). A6 has none; A7 is not a victim. Placed by identification.
  EXPECT_EQ(PresentValue(cells, Q(1)), 18);  // (0 + 42 + 12) / 3
  EXPECT_EQ(cells.at(Q(1)).numerator(), 54);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 3);
  EXPECT_EQ(PresentValue(cells, Q(2)), 44.5);  // (59 + 30) / 2
  MissingCell(cells, Q(3));  // nobody identified: a mean of nothing
  MissingCell(cells, Q(4));  // A6 not served yet
  EXPECT_EQ(PresentValue(cells, Lop()), 28.6);  // 143 / 5
  EXPECT_EQ(cells.at(Lop()).denominator(), 5);  // one value per victim
  EXPECT_EQ(PresentValue(cells, Q(1, "case.person.prs_Gender=Feminine;")), 6);  // (0 + 12) / 2
  EXPECT_EQ(PresentValue(cells, Q(1, "case.person.prs_Gender=Masculine;")), 42);
}

// First services across cases and on tied days (days after identification):
//   M0 F 01-05 Q1: S0 02-14 (40).
//   M1 M 02-01 Q1: two cases opened the same day, each with a service on
//      02-11 (10): one value.
//   M2 F 05-10 Q2: two services of one case on 05-30 (20): one value.
//   M3 F 05-20 Q2: case KD's service 06-19 (30), but case KG, opened later,
//      served on 06-04 (15): the first service is SG.
//   M4 M 11-01 Q4: a planned service only: no value.
constexpr char kFirstServicePersons[] =
    "person_id,prs_Gender,identified_on\n"
    "M0,Feminine,2025-01-05\n"
    "M1,Masculine,2025-02-01\n"
    "M2,Feminine,2025-05-10\n"
    "M3,Feminine,2025-05-20\n"
    "M4,Masculine,2025-11-01\n";
constexpr char kFirstServiceCases[] =
    "case_id,person_id,opened_on\n"
    "K0,M0,2025-01-05\n"
    "KA,M1,2025-02-01\n"
    "KB,M1,2025-02-01\n"
    "KC,M2,2025-05-10\n"
    "KD,M3,2025-05-20\n"
    "KG,M3,2025-05-22\n"
    "KE,M4,2025-11-01\n";
constexpr char kFirstServiceServices[] =
    "service_id,case_id,service_type,provided_on\n"
    "S0,K0,Shelter,2025-02-14\n"
    "SA,KA,Shelter,2025-02-11\n"
    "SB,KB,Medical,2025-02-11\n"
    "SC1,KC,Shelter,2025-05-30\n"
    "SC2,KC,Medical,2025-05-30\n"
    "SD,KD,Medical,2025-06-19\n"
    "SG,KG,Shelter,2025-06-04\n"
    "SE,KE,Shelter,\n";

v1::Report ComputeFirstServices(const std::vector<std::string>& ids) {
  return Compute(TestFramework(ids), {{"persons", kFirstServicePersons},
                                      {"cases", kFirstServiceCases},
                                      {"services", kFirstServiceServices}});
}

TEST(ProtectionAssistanceTest, Prot16CountsEachVictimsFirstServiceOnce) {
  const CellMap cells = CellsOf(ComputeFirstServices({"PROT-16"}), "PROT-16");
  // One value per person: M0 40, M1 10, M2 20, M3 15.
  EXPECT_EQ(PresentValue(cells, Lop()), 21.25);  // 85 / 4
  EXPECT_EQ(cells.at(Lop()).numerator(), 85);
  EXPECT_EQ(cells.at(Lop()).denominator(), 4);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 2);  // M0, M1 (not twice for M1's two cases)
  EXPECT_EQ(PresentValue(cells, Q(2)), 17.5);  // (20 + 15) / 2
}

TEST(ProtectionAssistanceTest, Prot17MedianDaysToFirstService) {
  CellMap cells = CellsOf(ComputeAssistance({"PROT-17"}), "PROT-17");
  // The assistance fixture's first services (see PROT-16): Q1 {0, 12, 42},
  // Q2 {30, 59}, LOP {0, 12, 30, 42, 59}.
  EXPECT_EQ(PresentValue(cells, Q(1)), 12);
  EXPECT_EQ(PresentValue(cells, Q(2)), 44.5);
  EXPECT_EQ(PresentValue(cells, Lop()), 30);
  EXPECT_EQ(PresentValue(cells, Q(1, "case.person.prs_Gender=Feminine;")), 6);  // {0, 12}

  // Ties and cases: Q1 {10 (M1 once), 40}: 25 (a second value for M1 would
  // make it 10). Q2 {20 (M2 once), 15 (M3's first service is in her later
  // case)}: 17.5 (counting SC2 too would give 20; taking KD's 30, 25).
  cells = CellsOf(ComputeFirstServices({"PROT-17"}), "PROT-17");
  EXPECT_EQ(PresentValue(cells, Q(1)), 25);
  EXPECT_EQ(PresentValue(cells, Q(2)), 17.5);
  MissingCell(cells, Q(4));  // M4: planned service only
  EXPECT_EQ(PresentValue(cells, Lop()), 17.5);  // {10, 15, 20, 40}
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 20);  // {15, 20, 40}
}

// ---------------------------------------------------------------------------
// Support plans: PROT-26.
// ---------------------------------------------------------------------------

TEST(ProtectionSupportPlanTest, Prot26PlansCompletedByTheirPlannedEndDate) {
  const CellMap cells = CellsOf(ComputeAssistance({"PROT-26"}), "PROT-26");
  // Placed by the planned end date: Q1 L1 (completed on that very day:
  // yes); Q2 L2 (completed after it: no), L3 (still active: no); Q3 L4
  // (completed early: yes), L5 (discontinued: no). L6 is due after the
  // as-of date and L7 has no planned end date: neither is counted.
  EXPECT_EQ(PresentValue(cells, Q(1)), 100);
  EXPECT_EQ(PresentValue(cells, Q(2)), 0);
  EXPECT_EQ(cells.at(Q(2)).denominator(), 2);
  EXPECT_EQ(PresentValue(cells, Q(3)), 50);
  EXPECT_THAT(MissingCell(cells, Q(4)).flags(), Contains(v1::NO_DENOMINATOR));
  EXPECT_EQ(PresentValue(cells, Lop()), 40);  // L1 L4 of L1..L5
  EXPECT_EQ(cells.at(Lop()).numerator(), 2);
  EXPECT_EQ(cells.at(Lop()).denominator(), 5);
  EXPECT_EQ(PresentValue(cells, Q(3, "spl_Type=Livelihood;")), 100);  // L4
  EXPECT_EQ(PresentValue(cells, Q(3, "spl_Type=Education;")), 0);     // L5
  // The victim's gender: L4 (A4) of L3 (A2), L4.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Masculine;")), 50);
}


// ---------------------------------------------------------------------------
// Case management and re-trafficking: PROT-18..25 on one case history.
// ---------------------------------------------------------------------------

constexpr char kCaseHistoryPersons[] =
    "person_id,prs_Gender,vic_TypeOfExploitation,identified_on\n"
    "B1,Feminine,SexualExploitation,2025-01-05\n"
    "B2,Masculine,ForcedLabour,2025-01-10\n"
    "B3,Feminine,SexualExploitation;ForcedLabour,2025-02-01\n"
    "B4,Masculine,ForcedLabour,2025-03-31\n"
    "B5,Feminine,ForcedMarriage,2025-04-10\n";

// Cases ([opened, closed], closed_on the last active day; days to closure):
//   C1  B1 01-05 → 02-04  30  Reintegrated
//   C2  B2 01-10 → 03-31  80  ReferredElsewhere (closed on Q1's last day)
//   C3  B3 02-01 → 05-15 103  Reintegrated
//   C4  B1 02-15 → open       (B1's new case, 11 days after C1 closed)
//   C5  B4 03-31 → 09-30 183  reason not recorded (opened on Q1's last day)
//   C6  B5 04-10 → 04-10   0  NotAVictim (closed the day it opened)
//   C7  B2 06-01 → 06-30  29  Reintegrated (B2's new case after C2)
//   C8  B4 10-01 → 09-01      closes before it opens: invalid
//   C9  B5 11-01 → open
//   C10 B3 2026-05-15 → open  (exactly 12 months after C3 closed; after
//                             the project and after the default as-of date)
constexpr char kCaseHistory[] =
    "case_id,person_id,opened_on,closed_on,closure_reason,cas_ReasonForIncomingReferral\n"
    "C1,B1,2025-01-05,2025-02-04,Reintegrated,AdditionalServicesRequired\n"
    "C2,B2,2025-01-10,2025-03-31,ReferredElsewhere,\n"
    "C3,B3,2025-02-01,2025-05-15,Reintegrated,\n"
    "C4,B1,2025-02-15,,,\n"
    "C5,B4,2025-03-31,2025-09-30,,\n"
    "C6,B5,2025-04-10,2025-04-10,NotAVictim,MigrationOrChangeOfLocation\n"
    "C7,B2,2025-06-01,2025-06-30,Reintegrated,\n"
    "C8,B4,2025-10-01,2025-09-01,,\n"
    "C9,B5,2025-11-01,,,\n"
    "C10,B3,2026-05-15,,,\n";

v1::Report ComputeCaseHistory(const std::vector<std::string>& ids,
                              const std::string& as_of = "2025-12-31") {
  return Compute(TestFramework(ids), {{"persons", kCaseHistoryPersons}, {"cases", kCaseHistory}},
                 as_of);
}

TEST(ProtectionCaseManagementTest, Prot18CasesOpened) {
  const v1::Report report = ComputeCaseHistory({"PROT-18"});
  const CellMap cells = CellsOf(report, "PROT-18");
  EXPECT_EQ(PresentValue(cells, Q(1)), 5);  // C1..C5 (C5 on the quarter's last day)
  EXPECT_EQ(PresentValue(cells, Q(2)), 2);  // C6 C7
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  EXPECT_EQ(PresentValue(cells, Q(4)), 2);  // C8 (opened, whatever its closing date) C9
  EXPECT_EQ(PresentValue(cells, Cumulative(3)), 7);
  EXPECT_EQ(PresentValue(cells, Lop()), 9);  // C10 opens after the as-of date
  EXPECT_EQ(ResultOf(report, "PROT-18").records_after_as_of(), 1);
  // Cases, not persons: B1's two cases both count; two persons behind them.
  EXPECT_EQ(PresentValue(cells, Q(1, "person.prs_Gender=Feminine;")), 3);  // C1 C3 C4
  EXPECT_EQ(cells.at(Q(1, "person.prs_Gender=Feminine;")).units(), 2);     // B1 B3
  EXPECT_EQ(PresentValue(cells, Q(1, "person.vic_TypeOfExploitation=ForcedLabour;")), 3);  // C2 C3 C5
  EXPECT_EQ(PresentValue(cells, Lop("cas_ReasonForIncomingReferral=unknown;")), 7);
}

TEST(ProtectionCaseManagementTest, Prot19OpenCasesAtTheEndOfThePeriod) {
  const v1::Report report = ComputeCaseHistory({"PROT-19"});
  CellMap cells = CellsOf(report, "PROT-19");
  // 31 March: C2 (closed that day: its last active day), C3, C4, C5
  // (opened that day); C1 closed in February.
  EXPECT_EQ(PresentValue(cells, Q(1)), 4);
  EXPECT_EQ(PresentValue(cells, Q(2)), 3);  // 30 June: C4, C5, C7 (closed that day)
  EXPECT_EQ(PresentValue(cells, Q(3)), 2);  // 30 September: C4, C5 (closed that day)
  EXPECT_EQ(PresentValue(cells, Q(4)), 2);  // 31 December: C4, C9; C8 is invalid
  EXPECT_EQ(PresentValue(cells, Lop()), 2);  // the caseload on the as-of date
  EXPECT_EQ(PresentValue(cells, Q(1, "person.prs_Gender=Feminine;")), 2);   // C3 C4
  EXPECT_EQ(PresentValue(cells, Q(1, "person.prs_Gender=Masculine;")), 2);  // C2 C5
  bool invalid_interval = false;
  for (const v1::Finding& f : report.findings()) {
    invalid_interval = invalid_interval || (f.rule() == "invalid_interval" &&
                                            f.indicator_id() == "PROT-19" && f.count() == 1);
  }
  EXPECT_TRUE(invalid_interval);  // C8

  // As of 15 May the current quarter is counted on that day: C3 (closing
  // that day), C4, C5; later quarters are not computed.
  cells = CellsOf(ComputeCaseHistory({"PROT-19"}, "2025-05-15"), "PROT-19");
  EXPECT_EQ(PresentValue(cells, Q(2)), 3);
  EXPECT_THAT(cells.at(Q(2)).flags(), Contains(v1::PARTIAL_PERIOD));
  EXPECT_EQ(cells.count(Q(3)), 0u);
  EXPECT_EQ(PresentValue(cells, Lop()), 3);
}

TEST(ProtectionCaseManagementTest, Prot20CaseClosureRate) {
  const CellMap cells = CellsOf(ComputeCaseHistory({"PROT-20"}), "PROT-20");
  // Q1: closed C1, C2 (on the last day) of active C1..C5.
  EXPECT_EQ(PresentValue(cells, Q(1)), 40);
  EXPECT_EQ(cells.at(Q(1)).numerator(), 2);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 5);
  // Q2: closed C3, C6, C7 of active C3, C4, C5, C6, C7.
  EXPECT_EQ(PresentValue(cells, Q(2)), 60);
  // Q3: closed C5 of active C4, C5; C8 "closed" on 09-01 before opening:
  // out of both sides.
  EXPECT_EQ(PresentValue(cells, Q(3)), 50);
  EXPECT_EQ(PresentValue(cells, Q(4)), 0);  // none closed of C4, C9
  EXPECT_EQ(PresentValue(cells, Lop()), 75);  // 6 closed of the 8 valid cases
  EXPECT_EQ(cells.at(Lop()).denominator(), 8);
  // Q2 women: closed C3 (B3), C6 (B5) of active C3, C4 (B1), C6.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Q(2, "person.prs_Gender=Feminine;")), 200.0 / 3);
  EXPECT_EQ(PresentValue(cells, Q(2, "person.prs_Gender=Masculine;")), 50);  // C7 of C5, C7
}

TEST(ProtectionCaseManagementTest, Prot21CasesClosedByTimeToClosure) {
  const CellMap cells = CellsOf(ComputeCaseHistory({"PROT-21"}), "PROT-21");
  EXPECT_EQ(PresentValue(cells, Q(1)), 2);  // C1 C2
  EXPECT_EQ(PresentValue(cells, Q(1, "days_to_closure_band=0-30;")), 1);   // C1, exactly 30 days
  EXPECT_EQ(PresentValue(cells, Q(1, "days_to_closure_band=31-90;")), 1);  // C2, 80
  EXPECT_EQ(PresentValue(cells, Q(2)), 3);  // C3 C6 C7
  EXPECT_EQ(PresentValue(cells, Q(2, "days_to_closure_band=0-30;")), 2);  // C6 (0 days), C7 (29)
  EXPECT_EQ(PresentValue(cells, Q(3, "days_to_closure_band=181-365;")), 1);  // C5, 183
  // Open cases and the invalid C8 are not counted: 6 closures.
  EXPECT_EQ(PresentValue(cells, Lop()), 6);
  EXPECT_EQ(PresentValue(cells, Lop("days_to_closure_band=0-30;")), 3);
  EXPECT_EQ(PresentValue(cells, Lop("days_to_closure_band=91-180;")), 1);  // C3, 103
  EXPECT_EQ(PresentValue(cells, Lop("days_to_closure_band=366+;")), 0);
  EXPECT_EQ(cells.count(Lop("days_to_closure_band=unknown;")), 0u);
  EXPECT_EQ(PresentValue(cells, Lop("closure_reason=Reintegrated;")), 3);  // C1 C3 C7
  EXPECT_EQ(PresentValue(cells, Lop("closure_reason=unknown;")), 1);       // C5
}

TEST(ProtectionCaseManagementTest, Prot22MeanDaysToClosure) {
  const CellMap cells = CellsOf(ComputeCaseHistory({"PROT-22"}), "PROT-22");
  EXPECT_EQ(PresentValue(cells, Q(1)), 55);  // (30 + 80) / 2
  EXPECT_EQ(PresentValue(cells, Q(2)), 44);  // (103 + 0 + 29) / 3
  EXPECT_EQ(PresentValue(cells, Q(3)), 183);
  MissingCell(cells, Q(4));  // nothing closed (C8 is invalid)
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop()), 425.0 / 6);
  EXPECT_EQ(cells.at(Lop()).numerator(), 425);
  EXPECT_EQ(cells.at(Lop()).denominator(), 6);
  EXPECT_EQ(PresentValue(cells, Lop("closure_reason=Reintegrated;")), 54);  // (30 + 103 + 29) / 3
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("person.prs_Gender=Masculine;")), 292.0 / 3);  // C2 C5 C7
}

TEST(ProtectionCaseManagementTest, Prot23MedianDaysToClosure) {
  const CellMap cells = CellsOf(ComputeCaseHistory({"PROT-23"}), "PROT-23");
  EXPECT_EQ(PresentValue(cells, Q(1)), 55);  // {30, 80}
  EXPECT_EQ(PresentValue(cells, Q(2)), 29);  // {0, 29, 103}
  MissingCell(cells, Q(4));
  EXPECT_EQ(PresentValue(cells, Lop()), 55);  // {0, 29, 30 | 80, 103, 183}
  EXPECT_EQ(PresentValue(cells, Lop("closure_reason=Reintegrated;")), 30);  // {29, 30, 103}
  EXPECT_EQ(PresentValue(cells, Lop("person.prs_Gender=Masculine;")), 80);  // {29, 80, 183}
}

TEST(ProtectionReintegrationTest, Prot24ShareOfClosuresAfterReintegration) {
  const CellMap cells = CellsOf(ComputeCaseHistory({"PROT-24"}), "PROT-24");
  EXPECT_EQ(PresentValue(cells, Q(1)), 50);  // C1 of C1, C2
  EXPECT_EQ(cells.at(Q(1)).numerator(), 1);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 2);
  // Q2: C3, C7 of C3, C6, C7: every closure is in the denominator,
  // NotAVictim included.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Q(2)), 200.0 / 3);
  // Q3: C5's reason is missing: in the denominator, not reintegrated.
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  EXPECT_EQ(cells.at(Q(3)).denominator(), 1);
  EXPECT_THAT(MissingCell(cells, Q(4)).flags(), Contains(v1::NO_DENOMINATOR));
  EXPECT_EQ(PresentValue(cells, Lop()), 50);  // 3 of 6
  EXPECT_EQ(PresentValue(cells, Q(2, "person.prs_Gender=Feminine;")), 50);  // C3 of C3, C6
}

TEST(ProtectionReintegrationTest, Prot25ReTraffickingWithin12MonthsOfClosure) {
  // As of 2026-06-30 the closures up to 2025-06-30 are observable.
  v1::Report report = ComputeCaseHistory({"PROT-25"}, "2026-06-30");
  CellMap cells = CellsOf(report, "PROT-25");
  // Q1: C1 (B1 opened C4 11 days later) and C2 (B2 opened C7 in June): 2 of 2.
  EXPECT_EQ(PresentValue(cells, Q(1)), 100);
  EXPECT_EQ(cells.at(Q(1)).denominator(), 2);
  // Q2: C3 (B3 opened C10 on 2026-05-15, exactly 12 months later: within)
  // of C3 and C7 (B2 has no later case; its window ends on the as-of date,
  // so it is observable); C6 (NotAVictim) is left out.
  EXPECT_EQ(PresentValue(cells, Q(2)), 50);
  EXPECT_EQ(cells.at(Q(2)).numerator(), 1);
  EXPECT_EQ(cells.at(Q(2)).denominator(), 2);
  // Q3: C5's window ends on 2026-09-30: not yet observable (its missing
  // closure reason keeps it in); C8 closes before it opens: left out.
  const v1::Cell& q3 = MissingCell(cells, Q(3));
  EXPECT_THAT(q3.flags(), IsSupersetOf({v1::NOT_YET_OBSERVABLE, v1::NO_DENOMINATOR}));
  EXPECT_EQ(q3.not_yet_observable(), 1);
  EXPECT_EQ(PresentValue(cells, Lop()), 75);  // C1 C2 C3 of C1 C2 C3 C7
  EXPECT_EQ(cells.at(Lop()).not_yet_observable(), 1);
  EXPECT_EQ(PresentValue(cells, Q(1, "person.prs_Gender=Feminine;")), 100);  // C1
  EXPECT_EQ(PresentValue(cells, Q(2, "person.prs_Gender=Masculine;")), 0);   // C7

  // As of the project's end no closure has had its 12 months yet.
  cells = CellsOf(ComputeCaseHistory({"PROT-25"}), "PROT-25");
  const v1::Cell& lop = MissingCell(cells, Lop());
  EXPECT_EQ(lop.not_yet_observable(), 5);  // C1 C2 C3 C5 C7
  EXPECT_THAT(lop.flags(), Contains(v1::NOT_YET_OBSERVABLE));
}

// ---------------------------------------------------------------------------
// First responders trained: PROT-30.
// ---------------------------------------------------------------------------

constexpr char kTrainings[] =
    "training_id,topic,held_on\n"
    "T1,Identification,2025-02-10\n"
    "T2,Identification,2025-06-30\n"
    "T3,Prosecution,2025-03-01\n"
    "T4,Identification,2025-10-01\n";
// U3 did not complete; U5 attended another topic; U7's completion is not
// recorded.
constexpr char kParticipants[] =
    "participant_id,training_id,prs_Gender,institution,completed\n"
    "U1,T1,Feminine,Police,true\n"
    "U2,T1,Masculine,Police,true\n"
    "U3,T1,Masculine,BorderOfficials,false\n"
    "U4,T2,Feminine,LabourInspectors,true\n"
    "U5,T3,Feminine,Prosecutors,true\n"
    "U6,T4,TransgenderMasculine,SocialWorkers,true\n"
    "U7,T4,Masculine,Police,\n";

TEST(ProtectionCapacityTest, Prot30FirstRespondersTrainedOnIdentification) {
  const CellMap cells =
      CellsOf(Compute(TestFramework({"PROT-30"}),
                      {{"trainings", kTrainings}, {"training_participants", kParticipants}}),
              "PROT-30");
  EXPECT_EQ(PresentValue(cells, Q(1)), 2);  // U1 U2 (T1); not U3, nor U5 (T3)
  EXPECT_EQ(PresentValue(cells, Q(2)), 1);  // U4 (T2, on the quarter's last day)
  EXPECT_EQ(PresentValue(cells, Q(3)), 0);
  EXPECT_EQ(PresentValue(cells, Q(4)), 1);  // U6; U7's completion is missing
  EXPECT_EQ(PresentValue(cells, Cumulative(2)), 3);
  EXPECT_EQ(PresentValue(cells, Lop()), 4);
  EXPECT_EQ(PresentValue(cells, Q(1, "sex=male;")), 1);  // U2
  EXPECT_EQ(PresentValue(cells, Lop("sex=male;")), 2);   // U2, U6 (TransgenderMasculine)
  EXPECT_EQ(PresentValue(cells, Lop("prs_Gender=Masculine;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("institution=Police;")), 2);  // U1 U2
}

// ---------------------------------------------------------------------------
// Reported: PROT-31.
// ---------------------------------------------------------------------------

TEST(ProtectionReportedTest, Prot31ClientSatisfactionTakesReportedValues) {
  v1::Framework framework = TestFramework({"PROT-31"});
  v1::ReportedValue* q1 = framework.mutable_indicators(0)->add_reported();
  q1->set_period("2025Q1");
  q1->set_number(87.5);
  q1->set_source("client feedback survey, March 2025");
  q1->set_evidence("feedback-survey-2025Q1.xlsx");
  Diagnostics diagnostics;
  absl::StatusOr<Framework> fw = Framework::FromProto(framework, &diagnostics);
  ASSERT_TRUE(fw.ok()) << fw.status();
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(fw->proto().indicators(0).reported_size(), 1);
  EXPECT_EQ(fw->proto().indicators(0).reported(0).number(), 87.5);
  // A reported indicator compiles and evaluates to its entered values:
  // 87.5 in 2025Q1.
  const v1::Report report = Compute(framework, {});
  bool found = false;
  for (const v1::Cell& cell : ResultOf(report, "PROT-31").cells()) {
    if (cell.scope() == v1::SCOPE_PERIOD && cell.period() == "2025Q1" && cell.breakdown().empty()) {
      EXPECT_EQ(cell.value(), 87.5);
      found = true;
    }
  }
  EXPECT_TRUE(found);

  // The indicator reports quarterly: a monthly value is rejected.
  framework.mutable_indicators(0)->mutable_reported(0)->set_period("202503");
  diagnostics.clear();
  EXPECT_FALSE(Framework::FromProto(framework, &diagnostics).ok());
  EXPECT_TRUE(HasErrors(diagnostics));
  // A computed catalog indicator takes no reported values.
  v1::Framework computed = TestFramework({"PROT-01"});
  v1::ReportedValue* rv = computed.mutable_indicators(0)->add_reported();
  rv->set_period("2025Q1");
  rv->set_number(3);
  EXPECT_FALSE(Framework::FromProto(computed).ok());
}

}  // namespace
}  // namespace ctind
