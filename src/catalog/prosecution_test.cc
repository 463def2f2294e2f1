// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog's prosecution indicators
// (catalog/indicators/prosecution.textproto) on one small hand-made fixture
// of victims, cases, perpetrators and legal proceedings. Every expected
// value is worked out by hand in the comments beside it.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "catalog/catalog_testing.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using catalog_testing::CatalogIndicators;
using catalog_testing::CellsOf;
using catalog_testing::ResultOf;
using catalog_testing::TestFramework;
using testing_cells::PresentValue;

constexpr char kLop[] = "SCOPE_LIFE_OF_PROJECT|LOP|";

std::string Lop(const std::string& coordinates) { return kLop + coordinates; }

// Victims V1..V4 have cases; V5..V8 were screened only (PROS-18). V7's
// status is not recorded. "NA" is Namibia.
constexpr char kPersons[] =
    "person_id,identified_on,prs_Gender,prs_Citizenship,vic_TypeOfExploitation,"
    "vic_TraffickingStatus,vic_TraffickingStatusDecisionMakingOrg,referred_in_from\n"
    "V1,2025-01-05,Feminine,NP,SexualExploitation;ForcedLabour,ActualVictimOfTrafficking,Police,"
    "LawEnforcement\n"
    "V2,2025-02-01,Masculine,NP;IN,ForcedLabour,PossibleVictimOfTrafficking,NGO,NGO\n"
    "V3,2025-04-15,Feminine,NA,ForcedMarriage,ActualVictimOfTrafficking,CourtOrProsecution,"
    "LawEnforcement\n"
    "V4,2025-06-30,TransgenderFeminine,IN,SexualExploitation,PossibleVictimOfTrafficking,NGO,NGO\n"
    "V5,2025-03-10,Feminine,NP,,NotAVictimOfTrafficking,Police,LawEnforcement\n"
    "V6,2025-05-01,Masculine,NP,,NotAVictimOfTrafficking,NGO,NGO\n"
    "V7,2025-05-02,Feminine,NP,,,,Hotline\n"
    "V8,2025-07-01,Masculine,IN,,NotAVictimOfTrafficking,Police,Hotline\n";
// C5 is V1's second case, without any proceeding.
constexpr char kCases[] =
    "case_id,person_id,opened_on\n"
    "C1,V1,2025-01-05\n"
    "C2,V2,2025-02-01\n"
    "C3,V3,2025-04-15\n"
    "C4,V4,2025-06-30\n"
    "C5,V1,2025-08-01\n";
// K5's gender is not recorded; K2 has two citizenships.
constexpr char kPerpetrators[] =
    "perpetrator_id,case_id,prs_Gender,prs_Citizenship\n"
    "K1,C1,Masculine,NP\n"
    "K2,C1,Feminine,NP;IN\n"
    "K3,C2,Masculine,IN\n"
    "K4,C3,Masculine,NA\n"
    "K5,C4,,IN\n";
// Seven proceedings (victim through the case in brackets):
//   LP1 K1 C1 (V1) inv 01-10  pros 03-31 (Q1's last day)  verdict 06-30 convicted, 60 months,
//                  awarded 5000 USD, received 2000
//   LP2 K2 C1 (V1) inv 01-10  pros 04-01 (Q2's first day) verdict 09-15 convicted, 36 months,
//                  awarded 3000 USD, received 0
//   LP3 K3 C2 (V2) inv 02-20  pros 05-05  verdict 08-01 acquitted
//   LP4 K1 C2 (V2) inv 04-10  pros 06-01  verdict 11-20 convicted, 24 months,
//                  awarded 1,000,000 NPR, received not recorded
//   LP5 K4 C3 (V3) inv 07-01, no prosecution yet
//   LP6 K5 C4 (V4) no investigation date, pros 10-01, verdict 12-31 convicted, no sentence,
//                  awarded 800 USD, received 800
//   LP7 K3 C2 (V2) inv 02-25  pros 09-30  verdict 12-01, outcome not recorded
// K1 is prosecuted in two victims' cases (LP1, LP4); K3 twice in C2.
constexpr char kProceedings[] =
    "proceeding_id,perpetrator_id,case_id,stage,investigation_opened_on,prosecution_started_on,"
    "verdict_on,convicted,sentence_months,compensation_awarded,compensation_received,"
    "compensation_currency\n"
    "LP1,K1,C1,Convicted,2025-01-10,2025-03-31,2025-06-30,true,60,5000,2000,USD\n"
    "LP2,K2,C1,Convicted,2025-01-10,2025-04-01,2025-09-15,true,36,3000,0,USD\n"
    "LP3,K3,C2,Acquitted,2025-02-20,2025-05-05,2025-08-01,false,,,,\n"
    "LP4,K1,C2,Convicted,2025-04-10,2025-06-01,2025-11-20,true,24,1000000,,NPR\n"
    "LP5,K4,C3,Investigated,2025-07-01,,,,,,,\n"
    "LP6,K5,C4,Convicted,,2025-10-01,2025-12-31,true,,800,800,USD\n"
    "LP7,K3,C2,Prosecuted,2025-02-25,2025-09-30,2025-12-01,,,,,\n";

const std::map<std::string, std::string>& Tables() {
  static const auto* tables = new std::map<std::string, std::string>{
      {"persons", kPersons},
      {"cases", kCases},
      {"perpetrators", kPerpetrators},
      {"legal_proceedings", kProceedings}};
  return *tables;
}

v1::Report Compute(const std::string& id) {
  return catalog_testing::Compute(TestFramework({id}), Tables());
}

TEST(ProsecutionCatalog, Pros01InvestigationsOpened) {
  const v1::Report report = Compute("PROS-01");
  const auto cells = CellsOf(report, "PROS-01");
  // Q1: LP1 LP2 LP3 LP7; Q2: LP4; Q3: LP5; LP6 has no investigation date.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 4);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 5);
  EXPECT_EQ(PresentValue(cells, kLop), 6);
  EXPECT_EQ(ResultOf(report, "PROS-01").records_without_period(), 1);  // LP6
  // Q1 by perpetrator: men K1 (LP1), K3 (LP3, LP7); woman K2 (LP2).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|perpetrator.prs_Gender=Masculine;"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|perpetrator.prs_Gender=Feminine;"), 1);
  // Victims' exploitation: V1 (sexual and forced labour) LP1 LP2; V2
  // (forced labour) LP3 LP4 LP7; V3 (forced marriage) LP5. Cells 5+2+1 > 6.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 5);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedMarriage;")), 1);
}

TEST(ProsecutionCatalog, Pros02ProsecutionsStarted) {
  const v1::Report report = Compute("PROS-02");
  const auto cells = CellsOf(report, "PROS-02");
  // Q1: LP1 (31 March); Q2: LP2 (1 April), LP3, LP4; Q3: LP7; Q4: LP6.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 4);
  EXPECT_EQ(PresentValue(cells, kLop), 6);
  // LP5 (Investigated) was never prosecuted: not a record without a date.
  EXPECT_EQ(ResultOf(report, "PROS-02").records_without_period(), 0);
  // Men: LP1 LP4 (K1), LP3 LP7 (K3); woman LP2; LP6's K5 unknown.
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Masculine;")), 4);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Feminine;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=unknown;")), 1);
}

TEST(ProsecutionCatalog, Pros03Convictions) {
  const v1::Report report = Compute("PROS-03");
  const auto cells = CellsOf(report, "PROS-03");
  // Convicted: LP1 (30 June, Q2), LP2 (Q3), LP4 and LP6 (31 December, Q4);
  // LP3 was acquitted, LP7's outcome is missing.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 2);
  EXPECT_EQ(PresentValue(cells, kLop), 4);
  // Citizenship of the convicted: LP1 K1 NP, LP2 K2 NP and IN, LP4 K1 NP,
  // LP6 K5 IN: NP 3, IN 2 (K2 in both), total 4.
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=NP;")), 3);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=IN;")), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|perpetrator.prs_Gender=Masculine;"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|perpetrator.prs_Gender=unknown;"), 1);
  // Victims' exploitation: LP1 LP2 (V1: both), LP4 (V2: labour), LP6 (V4: sexual).
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 3);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")), 3);
}

TEST(ProsecutionCatalog, Pros04PersonsProsecutedCountOnce) {
  const v1::Report report = Compute("PROS-04");
  const auto cells = CellsOf(report, "PROS-04");
  // Q1: K1 (LP1); Q2: K2 (LP2), K3 (LP3), K1 again (LP4); Q3: K3 (LP7);
  // Q4: K5 (LP6).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1);
  // To date: K1 prosecuted in Q1 and Q2 counts once: {K1 K2 K3}, then K5.
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q4|"), 4);
  EXPECT_EQ(PresentValue(cells, kLop), 4);
  // Men K1 K3, woman K2, unknown K5.
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Masculine;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Feminine;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=unknown;")), 1);
  // NP: K1 K2; IN: K2 K3 K5 (K2 in both, once in the total).
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=NP;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=IN;")), 3);
}

TEST(ProsecutionCatalog, Pros05PersonsConvicted) {
  const v1::Report report = Compute("PROS-05");
  const auto cells = CellsOf(report, "PROS-05");
  // Q2: K1 (LP1); Q3: K2 (LP2); Q4: K1 (LP4), K5 (LP6).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 2);
  // K1 convicted twice counts once to date: K1 K2 K5.
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q4|"), 3);
  EXPECT_EQ(PresentValue(cells, kLop), 3);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Masculine;")), 1);  // K1
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=NP;")), 2);    // K1 K2
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=IN;")), 2);    // K2 K5
}

TEST(ProsecutionCatalog, Pros06ConvictionRate) {
  const v1::Report report = Compute("PROS-06");
  const auto cells = CellsOf(report, "PROS-06");
  // Q1: no verdict, no denominator.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").status(), v1::MISSING);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q1|").flags(), ::testing::Contains(v1::NO_DENOMINATOR));
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 100);  // LP1
  // Q3: LP2 convicted, LP3 acquitted.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 50);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").numerator(), 1);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").denominator(), 2);
  // Q4: LP4 and LP6 convicted; LP7's missing outcome is not a verdict (else 2 of 3).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 100);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q4|").denominator(), 2);
  // Life of project: 4 convictions of 5 verdicts.
  EXPECT_EQ(PresentValue(cells, kLop), 80);
  EXPECT_EQ(cells.at(kLop).numerator(), 4);
  EXPECT_EQ(cells.at(kLop).denominator(), 5);
  // Q3 by perpetrator: K3 (man) acquitted, K2 (woman) convicted.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|perpetrator.prs_Gender=Masculine;"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|perpetrator.prs_Gender=Feminine;"), 100);
  // Forced labour (V1, V2): LP1 LP2 LP4 convicted of LP1 LP2 LP3 LP4.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 75);
}

TEST(ProsecutionCatalog, Pros07PerpetratorsInvestigated) {
  const v1::Report report = Compute("PROS-07");
  const auto cells = CellsOf(report, "PROS-07");
  // Q1: K1 (LP1), K2 (LP2), K3 (LP3 and LP7, once); Q2: K1 (LP4); Q3: K4.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 3);  // K1 already counted
  // K5's only proceeding (LP6) has no investigation date: K1..K4.
  EXPECT_EQ(PresentValue(cells, kLop), 4);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|perpetrator.prs_Gender=Masculine;"), 2);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Masculine;")), 3);  // K1 K3 K4
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=NA;")), 1);    // K4, Namibia
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Citizenship=IN;")), 2);    // K2 K3
}

TEST(ProsecutionCatalog, Pros08CasesWithALegalProceeding) {
  const v1::Report report = Compute("PROS-08");
  const auto cells = CellsOf(report, "PROS-08");
  // C1: first investigation 10 January (Q1); C2: 20 February (LP3; LP4 in
  // Q2 and LP7 do not move it); C3: 1 July (Q3); C4's only proceeding has
  // no investigation date; C5 has no proceeding.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 3);
  EXPECT_EQ(PresentValue(cells, kLop), 3);
  EXPECT_EQ(ResultOf(report, "PROS-08").records_without_period(), 1);  // C4
  // Victims: C1 V1 and C3 V3 women, C2 V2 a man.
  EXPECT_EQ(PresentValue(cells, Lop("person.prs_Gender=Feminine;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("person.prs_Gender=Masculine;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("person.vic_TypeOfExploitation=ForcedLabour;")), 2);  // C1 C2
}

TEST(ProsecutionCatalog, Pros09VictimsWhoseCaseReachedProsecution) {
  const v1::Report report = Compute("PROS-09");
  const auto cells = CellsOf(report, "PROS-09");
  // Q1: V1 (LP1); Q2: V1 (LP2), V2 (LP3, LP4: once); Q3: V2 (LP7); Q4: V4 (LP6).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 2);
  // V3's case is only investigated: V1 V2 V4.
  EXPECT_EQ(PresentValue(cells, kLop), 3);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=TransgenderFeminine;")), 1);  // V4
  // Citizenship: NP V1 V2; IN V2 V4; NA (V3) none.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Citizenship=NP;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Citizenship=IN;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Citizenship=NA;")), 0);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")), 2);
  EXPECT_EQ(cells.at(kLop).units(), 3);
}

TEST(ProsecutionCatalog, Pros10MedianSentence) {
  const v1::Report report = Compute("PROS-10");
  const auto cells = CellsOf(report, "PROS-10");
  // Sentences of the convicted: LP1 60 (Q2), LP2 36 (Q3), LP4 24 (Q4);
  // LP6 (Q4) has none and is skipped.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").status(), v1::MISSING);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 60);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 24);
  EXPECT_EQ(PresentValue(cells, kLop), 36);  // 24 36 60
  // Men K1: 24 and 60, an even number: (24 + 60) / 2.
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Masculine;")), 42);
  // Sexual exploitation: LP1 60, LP2 36 (V1), LP6 none: (36 + 60) / 2.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")), 48);
}

TEST(ProsecutionCatalog, Pros11MeanSentence) {
  const v1::Report report = Compute("PROS-11");
  const auto cells = CellsOf(report, "PROS-11");
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 36);  // LP2
  // Q4: LP4 24; LP6 has no sentence: 24 / 1.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 24);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q4|").denominator(), 1);
  // (60 + 36 + 24) / 3.
  EXPECT_EQ(PresentValue(cells, kLop), 40);
  EXPECT_EQ(cells.at(kLop).numerator(), 120);
  EXPECT_EQ(cells.at(kLop).denominator(), 3);
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Masculine;")), 42);  // (60 + 24) / 2
  EXPECT_EQ(PresentValue(cells, Lop("perpetrator.prs_Gender=Feminine;")), 36);
}

TEST(ProsecutionCatalog, Pros12MeanDaysFromInvestigationToVerdict) {
  const v1::Report report = Compute("PROS-12");
  const auto cells = CellsOf(report, "PROS-12");
  // Days (day of year 2025: 10 Jan 10, 20 Feb 51, 25 Feb 56, 10 Apr 100,
  // 30 Jun 181, 1 Aug 213, 15 Sep 258, 20 Nov 324, 1 Dec 335):
  // LP1 181-10 = 171 (Q2); LP2 258-10 = 248, LP3 213-51 = 162 (Q3);
  // LP4 324-100 = 224, LP7 335-56 = 279 (Q4); LP6 has no investigation
  // date and is left out.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 171);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 205);  // (248 + 162) / 2
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 251.5);  // (224 + 279) / 2
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q4|").denominator(), 2);
  EXPECT_EQ(PresentValue(cells, kLop), 216.8);  // 1084 / 5
  EXPECT_EQ(cells.at(kLop).numerator(), 1084);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|stage=Acquitted;"), 162);  // LP3
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("stage=Convicted;")), 643.0 / 3);  // LP1 LP2 LP4
}

TEST(ProsecutionCatalog, Pros13CompensationAwarded) {
  const v1::Report report = Compute("PROS-13");
  const auto cells = CellsOf(report, "PROS-13");
  // LP1 5000 USD (Q2), LP2 3000 USD (Q3), LP4 1,000,000 NPR and LP6 800 USD (Q4).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 5000);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 8000);
  // The total adds currencies as recorded; the currency cells are the figures.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1000800);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|compensation_currency=USD;"), 800);
  EXPECT_EQ(PresentValue(cells, kLop), 1008800);
  EXPECT_EQ(PresentValue(cells, Lop("compensation_currency=USD;")), 8800);
  EXPECT_EQ(PresentValue(cells, Lop("compensation_currency=NPR;")), 1000000);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 8000);  // V1
}

TEST(ProsecutionCatalog, Pros14CompensationReceived) {
  const v1::Report report = Compute("PROS-14");
  const auto cells = CellsOf(report, "PROS-14");
  // Received: LP1 2000 (Q2), LP2 0 (Q3), LP4 not recorded (adds nothing),
  // LP6 800 (Q4).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 2000);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 800);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 2000);
  EXPECT_EQ(PresentValue(cells, kLop), 2800);
  EXPECT_EQ(PresentValue(cells, Lop("compensation_currency=NPR;")), 0);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=TransgenderFeminine;")), 800);  // V4
}

TEST(ProsecutionCatalog, Pros15ShareOfAwardedCompensationReceived) {
  const v1::Report report = Compute("PROS-15");
  const auto cells = CellsOf(report, "PROS-15");
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 40);  // 2000 of 5000
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 0);   // 0 of 3000
  // Q4 per currency: USD 800 of 800; NPR nothing recorded of 1,000,000.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|compensation_currency=USD;"), 100);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|compensation_currency=NPR;"), 0);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q4|compensation_currency=NPR;").denominator(), 1000000);
  // Life of project in USD: (2000 + 0 + 800) / (5000 + 3000 + 800).
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("compensation_currency=USD;")), 2800.0 * 100 / 8800);
  EXPECT_EQ(cells.at(kLop).numerator(), 2800);
  EXPECT_EQ(cells.at(kLop).denominator(), 1008800);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Feminine;")), 25);  // 2000 of 8000
}

TEST(ProsecutionCatalog, Pros16VictimsAwardedCompensation) {
  const v1::Report report = Compute("PROS-16");
  const auto cells = CellsOf(report, "PROS-16");
  // Q2: V1 (LP1); Q3: V1 (LP2); Q4: V2 (LP4), V4 (LP6).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 2);
  // V1 awarded twice counts once to date.
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, kLop), 3);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.prs_Gender=Masculine;")), 1);  // V2
  // Sexual exploitation V1 V4; forced labour V1 V2.
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 2);
}

TEST(ProsecutionCatalog, Pros17ShareOfVictimsAwardedWhoReceived) {
  const v1::Report report = Compute("PROS-17");
  const auto cells = CellsOf(report, "PROS-17");
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 100);  // V1 received 2000 (LP1)
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 0);    // V1 received 0 of LP2
  // Q4: V4 received, V2's received amount is not recorded.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 50);
  // Over the project V1 received in one of two proceedings and counts:
  // V1 and V4 of V1 V2 V4.
  EXPECT_DOUBLE_EQ(PresentValue(cells, kLop), 200.0 / 3);
  EXPECT_EQ(cells.at(kLop).numerator(), 2);
  EXPECT_EQ(cells.at(kLop).denominator(), 3);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=ForcedLabour;")), 50);
  EXPECT_EQ(PresentValue(cells, Lop("case.person.vic_TypeOfExploitation=SexualExploitation;")),
            100);
}

TEST(ProsecutionCatalog, Pros18ShareOfPersonsScreenedNotVictims) {
  const v1::Report report = Compute("PROS-18");
  const auto cells = CellsOf(report, "PROS-18");
  // Q1: V1 actual, V2 possible, V5 not a victim: 1 of 3.
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 100.0 / 3);
  // Q2: V3, V4 (30 June), V6 not a victim; V7's missing status is in neither side.
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 100.0 / 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q2|").denominator(), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 100);  // V8 (1 July)
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q4|").status(), v1::MISSING);
  // V5 V6 V8 of seven with a status.
  EXPECT_DOUBLE_EQ(PresentValue(cells, kLop), 300.0 / 7);
  EXPECT_EQ(cells.at(kLop).denominator(), 7);
  // Referred by the hotline: V8 (V7 has no status); by the police: V5 of V1 V3 V5.
  EXPECT_EQ(PresentValue(cells, Lop("referred_in_from=Hotline;")), 100);
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("referred_in_from=LawEnforcement;")), 100.0 / 3);
  // Decided by the police: V1 (actual), V5, V8.
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("vic_TraffickingStatusDecisionMakingOrg=Police;")),
                   200.0 / 3);
}

TEST(ProsecutionCatalog, AllIndicatorsCompileTogetherWithoutDiagnostics) {
  const std::vector<std::string> ids = catalog_testing::IdsWithPrefix("PROS-");
  EXPECT_GE(ids.size(), 14u);
  catalog_testing::ExpectCompileTogether(ids);
  if (::testing::Test::HasFatalFailure()) return;
  // Evaluated together, each gives what it gives alone.
  const v1::Report together = catalog_testing::Compute(TestFramework(ids), Tables());
  for (const std::string& id : ids) {
    EXPECT_EQ(ResultOf(together, id).SerializeAsString(),
              ResultOf(Compute(id), id).SerializeAsString())
        << id;
  }
}

TEST(ProsecutionCatalog, EveryIndicatorIsDocumented) {
  EXPECT_TRUE(absl::StartsWith(
      catalog_testing::ReadCatalogFile("indicators/prosecution.textproto"),
      "# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0\n"));
  for (const std::string& id : catalog_testing::IdsWithPrefix("PROS-")) {
    const v1::Indicator& ind = CatalogIndicators().at(id);
    SCOPED_TRACE(id);
    catalog_testing::ExpectCatalogDefinition(ind, v1::PROSECUTION);
    if (ind.source() != v1::REPORTED) {
      EXPECT_TRUE(ind.disaggregate_by_size() > 0 || absl::StartsWith(ind.notes(), "No disaggregation:"))
          << "a computed indicator is disaggregated, or says why not";
    }
  }
}

}  // namespace
}  // namespace ctind
