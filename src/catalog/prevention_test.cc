// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog's prevention indicators (catalog/indicators/prevention.textproto)
// on small hand-made fixtures. Every expected value is worked out by hand in
// the comments beside it: which rows count in which period and why.

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

// Six activities. A2 is on Q1's last day, A3 on Q2's first; A4 has no
// people-reached figure, A5 no district. "NA" is Namibia, never missing.
constexpr char kActivities[] =
    "activity_id,held_on,channel,people_reached,district\n"
    "A1,2025-01-15,CommunitySession,40,NP\n"
    "A2,2025-03-31,Radio,5000,NP\n"
    "A3,2025-04-01,School,120,NA\n"
    "A4,2025-05-20,CommunitySession,,NA\n"
    "A5,2025-06-10,SocialMedia,800,\n"
    "A6,2025-11-02,CommunitySession,35,NP\n";

TEST(PreventionCatalog, Prev01ActivitiesHeld) {
  const v1::Report report =
      Compute(TestFramework({"PREV-01"}), {{"awareness_activities", kActivities}});
  const auto cells = CellsOf(report, "PREV-01");
  // Q1: A1 and A2 (31 March is still Q1); Q2: A3 (1 April), A4, A5; Q4: A6.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1);
  // Cumulative to the end of Q2: 2 + 3; life of project: all six.
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 5);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q4|"), 6);
  EXPECT_EQ(PresentValue(cells, kLop), 6);
  // Community sessions: A4 in Q2; A1, A4, A6 over the project.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|channel=CommunitySession;"), 1);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "channel=CommunitySession;"), 3);
  // By country: NP A1 A2 A6; NA (Namibia) A3 A4; A5 has no district.
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "country_of_district=NP;"), 3);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "country_of_district=NA;"), 2);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "country_of_district=unknown;"), 1);
}

TEST(PreventionCatalog, Prev02PeopleReached) {
  const v1::Report report =
      Compute(TestFramework({"PREV-02"}), {{"awareness_activities", kActivities}});
  const auto cells = CellsOf(report, "PREV-02");
  // Q1: 40 + 5000; Q2: 120 + 800 (A4 has no figure and adds nothing); Q4: 35.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 5040);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 920);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 0);  // a sum over nothing is 0
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 5960);
  EXPECT_EQ(PresentValue(cells, kLop), 5995);  // 5040 + 920 + 35
  // Community sessions: A1 40 + A6 35 (A4 none).
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "channel=CommunitySession;"), 75);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|channel=Radio;"), 5000);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "country_of_district=NA;"), 120);
}

TEST(PreventionCatalog, Prev03DistrictsReachedAreCountedOnce) {
  const v1::Report report =
      Compute(TestFramework({"PREV-03"}), {{"awareness_activities", kActivities}});
  const auto cells = CellsOf(report, "PREV-03");
  // Q1: NP (A1, A2) once; Q2: NA (A3, A4), A5 has no district; Q4: NP.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1);
  // To date NP and NA: NP reached again in Q4 is not counted twice.
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q4|"), 2);
  EXPECT_EQ(PresentValue(cells, kLop), 2);
  // Community sessions in NP (A1, A6) and NA (A4): 2 districts.
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "channel=CommunitySession;"), 2);
  // Social media only in A5, which has no district: none counted.
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "channel=SocialMedia;"), 0);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "country_of_district=NP;"), 1);
}

// Ten respondents: a baseline wave in Q1 (R4's interview spilled over to
// 1 April, Q2) and an endline wave in Q4 (R9 on its last day). R3 did not
// answer whether they know where to seek help; R5's number of risks is
// missing; R1, R5 and R10 named no risk.
//   id  wave      gender        age risks named                  help
//   R1  Baseline  Feminine       16  0                               false
//   R2  Baseline  Masculine      34  2   DJO;Fees                    true
//   R3  Baseline  Feminine       22  1   DJO                         -
//   R4  Baseline  TransgFeminine 40  3   DJO;Docs;Online (1 April)   true
//   R5  Baseline  Unknown        17  -                               false
//   R6  Endline   Feminine       15  2   Online;ChildLabour          true
//   R7  Endline   Masculine      45  4   DJO;Unlicensed;Fees;Docs    true
//   R8  Endline   Feminine       30  1   DJO                         false
//   R9  Endline   Feminine       19  3   DJO;Fees;ForcedMarriage     true
//   R10 Endline   Masculine      17  0                               true
constexpr char kRespondents[] =
    "respondent_id,surveyed_on,wave,prs_Gender,age_at_survey,risks_identified,risks_named,"
    "knows_where_to_seek_help\n"
    "R1,2025-02-10,Baseline,Feminine,16,0,,false\n"
    "R2,2025-02-11,Baseline,Masculine,34,2,DeceptiveJobOffers;RecruitmentFees,true\n"
    "R3,2025-03-31,Baseline,Feminine,22,1,DeceptiveJobOffers,\n"
    "R4,2025-04-01,Baseline,TransgenderFeminine,40,3,"
    "DeceptiveJobOffers;DocumentConfiscation;OnlineRecruitment,true\n"
    "R5,2025-03-15,Baseline,NonSpecifiedUnknown,17,,,false\n"
    "R6,2025-11-05,Endline,Feminine,15,2,OnlineRecruitment;ChildLabour,true\n"
    "R7,2025-11-06,Endline,Masculine,45,4,"
    "DeceptiveJobOffers;UnlicensedRecruiters;RecruitmentFees;DocumentConfiscation,true\n"
    "R8,2025-11-20,Endline,Feminine,30,1,DeceptiveJobOffers,false\n"
    "R9,2025-12-31,Endline,Feminine,19,3,DeceptiveJobOffers;RecruitmentFees;ForcedMarriage,true\n"
    "R10,2025-12-01,Endline,Masculine,17,0,,true\n";

TEST(PreventionCatalog, Prev04SurveyRespondents) {
  const v1::Report report =
      Compute(TestFramework({"PREV-04"}), {{"survey_respondents", kRespondents}});
  const auto cells = CellsOf(report, "PREV-04");
  // Q1: R1 R2 R3 R5; Q2: R4 (1 April); Q4: R6..R10.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 4);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 5);
  EXPECT_EQ(PresentValue(cells, kLop), 10);
  // R4 is a baseline respondent surveyed in Q2.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|wave=Baseline;"), 1);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "wave=Baseline;"), 5);
  // female: R1 R3 R4 (transgender feminine) R6 R8 R9; male: R2 R7 R10;
  // R5's NonSpecifiedUnknown is unknown.
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "sex=female;"), 6);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "sex=male;"), 3);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "sex=unknown;"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|sex=female;"), 2);  // R1 R3
  // Children: R1 (16), R5 (17), R6 (15), R10 (17).
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "respondent_age_band=0-17;"), 4);
}

TEST(PreventionCatalog, Prev05AwareOfAtLeastTwoRisks) {
  const v1::Report report =
      Compute(TestFramework({"PREV-05"}), {{"survey_respondents", kRespondents}});
  const auto cells = CellsOf(report, "PREV-05");
  // Q1: R1 (0), R2 (2), R3 (1); R5's missing number is in neither side:
  // 1 of 3.
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 100.0 / 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").numerator(), 1);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 100);  // R4 (3)
  // Q3: nobody surveyed, no denominator.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").status(), v1::MISSING);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q3|").flags(), ::testing::Contains(v1::NO_DENOMINATOR));
  // Q4: R6 (2), R7 (4), R9 (3) of R6..R10: 3 of 5.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 60);
  // Survey waves: the life of project is the latest period's value.
  EXPECT_EQ(PresentValue(cells, kLop), 60);
  EXPECT_EQ(cells.at(kLop).numerator(), 3);
  EXPECT_EQ(cells.at(kLop).denominator(), 5);
  // Baseline in Q1: 1 of 3; endline women in Q4: R6 R9 of R6 R8 R9.
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|wave=Baseline;"), 100.0 / 3);
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|sex=female;"), 200.0 / 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|sex=male;"), 50);  // R7 of R7 R10
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|sex=female;"), 0);  // R1 R3: none
  // Children in Q4: R6 (2) of R6, R10 (0).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|respondent_age_band=0-17;"), 50);
}

TEST(PreventionCatalog, Prev06KnowWhereToSeekHelp) {
  const v1::Report report =
      Compute(TestFramework({"PREV-06"}), {{"survey_respondents", kRespondents}});
  const auto cells = CellsOf(report, "PREV-06");
  // Q1: R2 yes, R1 and R5 no, R3 did not answer (in neither side): 1 of 3.
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 100.0 / 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 3);
  // Q4: all but R8: 4 of 5; the life of project is Q4's.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 80);
  EXPECT_EQ(PresentValue(cells, kLop), 80);
  EXPECT_EQ(cells.at(kLop).numerator(), 4);
  EXPECT_EQ(cells.at(kLop).denominator(), 5);
  // Q4 men R7 R10 both know; women R6 R9 of R6 R8 R9; in Q1 the only
  // man, R2, knows; the women R1 (no) and R3 (no answer): 0 of 1.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|sex=male;"), 100);
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|sex=female;"), 200.0 / 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|sex=male;"), 100);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|sex=female;"), 0);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|sex=female;").denominator(), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|wave=Endline;"), 80);
}

TEST(PreventionCatalog, Prev07MeanRisksNamed) {
  const v1::Report report =
      Compute(TestFramework({"PREV-07"}), {{"survey_respondents", kRespondents}});
  const auto cells = CellsOf(report, "PREV-07");
  // Q1: (0 + 2 + 1) / 3, R5's missing number skipped.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 1);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").numerator(), 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 3);  // R4
  // Q3: nobody, so no mean (not 0).
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").status(), v1::MISSING);
  // Q4: (2 + 4 + 1 + 3 + 0) / 5; the life of project is Q4's.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 2);
  EXPECT_EQ(PresentValue(cells, kLop), 2);
  EXPECT_EQ(cells.at(kLop).numerator(), 10);
  EXPECT_EQ(cells.at(kLop).denominator(), 5);
  // Q4 children R6 (2), R10 (0); adults R7 (4), R8 (1), R9 (3).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|respondent_age_band=0-17;"), 1);
  EXPECT_DOUBLE_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|respondent_age_band=18+;"), 8.0 / 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|sex=female;"), 0.5);  // R1 0, R3 1
}

TEST(PreventionCatalog, Prev08RisksNamedCountInEachCellOnceInTheTotal) {
  const v1::Report report =
      Compute(TestFramework({"PREV-08"}), {{"survey_respondents", kRespondents}});
  const auto cells = CellsOf(report, "PREV-08");
  // Q1: R2 and R3 named risks (R1, R5 none); Q2: R4; Q4: R6 R7 R8 R9.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 4);
  EXPECT_EQ(PresentValue(cells, kLop), 4);  // latest period
  // Q1: deceptive job offers R2 R3, fees R2.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|risks_named=DeceptiveJobOffers;"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|risks_named=RecruitmentFees;"), 1);
  // Q4: deceptive job offers R7 R8 R9; fees R7 R9; R7 alone in
  // unlicensed recruiters: the cells add up to 3+2+1+1+1+1+1 = 10 > 4.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|risks_named=DeceptiveJobOffers;"), 3);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|risks_named=RecruitmentFees;"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|risks_named=UnlicensedRecruiters;"), 1);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "risks_named=ChildLabour;"), 1);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "risks_named=IrregularMigration;"), 0);
  double cells_sum = 0;
  for (const auto& [key, cell] : cells) {
    if (absl::StartsWith(key, "SCOPE_PERIOD|2025Q4|risks_named=")) cells_sum += cell.value();
  }
  EXPECT_EQ(cells_sum, 10);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|wave=Baseline;"), 1);  // R4
}

// Trainings: T1 and T3 on labour rights (prevention), T2 on
// identification. T3 opens on Q3's first day.
constexpr char kTrainings[] =
    "training_id,topic,held_on\n"
    "T1,LabourRights,2025-02-10\n"
    "T2,Identification,2025-02-20\n"
    "T3,LabourRights,2025-07-01\n";
// U3 did not complete, U4's completion is not recorded, U5 was in T2.
constexpr char kParticipants[] =
    "participant_id,training_id,prs_Gender,institution,completed\n"
    "U1,T1,Feminine,LabourInspectors,true\n"
    "U2,T1,Masculine,LabourInspectors,true\n"
    "U3,T1,Feminine,Teachers,false\n"
    "U4,T1,TransgenderMasculine,Teachers,\n"
    "U5,T2,Feminine,Police,true\n"
    "U6,T3,Feminine,NGOStaff,true\n"
    "U7,T3,NonConforming,Teachers,true\n";

TEST(PreventionCatalog, Prev09PeopleTrainedInPrevention) {
  const v1::Report report = Compute(TestFramework({"PREV-09"}),
                                    {{"trainings", kTrainings}, {"training_participants", kParticipants}});
  const auto cells = CellsOf(report, "PREV-09");
  // Q1: U1 U2 of T1 (U3, U4 not completed, U5 another topic); Q3: U6 U7.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 0);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q2|"), 2);
  EXPECT_EQ(PresentValue(cells, "SCOPE_CUMULATIVE|2025Q3|"), 4);
  EXPECT_EQ(PresentValue(cells, kLop), 4);
  // female U1 U6, male U2, other U7 (non-conforming).
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "sex=female;"), 2);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "sex=male;"), 1);
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "sex=other;"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;"), 1);  // U1
  // Teachers: only U7 completed.
  EXPECT_EQ(PresentValue(cells, std::string(kLop) + "institution=Teachers;"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q1|institution=LabourInspectors;"), 2);
  EXPECT_EQ(cells.at(kLop).units(), 4);  // four persons
}

// Assessments of coordination mechanisms. L1 (local group) is assessed
// twice as meeting regularly; L2 does not meet; L3's answer is missing.
// N1 (national task force) is not established on 1 April, established on
// 10 May, not assessed after that.
constexpr char kMechanisms[] =
    "mechanism_id,kind,assessed_on,established,meets_regularly\n"
    "L1,LocalCoordinationGroup,2025-03-01,true,true\n"
    "L1,LocalCoordinationGroup,2025-09-01,true,true\n"
    "L2,LocalCoordinationGroup,2025-06-15,false,false\n"
    "L3,LocalCoordinationGroup,2025-10-10,true,\n"
    "N1,NationalTaskForce,2025-04-01,false,true\n"
    "N1,NationalTaskForce,2025-05-10,true,true\n";

TEST(PreventionCatalog, Prev10ActiveLocalCoordinationGroups) {
  const v1::Report report =
      Compute(TestFramework({"PREV-10"}), {{"coordination_mechanisms", kMechanisms}});
  const auto cells = CellsOf(report, "PREV-10");
  // 2025: L1 only (assessed twice, counted once); L2 does not meet, L3
  // did not say, N1 is another kind.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025|"), 1);
  EXPECT_EQ(PresentValue(cells, kLop), 1);
  // Had the filter not applied, N1 (meets regularly) would count too.
  const v1::Report without_l1 = Compute(
      TestFramework({"PREV-10"}),
      {{"coordination_mechanisms",
        "mechanism_id,kind,assessed_on,meets_regularly\nN1,NationalTaskForce,2025-05-10,true\n"}});
  EXPECT_EQ(PresentValue(CellsOf(without_l1, "PREV-10"), kLop), 0);
}

TEST(PreventionCatalog, Prev11InterMinisterialCouncilInPlace) {
  const v1::Report report =
      Compute(TestFramework({"PREV-11"}), {{"coordination_mechanisms", kMechanisms}});
  const auto cells = CellsOf(report, "PREV-11");
  // Q1: no task-force assessment yet (L1's does not count): missing.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").status(), v1::MISSING);
  // Q2: N1's latest, 10 May, says established (L2's later 15 June "false"
  // is a local group's and does not count).
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q2|"), 1);
  // Q3, Q4: no new assessment, carried forward; the life of project too.
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(PresentValue(cells, "SCOPE_PERIOD|2025Q4|"), 1);
  EXPECT_EQ(PresentValue(cells, kLop), 1);
  // As of 30 April only the 1 April assessment (not established) is seen.
  const v1::Report april = Compute(TestFramework({"PREV-11"}),
                                   {{"coordination_mechanisms", kMechanisms}}, "2025-04-30");
  EXPECT_EQ(PresentValue(CellsOf(april, "PREV-11"), "SCOPE_PERIOD|2025Q2|"), 0);
}

// A reported indicator validates in a framework, and an entered value of
// the right kind loads through Framework::FromProto; one for another
// period type does not.
void ExpectReportedValueLoads(const std::string& id, const v1::ReportedValue& value) {
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
  // Reported indicators compile (nothing to compute).
  EXPECT_TRUE(Plan::Compile(*loaded, catalog_testing::CaseSchema(), &diagnostics).ok());

  v1::ReportedValue quarterly = value;
  quarterly.set_period("2025Q1");  // the indicator is yearly
  *fw.mutable_indicators(0)->mutable_reported(0) = quarterly;
  EXPECT_FALSE(Framework::FromProto(fw).ok());
}

TEST(PreventionCatalog, Prev12To14ReportedValuesLoad) {
  v1::ReportedValue mechanism;
  mechanism.set_period("2025");
  mechanism.set_flag(true);
  mechanism.set_source("Steering committee report 2025");
  mechanism.set_evidence("https://example.org/steering-committee/2025.pdf");
  ExpectReportedValueLoads("PREV-12", mechanism);

  v1::ReportedValue planning;
  planning.set_period("2025");
  planning.set_flag(false);
  planning.set_source("Steering committee report 2025");
  planning.set_evidence("minutes of 2025-11-14");
  ExpectReportedValueLoads("PREV-13", planning);

  v1::ReportedValue budget;
  budget.set_period("2025");
  budget.set_number(12.5);
  budget.set_source("State budget law 2025");
  budget.set_evidence("budget line 07.3.2");
  ExpectReportedValueLoads("PREV-14", budget);
}

TEST(PreventionCatalog, AllIndicatorsCompileTogetherWithoutDiagnostics) {
  const std::vector<std::string> ids = catalog_testing::IdsWithPrefix("PREV-");
  EXPECT_GE(ids.size(), 12u);
  catalog_testing::ExpectCompileTogether(ids);
  if (::testing::Test::HasFatalFailure()) return;
  // And they evaluate together over the fixtures.
  const v1::Report report = Compute(TestFramework(ids), {{"awareness_activities", kActivities},
                                                         {"survey_respondents", kRespondents},
                                                         {"trainings", kTrainings},
                                                         {"training_participants", kParticipants},
                                                         {"coordination_mechanisms", kMechanisms}});
  EXPECT_EQ(PresentValue(CellsOf(report, "PREV-01"), kLop), 6);
}

TEST(PreventionCatalog, EveryIndicatorIsDocumented) {
  EXPECT_TRUE(absl::StartsWith(catalog_testing::ReadCatalogFile("indicators/prevention.textproto"),
                               "# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0\n"));
  for (const std::string& id : catalog_testing::IdsWithPrefix("PREV-")) {
    const v1::Indicator& ind = CatalogIndicators().at(id);
    SCOPED_TRACE(id);
    catalog_testing::ExpectCatalogDefinition(ind, v1::PREVENTION);
    if (ind.source() != v1::REPORTED) {
      EXPECT_TRUE(ind.disaggregate_by_size() > 0 || absl::StartsWith(ind.notes(), "No disaggregation:"))
          << "a computed indicator is disaggregated, or says why not";
    }
  }
}

}  // namespace
}  // namespace ctind
