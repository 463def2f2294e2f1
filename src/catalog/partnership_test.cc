// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog's partnership indicators
// (catalog/indicators/partnership.textproto) on small hand-made fixtures of
// trainings, coordination mechanisms and referrals. Every expected value is
// worked out by hand in the comments beside it.

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
using catalog_testing::Compute;
using catalog_testing::ResultOf;
using catalog_testing::TestFramework;
using testing_cells::PresentValue;

constexpr char kLop[] = "SCOPE_LIFE_OF_PROJECT|LOP|";

std::string Lop(const std::string& coordinates) { return kLop + coordinates; }

// T2 is on Q1's last day, T3 on Q2's first. T4 has no district and no
// pass mark, T5 no audience. "NA" is Namibia.
constexpr char kTrainings[] =
    "training_id,topic,held_on,audience,district,pass_mark\n"
    "T1,Identification,2025-01-20,Police;BorderOfficials,NP,70\n"
    "T2,Investigation,2025-03-31,Police;Prosecutors,NP,60\n"
    "T3,Prosecution,2025-04-01,Prosecutors;Judges,NA,75\n"
    "T4,Referral,2025-08-15,SocialWorkers,,\n"
    "T5,VictimAssistance,2025-11-03,,NP,50\n";
// Scores against the pass mark: P2, P6 and P9 score exactly the pass mark;
// P4 has no post-test, P5 no pre-test; P5 did not complete, P7's
// completion is not recorded.
//   id  training gender         institution     pre post gain  completed
//   P1  T1 (70)  Feminine       Police          40  80   +40   true
//   P2  T1 (70)  Masculine      Police          50  70   +20   true
//   P3  T1 (70)  Masculine      BorderOfficials 60  65   +5    true
//   P4  T2 (60)  Feminine       Prosecutors     55  -          true
//   P5  T2 (60)  Masculine      Police          -   90         false
//   P6  T3 (75)  Feminine       Judges          30  75   +45   true
//   P7  T3 (75)  NonConforming  Prosecutors     70  60   -10   -
//   P8  T4 (-)   Feminine       SocialWorkers   20  60   +40   true
//   P9  T5 (50)  Masculine      NGOStaff        45  50   +5    true
constexpr char kParticipants[] =
    "participant_id,training_id,prs_Gender,institution,pre_test_score,post_test_score,completed\n"
    "P1,T1,Feminine,Police,40,80,true\n"
    "P2,T1,Masculine,Police,50,70,true\n"
    "P3,T1,Masculine,BorderOfficials,60,65,true\n"
    "P4,T2,Feminine,Prosecutors,55,,true\n"
    "P5,T2,Masculine,Police,,90,false\n"
    "P6,T3,Feminine,Judges,30,75,true\n"
    "P7,T3,NonConforming,Prosecutors,70,60,\n"
    "P8,T4,Feminine,SocialWorkers,20,60,true\n"
    "P9,T5,Masculine,NGOStaff,45,50,true\n";

const std::map<std::string, std::string> kTrainingTables = {
    {"trainings", kTrainings}, {"training_participants", kParticipants}};

TEST(PartnershipCatalog, Part01OfficialsTrained) {
  const auto cells = CellsOf(Compute(TestFramework({"PART-01"}), kTrainingTables), "PART-01");
  // Completed: P1 P2 P3 (T1) and P4 (T2, 31 March) in Q1; P6 (T3, 1 April)
  // in Q2; P8 in Q3; P9 in Q4. P5 did not complete; P7 did not say.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 4);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 5);
  EXPECT_EQ(PresentValue(cells, kLop), 7);
  // Police: P1 P2 (P5 not completed); prosecutors: P4 (P7 not recorded).
  EXPECT_EQ(PresentValue(cells, Lop("institution=Police;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("institution=Prosecutors;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("prs_Gender=Feminine;")), 4);  // P1 P4 P6 P8
  EXPECT_EQ(PresentValue(cells, Lop("sex=male;")), 3);              // P2 P3 P9
  EXPECT_EQ(PresentValue(cells, Lop("training.topic=Identification;")), 3);  // T1
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|training.topic=Investigation;"), 1);  // P4
}

TEST(PartnershipCatalog, Part02TrainingsHeld) {
  const auto cells = CellsOf(Compute(TestFramework({"PART-02"}), kTrainingTables), "PART-02");
  // Q1: T1, T2 (31 March); Q2: T3 (1 April); Q3: T4; Q4: T5.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 3);
  EXPECT_EQ(PresentValue(cells, kLop), 5);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|topic=Investigation;"), 1);
  // Audiences (multi-valued): police T1 T2, prosecutors T2 T3; T5 has none.
  EXPECT_EQ(PresentValue(cells, Lop("audience=Police;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("audience=Prosecutors;")), 2);
  EXPECT_EQ(PresentValue(cells, Lop("audience=Judges;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("audience=unknown;")), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|audience=Police;"), 2);  // both, once each
  // NP: T1 T2 T5; NA (Namibia): T3; T4 has no district.
  EXPECT_EQ(PresentValue(cells, Lop("country_of_district=NP;")), 3);
  EXPECT_EQ(PresentValue(cells, Lop("country_of_district=NA;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("country_of_district=unknown;")), 1);
}

TEST(PartnershipCatalog, Part03PassingThePostTest) {
  const auto cells = CellsOf(Compute(TestFramework({"PART-03"}), kTrainingTables), "PART-03");
  // Q1: P1 (80 >= 70), P2 (70 >= 70) pass, P3 (65) fails; P5 (90 >= 60)
  // passes; P4 has no post-test and is in neither side: 3 of 4.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 75);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").numerator(), 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 4);
  // Q2: P6 (75 >= 75) passes, P7 (60) fails.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 50);
  // Q3: T4 has no pass mark, so P8 is in no denominator.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").status(), v1::MISSING);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q3|").flags(), ::testing::Contains(v1::NO_DENOMINATOR));
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 100);  // P9 (50 >= 50)
  // P1 P2 P5 P6 P9 of P1 P2 P3 P5 P6 P7 P9.
  EXPECT_DOUBLE_EQ(PresentValue(cells, kLop), 500.0 / 7);
  EXPECT_EQ(cells.at(kLop).numerator(), 5);
  EXPECT_EQ(cells.at(kLop).denominator(), 7);
  EXPECT_EQ(PresentValue(cells, Lop("institution=Police;")), 100);     // P1 P2 P5
  EXPECT_EQ(PresentValue(cells, Lop("institution=Prosecutors;")), 0);  // P7 (P4 no test)
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=Masculine;"), 200.0 / 3);
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("training.topic=Identification;")), 200.0 / 3);
}

TEST(PartnershipCatalog, Part04MeanImprovement) {
  const auto cells = CellsOf(Compute(TestFramework({"PART-04"}), kTrainingTables), "PART-04");
  // Q1: P1 +40, P2 +20, P3 +5; P4 and P5 lack a score and are skipped.
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 65.0 / 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").numerator(), 65);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 17.5);  // (45 - 10) / 2
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 40);    // P8
  // 40 + 20 + 5 + 45 - 10 + 40 + 5 = 145 over 7.
  EXPECT_DOUBLE_EQ(PresentValue(cells, kLop), 145.0 / 7);
  EXPECT_EQ(cells.at(kLop).denominator(), 7);
  EXPECT_EQ(PresentValue(cells, Lop("institution=Police;")), 30);        // (40 + 20) / 2
  EXPECT_EQ(PresentValue(cells, Lop("institution=Prosecutors;")), -10);  // P7 lost 10
  EXPECT_DOUBLE_EQ(PresentValue(cells, Lop("prs_Gender=Feminine;")), 125.0 / 3);  // P1 P6 P8
}

// Assessments: M1 (national referral mechanism) established but not
// meeting in February, meeting on 30 June; M2 (task force) meeting in
// March, its September assessment leaves meets_regularly unanswered; M3
// (local group) not established, the rest unanswered; M4 (local group)
// functioning in October and December.
constexpr char kMechanisms[] =
    "mechanism_id,kind,assessed_on,established,meets_regularly,has_sops\n"
    "M1,NationalReferralMechanism,2025-02-15,true,false,false\n"
    "M1,NationalReferralMechanism,2025-06-30,true,true,false\n"
    "M2,NationalTaskForce,2025-03-10,true,true,false\n"
    "M2,NationalTaskForce,2025-09-01,true,,true\n"
    "M3,LocalCoordinationGroup,2025-05-05,false,,\n"
    "M4,LocalCoordinationGroup,2025-10-20,true,true,true\n"
    "M4,LocalCoordinationGroup,2025-12-01,true,true,true\n";

TEST(PartnershipCatalog, Part05CoordinationMechanismInPlace) {
  const auto cells =
      CellsOf(Compute(TestFramework({"PART-05"}), {{"coordination_mechanisms", kMechanisms}}),
              "PART-05");
  const std::string nrm = "kind=NationalReferralMechanism;";
  const std::string task_force = "kind=NationalTaskForce;";
  const std::string local = "kind=LocalCoordinationGroup;";
  // The referral mechanism: not meeting in Q1, meeting from 30 June (Q2's
  // last day), carried forward to Q3, Q4 and the life of project.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|" + nrm), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|" + nrm), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|" + nrm), 1);
  EXPECT_EQ(PresentValue(cells, Lop(nrm)), 1);
  // The task force: in place in Q1 and Q2; from September "true and
  // unanswered" is unknown, so no value.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|" + task_force), 1);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|" + task_force).status(), v1::MISSING);
  EXPECT_EQ(cells.at(Lop(task_force)).status(), v1::MISSING);
  // Local groups: none assessed in Q1; M3 "not established" is a no
  // whatever the rest (Q2, Q3); M4 in Q4.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|" + local).status(), v1::MISSING);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|" + local), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|" + local), 1);
  // The total is the latest assessment of any mechanism: M2 (10 March) in
  // Q1, M1 (30 June) in Q2, M2 (unanswered) in Q3, M4 in Q4.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").status(), v1::MISSING);
  EXPECT_EQ(PresentValue(cells, kLop), 1);
}

TEST(PartnershipCatalog, Part06FunctioningMechanisms) {
  const auto cells =
      CellsOf(Compute(TestFramework({"PART-06"}), {{"coordination_mechanisms", kMechanisms}}),
              "PART-06");
  // Established and meeting in some assessment of 2025: M1 (30 June), M2
  // (10 March; September unanswered does not undo it), M4 (twice, once);
  // M3 not.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025|"), 3);
  EXPECT_EQ(PresentValue(cells, kLop), 3);
  EXPECT_EQ(PresentValue(cells, Lop("kind=LocalCoordinationGroup;")), 1);
  EXPECT_EQ(PresentValue(cells, Lop("kind=CrossBorderMechanism;")), 0);
}

TEST(PartnershipCatalog, Part07MechanismsWithSops) {
  const auto cells =
      CellsOf(Compute(TestFramework({"PART-07"}), {{"coordination_mechanisms", kMechanisms}}),
              "PART-07");
  // SOPs: M2 (September), M4 (twice, once); M1 has none, M3 unanswered.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025|"), 2);
  EXPECT_EQ(PresentValue(cells, kLop), 2);
  EXPECT_EQ(PresentValue(cells, Lop("kind=NationalReferralMechanism;")), 0);
  EXPECT_EQ(PresentValue(cells, Lop("kind=NationalTaskForce;")), 1);
}

// Persons W1..W5 and their cases. W3 referred themselves; W4's referrer is
// not recorded. C3's outgoing referral has no date; C6 (W1's second case)
// has no incoming referral date.
constexpr char kPersons[] =
    "person_id,identified_on,prs_Gender,referred_in_from\n"
    "W1,2025-01-02,Feminine,LawEnforcement\n"
    "W2,2025-01-15,Masculine,NGO\n"
    "W3,2025-02-01,Feminine,SelfReferral\n"
    "W4,2025-03-01,Feminine,\n"
    "W5,2025-04-01,Masculine,LabourInspection\n";
constexpr char kCases[] =
    "case_id,person_id,opened_on,referred_out_to,cas_OutgoingReferralDate,"
    "cas_IncomingReferralDate,cas_ReasonForIncomingReferral\n"
    "C1,W1,2025-01-02,NGO;HealthServiceOrganisation,2025-03-31,2025-01-02,"
    "AdditionalServicesRequired\n"
    "C2,W2,2025-01-15,LegalService,2025-04-01,2025-01-15,MigrationOrChangeOfLocation\n"
    "C3,W3,2025-02-01,NGO,,2025-02-01,Other\n"
    "C4,W4,2025-03-01,,,2025-03-01,AdditionalServicesRequired\n"
    "C5,W5,2025-04-01,NGO;LawEnforcement,2025-08-10,2025-06-30,AdditionalServicesRequired\n"
    "C6,W1,2025-09-01,NGO,2025-10-05,,\n";

TEST(PartnershipCatalog, Part08CasesReferredOut) {
  const v1::Report report =
      Compute(TestFramework({"PART-08"}), {{"persons", kPersons}, {"cases", kCases}});
  const auto cells = CellsOf(report, "PART-08");
  // C1 on 31 March (Q1), C2 on 1 April (Q2), C5 (Q3), C6 (Q4); C3's
  // referral has no date; C4 was not referred out.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 3);
  EXPECT_EQ(PresentValue(cells, kLop), 4);
  EXPECT_EQ(ResultOf(report, "PART-08").records_without_period(), 1);  // C3
  // Receiving types (multi-valued): NGO C1 C5 C6; health C1; legal C2;
  // police C5: 3 + 1 + 1 + 1 = 6 > 4.
  EXPECT_EQ(PresentValue(cells, Lop("referred_out_to=NGO;")), 3);
  EXPECT_EQ(PresentValue(cells, Lop("referred_out_to=HealthServiceOrganisation;")), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|referred_out_to=LawEnforcement;"), 1);
  EXPECT_EQ(PresentValue(cells, Lop("person.prs_Gender=Feminine;")), 2);  // C1 C6 (W1)
  EXPECT_EQ(cells.at(kLop).units(), 3);  // W1 W2 W5
}

TEST(PartnershipCatalog, Part09CasesReferredInByAgencies) {
  const v1::Report report =
      Compute(TestFramework({"PART-09"}), {{"persons", kPersons}, {"cases", kCases}});
  const auto cells = CellsOf(report, "PART-09");
  // C1 (police) and C2 (NGO) in Q1; C5 (labour inspection, 30 June) in Q2.
  // C3 is a self-referral, C4's referrer is not recorded, C6 has no
  // incoming referral date.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 3);
  EXPECT_EQ(PresentValue(cells, kLop), 3);
  EXPECT_EQ(PresentValue(cells, Lop("person.referred_in_from=LawEnforcement;")), 1);  // C1
  EXPECT_EQ(PresentValue(cells, Lop("person.referred_in_from=SelfReferral;")), 0);
  EXPECT_EQ(PresentValue(cells, Lop("cas_ReasonForIncomingReferral=AdditionalServicesRequired;")),
            2);  // C1 C5
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|person.referred_in_from=LabourInspection;"),
            1);
}

// A reported indicator validates in a framework, and an entered value of
// the right kind loads through Framework::FromProto; the same value for a
// period of another type (`wrong_period`) does not.
void ExpectReportedValueLoads(const std::string& id, const v1::ReportedValue& value,
                              const std::string& wrong_period) {
  v1::Framework fw = TestFramework({id});
  ASSERT_EQ(fw.indicators_size(), 1);
  EXPECT_EQ(fw.indicators(0).source(), v1::REPORTED);
  *fw.mutable_indicators(0)->add_reported() = value;
  Diagnostics diagnostics;
  absl::StatusOr<Framework> loaded = Framework::FromProto(fw, &diagnostics);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(HasErrors(diagnostics));
  ASSERT_EQ(loaded->proto().indicators(0).reported_size(), 1);
  EXPECT_EQ(loaded->proto().indicators(0).reported(0).SerializeAsString(), value.SerializeAsString());
  EXPECT_TRUE(Plan::Compile(*loaded, catalog_testing::CaseSchema(), &diagnostics).ok());

  fw.mutable_indicators(0)->mutable_reported(0)->set_period(wrong_period);
  EXPECT_FALSE(Framework::FromProto(fw).ok());
}

TEST(PartnershipCatalog, Part10To12ReportedValuesLoad) {
  v1::ReportedValue plan;
  plan.set_period("2025");
  plan.set_flag(true);
  plan.set_source("Official gazette no. 12/2025");
  plan.set_evidence("https://example.org/gazette/2025-12");
  ExpectReportedValueLoads("PART-10", plan, "2025Q1");

  v1::ReportedValue budget;
  budget.set_period("2025");
  budget.set_number(250000);
  budget.set_source("State budget law 2025");
  budget.set_evidence("budget line 12.4.1");
  ExpectReportedValueLoads("PART-11", budget, "2025Q4");

  v1::ReportedValue quality;
  quality.set_period("2025Q1");
  quality.set_level("Functional");
  quality.set_source("National referral mechanism minutes");
  quality.set_evidence("minutes of 2025-03-20");
  ExpectReportedValueLoads("PART-12", quality, "2025");
}

TEST(PartnershipCatalog, Part12LevelMustBeOnItsScale) {
  v1::Framework fw = TestFramework({"PART-12"});
  ASSERT_EQ(fw.indicators_size(), 1);
  EXPECT_THAT(fw.indicators(0).measure().ordinal().levels(),
              ::testing::ElementsAre("None", "Basic", "Functional", "Effective"));
  v1::ReportedValue* value = fw.mutable_indicators(0)->add_reported();
  value->set_period("2025Q2");
  value->set_level("Good");
  const absl::StatusOr<Framework> loaded = Framework::FromProto(fw);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(std::string(loaded.status().message()),
              ::testing::HasSubstr("is not a level of the indicator's ordinal scale"));
}

TEST(PartnershipCatalog, AllIndicatorsCompileTogetherWithoutDiagnostics) {
  const std::vector<std::string> ids = catalog_testing::IdsWithPrefix("PART-");
  EXPECT_GE(ids.size(), 10u);
  catalog_testing::ExpectCompileTogether(ids);
  if (::testing::Test::HasFatalFailure()) return;
  const v1::Report report = Compute(TestFramework(ids), {{"trainings", kTrainings},
                                                         {"training_participants", kParticipants},
                                                         {"coordination_mechanisms", kMechanisms},
                                                         {"persons", kPersons},
                                                         {"cases", kCases}});
  EXPECT_EQ(PresentValue(CellsOf(report, "PART-02"), kLop), 5);
  EXPECT_EQ(PresentValue(CellsOf(report, "PART-08"), kLop), 4);
}

TEST(PartnershipCatalog, EveryIndicatorIsDocumented) {
  EXPECT_TRUE(absl::StartsWith(
      catalog_testing::ReadCatalogFile("indicators/partnership.textproto"),
      "# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0\n"));
  for (const std::string& id : catalog_testing::IdsWithPrefix("PART-")) {
    const v1::Indicator& ind = CatalogIndicators().at(id);
    SCOPED_TRACE(id);
    catalog_testing::ExpectCatalogDefinition(ind, v1::PARTNERSHIP);
    if (ind.source() != v1::REPORTED) {
      EXPECT_TRUE(ind.disaggregate_by_size() > 0 || absl::StartsWith(ind.notes(), "No disaggregation:"))
          << "a computed indicator is disaggregated, or says why not";
    }
  }
}

}  // namespace
}  // namespace ctind
