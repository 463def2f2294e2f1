// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The project's own records, not tied to a person identified: trainings
// and their participants, awareness activities, survey respondents,
// coordination mechanisms (assessed quarterly) and the population
// reference table. Each training (with its participants), activity,
// respondent and mechanism (with its assessments) draws from its own
// stream; docs/synthetic-data.md describes the distributions.

#include <algorithm>
#include <string>
#include <string_view>

#include "calendar.h"
#include "csv_text.h"
#include "random.h"
#include "tables.h"

namespace ctind {
namespace generate {
namespace internal {
namespace {

using Codes = const char*;

// Where the project works: the destination country and three countries
// of origin (the catalog's area list holds countries; a deployment adds
// districts under them).
constexpr Weighted<Codes> kDistrict[] = {{"TH", 50}, {"MM", 20}, {"KH", 15}, {"LA", 15}};

enum Topic : uint8_t {
  kIdentification,
  kReferral,
  kVictimAssistance,
  kInvestigation,
  kProsecution,
  kLabourRights,
  kDataProtection,
  kOtherTopic,
};
constexpr const char* kTopicCodes[] = {"Identification", "Referral",    "VictimAssistance",
                                       "Investigation",  "Prosecution", "LabourRights",
                                       "DataProtection", "Other"};
constexpr Weighted<Topic> kTopic[] = {
    {kIdentification, 25}, {kReferral, 15},     {kVictimAssistance, 15}, {kInvestigation, 15},
    {kProsecution, 10},    {kLabourRights, 10}, {kDataProtection, 5},    {kOtherTopic, 5}};
// The officials each topic is for.
constexpr const char* kAudiences[][6] = {
    {"Police", "BorderOfficials", "ImmigrationOfficials", "LabourInspectors", "SocialWorkers",
     "HealthWorkers"},
    {"SocialWorkers", "NGOStaff", "Police", "HealthWorkers", nullptr, nullptr},
    {"SocialWorkers", "NGOStaff", "HealthWorkers", "ConsularStaff", nullptr, nullptr},
    {"Police", "Prosecutors", "LabourInspectors", nullptr, nullptr, nullptr},
    {"Prosecutors", "Judges", "Police", nullptr, nullptr, nullptr},
    {"LabourInspectors", "NGOStaff", "Other", nullptr, nullptr, nullptr},
    {"NGOStaff", "SocialWorkers", "Police", nullptr, nullptr, nullptr},
    {"Teachers", "NGOStaff", "Other", nullptr, nullptr, nullptr},
};

enum Channel : uint8_t {
  kCommunitySession,
  kSchool,
  kRadio,
  kTelevision,
  kSocialMedia,
  kPrint,
  kEvent,
  kHotline,
  kOtherChannel,
};
constexpr const char* kChannelCodes[] = {
    "CommunitySession", "School", "Radio", "Television", "SocialMedia", "Print", "Event",
    "Hotline",          "Other"};
constexpr Weighted<Channel> kChannel[] = {
    {kCommunitySession, 35}, {kSchool, 20}, {kRadio, 10}, {kTelevision, 3},
    {kSocialMedia, 15},      {kPrint, 7},   {kEvent, 8},  {kHotline, 1},
    {kOtherChannel, 1}};

constexpr Weighted<Codes> kRespondentGender[] = {{"Feminine", 500},
                                                 {"Masculine", 480},
                                                 {"NonConforming", 5},
                                                 {"NonSpecifiedUnknown", 5},
                                                 {"", 10}};
constexpr Weighted<Codes> kRisk[] = {{"DeceptiveJobOffers", 200},
                                     {"UnlicensedRecruiters", 120},
                                     {"RecruitmentFees", 100},
                                     {"DocumentConfiscation", 120},
                                     {"RestrictedMovement", 80},
                                     {"OnlineRecruitment", 120},
                                     {"IrregularMigration", 100},
                                     {"ForcedMarriage", 50},
                                     {"ChildLabour", 50},
                                     {"SexualExploitation", 50},
                                     {"Other", 10}};
// Risks named: fewer at baseline than at endline.
constexpr Weighted<int> kRisksAtBaseline[] = {{0, 25}, {1, 30}, {2, 25}, {3, 12}, {4, 6}, {5, 2}};
constexpr Weighted<int> kRisksAtEndline[] = {{0, 8}, {1, 15}, {2, 25}, {3, 25}, {4, 17}, {5, 10}};

constexpr int kTrainingDigits = 5;
constexpr int kActivityDigits = 6;
constexpr int kRespondentDigits = 7;

// Day `offset` of the span, by a uniform draw.
int32_t UniformDay(Rng& rng, const Context& context) {
  return rng.Between(context.start, context.end);
}

// A score in tenths, in half points, within [0, 100].
int64_t ScoreTenths(double score) {
  const double clamped = std::min(100.0, std::max(0.0, score));
  return static_cast<int64_t>(clamped * 2 + 0.5) * 5;
}

bool Dirty(Rng& dirt, double rate) { return dirt.Chance(rate); }

}  // namespace

int64_t TrainingCount(const Context& context) {
  return std::max<int64_t>(5, context.persons / 200);
}
int64_t AwarenessActivityCount(const Context& context) {
  return std::max<int64_t>(5, context.persons / 100);
}
int64_t SurveyRespondentCount(const Context& context) {
  return std::max<int64_t>(50, context.persons / 10);
}
int64_t CoordinationMechanismCount(const Context& context) {
  return std::min<int64_t>(12, std::max<int64_t>(4, context.persons / 2000));
}

void GenerateTraining(const Context& context, int64_t index, TableOutput* trainings,
                      TableOutput* participants) {
  Rng rng(context.seed, kTrainingStream, static_cast<uint64_t>(index));
  Rng dirt(context.seed, kTrainingDirtStream, static_cast<uint64_t>(index));
  const Topic topic = Pick(rng, kTopic);
  const int32_t held_on = UniformDay(rng, context);
  const char* const* audiences = kAudiences[topic];
  int audience_count = 0;
  while (audience_count < 6 && audiences[audience_count] != nullptr) ++audience_count;
  // 1-3 distinct audiences, in the topic's order.
  bool chosen[6] = {false, false, false, false, false, false};
  const int wanted = 1 + static_cast<int>(rng.Below(3));
  for (int k = 0; k < wanted; ++k) chosen[rng.Below(static_cast<uint32_t>(audience_count))] = true;
  const bool audience_missing = rng.Chance(0.02);
  const char* district = Pick(rng, kDistrict);
  const int pass_mark = rng.Chance(0.55) ? 60 : 70;
  const bool dirty_training = Dirty(dirt, context.dirty_rate);
  const bool dirty_pass_mark = dirty_training && dirt.Chance(0.5);

  const int64_t number = index + 1;
  if (trainings != nullptr) {
    CsvLine line(&trainings->text);
    line.Id("TR", number, kTrainingDigits);
    line.Code(dirty_training && !dirty_pass_mark ? "Identifcation" : kTopicCodes[topic]);
    line.Day(held_on);
    std::string* text = line.Raw();
    bool first = true;
    for (int k = 0; k < audience_count && !audience_missing; ++k) {
      if (!chosen[k]) continue;
      if (!first) text->push_back(';');
      text->append(audiences[k]);
      first = false;
    }
    line.Code(district);
    line.Int(dirty_pass_mark ? pass_mark + 100 : pass_mark);
    line.End();
    ++trainings->rows;
  }

  const int count = rng.Between(12, 28);
  for (int j = 0; j < count; ++j) {
    // Participants come from the audiences, a few from elsewhere.
    const char* institution;
    if (rng.Chance(0.02)) {
      institution = "";
    } else if (rng.Chance(0.85)) {
      int pick = static_cast<int>(rng.Below(static_cast<uint32_t>(audience_count)));
      for (int k = 0; k < audience_count && !chosen[pick]; ++k) pick = (pick + 1) % audience_count;
      institution = audiences[pick];
    } else {
      institution = rng.Chance(0.5) ? "NGOStaff" : "Other";
    }
    const std::string_view in = institution;
    const bool uniformed = in == "Police" || in == "BorderOfficials" || in == "Prosecutors" ||
                           in == "Judges" || in == "ImmigrationOfficials";
    const uint32_t g = rng.Below(100);
    const char* gender = g < 3 ? "" : (g < (uniformed ? 35u : 67u)) ? "Feminine" : "Masculine";
    const double pre = rng.Bell(52, 12);
    const bool pre_missing = rng.Chance(0.03);
    const bool completed = rng.Chance(0.92);
    const double post = pre + rng.Bell(16, 10);
    const bool dirty_participant = Dirty(dirt, context.dirty_rate);
    const bool dirty_score = dirty_participant && dirt.Chance(0.5);
    if (participants == nullptr) continue;
    CsvLine line(&participants->text);
    {
      std::string* text = line.Raw();
      line.AppendId("TP", number, kTrainingDigits);
      text->push_back('-');
      line.AppendId("", j + 1, 2);
    }
    line.Id("TR", number, kTrainingDigits);
    line.Code(dirty_participant && !dirty_score ? "F" : gender);
    line.Code(institution);
    if (pre_missing) {
      line.Missing();
    } else {
      line.Tenths(ScoreTenths(pre));
    }
    if (dirty_score) {
      line.Tenths(1000 + ScoreTenths(post));  // above 100
    } else if (completed) {
      line.Tenths(ScoreTenths(post));
    } else {
      line.Missing();  // left before the post-test
    }
    line.Bool(completed);
    line.End();
    ++participants->rows;
  }
}

void GenerateAwarenessActivity(const Context& context, int64_t index, TableOutput* out) {
  Rng rng(context.seed, kAwarenessStream, static_cast<uint64_t>(index));
  Rng dirt(context.seed, kAwarenessDirtStream, static_cast<uint64_t>(index));
  const int32_t held_on = UniformDay(rng, context);
  const Channel channel = Pick(rng, kChannel);
  int64_t reached = 0;
  switch (channel) {
    case kCommunitySession:
      reached = rng.Between(15, 150);
      break;
    case kSchool:
      reached = rng.Between(30, 400);
      break;
    case kRadio:
      reached = 1000 + rng.Exponential(8000.0);
      break;
    case kTelevision:
      reached = 5000 + rng.Exponential(40000.0);
      break;
    case kSocialMedia:
      reached = 200 + rng.Exponential(5000.0);
      break;
    case kPrint:
      reached = 100 + rng.Exponential(1500.0);
      break;
    case kEvent:
      reached = 100 + rng.Exponential(800.0);
      break;
    case kHotline:
      reached = rng.Between(10, 200);
      break;
    case kOtherChannel:
      reached = rng.Between(20, 500);
      break;
  }
  const bool reached_missing = rng.Chance(0.03);
  const char* district = Pick(rng, kDistrict);
  const bool dirty = Dirty(dirt, context.dirty_rate);
  const bool dirty_reached = dirty && dirt.Chance(0.5);

  CsvLine line(&out->text);
  line.Id("AW", index + 1, kActivityDigits);
  line.Day(held_on);
  if (dirty && !dirty_reached) {
    std::string lower(kChannelCodes[channel]);
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    line.Code(lower);
  } else {
    line.Code(kChannelCodes[channel]);
  }
  if (dirty_reached) {
    line.Int(-reached);
  } else if (reached_missing) {
    line.Missing();
  } else {
    line.Int(reached);
  }
  line.Code(district);
  line.End();
  ++out->rows;
}

void GenerateSurveyRespondent(const Context& context, int64_t index, TableOutput* out) {
  Rng rng(context.seed, kRespondentStream, static_cast<uint64_t>(index));
  Rng dirt(context.seed, kRespondentDirtStream, static_cast<uint64_t>(index));
  // Baseline in the first months of the span, endline in its last months.
  const int32_t span = context.end - context.start + 1;
  const int32_t margin = span / 24, window = span / 12;
  const bool endline = rng.Chance(0.5);
  const int32_t surveyed_on =
      endline ? rng.Between(context.end - margin - window, context.end - margin)
              : rng.Between(context.start + margin, context.start + margin + window);
  const char* gender = Pick(rng, kRespondentGender);
  const int age = 15 + std::min(60, rng.Exponential(14.0));
  const bool age_missing = rng.Chance(0.02);
  const int risks = endline ? Pick(rng, kRisksAtEndline) : Pick(rng, kRisksAtBaseline);
  const char* named[5];
  int named_count = 0;
  for (int tries = 0; named_count < risks && tries < 20; ++tries) {
    const char* risk = Pick(rng, kRisk);
    bool seen = false;
    for (int k = 0; k < named_count; ++k) seen = seen || std::string_view(named[k]) == risk;
    if (!seen) named[named_count++] = risk;
  }
  const uint32_t h = rng.Below(100);
  const int8_t knows = h < 2 ? -1 : (h < (endline ? 68u : 40u)) ? 1 : 0;
  const char* district = Pick(rng, kDistrict);
  const bool dirty = Dirty(dirt, context.dirty_rate);
  const bool dirty_age = dirty && dirt.Chance(0.5);

  CsvLine line(&out->text);
  line.Id("R", index + 1, kRespondentDigits);
  line.Day(surveyed_on);
  line.Code(dirty && !dirty_age ? (endline ? "Endine" : "Baselin")
            : endline           ? "Endline"
                                : "Baseline");
  line.Code(gender);
  if (dirty_age) {
    line.Int(age + 200);
  } else if (age_missing) {
    line.Missing();
  } else {
    line.Int(age);
  }
  line.Int(named_count);
  std::string* text = line.Raw();
  for (int k = 0; k < named_count; ++k) {
    if (k > 0) text->push_back(';');
    text->append(named[k]);
  }
  if (knows < 0) {
    line.Missing();
  } else {
    line.Bool(knows == 1);
  }
  line.Code(district);
  line.End();
  ++out->rows;
}

void GenerateCoordinationMechanism(const Context& context, int64_t index, TableOutput* out) {
  Rng rng(context.seed, kMechanismStream, static_cast<uint64_t>(index));
  Rng dirt(context.seed, kMechanismDirtStream, static_cast<uint64_t>(index));
  const char* kind;
  std::string name;
  switch (index) {
    case 0:
      kind = "NationalReferralMechanism";
      name = "National referral mechanism";
      break;
    case 1:
      kind = "NationalTaskForce";
      name = "National anti-trafficking task force";
      break;
    case 2:
      kind = "CrossBorderMechanism";
      name = "Cross-border working group, TH-MM";
      break;
    default:
      kind = index % 5 == 4 ? "Other" : "LocalCoordinationGroup";
      name =
          std::string(index % 5 == 4 ? "Community watch network " : "Local coordination group ") +
          std::to_string(index - 2) + ", " + Pick(rng, kDistrict);
      break;
  }
  // The quarter (0 = the span's first) from which the mechanism is
  // established, meets regularly and has SOPs; members grow over time.
  const int established_from = index == 0 ? 0 : rng.Between(0, 6);
  const int meets_from = established_from + rng.Between(0, 2);
  const int sops_from = established_from + rng.Between(1, 5);
  int members = rng.Between(3, 10);

  const YearMonthDay first = Date::FromDayNumber(context.start).ToYmd();
  int32_t year = first.year;
  int32_t quarter_month = (first.month - 1) / 3 * 3 + 3;  // last month of the quarter
  for (int q = 0;; ++q) {
    const int32_t assessed_on = DayNumber(year, quarter_month, rng.Between(10, 28));
    if (assessed_on > context.end) break;
    const bool dirty = Dirty(dirt, context.dirty_rate);
    if (assessed_on >= context.start) {
      CsvLine line(&out->text);
      line.Id("CM", index + 1, 2);
      line.Text(name);
      line.Code(kind);
      line.Day(assessed_on);
      if (dirty) {
        line.Code(q >= established_from ? "yes" : "no");
      } else {
        line.Bool(q >= established_from);
      }
      line.Bool(q >= meets_from);
      line.Bool(q >= sops_from);
      line.Int(members);
      line.End();
      ++out->rows;
    }
    if (q >= established_from) members = std::min(40, members + static_cast<int>(rng.Below(3)));
    quarter_month += 3;
    if (quarter_month > 12) {
      quarter_month -= 12;
      ++year;
    }
  }
}

namespace {

// 2023 population (thousands), yearly growth and female share (per mille)
// of the citizenship countries, in kCitizenshipCountries' order; rounded
// figures of the order of the UN's World Population Prospects.
struct CountryPopulation {
  const char* code;
  int64_t thousands_2023;
  int32_t growth_per_mille;
  int32_t female_per_mille;
};
constexpr CountryPopulation kPopulation[15] = {
    {"TH", 71800, 1, 512},   {"MM", 54600, 7, 510},   {"KH", 16900, 11, 508},
    {"LA", 7600, 14, 497},   {"VN", 98900, 7, 501},   {"PH", 117300, 15, 496},
    {"ID", 277500, 8, 497},  {"NP", 30900, 9, 515},   {"BD", 172900, 10, 505},
    {"IN", 1428600, 8, 484}, {"NG", 223800, 24, 494}, {"UA", 37000, -10, 535},
    {"MD", 2500, -10, 525},  {"ET", 126500, 26, 500}, {"NA", 2600, 14, 512}};

}  // namespace

void GeneratePopulation(const Context& context, TableOutput* out) {
  const int32_t first_year = YearOf(context.start), last_year = YearOf(context.end);
  for (int32_t year = first_year; year <= last_year; ++year) {
    for (const char* gender : {"Feminine", "Masculine"}) {
      const bool female = std::string_view(gender) == "Feminine";
      for (const CountryPopulation& c : kPopulation) {
        double people = static_cast<double>(c.thousands_2023) * 1000;
        const double factor = 1 + c.growth_per_mille / 1000.0;
        for (int32_t y = 2023; y < year; ++y) people *= factor;
        for (int32_t y = year; y < 2023; ++y) people /= factor;
        const int32_t share = female ? c.female_per_mille : 1000 - c.female_per_mille;
        people = people * share / 1000;
        CsvLine line(&out->text);
        line.Int(year).Code(gender).Code(c.code);
        line.Int(static_cast<int64_t>(people / 100 + 0.5) * 100);  // to the hundred
        line.End();
        ++out->rows;
      }
    }
  }
}

}  // namespace internal
}  // namespace generate
}  // namespace ctind
