// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The generator's outputs: the tables' columns, the one pass that draws
// every selected table (persons one by one with their linked records, then
// the programme tables), and its three destinations (files, a string, a
// Dataset).

#include "generator.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "csv_text.h"
#include "tables.h"

namespace ctind {
namespace generate {
namespace {

using internal::Context;
using internal::TableOutput;
using internal::TableOutputs;

// Debian's Abseil has its own string_view (BUILD-NOTES.md, note 3).
absl::string_view Sv(std::string_view s) { return absl::string_view(s.data(), s.size()); }

constexpr std::string_view kTableNames[kTableCount] = {"persons",
                                                       "cases",
                                                       "support_plans",
                                                       "services",
                                                       "perpetrators",
                                                       "legal_proceedings",
                                                       "trainings",
                                                       "training_participants",
                                                       "awareness_activities",
                                                       "survey_respondents",
                                                       "coordination_mechanisms",
                                                       "population"};

// The columns each writer in caseload.cc and programme.cc writes, in this
// order: the case schema's fields, in its order (generator_test.cc checks
// them against catalog/schema.textproto).
const std::vector<std::string_view> kColumns[kTableCount] = {
    {"person_id",
     "prs_Birthdate",
     "prs_Gender",
     "prs_Citizenship",
     "prs_MailingCountry",
     "prs_MaritalStatus",
     "prs_NumberOfChildren",
     "prs_HighestLevelOfEducation",
     "vic_TraffickingStatus",
     "vic_TraffickingStatusDecisionMakingOrg",
     "vic_RelationshipToTrafficker",
     "vic_AgeWhenTrafficked",
     "vic_MethodOfRecruitment",
     "vic_RecruitmentWebsitesAndApps",
     "vic_MethodsOfControl",
     "vic_TypeOfExploitation",
     "vic_ForcedLabourIndustry",
     "vic_TypeOfSexExploitation",
     "vic_ExploitationWebsitesAndApps",
     "vic_Vulnerabilities",
     "con_Consent",
     "identified_on",
     "identified_by",
     "referred_in_from",
     "consent_data_use",
     "needs_assessed_on"},
    {"case_id", "person_id", "cas_Status", "opened_on", "closed_on", "closure_reason",
     "cas_IncomingReferralDate", "cas_ReasonForIncomingReferral", "referred_out_to",
     "cas_OutgoingReferralDate", "cas_ReasonForOutgoingReferral"},
    {"plan_id", "case_id", "spl_Type", "agreed_on", "spl_PlannedEndDate", "spl_ActualEndDate",
     "based_on_needs_assessment", "status"},
    {"service_id", "case_id", "plan_id", "service_type", "planned_on", "provided_on", "provider"},
    {"perpetrator_id", "case_id", "prs_Gender", "prs_Birthdate", "prs_Citizenship",
     "per_RoleInProcess"},
    {"proceeding_id", "perpetrator_id", "case_id", "stage", "investigation_opened_on",
     "prosecution_started_on", "verdict_on", "convicted", "sentence_months", "compensation_awarded",
     "compensation_received", "compensation_currency"},
    {"training_id", "topic", "held_on", "audience", "district", "pass_mark"},
    {"participant_id", "training_id", "prs_Gender", "institution", "pre_test_score",
     "post_test_score", "completed"},
    {"activity_id", "held_on", "channel", "people_reached", "district"},
    {"respondent_id", "surveyed_on", "wave", "prs_Gender", "age_at_survey", "risks_identified",
     "risks_named", "knows_where_to_seek_help", "district"},
    {"mechanism_id", "name", "kind", "assessed_on", "established", "meets_regularly", "has_sops",
     "members"},
    {"year", "prs_Gender", "prs_Citizenship", "population"},
};

constexpr int Index(Table table) { return static_cast<int>(table); }

Context MakeContext(const GeneratorOptions& options) {
  Context context;
  context.seed = options.seed;
  context.dirty_rate = options.dirty_rate;
  context.duplicate_linked_keys = options.duplicate_linked_keys;
  context.persons = options.persons;
  context.start = options.start.day_number();
  context.end = options.end.day_number();
  return context;
}

// Which tables are produced, by Index(table).
struct Selection {
  bool tables[kTableCount] = {};
  bool Any(std::initializer_list<Table> among) const {
    for (Table t : among) {
      if (tables[Index(t)]) return true;
    }
    return false;
  }
};

Selection Select(const GeneratorOptions& options) {
  Selection selection;
  for (int t = 0; t < kTableCount; ++t) selection.tables[t] = options.tables.empty();
  for (Table t : options.tables) selection.tables[Index(t)] = true;
  return selection;
}

// Receives a table's text when its buffer passes the flush size, and at
// the end; it may consume the text (and clear it) or leave it to grow.
using FlushFunction = std::function<absl::Status(Table table, TableOutput* output)>;
constexpr size_t kFlushBytes = size_t{1} << 20;

// Generates every selected table into `outputs` (headers first), calling
// `flush` for a table whose buffer passed kFlushBytes (when
// `flush_when_full`) and for every table at the end.
absl::Status Produce(const GeneratorOptions& options, const Selection& selection,
                     bool flush_when_full, const FlushFunction& flush,
                     const ProgressCallback& progress, TableOutput (&buffers)[kTableCount]) {
  const Context context = MakeContext(options);
  TableOutputs outputs = {};
  for (int t = 0; t < kTableCount; ++t) {
    if (!selection.tables[t]) continue;
    outputs[t] = &buffers[t];
    AppendHeader(kColumns[t], &buffers[t].text);
  }
  auto flush_full = [&]() -> absl::Status {
    if (!flush_when_full) return absl::OkStatus();
    for (int t = 0; t < kTableCount; ++t) {
      if (outputs[t] != nullptr && outputs[t]->text.size() >= kFlushBytes) {
        absl::Status status = flush(static_cast<Table>(t), outputs[t]);
        if (!status.ok()) return status;
      }
    }
    return absl::OkStatus();
  };

  constexpr int64_t kProgressEvery = 4096;
  if (selection.Any({Table::kPersons, Table::kCases, Table::kSupportPlans, Table::kServices,
                     Table::kPerpetrators, Table::kLegalProceedings})) {
    internal::CaseloadGenerator caseload(context);
    for (int64_t i = 0; i < options.persons; ++i) {
      caseload.Generate(i, outputs);
      if ((i + 1) % 64 == 0) {
        absl::Status status = flush_full();
        if (!status.ok()) return status;
      }
      if (progress && (i + 1) % kProgressEvery == 0) progress(i + 1, options.persons);
    }
  }
  TableOutput* trainings = outputs[Index(Table::kTrainings)];
  TableOutput* participants = outputs[Index(Table::kTrainingParticipants)];
  if (trainings != nullptr || participants != nullptr) {
    const int64_t n = internal::TrainingCount(context);
    for (int64_t i = 0; i < n; ++i) {
      internal::GenerateTraining(context, i, trainings, participants);
      absl::Status status = flush_full();
      if (!status.ok()) return status;
    }
  }
  if (TableOutput* out = outputs[Index(Table::kAwarenessActivities)]; out != nullptr) {
    const int64_t n = internal::AwarenessActivityCount(context);
    for (int64_t i = 0; i < n; ++i) {
      internal::GenerateAwarenessActivity(context, i, out);
      if ((i + 1) % 1024 == 0) {
        absl::Status status = flush_full();
        if (!status.ok()) return status;
      }
    }
  }
  if (TableOutput* out = outputs[Index(Table::kSurveyRespondents)]; out != nullptr) {
    const int64_t n = internal::SurveyRespondentCount(context);
    for (int64_t i = 0; i < n; ++i) {
      internal::GenerateSurveyRespondent(context, i, out);
      if ((i + 1) % 1024 == 0) {
        absl::Status status = flush_full();
        if (!status.ok()) return status;
      }
    }
  }
  if (TableOutput* out = outputs[Index(Table::kCoordinationMechanisms)]; out != nullptr) {
    const int64_t n = internal::CoordinationMechanismCount(context);
    for (int64_t i = 0; i < n; ++i) internal::GenerateCoordinationMechanism(context, i, out);
  }
  if (TableOutput* out = outputs[Index(Table::kPopulation)]; out != nullptr) {
    internal::GeneratePopulation(context, out);
  }
  for (int t = 0; t < kTableCount; ++t) {
    if (outputs[t] == nullptr) continue;
    absl::Status status = flush(static_cast<Table>(t), outputs[t]);
    if (!status.ok()) return status;
  }
  if (progress) progress(options.persons, options.persons);
  return absl::OkStatus();
}

// The most specific status for a failed file operation.
absl::Status FileError(int error, const std::string& what) {
  const std::string message = absl::StrCat(what, ": ", std::strerror(error));
  switch (error) {
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    case ENOENT:
      return absl::NotFoundError(message);
    case ENOSPC:
    case EDQUOT:
    case EIO:
      return absl::DataLossError(message);
    default:
      return absl::FailedPreconditionError(message);
  }
}

// One table's CSV file, written in the buffer's chunks.
class CsvFile {
 public:
  CsvFile() = default;
  ~CsvFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  absl::Status Open(std::string path) {
    path_ = std::move(path);
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) return FileError(errno, absl::StrCat("cannot create '", path_, "'"));
    return absl::OkStatus();
  }
  absl::Status Write(std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
      const int error = errno;
      return absl::DataLossError(
          absl::StrCat("cannot write '", path_, "': ", std::strerror(error)));
    }
    return absl::OkStatus();
  }
  absl::Status Close() {
    std::FILE* file = file_;
    file_ = nullptr;
    if (std::fclose(file) != 0) {
      const int error = errno;
      return absl::DataLossError(
          absl::StrCat("cannot write '", path_, "': ", std::strerror(error)));
    }
    return absl::OkStatus();
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

}  // namespace

std::vector<Table> AllTables() {
  std::vector<Table> all;
  for (int t = 0; t < kTableCount; ++t) all.push_back(static_cast<Table>(t));
  return all;
}

std::string_view TableName(Table table) { return kTableNames[Index(table)]; }

std::optional<Table> FindTable(std::string_view name) {
  for (int t = 0; t < kTableCount; ++t) {
    if (kTableNames[t] == name) return static_cast<Table>(t);
  }
  return std::nullopt;
}

const std::vector<std::string_view>& TableColumns(Table table) { return kColumns[Index(table)]; }

absl::Status ValidateOptions(const GeneratorOptions& options) {
  if (options.persons < 1 || options.persons > kMaxPersons) {
    return absl::InvalidArgumentError(
        absl::StrCat("persons must be from 1 to ", kMaxPersons, ", not ", options.persons));
  }
  if (!(options.dirty_rate >= 0 && options.dirty_rate <= 0.5)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the dirty rate must be from 0 to 0.5, not ", options.dirty_rate));
  }
  const int32_t first_year = options.start.year(), last_year = options.end.year();
  if (first_year < 2000 || last_year > 2100) {
    return absl::InvalidArgumentError(
        absl::StrCat("the span must lie within the years 2000 to 2100, not ",
                     options.start.ToIsoString(), " to ", options.end.ToIsoString()));
  }
  if (options.end.day_number() - options.start.day_number() + 1 < 90) {
    return absl::InvalidArgumentError(absl::StrCat("the span must be at least 90 days long, not ",
                                                   options.start.ToIsoString(), " to ",
                                                   options.end.ToIsoString()));
  }
  for (Table t : options.tables) {
    if (Index(t) < 0 || Index(t) >= kTableCount) {
      return absl::InvalidArgumentError(absl::StrCat("unknown table number ", Index(t)));
    }
  }
  return absl::OkStatus();
}

absl::Status WriteCsvFiles(const GeneratorOptions& options, const std::string& directory,
                           const ProgressCallback& progress, GenerateStats* stats) {
  absl::Status status = ValidateOptions(options);
  if (!status.ok()) return status;
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return FileError(error.value(), absl::StrCat("cannot create directory '", directory, "'"));
  }
  const Selection selection = Select(options);
  std::unique_ptr<CsvFile> files[kTableCount];
  for (int t = 0; t < kTableCount; ++t) {
    if (!selection.tables[t]) continue;
    files[t] = std::make_unique<CsvFile>();
    const std::filesystem::path path =
        std::filesystem::path(directory) / absl::StrCat(Sv(kTableNames[t]), ".csv");
    status = files[t]->Open(path.string());
    if (!status.ok()) return status;
  }
  GenerateStats local;
  if (stats == nullptr) stats = &local;
  *stats = GenerateStats();
  TableOutput buffers[kTableCount];
  for (TableOutput& b : buffers) b.text.reserve(kFlushBytes + (size_t{64} << 10));
  status = Produce(
      options, selection, /*flush_when_full=*/true,
      [&](Table table, TableOutput* output) -> absl::Status {
        stats->tables[Index(table)].bytes += static_cast<int64_t>(output->text.size());
        absl::Status written = files[Index(table)]->Write(output->text);
        output->text.clear();
        return written;
      },
      progress, buffers);
  if (!status.ok()) return status;
  for (int t = 0; t < kTableCount; ++t) {
    if (files[t] == nullptr) continue;
    stats->tables[t].rows = buffers[t].rows;
    status = files[t]->Close();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> GenerateCsv(const GeneratorOptions& options, Table table) {
  absl::Status status = ValidateOptions(options);
  if (!status.ok()) return status;
  if (Index(table) < 0 || Index(table) >= kTableCount) {
    return absl::InvalidArgumentError(absl::StrCat("unknown table number ", Index(table)));
  }
  Selection selection;
  selection.tables[Index(table)] = true;
  TableOutput buffers[kTableCount];
  status = Produce(
      options, selection, /*flush_when_full=*/false,
      [](Table, TableOutput*) { return absl::OkStatus(); }, nullptr, buffers);
  if (!status.ok()) return status;
  return std::move(buffers[Index(table)].text);
}

absl::Status GenerateInto(const GeneratorOptions& options, Dataset* dataset, GenerateStats* stats) {
  absl::Status status = ValidateOptions(options);
  if (!status.ok()) return status;
  if (dataset == nullptr) return absl::InvalidArgumentError("GenerateInto: the dataset is null");
  const Selection selection = Select(options);
  for (int t = 0; t < kTableCount; ++t) {
    if (!selection.tables[t]) continue;
    const Table table = static_cast<Table>(t);
    absl::StatusOr<std::string> csv = GenerateCsv(options, table);
    if (!csv.ok()) return csv.status();
    status = dataset->LoadCsv(kTableNames[t], *csv, absl::StrCat(Sv(kTableNames[t]), ".csv"));
    if (!status.ok()) {
      return absl::Status(status.code(), absl::StrCat("loading generated table '",
                                                      Sv(kTableNames[t]), "': ", status.message()));
    }
    if (stats != nullptr) {
      stats->tables[t].rows = dataset->RowCount(kTableNames[t]);
      stats->tables[t].bytes = static_cast<int64_t>(csv->size());
    }
  }
  return absl::OkStatus();
}

}  // namespace generate
}  // namespace ctind
