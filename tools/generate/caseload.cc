// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Persons and the records under them: cases, support plans, services,
// perpetrators and legal proceedings. One person's records are drawn in a
// fixed order from the person's stream (kPersonStream, index), then its
// dirty values from its dirt stream (kPersonDirtStream, index), then
// written. docs/synthetic-data.md describes the distributions; the numbers
// here are that description.

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "calendar.h"
#include "csv_text.h"
#include "random.h"
#include "tables.h"

namespace ctind {
namespace generate {
namespace internal {

const Weighted<const char*> kCitizenshipCountries[15] = {
    {"TH", 220}, {"MM", 150}, {"KH", 110}, {"LA", 80}, {"VN", 70},
    {"PH", 55},  {"ID", 50},  {"NP", 45},  {"BD", 40}, {"IN", 40},
    {"NG", 35},  {"UA", 30},  {"MD", 25},  {"ET", 25}, {"NA", 25}};

namespace {

using Codes = const char*;

// ---------------------------------------------------------------------------
// Code tables. Weights are per mille or relative; "" is a missing value.
// ---------------------------------------------------------------------------

constexpr Weighted<Codes> kGender[] = {{"Feminine", 620},
                                       {"Masculine", 320},
                                       {"TransgenderFeminine", 8},
                                       {"TransgenderMasculine", 5},
                                       {"NonConforming", 3},
                                       {"NonSpecifiedUnknown", 14},
                                       {"", 30}};

enum Form : uint8_t {
  kForcedLabour,
  kSexualExploitation,
  kChildLabour,
  kForcedMarriage,
  kServitude,
  kForcedMilitary,
  kOrganRemoval,
  kForcedBegging,
  kForcedAdoption,
  kSurrogacy,
  kOtherForm,
};
constexpr const char* kFormCodes[] = {"ForcedLabour",   "SexualExploitation",
                                      "ChildLabour",    "ForcedMarriage",
                                      "Servitude",      "ForcedMilitaryByNonStateActors",
                                      "OrganRemoval",   "ForcedBegging",
                                      "ForcedAdoption", "Surrogacy",
                                      "Other"};

// Type of exploitation by profile: sexual exploitation mostly of women and
// girls, forced labour mostly of men, child labour and forced marriage of
// children.
constexpr Weighted<Form> kFormsWoman[] = {
    {kSexualExploitation, 500}, {kForcedLabour, 250}, {kServitude, 80},   {kForcedMarriage, 80},
    {kForcedBegging, 20},       {kSurrogacy, 15},     {kOrganRemoval, 5}, {kOtherForm, 50}};
constexpr Weighted<Form> kFormsMan[] = {
    {kForcedLabour, 720},  {kSexualExploitation, 50}, {kServitude, 60}, {kForcedBegging, 50},
    {kForcedMilitary, 30}, {kOrganRemoval, 15},       {kOtherForm, 75}};
constexpr Weighted<Form> kFormsGirl[] = {
    {kSexualExploitation, 320}, {kChildLabour, 200}, {kForcedMarriage, 180}, {kForcedBegging, 110},
    {kServitude, 80},           {kForcedLabour, 50}, {kForcedAdoption, 20},  {kOtherForm, 40}};
constexpr Weighted<Form> kFormsBoy[] = {
    {kChildLabour, 360},   {kForcedBegging, 200}, {kForcedLabour, 150},  {kSexualExploitation, 80},
    {kForcedMilitary, 80}, {kServitude, 60},      {kForcedAdoption, 20}, {kOtherForm, 50}};

constexpr Weighted<Codes> kTraffickingStatus[] = {{"ActualVictimOfTrafficking", 550},
                                                  {"PossibleVictimOfTrafficking", 380},
                                                  {"NotAVictimOfTrafficking", 50},
                                                  {"", 20}};
constexpr Weighted<Codes> kDecisionOrg[] = {{"Police", 380},
                                            {"NGO", 300},
                                            {"CourtOrProsecution", 100},
                                            {"NonPoliceGovernmentalOrganization", 170},
                                            {"Other", 50}};
constexpr Weighted<Codes> kIdentifiedBy[] = {{"LawEnforcement", 280},
                                             {"NGO", 220},
                                             {"LabourInspection", 80},
                                             {"ImmigrationService", 80},
                                             {"Hotline", 70},
                                             {"SelfReferral", 60},
                                             {"CommunityMember", 50},
                                             {"HealthServiceOrganisation", 40},
                                             {"FamilyOrFriend", 30},
                                             {"EmbassyOrConsulate", 30},
                                             {"InternationalOrganisation", 30},
                                             {"LocalGovernmentOrganisation", 20},
                                             {"Other", 10},
                                             {"", 20}};
constexpr Weighted<Codes> kReferrers[] = {{"LawEnforcement", 35},
                                          {"NGO", 20},
                                          {"ImmigrationService", 10},
                                          {"LabourInspection", 10},
                                          {"HealthServiceOrganisation", 8},
                                          {"InternationalOrganisation", 7},
                                          {"Hotline", 5},
                                          {"LocalGovernmentOrganisation", 5}};
constexpr Weighted<Codes> kRelationship[] = {
    {"Acquainted", 450}, {"Familial", 180}, {"Unaquainted", 370}};
constexpr Weighted<Codes> kRelationshipChild[] = {
    {"Acquainted", 350}, {"Familial", 450}, {"Unaquainted", 200}};
constexpr Weighted<Codes> kMaritalAdult[] = {{"Single", 450},  {"Married", 300},
                                             {"Divorced", 80}, {"Separated", 80},
                                             {"Widowed", 40},  {"RegisteredPartnership", 20},
                                             {"", 80}};
constexpr Weighted<Codes> kEducationAdult[] = {{"PrimaryEducation", 260},
                                               {"LowerSecondaryEducation", 250},
                                               {"UpperSecondaryEducation", 200},
                                               {"PostSecondaryNonTertiaryEducation", 50},
                                               {"ShortCycleTertiaryEducation", 40},
                                               {"BachelorsOrEquivalentLevel", 60},
                                               {"MastersOrEquivalentLevel", 15},
                                               {"DoctoralOrEquivalentLevel", 2},
                                               {"", 150}};
constexpr Weighted<int> kChildrenOfAdult[] = {{0, 450}, {1, 200}, {2, 180},
                                              {3, 100}, {4, 50},  {5, 20}};
constexpr Weighted<Codes> kRecruitmentAdult[] = {{"ThroughFriendsOrSocialEvents", 250},
                                                 {"ThroughOnlineSocialNetworks", 200},
                                                 {"AtWork", 120},
                                                 {"ThroughFamilyOrFamilyEvents", 120},
                                                 {"ThroughAnOnlineAdvertisement", 100},
                                                 {"AtAPlaceOfBusiness", 100},
                                                 {"ThroughANewspaperAdvert", 30},
                                                 {"ThroughATelevisionAdvert", 20},
                                                 {"Other", 60}};
constexpr Weighted<Codes> kRecruitmentChild[] = {{"ThroughFamilyOrFamilyEvents", 400},
                                                 {"ThroughFriendsOrSocialEvents", 250},
                                                 {"ThroughOnlineSocialNetworks", 150},
                                                 {"AtAnEducationalInstitution", 100},
                                                 {"Other", 100}};
constexpr Weighted<Codes> kRecruitmentApps[] = {
    {"Facebook", 300}, {"WhatsApp", 150}, {"FacebookMessenger", 120}, {"TikTok", 100},
    {"Telegram", 80},  {"Line", 80},      {"Instagram", 60},          {"WeChat", 40},
    {"Viber", 30},     {"Other", 40}};
constexpr Weighted<Codes> kExploitationApps[] = {
    {"Telegram", 200},  {"WhatsApp", 150}, {"Line", 150},    {"Facebook", 150}, {"Twitter", 100},
    {"Instagram", 100}, {"WeChat", 50},    {"SnapChat", 50}, {"Other", 50}};
// Methods of control: those of labour exploitation weigh more for forced
// and child labour, sexual abuse for sexual exploitation.
constexpr Weighted<Codes> kControlLabour[] = {
    {"DebtBondage", 180},          {"WithholdsDocuments", 170},  {"ExcessiveWorkingHours", 160},
    {"TakesEarnings", 120},        {"FalsePromises", 120},       {"PhysicalThreats", 70},
    {"ThreatsLawEnforcement", 60}, {"WithholdsNecessities", 40}, {"RestrictsFinancialAccess", 30},
    {"PhysicalAbuse", 30},         {"RestrictsMedicalCare", 10}, {"Other", 10}};
constexpr Weighted<Codes> kControlSexual[] = {{"SexualAbuse", 170},
                                              {"FalsePromises", 150},
                                              {"PsychologicalAbuse", 130},
                                              {"TakesEarnings", 110},
                                              {"PhysicalThreats", 90},
                                              {"DebtBondage", 80},
                                              {"ThreatensChildrenFamily", 60},
                                              {"PsychoactiveSubstance", 50},
                                              {"PhysicalAbuse", 60},
                                              {"WithholdsDocuments", 60},
                                              {"RestrictsFinancialAccess", 30},
                                              {"Other", 10}};
constexpr Weighted<Codes> kControlOther[] = {{"FalsePromises", 200},
                                             {"PsychologicalAbuse", 150},
                                             {"PhysicalThreats", 130},
                                             {"ThreatensChildrenFamily", 110},
                                             {"PhysicalAbuse", 100},
                                             {"WithholdsNecessities", 80},
                                             {"WithholdsDocuments", 70},
                                             {"RestrictsMedicalCare", 40},
                                             {"TakesEarnings", 40},
                                             {"ThreatsLawEnforcement", 40},
                                             {"Other", 40}};
// ISIC sections of forced labour: fishing, construction and manufacturing
// for men; domestic work, manufacturing and hospitality for women.
constexpr Weighted<Codes> kIndustryMen[] = {{"A_AgricultureForestryAndFishing", 300},
                                            {"F_Construction", 220},
                                            {"C_Manufacturing", 180},
                                            {"B_MiningAndQuarrying", 60},
                                            {"H_TransportationAndStorage", 50},
                                            {"I_AccommodationAndFoodServiceActivities", 50},
                                            {"G_WholesaleAndRetailTradeRepairOfMotorVehicles", 40},
                                            {"S_OtherServiceActivities", 40},
                                            {"T_ActivitiesOfHouseholdsAsEmployers", 30},
                                            {"N_AdministrativeAndSupportServiceActivities", 30}};
constexpr Weighted<Codes> kIndustryWomen[] = {
    {"T_ActivitiesOfHouseholdsAsEmployers", 300},
    {"C_Manufacturing", 220},
    {"I_AccommodationAndFoodServiceActivities", 150},
    {"A_AgricultureForestryAndFishing", 120},
    {"G_WholesaleAndRetailTradeRepairOfMotorVehicles", 60},
    {"S_OtherServiceActivities", 60},
    {"Q_HumanHealthAndSocialWorkActivities", 30},
    {"N_AdministrativeAndSupportServiceActivities", 30},
    {"R_ArtsEntertainmentAndRecreation", 30}};
constexpr Weighted<Codes> kSexExploitation[] = {{"Prostitution", 650},
                                                {"PrivateSexualServices", 150},
                                                {"RemoteInteractiveServices", 120},
                                                {"Pornography", 80}};
constexpr Weighted<Codes> kVulnerability[] = {
    {"Poverty", 400},       {"Migration", 200},      {"Education", 120},
    {"Discrimination", 60}, {"WorkEnvironment", 60}, {"SocialGroup", 50},
    {"Homelessness", 50},   {"AbusePhysical", 40},   {"DisabilityAndPhysicalHealth", 30},
    {"MentalHealth", 30},   {"Addiction", 20},       {"AbuseSocialMedia", 20}};
// Seasonality of identification: relative weight of each month.
constexpr uint32_t kMonthWeight[12] = {90, 85, 95, 100, 110, 115, 112, 105, 100, 100, 95, 80};

constexpr Weighted<Codes> kClosureReason[] = {{"Reintegrated", 400},
                                              {"ReferredElsewhere", 150},
                                              {"Repatriated", 150},
                                              {"LostContact", 100},
                                              {"DeclinedFurtherSupport", 80},
                                              {"Relocated", 60},
                                              {"Deceased", 5},
                                              {"Other", 55}};
constexpr Weighted<Codes> kReferralReason[] = {
    {"AdditionalServicesRequired", 650}, {"MigrationOrChangeOfLocation", 250}, {"Other", 100}};
constexpr Weighted<Codes> kReferredOutTo[] = {{"NGO", 250},
                                              {"HealthServiceOrganisation", 150},
                                              {"LegalService", 150},
                                              {"InternationalOrganisation", 120},
                                              {"LocalGovernmentOrganisation", 100},
                                              {"EmbassyOrConsulate", 80},
                                              {"CentralGovernmentOrganisation", 50},
                                              {"LabourInspection", 40},
                                              {"SchoolOrCollege", 30},
                                              {"ImmigrationService", 30}};
constexpr Weighted<Codes> kPlanTypeSexual[] = {{"SexualExploitationRehabilitation", 450},
                                               {"Health", 150},
                                               {"SocialCare", 150},
                                               {"Livelihood", 100},
                                               {"Legal", 50},
                                               {"Financial", 50},
                                               {"RightsBasedTraining", 50}};
constexpr Weighted<Codes> kPlanTypeLabour[] = {{"LabourExploitationRehabilitation", 400},
                                               {"Livelihood", 200},
                                               {"Legal", 100},
                                               {"Financial", 100},
                                               {"Health", 100},
                                               {"SocialCare", 50},
                                               {"RightsBasedTraining", 50}};
constexpr Weighted<Codes> kPlanTypeChild[] = {{"Education", 350}, {"SocialCare", 300},
                                              {"Health", 150},    {"Legal", 50},
                                              {"Financial", 50},  {"RightsBasedTraining", 100}};
constexpr Weighted<Codes> kPlanTypeOther[] = {
    {"SocialCare", 250}, {"Health", 200},    {"Livelihood", 150},         {"Legal", 100},
    {"Financial", 100},  {"Education", 100}, {"RightsBasedTraining", 100}};
constexpr Weighted<int> kServicesPerCase[] = {{0, 50},  {1, 110}, {2, 180}, {3, 220}, {4, 180},
                                              {5, 120}, {6, 70},  {7, 40},  {8, 30}};
constexpr int kMaxServices = 8;
constexpr Weighted<Codes> kFirstServiceType[] = {{"Shelter", 300},       {"Medical", 250},
                                                 {"BasicNeeds", 200},    {"Psychosocial", 150},
                                                 {"Interpretation", 50}, {"Documentation", 50}};
constexpr Weighted<Codes> kServiceType[] = {
    {"Psychosocial", 180},  {"Medical", 150},      {"Shelter", 110},      {"Legal", 110},
    {"BasicNeeds", 80},     {"Financial", 70},     {"Vocational", 60},    {"Livelihood", 60},
    {"Reintegration", 60},  {"Education", 40},     {"Documentation", 30}, {"Repatriation", 25},
    {"Interpretation", 10}, {"FamilyTracing", 10}, {"Other", 5}};
constexpr Weighted<int> kPerpetratorsPerCase[] = {{0, 700}, {1, 220}, {2, 60}, {3, 20}};
constexpr Weighted<Codes> kPerpetratorGender[] = {{"Masculine", 620}, {"Feminine", 330}, {"", 50}};
constexpr Weighted<Codes> kRole[] = {{"RecruiterOrIntermediary", 300},
                                     {"Exploiter", 300},
                                     {"Transporter", 100},
                                     {"ControlledIndividual", 80},
                                     {"BrokerTravelAgent", 60},
                                     {"Smuggler", 50},
                                     {"Abuser", 40},
                                     {"HarbouredIndividual", 20},
                                     {"Kidnapper", 20},
                                     {"SoldIndividual", 10},
                                     {"BoughtIndividual", 10},
                                     {"Other", 10}};
constexpr Weighted<Codes> kVerdict[] = {{"Convicted", 600}, {"Acquitted", 250}, {"Dismissed", 150}};
constexpr Weighted<Codes> kCurrency[] = {{"USD", 550}, {"THB", 350}, {"EUR", 100}};

// ---------------------------------------------------------------------------
// Draws.
// ---------------------------------------------------------------------------

// Up to three codes of a multi-valued field; none is a missing value.
struct Multi {
  const char* items[3];
  int n = 0;
  bool Has(std::string_view code) const {
    for (int i = 0; i < n; ++i) {
      if (code == items[i]) return true;
    }
    return false;
  }
  // Adds `code` unless it is there already.
  void Add(const char* code) {
    if (n < 3 && !Has(code)) items[n++] = code;
  }
};

// `count` distinct codes of `choices` (fewer if the draws keep repeating).
template <size_t N>
void PickDistinct(Rng& rng, const Weighted<Codes> (&choices)[N], int count, Multi* out) {
  out->n = 0;
  for (int tries = 0; out->n < count && tries < 3 * count; ++tries) out->Add(Pick(rng, choices));
}

// Which value of a record is dirty, per table; 0 (kClean) is none.
constexpr uint8_t kClean = 0;
enum PersonDirt : uint8_t {
  kMisspeltGender = 1,
  kImpossibleBirthDate,
  kDayFirstIdentified,
  kUnknownCitizenship,
  kMisspeltExploitation,
  kDuplicatePerson,
  kNotABoolConsent,
  kAgeOutOfRange,
  kPersonDirtKinds = kAgeOutOfRange
};
enum CaseDirt : uint8_t {
  kClosedBeforeOpened = 1,
  kMisspeltStatus,
  kSlashedOpened,
  kDuplicateCase,
  kMisspeltClosureReason,
  kImpossibleReferralDate,
  kCaseDirtKinds = kImpossibleReferralDate
};
enum PlanDirt : uint8_t {
  kMisspeltPlanStatus = 1,
  kImpossiblePlannedEnd,
  kMisspeltPlanType,
  kPlanDirtKinds = kMisspeltPlanType
};
enum ServiceDirt : uint8_t {
  kMisspeltServiceType = 1,
  kImpossibleProvided,
  kDuplicateService,
  kMisspeltProvider,
  kServiceDirtKinds = kMisspeltProvider
};
enum PerpetratorDirt : uint8_t {
  kShortGender = 1,
  kUnknownRole,
  kZeroMonthBirthDate,
  kPerpetratorDirtKinds = kZeroMonthBirthDate
};
enum ProceedingDirt : uint8_t {
  kLowercaseStage = 1,
  kNegativeSentence,
  kUnknownCurrency,
  kProceedingDirtKinds = kUnknownCurrency
};

struct ProceedingDraw {
  const char* stage = "";
  int32_t investigated = kNoDay, prosecuted = kNoDay, verdict = kNoDay;
  int8_t convicted = -1;  // -1 missing
  int32_t sentence_months = -1;
  int64_t awarded = -1, received = -1;  // whole currency units
  const char* currency = "";
  uint8_t dirt = kClean;
};

struct PerpetratorDraw {
  const char* gender = "";
  int32_t birth = kNoDay;
  Multi citizenship, roles;
  bool has_proceeding = false;
  ProceedingDraw proceeding;
  uint8_t dirt = kClean;
};

struct PlanDraw {
  const char* type = "";
  int32_t agreed = 0, planned_end = kNoDay, actual_end = kNoDay;
  int8_t based_on_assessment = -1;
  const char* status = "";
  bool status_missing = false;
  uint8_t dirt = kClean;
};

struct ServiceDraw {
  int32_t planned = 0, provided = kNoDay;
  int plan = -1;  // index into the case's plans
  const char* type = "";
  const char* provider = "";
  uint8_t dirt = kClean;
};

struct CaseDraw {
  int32_t opened = 0, closed = kNoDay;
  const char* status = "";
  const char* closure_reason = "";
  int32_t incoming_date = kNoDay;
  const char* incoming_reason = "";
  Multi referred_out;
  int32_t outgoing_date = kNoDay;
  const char* outgoing_reason = "";
  uint8_t dirt = kClean;
  PlanDraw plans[2];
  int plan_count = 0;
  ServiceDraw services[kMaxServices];
  int service_count = 0;
  PerpetratorDraw perpetrators[3];
  int perpetrator_count = 0;
};

}  // namespace

struct CaseloadGenerator::Draw {
  int32_t identified = 0, birth = kNoDay, needs_assessed = kNoDay;
  int age = 0;
  bool child = false;
  bool woman = false;  // drawn from the female profile
  const char* gender = "";
  Multi citizenship;
  const char* mailing_country = "";
  const char* marital = "";
  int children = -1;
  const char* education = "";
  const char* status = "";
  const char* decision_org = "";
  const char* relationship = "";
  int age_trafficked = -1;
  Multi recruitment, recruitment_apps, control;
  Form forms[2];
  int form_count = 0;
  const char* industry = "";
  Multi sex_types, exploitation_apps, vulnerabilities;
  int8_t consent = -1, consent_data_use = -1;
  const char* identified_by = "";
  const char* referred_in_from = "";
  uint8_t dirt = kClean;
  CaseDraw cases[2];
  int case_count = 0;

  bool HasForm(Form f) const {
    for (int i = 0; i < form_count; ++i) {
      if (forms[i] == f) return true;
    }
    return false;
  }
};

namespace {

using PersonDraw = CaseloadGenerator::Draw;

// A day of the span: density growing linearly to twice its start value by
// the end (a caseload that grows as the project becomes known), times a
// monthly seasonality, by inversion then rejection.
int32_t DrawIdentificationDay(Rng& rng, int32_t start, int32_t end) {
  constexpr double kGrowth = 1.0;  // density at the end / at the start - 1
  const int32_t span = end - start + 1;
  int32_t day = start;
  for (int tries = 0; tries < 32; ++tries) {
    // Inverse of F(u) = (u + g u^2 / 2) / (1 + g / 2).
    const double f = rng.Uniform();
    const double u = (-1 + std::sqrt(1 + 2 * kGrowth * f * (1 + kGrowth / 2))) / kGrowth;
    day = start + std::min(span - 1, static_cast<int32_t>(u * span));
    if (rng.Below(115) < kMonthWeight[MonthOf(day) - 1]) break;
  }
  return day;
}

// Age at identification, in completed years, by the first type of
// exploitation: forced marriage and child labour young, forced labour older.
int DrawAge(Rng& rng, bool child, Form form) {
  if (child) {
    switch (form) {
      case kForcedAdoption:
        return rng.Between(0, 4);
      case kForcedMarriage:
        return rng.Between(13, 17);
      case kSexualExploitation:
        return rng.Between(12, 17);
      case kChildLabour: {  // the older of two uniform draws: mostly teenagers
        const int a = rng.Between(7, 17);
        return std::max(a, rng.Between(7, 17));
      }
      case kForcedBegging:
        return rng.Between(4, 15);
      default:
        return rng.Between(6, 17);
    }
  }
  switch (form) {
    case kForcedMarriage:
      return std::min(45, 18 + rng.Exponential(4.0));
    case kSexualExploitation:
      return std::min(60, 18 + rng.Exponential(8.0));
    case kSurrogacy:
      return std::min(42, 20 + rng.Exponential(6.0));
    case kForcedLabour:
      return std::min(70, 20 + rng.Exponential(15.0));
    default:
      return std::min(75, 18 + rng.Exponential(13.0));
  }
}

const char* DrawEducation(Rng& rng, bool child, int age) {
  if (!child) return Pick(rng, kEducationAdult);
  if (rng.Chance(0.15)) return "";
  if (age < 6) return "EarlyChildhoodEducation";
  if (age < 12) return "PrimaryEducation";
  return rng.Chance(0.5) ? "PrimaryEducation" : "LowerSecondaryEducation";
}

void DrawPerson(Rng& rng, int32_t start, int32_t end, PersonDraw* p) {
  p->identified = DrawIdentificationDay(rng, start, end);
  p->gender = Pick(rng, kGender);
  const std::string_view gender = p->gender;
  p->woman = gender == "Feminine" || gender == "TransgenderFeminine" ||
             (gender != "Masculine" && gender != "TransgenderMasculine" && rng.Chance(0.6));
  p->child = rng.Chance(0.25);

  // Types of exploitation: about 12% have two.
  auto form = [&]() {
    if (p->child) return p->woman ? Pick(rng, kFormsGirl) : Pick(rng, kFormsBoy);
    return p->woman ? Pick(rng, kFormsWoman) : Pick(rng, kFormsMan);
  };
  p->forms[0] = form();
  p->form_count = 1;
  if (rng.Chance(0.12)) {
    for (int tries = 0; tries < 4 && p->form_count == 1; ++tries) {
      const Form second = form();
      if (second != p->forms[0]) p->forms[p->form_count++] = second;
    }
  }
  const Form primary = p->forms[0];
  const bool missing_forms = rng.Chance(0.02);

  p->age = DrawAge(rng, p->child, primary);
  // Born in (identified - (age + 1) years, identified - age years].
  {
    const int32_t latest = YearsBefore(p->identified, p->age);
    const int32_t earliest = YearsBefore(p->identified, p->age + 1) + 1;
    p->birth =
        earliest + static_cast<int32_t>(rng.Below(static_cast<uint32_t>(latest - earliest + 1)));
    if (rng.Chance(0.04)) p->birth = kNoDay;
  }

  // Citizenship: ~3% two, ~2% missing. Residence: the destination country
  // (TH) for most foreigners, else the first citizenship.
  p->citizenship.n = 0;
  if (!rng.Chance(0.02)) {
    p->citizenship.Add(Pick(rng, kCitizenshipCountries));
    if (rng.Chance(0.03)) {
      for (int tries = 0; tries < 4 && p->citizenship.n == 1; ++tries) {
        p->citizenship.Add(Pick(rng, kCitizenshipCountries));
      }
    }
  }
  if (rng.Chance(0.10)) {
    p->mailing_country = "";
  } else if (p->citizenship.n == 0 || rng.Chance(0.55)) {
    p->mailing_country = "TH";
  } else {
    p->mailing_country = p->citizenship.items[0];
  }

  const bool forced_marriage = p->HasForm(kForcedMarriage) && !missing_forms;
  if (p->child) {
    p->marital = forced_marriage && rng.Chance(0.7) ? "Married" : (rng.Chance(0.1) ? "" : "Single");
    p->children = rng.Chance(0.12) ? -1 : (forced_marriage && rng.Chance(0.2) ? 1 : 0);
  } else {
    p->marital = forced_marriage && rng.Chance(0.7) ? "Married" : Pick(rng, kMaritalAdult);
    p->children = rng.Chance(0.12) ? -1 : Pick(rng, kChildrenOfAdult);
  }
  p->education = DrawEducation(rng, p->child, p->age);

  p->status = Pick(rng, kTraffickingStatus);
  p->identified_by = Pick(rng, kIdentifiedBy);
  const std::string_view by = p->identified_by;
  if (p->status[0] == '\0' || rng.Chance(0.04)) {
    p->decision_org = "";
  } else if (by == "LawEnforcement" && rng.Chance(0.8)) {
    p->decision_org = "Police";
  } else if (by == "NGO" && rng.Chance(0.7)) {
    p->decision_org = "NGO";
  } else {
    p->decision_org = Pick(rng, kDecisionOrg);
  }
  // Referred in: missing when the organisation (an NGO) identified the
  // person itself; self-referrals say so.
  if (by == "NGO" || by.empty()) {
    p->referred_in_from = rng.Chance(0.8) ? "" : Pick(rng, kReferrers);
  } else {
    p->referred_in_from = rng.Chance(0.85) ? p->identified_by : Pick(rng, kReferrers);
  }

  if (rng.Chance(0.15)) {
    p->relationship = "";
  } else {
    p->relationship = p->child ? Pick(rng, kRelationshipChild) : Pick(rng, kRelationship);
  }
  p->age_trafficked =
      rng.Chance(0.10) ? -1
                       : std::max(0, p->age - static_cast<int>(rng.Below(
                                                  static_cast<uint32_t>(std::min(p->age, 3) + 1))));

  if (rng.Chance(0.08)) {
    p->recruitment.n = 0;
  } else {
    const int n = rng.Chance(0.2) ? 2 : 1;
    if (p->child) {
      PickDistinct(rng, kRecruitmentChild, n, &p->recruitment);
    } else {
      PickDistinct(rng, kRecruitmentAdult, n, &p->recruitment);
    }
  }
  p->recruitment_apps.n = 0;
  if ((p->recruitment.Has("ThroughOnlineSocialNetworks") ||
       p->recruitment.Has("ThroughAnOnlineAdvertisement")) &&
      !rng.Chance(0.1)) {
    PickDistinct(rng, kRecruitmentApps, rng.Chance(0.25) ? 2 : 1, &p->recruitment_apps);
  }

  const bool labour = p->HasForm(kForcedLabour) || p->HasForm(kChildLabour);
  const bool sexual = p->HasForm(kSexualExploitation);
  if (rng.Chance(0.06)) {
    p->control.n = 0;
  } else {
    int n = 1;
    if (rng.Chance(0.55)) ++n;
    if (rng.Chance(0.35)) ++n;
    if (labour) {
      PickDistinct(rng, kControlLabour, n, &p->control);
    } else if (sexual) {
      PickDistinct(rng, kControlSexual, n, &p->control);
    } else {
      PickDistinct(rng, kControlOther, n, &p->control);
    }
  }
  if (missing_forms) p->form_count = 0;

  p->industry = "";
  if (labour && !missing_forms && !rng.Chance(0.1)) {
    p->industry = p->woman ? Pick(rng, kIndustryWomen) : Pick(rng, kIndustryMen);
  }
  p->sex_types.n = 0;
  p->exploitation_apps.n = 0;
  if (sexual && !missing_forms) {
    if (!rng.Chance(0.1))
      PickDistinct(rng, kSexExploitation, rng.Chance(0.15) ? 2 : 1, &p->sex_types);
    if (p->sex_types.Has("RemoteInteractiveServices") || p->sex_types.Has("Pornography") ||
        rng.Chance(0.2)) {
      PickDistinct(rng, kExploitationApps, rng.Chance(0.3) ? 2 : 1, &p->exploitation_apps);
    }
  }
  {
    const uint32_t r = rng.Below(100);
    PickDistinct(rng, kVulnerability,
                 r < 20   ? 0
                 : r < 65 ? 1
                 : r < 90 ? 2
                          : 3,
                 &p->vulnerabilities);
  }

  const uint32_t consent = rng.Below(100);
  p->consent = consent < 97 ? 1 : consent < 99 ? 0 : -1;
  const uint32_t data_use = rng.Below(100);
  p->consent_data_use = data_use < 95 ? 1 : data_use < 99 ? 0 : -1;
  // Needs assessed for most, a few days after identification.
  p->needs_assessed = kNoDay;
  if (rng.Chance(0.88)) {
    const int32_t on = p->identified + (rng.Chance(0.3) ? 0 : 1 + rng.Exponential(5.0));
    if (on <= end) p->needs_assessed = on;
  }
}

const char* DrawPlanType(Rng& rng, const PersonDraw& p) {
  if (rng.Chance(0.02)) return "";
  if (p.child) return Pick(rng, kPlanTypeChild);
  if (p.form_count > 0 && p.forms[0] == kSexualExploitation) return Pick(rng, kPlanTypeSexual);
  if (p.form_count > 0 && p.forms[0] == kForcedLabour) return Pick(rng, kPlanTypeLabour);
  return Pick(rng, kPlanTypeOther);
}

// A case's support plans as agreed, before the case's closing date is
// known: each ends by its own course (completed, most on time and some
// late, or discontinued), which the case's closure may cut short
// (EndPlansWithCase).
void DrawPlans(Rng& rng, const PersonDraw& p, CaseDraw* c) {
  c->plan_count = 0;
  const bool not_a_victim = std::string_view(p.status) == "NotAVictimOfTrafficking";
  const uint32_t r = rng.Below(100);
  const int wanted = not_a_victim ? 0 : r < 28 ? 0 : r < 86 ? 1 : 2;
  int32_t agreed = c->opened;
  for (int j = 0; j < wanted; ++j) {
    agreed += j == 0 ? 3 + rng.Exponential(12.0) : 30 + rng.Exponential(60.0);
    PlanDraw& plan = c->plans[c->plan_count++];
    plan.dirt = kClean;
    plan.type = DrawPlanType(rng, p);
    plan.agreed = agreed;
    plan.planned_end = AddMonths(agreed, rng.Between(3, 12));
    if (rng.Chance(0.82)) {
      // Completed: most on time or a little early, some late.
      plan.actual_end = rng.Chance(0.3) ? plan.planned_end + 1 + rng.Exponential(45.0)
                                        : plan.planned_end - rng.Between(0, 20);
      plan.status = "Completed";
    } else {
      plan.actual_end = agreed + rng.Between(7, plan.planned_end - agreed);
      plan.status = "Discontinued";
    }
    const bool assessed = p.needs_assessed != kNoDay && p.needs_assessed <= agreed;
    const uint32_t b = rng.Below(100);
    plan.based_on_assessment = b < 3 ? -1 : (assessed ? b < 88 : b < 28) ? 1 : 0;
    plan.status_missing = rng.Chance(0.02);
  }
}

// Fits the plans into the case's life and the span: a plan agreed after
// the case closed, or after the span, is not there; one still running when
// the case closes is discontinued on that day; one ending after the span
// is still active (no end date).
void EndPlansWithCase(int32_t end, CaseDraw* c) {
  int kept = 0;
  for (int j = 0; j < c->plan_count; ++j) {
    PlanDraw plan = c->plans[j];
    if (plan.agreed > end || (c->closed != kNoDay && plan.agreed > c->closed)) break;
    if (c->closed != kNoDay && plan.actual_end > c->closed) {
      plan.actual_end = c->closed;
      plan.status = "Discontinued";
    }
    if (plan.actual_end > end) {
      plan.actual_end = kNoDay;
      plan.status = "Active";
    }
    if (plan.status_missing) plan.status = "";
    c->plans[kept++] = plan;
  }
  c->plan_count = kept;
}

const char* DrawProvider(Rng& rng, std::string_view type) {
  if (rng.Chance(0.02)) return "";
  const uint32_t r = rng.Below(100);
  if (type == "Medical") return r < 70 ? "HealthServiceOrganisation" : "NGO";
  if (type == "Legal") return r < 60 ? "LegalService" : "NGO";
  if (type == "Repatriation") return r < 70 ? "InternationalOrganisation" : "EmbassyOrConsulate";
  if (type == "Documentation") {
    return r < 50 ? "EmbassyOrConsulate" : r < 80 ? "ImmigrationService" : "NGO";
  }
  if (type == "Education" || type == "Vocational") return r < 50 ? "SchoolOrCollege" : "NGO";
  return r < 75 ? "NGO" : r < 90 ? "LocalGovernmentOrganisation" : "InternationalOrganisation";
}

void DrawServices(Rng& rng, const PersonDraw& p, int32_t end, CaseDraw* c) {
  c->service_count = 0;
  const bool not_a_victim = std::string_view(p.status) == "NotAVictimOfTrafficking";
  const int wanted = not_a_victim ? static_cast<int>(rng.Below(3)) : Pick(rng, kServicesPerCase);
  if (wanted == 0) return;
  // The first service: on the opening day for half the cases, within a
  // few days for most others, after a month or more for a tail.
  int32_t first = c->opened;
  if (!rng.Chance(0.5))
    first += rng.Chance(0.85) ? 1 + rng.Exponential(6.0) : 30 + rng.Exponential(45.0);
  int32_t planned[kMaxServices];
  int n = 0;
  if (c->closed != kNoDay) {
    // Spread over the case's life, which they end with.
    if (first > c->closed) first = c->closed;
    planned[n++] = first;
    for (int j = 1; j < wanted; ++j) planned[n++] = rng.Between(first, c->closed);
    // Insertion sort of at most kMaxServices days (std::sort on this small
    // array trips GCC 12's -Warray-bounds under the sanitizers).
    for (int i = 1; i < n; ++i) {
      const int32_t day = planned[i];
      int j = i;
      for (; j > 0 && planned[j - 1] > day; --j) planned[j] = planned[j - 1];
      planned[j] = day;
    }
  } else {
    int32_t on = first;
    for (int j = 0; j < wanted && on <= end; ++j) {
      planned[n++] = on;
      on += 1 + rng.Exponential(28.0);
    }
  }
  for (int j = 0; j < n && planned[j] <= end; ++j) {
    ServiceDraw& s = c->services[c->service_count++];
    s.dirt = kClean;
    s.planned = planned[j];
    s.type = rng.Chance(0.01) ? ""
             : j == 0         ? Pick(rng, kFirstServiceType)
                              : Pick(rng, kServiceType);
    s.provider = DrawProvider(rng, s.type);
    int32_t provided = s.planned + (rng.Chance(0.6) ? 0 : rng.Exponential(4.0));
    if (c->closed != kNoDay && provided > c->closed) provided = c->closed;
    if (provided > end || rng.Chance(0.03)) provided = kNoDay;  // planned, not (yet) provided
    s.provided = provided;
    // Under the latest plan agreed by then and not ended before, mostly.
    s.plan = -1;
    for (int k = c->plan_count - 1; k >= 0; --k) {
      const PlanDraw& plan = c->plans[k];
      if (plan.agreed <= s.planned && (plan.actual_end == kNoDay || plan.actual_end >= s.planned)) {
        s.plan = k;
        break;
      }
    }
    if (s.plan >= 0 && rng.Chance(0.3)) s.plan = -1;
  }
}

void DrawProceeding(Rng& rng, const CaseDraw& c, int32_t end, PerpetratorDraw* perpetrator) {
  perpetrator->has_proceeding = false;
  if (!rng.Chance(0.75)) return;
  const int32_t investigated = c.opened + rng.Exponential(40.0);
  if (investigated > end) return;
  perpetrator->has_proceeding = true;
  ProceedingDraw& d = perpetrator->proceeding;
  d = ProceedingDraw();
  d.investigated = investigated;
  d.stage = "Investigated";
  if (rng.Chance(0.6)) {
    const int32_t prosecuted = investigated + 30 + rng.Exponential(150.0);
    if (prosecuted <= end) {
      d.prosecuted = prosecuted;
      d.stage = "Prosecuted";
      if (rng.Chance(0.75)) {
        const int32_t verdict = prosecuted + 60 + rng.Exponential(250.0);
        if (verdict <= end) {
          d.verdict = verdict;
          d.stage = Pick(rng, kVerdict);
          d.convicted = std::string_view(d.stage) == "Convicted" ? 1 : 0;
        }
      }
    }
  }
  if (d.convicted == 1) {
    d.sentence_months = rng.Chance(0.04) ? -1 : std::min(300, 12 + rng.Exponential(48.0));
    if (rng.Chance(0.45)) {
      d.currency = Pick(rng, kCurrency);
      const int64_t scale = std::string_view(d.currency) == "THB" ? 35 : 1;
      d.awarded = (500 + 50 * static_cast<int64_t>(rng.Below(390))) * scale;
      const uint32_t paid = rng.Below(100);
      d.received = paid < 35 ? 0 : paid < 70 ? d.awarded * rng.Between(10, 90) / 100 : d.awarded;
    }
  }
}

void DrawPerpetrators(Rng& rng, const PersonDraw& p, int32_t end, CaseDraw* c) {
  c->perpetrator_count = 0;
  if (std::string_view(p.status) == "NotAVictimOfTrafficking") return;
  const int n = Pick(rng, kPerpetratorsPerCase);
  for (int j = 0; j < n; ++j) {
    PerpetratorDraw& d = c->perpetrators[c->perpetrator_count++];
    d.dirt = kClean;
    d.gender = Pick(rng, kPerpetratorGender);
    d.birth = kNoDay;
    if (!rng.Chance(0.3)) {
      const int age = std::min(70, 20 + rng.Exponential(14.0));
      d.birth = YearsBefore(c->opened, age) - static_cast<int32_t>(rng.Below(365));
    }
    d.citizenship.n = 0;
    const uint32_t r = rng.Below(100);
    if (r < 60 && p.citizenship.n > 0) {
      d.citizenship.Add(p.citizenship.items[0]);
    } else if (r < 85) {
      d.citizenship.Add("TH");
    } else if (r < 95) {
      d.citizenship.Add(Pick(rng, kCitizenshipCountries));
    }
    if (d.citizenship.n > 0 && rng.Chance(0.03))
      d.citizenship.Add(Pick(rng, kCitizenshipCountries));
    if (rng.Chance(0.08)) {
      d.roles.n = 0;
    } else {
      PickDistinct(rng, kRole, rng.Chance(0.3) ? 2 : 1, &d.roles);
    }
    DrawProceeding(rng, *c, end, &d);
  }
}

void DrawCases(Rng& rng, int32_t end, PersonDraw* p) {
  p->case_count = 0;
  const bool not_a_victim = std::string_view(p->status) == "NotAVictimOfTrafficking";
  int32_t opened = p->identified + (rng.Chance(0.45) ? 0 : 1 + rng.Exponential(4.0));
  for (int k = 0; k < 2 && opened <= end; ++k) {
    CaseDraw& c = p->cases[p->case_count++];
    c.dirt = kClean;
    c.opened = opened;
    // Closing: found not to be a victim soon; others after months, once
    // their support plans have ended, unless they close abruptly (contact
    // lost, support declined) with plans still running; some stay open
    // beyond the span (long-term support).
    const char* reason =
        not_a_victim ? (rng.Chance(0.85) ? "NotAVictim" : "Other") : Pick(rng, kClosureReason);
    const std::string_view why = reason;
    const bool abrupt =
        why == "LostContact" || why == "DeclinedFurtherSupport" || why == "Deceased";
    int32_t closed = opened + (not_a_victim ? rng.Exponential(20.0) : 10 + rng.Exponential(90.0));
    const bool long_term = !not_a_victim && rng.Chance(0.08);
    DrawPlans(rng, *p, &c);
    if (!abrupt) {
      for (int j = 0; j < c.plan_count; ++j) {
        closed = std::max(closed, c.plans[j].actual_end + rng.Between(0, 30));
      }
    }
    c.closed = long_term || closed > end ? kNoDay : closed;
    if (c.closed != kNoDay) {
      c.closure_reason = rng.Chance(0.03) ? "" : reason;
      c.status = why == "ReferredElsewhere" ? "ClosedReferred" : "Closed";
    } else {
      c.closure_reason = "";
      c.status = end - opened > 180 && rng.Chance(0.4) ? "FollowUp"
                                                       : (rng.Chance(0.85) ? "Active" : "FollowUp");
    }
    EndPlansWithCase(end, &c);
    // Incoming referral: the first case of a person referred in, between
    // identification and opening; a later case sometimes.
    c.incoming_date = kNoDay;
    c.incoming_reason = "";
    const bool referred_in = p->referred_in_from[0] != '\0' && (k == 0 || rng.Chance(0.4));
    if (referred_in) {
      const int32_t from = k == 0 ? p->identified : p->cases[0].closed + 1;
      c.incoming_date = rng.Between(from, opened);
      c.incoming_reason = Pick(rng, kReferralReason);
    }
    // Outgoing referrals: about a third of cases, every case closed as
    // referred elsewhere, dated within the case.
    c.referred_out.n = 0;
    c.outgoing_date = kNoDay;
    c.outgoing_reason = "";
    const bool closed_referred = std::string_view(c.status) == "ClosedReferred";
    if (closed_referred || rng.Chance(0.3)) {
      PickDistinct(rng, kReferredOutTo, rng.Chance(0.25) ? 2 : 1, &c.referred_out);
      int32_t on = closed_referred ? c.closed - rng.Between(0, 3) : opened + rng.Exponential(45.0);
      if (on < opened) on = opened;
      if (c.closed != kNoDay && on > c.closed) on = c.closed;
      if (on <= end) c.outgoing_date = on;
      const std::string_view reason = c.closure_reason;
      c.outgoing_reason = reason == "Repatriated" || reason == "Relocated"
                              ? "MigrationOrChangeOfLocation"
                              : Pick(rng, kReferralReason);
    }
    DrawServices(rng, *p, end, &c);
    DrawPerpetrators(rng, *p, end, &c);
    // Re-trafficked: a later case after this one closed.
    if (k == 0) {
      if (c.closed == kNoDay || not_a_victim || !rng.Chance(0.65)) break;
      opened = c.closed + 30 + rng.Exponential(200.0);
    }
  }
}

// Chooses which records of a person are dirty, each with probability
// `rate`, from the person's dirt stream. Without `duplicate_linked_keys` a
// person or case drawn to be duplicated gets the next kind of dirt instead
// (the draws, hence every other record, stay the same).
void DrawDirt(Rng& rng, double rate, bool duplicate_linked_keys, PersonDraw* p) {
  auto dirt = [&](uint8_t kinds) -> uint8_t {
    return rng.Chance(rate) ? static_cast<uint8_t>(1 + rng.Below(kinds)) : kClean;
  };
  p->dirt = dirt(kPersonDirtKinds);
  if (!duplicate_linked_keys && p->dirt == kDuplicatePerson) p->dirt = kDuplicatePerson + 1;
  for (int k = 0; k < p->case_count; ++k) {
    CaseDraw& c = p->cases[k];
    c.dirt = dirt(kCaseDirtKinds);
    if (!duplicate_linked_keys && c.dirt == kDuplicateCase) c.dirt = kDuplicateCase + 1;
    for (int j = 0; j < c.plan_count; ++j) c.plans[j].dirt = dirt(kPlanDirtKinds);
    for (int j = 0; j < c.service_count; ++j) c.services[j].dirt = dirt(kServiceDirtKinds);
    for (int j = 0; j < c.perpetrator_count; ++j) {
      PerpetratorDraw& d = c.perpetrators[j];
      d.dirt = dirt(kPerpetratorDirtKinds);
      if (d.has_proceeding) d.proceeding.dirt = dirt(kProceedingDirtKinds);
    }
  }
}

// ---------------------------------------------------------------------------
// Writing.
// ---------------------------------------------------------------------------

void AppendMulti(const Multi& m, std::string* out) {
  for (int i = 0; i < m.n; ++i) {
    if (i > 0) out->push_back(';');
    out->append(m.items[i]);
  }
}

// "YYYY-MM-DD" with a day the month does not have (30 February, 31 April).
std::string ImpossibleDate(int32_t day) {
  const int32_t year = day != kNoDay ? YearOf(day) : 2024;
  return std::to_string(year) + (year % 2 == 0 ? "-02-30" : "-04-31");
}

// The date written day first ("15/03/2024"), not the schema's format.
std::string DayFirst(int32_t day) {
  const std::string_view iso = DateTexts().Text(day);
  std::string out;
  out.append(iso.substr(8, 2))
      .append("/")
      .append(iso.substr(5, 2))
      .append("/")
      .append(iso.substr(0, 4));
  return out;
}

// Writes the record just appended since `begin` once more (a record
// entered twice: a duplicate key).
void RepeatLastRecord(size_t begin, TableOutput* out) {
  out->text.append(out->text, begin, std::string::npos);
  ++out->rows;
}

void AppendBool(CsvLine& line, int8_t value) {
  if (value < 0) {
    line.Missing();
  } else {
    line.Bool(value != 0);
  }
}

// Ids: P0000001 for person 1; C0000001-1 for its first case; SP, S and PE
// for the case's plans, services and perpetrators (C0000001-1 → SP0000001-1-1);
// LP for a perpetrator's proceeding (LP0000001-1-1 for PE0000001-1-1).
constexpr int kPersonDigits = 7;

void AppendCaseId(CsvLine& line, int64_t person, int k) {
  std::string* out = line.Raw();
  line.AppendId("C", person, kPersonDigits);
  out->push_back('-');
  line.AppendInt(k + 1);
}

void AppendChildId(CsvLine& line, const char* prefix, int64_t person, int k, int j) {
  std::string* out = line.Raw();
  line.AppendId(prefix, person, kPersonDigits);
  out->push_back('-');
  line.AppendInt(k + 1);
  out->push_back('-');
  line.AppendInt(j + 1);
}

void WritePerson(int64_t person, const PersonDraw& p, TableOutput* out) {
  const size_t begin = out->text.size();
  CsvLine line(&out->text);
  line.Id("P", person, kPersonDigits);
  if (p.dirt == kImpossibleBirthDate) {
    line.Code(ImpossibleDate(p.birth));
  } else {
    line.Day(p.birth);
  }
  line.Code(p.dirt == kMisspeltGender ? (p.woman ? "Femenine" : "Male") : p.gender);
  if (p.dirt == kUnknownCitizenship) {
    line.Code("Thai");
  } else {
    AppendMulti(p.citizenship, line.Raw());
  }
  line.Code(p.mailing_country).Code(p.marital);
  if (p.children < 0) {
    line.Missing();
  } else {
    line.Int(p.children);
  }
  line.Code(p.education).Code(p.status).Code(p.decision_org).Code(p.relationship);
  if (p.dirt == kAgeOutOfRange) {
    line.Int(p.age + 200);
  } else if (p.age_trafficked < 0) {
    line.Missing();
  } else {
    line.Int(p.age_trafficked);
  }
  AppendMulti(p.recruitment, line.Raw());
  AppendMulti(p.recruitment_apps, line.Raw());
  AppendMulti(p.control, line.Raw());
  {
    std::string* text = line.Raw();
    for (int i = 0; i < p.form_count; ++i) {
      if (i > 0) text->push_back(';');
      text->append(p.dirt == kMisspeltExploitation && i == 0 && p.forms[i] == kForcedLabour
                       ? "ForcedLabor"
                   : p.dirt == kMisspeltExploitation && i == 0 ? "Trafficking"
                                                               : kFormCodes[p.forms[i]]);
    }
    if (p.form_count == 0 && p.dirt == kMisspeltExploitation) text->append("Trafficking");
  }
  line.Code(p.industry);
  AppendMulti(p.sex_types, line.Raw());
  AppendMulti(p.exploitation_apps, line.Raw());
  AppendMulti(p.vulnerabilities, line.Raw());
  AppendBool(line, p.consent);
  if (p.dirt == kDayFirstIdentified) {
    line.Code(DayFirst(p.identified));
  } else {
    line.Day(p.identified);
  }
  line.Code(p.identified_by).Code(p.referred_in_from);
  if (p.dirt == kNotABoolConsent) {
    line.Code(p.consent_data_use == 0 ? "no" : "yes");
  } else {
    AppendBool(line, p.consent_data_use);
  }
  line.Day(p.needs_assessed);
  line.End();
  ++out->rows;
  if (p.dirt == kDuplicatePerson) RepeatLastRecord(begin, out);
}

void WriteCase(int64_t person, int k, const CaseDraw& c, TableOutput* out) {
  const size_t begin = out->text.size();
  CsvLine line(&out->text);
  AppendCaseId(line, person, k);
  line.Id("P", person, kPersonDigits);
  line.Code(c.dirt == kMisspeltStatus ? "Closd" : c.status);
  if (c.dirt == kSlashedOpened) {
    std::string slashed(DateTexts().Text(c.opened));
    std::replace(slashed.begin(), slashed.end(), '-', '/');
    line.Code(slashed);
  } else {
    line.Day(c.opened);
  }
  // Closed before it opened: a plausible-looking but impossible interval.
  line.Day(c.dirt == kClosedBeforeOpened ? c.opened - 1 - static_cast<int32_t>(person % 60)
                                         : c.closed);
  line.Code(c.dirt == kMisspeltClosureReason ? "Reintegrate" : c.closure_reason);
  line.Day(c.incoming_date).Code(c.incoming_reason);
  AppendMulti(c.referred_out, line.Raw());
  if (c.dirt == kImpossibleReferralDate) {
    line.Code(ImpossibleDate(c.outgoing_date != kNoDay ? c.outgoing_date : c.opened));
  } else {
    line.Day(c.outgoing_date);
  }
  line.Code(c.outgoing_reason);
  line.End();
  ++out->rows;
  if (c.dirt == kDuplicateCase) RepeatLastRecord(begin, out);
}

void WritePlan(int64_t person, int k, int j, const PlanDraw& plan, TableOutput* out) {
  CsvLine line(&out->text);
  AppendChildId(line, "SP", person, k, j);
  AppendCaseId(line, person, k);
  line.Code(plan.dirt == kMisspeltPlanType ? "Helth" : plan.type);
  line.Day(plan.agreed);
  if (plan.dirt == kImpossiblePlannedEnd) {
    line.Code(ImpossibleDate(plan.planned_end));
  } else {
    line.Day(plan.planned_end);
  }
  line.Day(plan.actual_end);
  AppendBool(line, plan.based_on_assessment);
  line.Code(plan.dirt == kMisspeltPlanStatus ? "Complete" : plan.status);
  line.End();
  ++out->rows;
}

void WriteService(int64_t person, int k, int j, const ServiceDraw& s, TableOutput* out) {
  const size_t begin = out->text.size();
  CsvLine line(&out->text);
  AppendChildId(line, "S", person, k, j);
  AppendCaseId(line, person, k);
  if (s.plan >= 0) {
    AppendChildId(line, "SP", person, k, s.plan);
  } else {
    line.Missing();
  }
  line.Code(s.dirt == kMisspeltServiceType ? "Medicla" : s.type);
  line.Day(s.planned);
  if (s.dirt == kImpossibleProvided) {
    // Month 13 of the year it was planned.
    line.Code(std::to_string(YearOf(s.planned)) + "-13-01");
  } else {
    line.Day(s.provided);
  }
  line.Code(s.dirt == kMisspeltProvider ? "NG0" : s.provider);
  line.End();
  ++out->rows;
  if (s.dirt == kDuplicateService) RepeatLastRecord(begin, out);
}

void WritePerpetrator(int64_t person, int k, int j, const PerpetratorDraw& d, TableOutput* out) {
  CsvLine line(&out->text);
  AppendChildId(line, "PE", person, k, j);
  AppendCaseId(line, person, k);
  line.Code(d.dirt == kShortGender ? "M" : d.gender);
  if (d.dirt == kZeroMonthBirthDate) {
    line.Code(std::to_string(d.birth != kNoDay ? YearOf(d.birth) : 1980) + "-00-15");
  } else {
    line.Day(d.birth);
  }
  AppendMulti(d.citizenship, line.Raw());
  if (d.dirt == kUnknownRole) {
    line.Code("Trafficker");
  } else {
    AppendMulti(d.roles, line.Raw());
  }
  line.End();
  ++out->rows;
}

void WriteProceeding(int64_t person, int k, int j, const ProceedingDraw& d, TableOutput* out) {
  CsvLine line(&out->text);
  AppendChildId(line, "LP", person, k, j);
  AppendChildId(line, "PE", person, k, j);
  AppendCaseId(line, person, k);
  if (d.dirt == kLowercaseStage) {
    std::string stage(d.stage);
    stage[0] = static_cast<char>(stage[0] - 'A' + 'a');
    line.Code(stage);
  } else {
    line.Code(d.stage);
  }
  line.Day(d.investigated).Day(d.prosecuted).Day(d.verdict);
  AppendBool(line, d.convicted);
  if (d.dirt == kNegativeSentence) {
    line.Int(-(d.sentence_months < 0 ? 6 : d.sentence_months));
  } else if (d.sentence_months < 0) {
    line.Missing();
  } else {
    line.Int(d.sentence_months);
  }
  if (d.awarded < 0) {
    line.Missing().Missing();
  } else {
    line.Int(d.awarded).Int(d.received);
  }
  line.Code(d.dirt == kUnknownCurrency ? "US$" : d.currency);
  line.End();
  ++out->rows;
}

}  // namespace

CaseloadGenerator::CaseloadGenerator(const Context& context)
    : context_(context), draw_(std::make_unique<Draw>()) {}

CaseloadGenerator::~CaseloadGenerator() = default;

void CaseloadGenerator::Generate(int64_t index, const TableOutputs& outputs) {
  Draw& p = *draw_;
  Rng rng(context_.seed, kPersonStream, static_cast<uint64_t>(index));
  DrawPerson(rng, context_.start, context_.end, &p);
  DrawCases(rng, context_.end, &p);
  Rng dirt(context_.seed, kPersonDirtStream, static_cast<uint64_t>(index));
  DrawDirt(dirt, context_.dirty_rate, context_.duplicate_linked_keys, &p);

  const int64_t person = index + 1;
  TableOutput* persons = outputs[static_cast<int>(Table::kPersons)];
  TableOutput* cases = outputs[static_cast<int>(Table::kCases)];
  TableOutput* plans = outputs[static_cast<int>(Table::kSupportPlans)];
  TableOutput* services = outputs[static_cast<int>(Table::kServices)];
  TableOutput* perpetrators = outputs[static_cast<int>(Table::kPerpetrators)];
  TableOutput* proceedings = outputs[static_cast<int>(Table::kLegalProceedings)];
  if (persons != nullptr) WritePerson(person, p, persons);
  for (int k = 0; k < p.case_count; ++k) {
    const CaseDraw& c = p.cases[k];
    if (cases != nullptr) WriteCase(person, k, c, cases);
    if (plans != nullptr) {
      for (int j = 0; j < c.plan_count; ++j) WritePlan(person, k, j, c.plans[j], plans);
    }
    if (services != nullptr) {
      for (int j = 0; j < c.service_count; ++j) WriteService(person, k, j, c.services[j], services);
    }
    for (int j = 0; j < c.perpetrator_count; ++j) {
      const PerpetratorDraw& d = c.perpetrators[j];
      if (perpetrators != nullptr) WritePerpetrator(person, k, j, d, perpetrators);
      if (proceedings != nullptr && d.has_proceeding) {
        WriteProceeding(person, k, j, d.proceeding, proceedings);
      }
    }
  }
}

}  // namespace internal
}  // namespace generate
}  // namespace ctind
