// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The C API over the C++ core. Every entry point follows one shape: the
// extern "C" function checks and converts its arguments, calls C++ code that
// returns absl::Status / absl::StatusOr, and converts the result back into a
// ctind_status and an optional error handle. Exceptions never leave an entry
// point: each one runs inside a try / catch (...).

#include "ctind.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/strings.h"
#include "ctind/assess.h"
#include "ctind/catalog.h"
#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/diagnostic.h"
#include "ctind/engine.h"
#include "ctind/mapping.h"
#include "ctind/model.h"
#include "ctind/publish.h"
#include "ctind/quality.h"
#include "ctind/render.h"
#include "ctind/render_donor.h"
#include "ctind/render_html.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "common/utf8.h"
#include "model/proto_io.h"

// ---------------------------------------------------------------------------
// The handles: one-field structs around the C++ values (plus what a getter
// must keep alive for its borrowed results).

struct ctind_error {
  ctind_status code;
  std::string message;
  ctind::Diagnostics diagnostics;
};

struct ctind_schema {
  ctind::Schema value;
};

struct ctind_framework {
  ctind::Framework value;
};

struct ctind_mapping {
  ctind::CsvMapping value;
};

struct ctind_options {
  ctind::IngestOptions ingest;
  ctind::EvaluateOptions evaluate;
  // Publishing: k for every indicator (0: the framework's and indicators'
  // own), rounding and key, and the explicit switch to turn protection off.
  int32_t min_cell_size = 0;
  ctind::Rounding rounding = ctind::Rounding::kFramework;
  std::string publisher_key;
  bool protection_disabled = false;
  ctind::AssessOptions assess;
  // Quality checks; their as-of date is evaluate.as_of.
  bool with_record_keys = false;
  int32_t max_record_keys = ctind::QualityOptions().max_record_keys;
  ctind::DonorRenderOptions donor;
  // HTML: language and title (the schema is an argument of the renderer).
  std::string language;
  std::string title;
};

struct ctind_dataset {
  ctind::Dataset value;
  // Columns appended to tables not yet ended, by table name.
  std::map<std::string, std::vector<ctind::ColumnInput>, std::less<>> pending;
};

struct ctind_plan {
  ctind::Plan value;
};

struct ctind_results {
  ctind::Results value;
};

struct ctind_publication {
  ctind_results published;
  ctind_results raw_with_reasons;
};

struct ctind_iptt {
  ctind::v1::Iptt value;
};

struct ctind_document {
  ctind::DonorDocument value;
};

struct ctind_dhis2_mapping {
  ctind::Dhis2Mapping value;
};

struct ctind_quality {
  ctind::QualityReport value;
};

// ctind_cell and ctind_finding are never defined: a `const ctind_cell*` is
// a borrowed `const ctind::v1::Cell*` of the results' report, a
// `const ctind_finding*` a borrowed `const ctind::v1::Finding*`.

namespace {

namespace v1 = ::ctind::v1;

// The C enums are numerically the C++ / proto ones; the casts below rely on it.
static_assert(CTIND_OK == static_cast<int>(absl::StatusCode::kOk));
static_assert(CTIND_CANCELLED ==
              static_cast<int>(absl::StatusCode::kCancelled));
static_assert(CTIND_UNKNOWN == static_cast<int>(absl::StatusCode::kUnknown));
static_assert(CTIND_INVALID_ARGUMENT ==
              static_cast<int>(absl::StatusCode::kInvalidArgument));
static_assert(CTIND_DEADLINE_EXCEEDED ==
              static_cast<int>(absl::StatusCode::kDeadlineExceeded));
static_assert(CTIND_NOT_FOUND == static_cast<int>(absl::StatusCode::kNotFound));
static_assert(CTIND_ALREADY_EXISTS ==
              static_cast<int>(absl::StatusCode::kAlreadyExists));
static_assert(CTIND_PERMISSION_DENIED ==
              static_cast<int>(absl::StatusCode::kPermissionDenied));
static_assert(CTIND_RESOURCE_EXHAUSTED ==
              static_cast<int>(absl::StatusCode::kResourceExhausted));
static_assert(CTIND_FAILED_PRECONDITION ==
              static_cast<int>(absl::StatusCode::kFailedPrecondition));
static_assert(CTIND_ABORTED == static_cast<int>(absl::StatusCode::kAborted));
static_assert(CTIND_OUT_OF_RANGE ==
              static_cast<int>(absl::StatusCode::kOutOfRange));
static_assert(CTIND_UNIMPLEMENTED ==
              static_cast<int>(absl::StatusCode::kUnimplemented));
static_assert(CTIND_INTERNAL == static_cast<int>(absl::StatusCode::kInternal));
static_assert(CTIND_UNAVAILABLE ==
              static_cast<int>(absl::StatusCode::kUnavailable));
static_assert(CTIND_DATA_LOSS == static_cast<int>(absl::StatusCode::kDataLoss));
static_assert(CTIND_UNAUTHENTICATED ==
              static_cast<int>(absl::StatusCode::kUnauthenticated));
static_assert(static_cast<int>(CTIND_SCOPE_PERIOD) ==
              static_cast<int>(v1::SCOPE_PERIOD));
static_assert(static_cast<int>(CTIND_SCOPE_CUMULATIVE) ==
              static_cast<int>(v1::SCOPE_CUMULATIVE));
static_assert(static_cast<int>(CTIND_SCOPE_LIFE_OF_PROJECT) ==
              static_cast<int>(v1::SCOPE_LIFE_OF_PROJECT));
static_assert(static_cast<int>(CTIND_VALUE_PRESENT) ==
              static_cast<int>(v1::PRESENT));
static_assert(static_cast<int>(CTIND_VALUE_MISSING) ==
              static_cast<int>(v1::MISSING));
static_assert(static_cast<int>(CTIND_VALUE_SUPPRESSED) ==
              static_cast<int>(v1::SUPPRESSED));
// The flag numbers ctind.h documents for ctind_cell_has_flag.
static_assert(v1::PARTIAL_PERIOD == 1 && v1::NOT_YET_OBSERVABLE == 2 &&
              v1::NO_DENOMINATOR == 3 && v1::SUPPRESSED_FLAG == 4 &&
              v1::ROUNDED == 5);
static_assert(static_cast<int>(CTIND_PROTECTION_RAW) == v1::RAW &&
              static_cast<int>(CTIND_PROTECTION_PUBLISHED) == v1::PUBLISHED);
static_assert(static_cast<int>(CTIND_SUPPRESSION_NOT_SUPPRESSED) == v1::NOT_SUPPRESSED &&
              static_cast<int>(CTIND_SUPPRESSION_PRIMARY) == v1::PRIMARY &&
              static_cast<int>(CTIND_SUPPRESSION_COMPLEMENTARY) == v1::COMPLEMENTARY &&
              static_cast<int>(CTIND_SUPPRESSION_DERIVED) == v1::DERIVED);
static_assert(static_cast<int>(CTIND_ASSESSMENT_NOT_ASSESSED) == v1::NOT_ASSESSED &&
              static_cast<int>(CTIND_ASSESSMENT_ON_TRACK) == v1::ON_TRACK &&
              static_cast<int>(CTIND_ASSESSMENT_AHEAD) == v1::AHEAD &&
              static_cast<int>(CTIND_ASSESSMENT_BEHIND) == v1::BEHIND);
static_assert(static_cast<int>(CTIND_SEVERITY_INFO) == v1::INFO &&
              static_cast<int>(CTIND_SEVERITY_WARNING) == v1::WARNING &&
              static_cast<int>(CTIND_SEVERITY_ERROR) == v1::ERROR);
static_assert(sizeof(ctind_rounding) == sizeof(int));
// A C caller may pass any int as a ctind_format; it is read as bytes (see
// FormatFromC) so that an out-of-range value is an error, not undefined.
static_assert(sizeof(ctind_format) == sizeof(int));

// ---------------------------------------------------------------------------
// Status and error handles.

ctind_status ToCStatus(absl::StatusCode code) {
  const int raw = static_cast<int>(code);
  if (raw < CTIND_OK || raw > CTIND_UNAUTHENTICATED) return CTIND_UNKNOWN;
  return static_cast<ctind_status>(raw);
}

// Stores an error handle in *out_error when asked for; never throws (an
// error that cannot be allocated is not stored, the code still returned).
ctind_status Fail(ctind_status code, std::string_view message,
                  ctind::Diagnostics diagnostics,
                  ctind_error** out_error) noexcept {
  if (out_error == nullptr) return code;
  try {
    *out_error =
        new ctind_error{code, std::string(message), std::move(diagnostics)};
  } catch (...) {
    *out_error = nullptr;
  }
  return code;
}

// The result of an entry point's body: OK, or its status and the
// diagnostics collected on the way, moved into the error handle.
ctind_status Finish(const absl::Status& status, ctind::Diagnostics diagnostics,
                    ctind_error** out_error) noexcept {
  if (status.ok()) return CTIND_OK;
  // The handle carries every problem found, errors and warnings; the
  // C API has no severity getter, so warnings and notes say what they are
  // in their message.
  for (ctind::Diagnostic& d : diagnostics) {
    if (d.severity == ctind::Severity::kWarning) {
      d.message.insert(0, "warning: ");
    } else if (d.severity == ctind::Severity::kNote) {
      d.message.insert(0, "note: ");
    }
  }
  return Fail(
      ToCStatus(status.code()),
      std::string_view(status.message().data(), status.message().size()),
      std::move(diagnostics), out_error);
}

// Runs the body of a fallible entry point: `body(ctind::Diagnostics*)`
// returns an absl::Status. Clears *out_error first; turns exceptions into
// CTIND_RESOURCE_EXHAUSTED (allocation) or CTIND_INTERNAL.
template <typename Body>
ctind_status Run(const char* function, ctind_error** out_error,
                 Body&& body) noexcept {
  if (out_error != nullptr) *out_error = nullptr;
  try {
    ctind::Diagnostics diagnostics;
    const absl::Status status = body(&diagnostics);
    return Finish(status, std::move(diagnostics), out_error);
  } catch (const std::bad_alloc&) {
    return Fail(CTIND_RESOURCE_EXHAUSTED,
                std::string(function) + ": out of memory", {}, out_error);
  } catch (const std::exception& e) {
    std::string message;
    try {
      message = absl::StrCat(function, ": internal error: ", e.what());
    } catch (...) {
    }
    return Fail(CTIND_INTERNAL, message, {}, out_error);
  } catch (...) {
    return Fail(CTIND_INTERNAL, "internal error: unknown exception", {},
                out_error);
  }
}

// ---------------------------------------------------------------------------
// Argument conversion.

absl::Status NullArgument(const char* function, const char* argument) {
  return absl::InvalidArgumentError(
      absl::StrCat(function, ": '", argument, "' is NULL"));
}

// `(data, len)` as a view; data may be NULL only when len is 0.
absl::Status InputString(const char* function, const char* argument,
                         const char* data, size_t len, std::string_view* out) {
  if (data == nullptr) {
    if (len != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          function, ": '", argument, "' is NULL but its length is ", len));
    }
    *out = std::string_view();
    return absl::OkStatus();
  }
  *out = std::string_view(data, len);
  return absl::OkStatus();
}

// The user's text quoted for a message, cut (at a UTF-8 boundary) when long.
std::string QuotedExcerpt(std::string_view text) {
  constexpr size_t kMax = 40;
  if (text.size() <= kMax) return ctind::Quoted(text);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return ctind::Quoted(text.substr(0, cut)) + "...";
}

// Takes a reference: copying `format` by value would load an enum that may
// hold a value outside its range, which C++ (and UBSan) treats as undefined.
absl::StatusOr<ctind::ProtoFormat> FormatFromC(const ctind_format& format) {
  int raw;
  std::memcpy(&raw, &format, sizeof raw);
  switch (raw) {
    case CTIND_FORMAT_TEXT:
      return ctind::ProtoFormat::kText;
    case CTIND_FORMAT_JSON:
      return ctind::ProtoFormat::kJson;
    case CTIND_FORMAT_BINARY:
      return ctind::ProtoFormat::kBinary;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown format ", raw,
                       ": use CTIND_FORMAT_TEXT (0), CTIND_FORMAT_JSON (1) or "
                       "CTIND_FORMAT_BINARY (2)"));
  }
}

template <typename T>
void ClearOut(T** out) {
  if (out != nullptr) *out = nullptr;
}

void ClearOut(char** out_data, size_t* out_len) {
  if (out_data != nullptr) *out_data = nullptr;
  if (out_len != nullptr) *out_len = 0;
}

// Owned bytes out: a malloc'd copy with a trailing NUL (not counted).
absl::Status CopyOut(std::string_view bytes, char** out_data, size_t* out_len) {
  char* copy = static_cast<char*>(std::malloc(bytes.size() + 1));
  if (copy == nullptr) {
    return absl::ResourceExhaustedError(
        absl::StrCat("cannot allocate ", bytes.size() + 1, " bytes"));
  }
  if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
  copy[bytes.size()] = '\0';
  *out_data = copy;
  *out_len = bytes.size();
  return absl::OkStatus();
}

absl::Status CheckOwnedOut(const char* function, char** out_data,
                           size_t* out_len) {
  if (out_data == nullptr) return NullArgument(function, "out_data");
  if (out_len == nullptr) return NullArgument(function, "out_len");
  return absl::OkStatus();
}

// Borrowed string out, for the getters without an error handle.
ctind_status Borrow(const std::string& s, const char** out_data,
                    size_t* out_len) {
  *out_data = s.c_str();
  *out_len = s.size();
  return CTIND_OK;
}

const v1::Cell* CellOf(const ctind_cell* cell) {
  return reinterpret_cast<const v1::Cell*>(cell);
}

// ---------------------------------------------------------------------------
// The logic.

// The whole file at `path`, read as bytes.
absl::StatusOr<std::string> ReadFile(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::in | std::ios::binary);
  if (!in.is_open()) {
    const int error = errno;
    return absl::NotFoundError(absl::StrCat(
        "cannot open '", path,
        "': ", error != 0 ? std::strerror(error) : "unknown error"));
  }
  // istream::read, unlike a streambuf iterator, turns a failing read (a
  // directory, an I/O error) into badbit instead of an exception.
  std::string bytes;
  char buffer[1 << 14];
  while (true) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (!in) break;
  }
  if (in.bad()) {
    const int error = errno;
    return absl::Status(
        error != 0 ? absl::ErrnoToStatusCode(error)
                   : absl::StatusCode::kDataLoss,
        absl::StrCat("cannot read '", path,
                     "': ", error != 0 ? std::strerror(error) : "read error"));
  }
  return bytes;
}

// A path given as (data, len): no NUL inside, since the file system would
// see a shorter name than the one in the messages.
absl::StatusOr<std::string> PathFromC(const char* function, const char* data,
                                      size_t len) {
  std::string_view path;
  absl::Status status = InputString(function, "path", data, len, &path);
  if (!status.ok()) return status;
  if (path.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": the path is empty"));
  }
  if (path.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": the path contains a NUL byte"));
  }
  return std::string(path);
}

// Loading and serializing the two definition handles (ctind_schema over
// ctind::Schema, ctind_framework over ctind::Framework) share one shape.
template <typename Model>
absl::StatusOr<Model> LoadModelFile(const std::string& path, ctind::Diagnostics* diagnostics) {
  absl::StatusOr<ctind::ProtoFormat> format = ctind::ProtoFormatFromPath(path);
  if (!format.ok()) return format.status();
  absl::StatusOr<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return Model::Parse(*bytes, *format, path, diagnostics);
}

template <typename Model, typename Handle>
ctind_status LoadModel(const char* fn, const char* data, size_t len, ctind_format format,
                       const char* file_name, size_t file_name_len, Handle** out,
                       ctind_error** out_error) {
  ClearOut(out);
  return Run(fn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    std::string_view bytes, name;
    absl::Status status = InputString(fn, "data", data, len, &bytes);
    if (status.ok()) status = InputString(fn, "file_name", file_name, file_name_len, &name);
    if (!status.ok()) return status;
    if (out == nullptr) return NullArgument(fn, "out");
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    absl::StatusOr<Model> model = Model::Parse(bytes, *proto_format, name, diagnostics);
    if (!model.ok()) return model.status();
    *out = new Handle{*std::move(model)};
    return absl::OkStatus();
  });
}

template <typename Model, typename Handle>
ctind_status LoadModelFromPath(const char* fn, const char* path, size_t path_len, Handle** out,
                               ctind_error** out_error) {
  ClearOut(out);
  return Run(fn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    absl::StatusOr<std::string> file = PathFromC(fn, path, path_len);
    if (!file.ok()) return file.status();
    if (out == nullptr) return NullArgument(fn, "out");
    absl::StatusOr<Model> model = LoadModelFile<Model>(*file, diagnostics);
    if (!model.ok()) return model.status();
    *out = new Handle{*std::move(model)};
    return absl::OkStatus();
  });
}

template <typename Handle>
ctind_status SerializeModel(const char* fn, const char* what, const Handle* handle,
                            ctind_format format, char** out_data, size_t* out_len,
                            ctind_error** out_error) {
  ClearOut(out_data, out_len);
  return Run(fn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (handle == nullptr) return NullArgument(fn, what);
    absl::Status status = CheckOwnedOut(fn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    return CopyOut(handle->value.Serialize(*proto_format), out_data, out_len);
  });
}

absl::Status SetAsOf(std::string_view text, ctind::EvaluateOptions* options) {
  if (text.empty()) {
    options->as_of.reset();
    return absl::OkStatus();
  }
  std::optional<ctind::Date> date = ctind::Date::ParseIso(text);
  if (!date.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid as-of date ", QuotedExcerpt(text),
        ": expected an existing calendar date YYYY-MM-DD, e.g. 2025-12-31"));
  }
  options->as_of = *date;
  return absl::OkStatus();
}

absl::Status LoadCsvFile(ctind::Dataset* dataset, std::string_view table,
                         const std::string& path,
                         const ctind::IngestOptions& options) {
  absl::StatusOr<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return dataset->LoadCsv(table, *bytes, path, options);
}

absl::StatusOr<std::string> SerializeFindings(const ctind::Dataset& dataset,
                                              ctind::ProtoFormat format) {
  v1::Report report;
  const int count = dataset.FindingCount();
  for (int i = 0; i < count; ++i)
    *report.add_findings() = dataset.GetFinding(i);
  return ctind::SerializeDefinition(report, format);
}

absl::StatusOr<ctind::Results> Compute(const ctind::Framework& framework,
                                       const ctind::Dataset& dataset,
                                       const ctind::EvaluateOptions& options,
                                       ctind::Diagnostics* diagnostics) {
  absl::StatusOr<ctind::Plan> plan =
      ctind::Plan::Compile(framework, dataset.schema(), diagnostics);
  if (!plan.ok()) return plan.status();
  return ctind::Evaluate(*plan, dataset, options);
}

// The items of a comma-separated list, trimmed, empty items dropped.
std::vector<std::string> CommaList(std::string_view text) {
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(ctind::Sv(text), ',')) {
    item = absl::StripAsciiWhitespace(item);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

// The selection of a catalog export from its C arguments.
absl::StatusOr<ctind::CatalogSelection> SelectionFromC(const char* function, const char* pillars,
                                                       size_t pillars_len, const char* ids,
                                                       size_t ids_len) {
  std::string_view pillar_list, id_list;
  absl::Status status = InputString(function, "pillars", pillars, pillars_len, &pillar_list);
  if (status.ok()) status = InputString(function, "ids", ids, ids_len, &id_list);
  if (!status.ok()) return status;
  ctind::CatalogSelection selection;
  for (const std::string& name : CommaList(pillar_list)) {
    absl::StatusOr<ctind::Pillar> pillar = ctind::ParsePillar(name);
    if (!pillar.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(function, ": ", pillar.status().message()));
    }
    selection.pillars.push_back(*pillar);
  }
  selection.ids = CommaList(id_list);
  return selection;
}

// Borrowed static string `field(indicator)` of catalog indicator `index`.
template <typename Field>
ctind_status CatalogIndicatorString(const char* function, size_t index, const char** out_data,
                                    size_t* out_len, Field field) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (out_data == nullptr || out_len == nullptr) return CTIND_INVALID_ARGUMENT;
  return Run(function, nullptr, [&](ctind::Diagnostics*) -> absl::Status {
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    if (index >= catalog->indicators().size()) {
      return absl::InvalidArgumentError(
          absl::StrCat(function, ": index ", index, " is out of range (the catalog holds ",
                       catalog->indicators().size(), " indicators)"));
    }
    // The catalog's state is never freed: the view stays valid.
    const std::string_view text = field(catalog->indicators()[index]);
    *out_data = text.data();
    *out_len = text.size();
    return absl::OkStatus();
  });
}

const ctind_options& DefaultOptions() {
  static const ctind_options* const kDefaults = new ctind_options();
  return *kDefaults;
}

const v1::Finding* FindingOf(const ctind_finding* finding) {
  return reinterpret_cast<const v1::Finding*>(finding);
}

const ctind_finding* ToCFinding(const v1::Finding& finding) {
  return reinterpret_cast<const ctind_finding*>(&finding);
}

// Borrowed string `field(*handle)` out, for the getters without an error
// handle: CTIND_INVALID_ARGUMENT for a NULL handle or out-parameter.
template <typename Handle, typename Field>
ctind_status BorrowField(const Handle* handle, const char** out_data, size_t* out_len,
                         Field field) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (handle == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(field(*handle), out_data, out_len);
}

// The finding at `index` of a repeated field, borrowed.
ctind_status FindingAt(const google::protobuf::RepeatedPtrField<v1::Finding>& findings,
                       size_t index, const ctind_finding** out) {
  if (index >= static_cast<size_t>(findings.size())) return CTIND_INVALID_ARGUMENT;
  *out = ToCFinding(findings.Get(static_cast<int>(index)));
  return CTIND_OK;
}

// The indicator result at `indicator`, or null when out of range.
const v1::IndicatorResult* IndicatorAt(const ctind_results& results, size_t indicator) {
  const v1::Report& report = results.value.proto();
  if (indicator >= static_cast<size_t>(report.indicators_size())) return nullptr;
  return &report.indicators(static_cast<int>(indicator));
}

// A ctind_rounding read as bytes, like FormatFromC.
absl::StatusOr<ctind::Rounding> RoundingFromC(const ctind_rounding& rounding) {
  int raw;
  std::memcpy(&raw, &rounding, sizeof raw);
  switch (raw) {
    case CTIND_ROUNDING_FRAMEWORK: return ctind::Rounding::kFramework;
    case CTIND_ROUNDING_NONE: return ctind::Rounding::kNone;
    case CTIND_ROUNDING_BASE5: return ctind::Rounding::kBase5;
    case CTIND_ROUNDING_RANDOM_BASE3: return ctind::Rounding::kRandomBase3;
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown rounding ", raw,
          ": use CTIND_ROUNDING_FRAMEWORK (0), CTIND_ROUNDING_NONE (1), CTIND_ROUNDING_BASE5 (2) "
          "or CTIND_ROUNDING_RANDOM_BASE3 (3)"));
  }
}

// Publishes `raw` under the C options. A minimum cell size set on the
// options replaces the framework's and every indicator's own: Publish reads
// k from the plan's framework, so the plan is compiled again from a copy of
// the framework that says so (the same indicators in the same order, so the
// results still match it).
absl::StatusOr<ctind::Publication> PublishWith(const ctind::Results& raw, const ctind::Plan& plan,
                                               const ctind_options& options) {
  ctind::PublishOptions publish = options.protection_disabled
                                      ? ctind::PublishOptions::DisableProtectionForInternalUse()
                                      : ctind::PublishOptions();
  publish.rounding = options.rounding;
  publish.publisher_key = options.publisher_key;
  if (options.min_cell_size == 0 || options.protection_disabled) {
    return ctind::Publish(raw, plan, publish);
  }
  v1::Framework proto = plan.framework().proto();
  proto.mutable_disclosure()->set_min_cell_size(options.min_cell_size);
  for (v1::Indicator& indicator : *proto.mutable_indicators()) {
    if (indicator.has_disclosure()) indicator.mutable_disclosure()->clear_min_cell_size();
  }
  absl::StatusOr<ctind::Framework> framework = ctind::Framework::FromProto(proto);
  if (!framework.ok()) return framework.status();
  absl::StatusOr<ctind::Plan> overridden = ctind::Plan::Compile(*framework, plan.schema());
  if (!overridden.ok()) return overridden.status();
  return ctind::Publish(raw, *overridden, publish);
}

// Results made from a copy of `report` changed by `change`.
template <typename Change>
absl::StatusOr<ctind::Results> ChangedCopy(const ctind::Results& report, Change change) {
  auto copy = std::make_shared<v1::Report>(report.proto());
  absl::Status status = change(copy.get());
  if (!status.ok()) return status;
  return ctind::Results(std::move(copy));
}

// The schema's field `field` of `table`, or null.
const v1::Field* SchemaField(const v1::Table& table, std::string_view field) {
  for (const v1::Field& f : table.fields()) {
    if (f.name() == field) return &f;
  }
  return nullptr;
}

// The field type a kind of column values fits; UNSPECIFIED: any (text).
v1::FieldType TypeOfKind(ctind::ColumnInput::Kind kind) {
  switch (kind) {
    case ctind::ColumnInput::Kind::kInt64: return v1::INT64;
    case ctind::ColumnInput::Kind::kDouble: return v1::DOUBLE;
    case ctind::ColumnInput::Kind::kBool: return v1::BOOL;
    case ctind::ColumnInput::Kind::kDate: return v1::DATE;
    case ctind::ColumnInput::Kind::kText: break;
  }
  return v1::FIELD_TYPE_UNSPECIFIED;
}

// The present flags of a column, one byte per row (NULL: all present).
std::vector<bool> PresentFromC(const uint8_t* present, size_t n) {
  std::vector<bool> flags;
  if (present == nullptr) return flags;
  flags.resize(n);
  for (size_t i = 0; i < n; ++i) flags[i] = present[i] != 0;
  return flags;
}

// Checks a column appended to `dataset` and keeps it until its table is
// ended: the errors ctind.h lists for the appends, found at the call.
absl::Status AppendColumn(const char* fn, ctind_dataset* dataset, const char* table,
                          size_t table_len, const char* field, size_t field_len,
                          ctind::ColumnInput column) {
  std::string_view table_name, field_name;
  absl::Status status = InputString(fn, "table", table, table_len, &table_name);
  if (status.ok()) status = InputString(fn, "field", field, field_len, &field_name);
  if (!status.ok()) return status;
  const v1::Table* schema_table = nullptr;
  for (const v1::Table& t : dataset->value.schema().proto().tables()) {
    if (t.name() == table_name) schema_table = &t;
  }
  if (schema_table == nullptr) {
    return absl::NotFoundError(
        absl::StrCat(fn, ": the schema has no table ", QuotedExcerpt(table_name)));
  }
  if (dataset->value.IsLoaded(table_name)) {
    return absl::FailedPreconditionError(absl::StrCat(
        fn, ": table '", ctind::Sv(table_name), "' is already loaded"));
  }
  const v1::Field* schema_field = SchemaField(*schema_table, field_name);
  if (schema_field == nullptr) {
    return absl::NotFoundError(absl::StrCat(fn, ": table '", ctind::Sv(table_name),
                                            "' has no field ", QuotedExcerpt(field_name)));
  }
  const v1::FieldType wanted = TypeOfKind(column.kind);
  if (wanted != v1::FIELD_TYPE_UNSPECIFIED && schema_field->type() != wanted) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn, ": field '", ctind::Sv(field_name), "' of table '", ctind::Sv(table_name),
        "' is of type ", v1::FieldType_Name(schema_field->type()), ", not ",
        v1::FieldType_Name(wanted),
        schema_field->type() == v1::CATEGORY || schema_field->type() == v1::STRING
            ? ": give its values with ctind_dataset_append_column_string"
            : ""));
  }
  std::vector<ctind::ColumnInput>& columns = dataset->pending[std::string(table_name)];
  for (const ctind::ColumnInput& earlier : columns) {
    if (earlier.field == field_name) {
      return absl::InvalidArgumentError(absl::StrCat(fn, ": field '", ctind::Sv(field_name),
                                                     "' of table '", ctind::Sv(table_name),
                                                     "' is already appended"));
    }
  }
  if (!columns.empty() && columns.front().size() != column.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn, ": ", column.size(), " values for field '", ctind::Sv(field_name), "', but field '",
        columns.front().field, "' of table '", ctind::Sv(table_name), "' has ",
        columns.front().size(), ": every column of a table has one value per row"));
  }
  column.field = std::string(field_name);
  columns.push_back(std::move(column));
  return absl::OkStatus();
}

// The body of the typed ctind_dataset_append_column_* functions: checks the
// arguments (`values_name` names the values parameter in messages), copies
// the values and presence flags into a column of `kind` and appends it.
template <typename T, typename U>
ctind_status AppendTypedColumn(const char* fn, ctind_error** out_error, ctind_dataset* dataset,
                               const char* table, size_t table_len, const char* field,
                               size_t field_len, const T* values, const char* values_name,
                               const uint8_t* present, size_t n, ctind::ColumnInput::Kind kind,
                               std::vector<U> ctind::ColumnInput::*member) {
  return Run(fn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(fn, "dataset");
    if (values == nullptr && n != 0) return NullArgument(fn, values_name);
    ctind::ColumnInput column;
    column.kind = kind;
    if (n != 0) (column.*member).assign(values, values + n);
    column.present = PresentFromC(present, n);
    return AppendColumn(fn, dataset, table, table_len, field, field_len, std::move(column));
  });
}

// A text value of row `row` for a column: well-formed UTF-8 when present.
absl::Status TextValue(const char* fn, const char* data, size_t len, bool present, size_t row,
                       std::string* out) {
  if (!present) return absl::OkStatus();
  if (data == nullptr && len != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(fn, ": value ", row, " is NULL but its length is ", len));
  }
  std::string_view text = data == nullptr ? std::string_view() : std::string_view(data, len);
  if (const std::optional<size_t> bad = ctind::FindInvalidUtf8(text)) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn, ": value ", row, " (data row ", row + 1, ") is not well-formed UTF-8 (byte ",
        *bad + 1, ")"));
  }
  out->assign(text.data(), text.size());
  return absl::OkStatus();
}

// Copies `text` into an owned C string; for the setters of text options.
absl::Status SetText(const char* fn, const char* argument, const char* data, size_t len,
                     std::string* out) {
  std::string_view text;
  absl::Status status = InputString(fn, argument, data, len, &text);
  if (!status.ok()) return status;
  out->assign(text.data(), text.size());
  return absl::OkStatus();
}

// Owned rendering out, for the renderers that cannot fail.
template <typename Handle, typename Render>
ctind_status RenderOut(const char* fn, const char* what, const Handle* handle, char** out_data,
                       size_t* out_len, ctind_error** out_error, Render render) {
  ClearOut(out_data, out_len);
  return Run(fn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (handle == nullptr) return NullArgument(fn, what);
    absl::Status status = CheckOwnedOut(fn, out_data, out_len);
    if (!status.ok()) return status;
    return CopyOut(render(*handle), out_data, out_len);
  });
}

}  // namespace

// ---------------------------------------------------------------------------
// The entry points.

extern "C" {

const char* ctind_version(void) { return CTIND_VERSION_STRING; }

uint32_t ctind_version_number(void) {
  return static_cast<uint32_t>(CTIND_VERSION_NUMBER);
}

void ctind_free(void* data) { std::free(data); }

// Errors.

void ctind_error_destroy(ctind_error* error) { delete error; }

ctind_status ctind_error_code(const ctind_error* error) {
  return error == nullptr ? CTIND_INVALID_ARGUMENT : error->code;
}

const char* ctind_error_message(const ctind_error* error) {
  return error == nullptr ? "" : error->message.c_str();
}

size_t ctind_error_diagnostic_count(const ctind_error* error) {
  return error == nullptr ? 0 : error->diagnostics.size();
}

ctind_status ctind_error_diagnostic(const ctind_error* error, size_t index,
                                    const char** out_message,
                                    const char** out_path,
                                    const char** out_file, int32_t* out_line,
                                    int32_t* out_column, int64_t* out_offset) {
  if (out_message != nullptr) *out_message = nullptr;
  if (out_path != nullptr) *out_path = nullptr;
  if (out_file != nullptr) *out_file = nullptr;
  if (out_line != nullptr) *out_line = 0;
  if (out_column != nullptr) *out_column = 0;
  if (out_offset != nullptr) *out_offset = 0;
  if (error == nullptr || index >= error->diagnostics.size()) {
    return CTIND_INVALID_ARGUMENT;
  }
  const ctind::Diagnostic& d = error->diagnostics[index];
  if (out_message != nullptr) *out_message = d.message.c_str();
  if (out_path != nullptr) *out_path = d.path.c_str();
  if (out_file != nullptr) *out_file = d.file.c_str();
  if (out_line != nullptr) *out_line = d.line;
  if (out_column != nullptr) *out_column = d.column;
  if (out_offset != nullptr) *out_offset = d.offset;
  return CTIND_OK;
}

// Schema.

ctind_status ctind_schema_load(const char* data, size_t len, ctind_format format,
                               const char* file_name, size_t file_name_len, ctind_schema** out,
                               ctind_error** out_error) {
  return LoadModel<ctind::Schema>("ctind_schema_load", data, len, format, file_name,
                                  file_name_len, out, out_error);
}

ctind_status ctind_schema_load_file(const char* path, size_t path_len, ctind_schema** out,
                                    ctind_error** out_error) {
  return LoadModelFromPath<ctind::Schema>("ctind_schema_load_file", path, path_len, out,
                                          out_error);
}

ctind_status ctind_schema_serialize(const ctind_schema* schema, ctind_format format,
                                    char** out_data, size_t* out_len, ctind_error** out_error) {
  return SerializeModel("ctind_schema_serialize", "schema", schema, format, out_data, out_len,
                        out_error);
}

void ctind_schema_destroy(ctind_schema* schema) { delete schema; }

// Framework.

ctind_status ctind_framework_load(const char* data, size_t len, ctind_format format,
                                  const char* file_name, size_t file_name_len,
                                  ctind_framework** out, ctind_error** out_error) {
  return LoadModel<ctind::Framework>("ctind_framework_load", data, len, format, file_name,
                                     file_name_len, out, out_error);
}

ctind_status ctind_framework_load_file(const char* path, size_t path_len, ctind_framework** out,
                                       ctind_error** out_error) {
  return LoadModelFromPath<ctind::Framework>("ctind_framework_load_file", path, path_len, out,
                                             out_error);
}

ctind_status ctind_framework_validate(const ctind_framework* framework,
                                      const ctind_schema* schema,
                                      ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_framework_validate";
  return Run(kFn, out_error,
             [&](ctind::Diagnostics* diagnostics) -> absl::Status {
               if (framework == nullptr) return NullArgument(kFn, "framework");
               if (schema == nullptr) return NullArgument(kFn, "schema");
               return ctind::Plan::Compile(framework->value, schema->value,
                                           diagnostics)
                   .status();
             });
}

ctind_status ctind_framework_serialize(const ctind_framework* framework, ctind_format format,
                                       char** out_data, size_t* out_len,
                                       ctind_error** out_error) {
  return SerializeModel("ctind_framework_serialize", "framework", framework, format, out_data,
                        out_len, out_error);
}

void ctind_framework_destroy(ctind_framework* framework) { delete framework; }

// Catalog.

ctind_status ctind_catalog_schema(ctind_schema** out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_catalog_schema";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    *out = new ctind_schema{catalog->schema()};
    return absl::OkStatus();
  });
}

ctind_status ctind_catalog_schema_text(const char** out_data, size_t* out_len) {
  static constexpr char kFn[] = "ctind_catalog_schema_text";
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (out_data == nullptr || out_len == nullptr) return CTIND_INVALID_ARGUMENT;
  return Run(kFn, nullptr, [&](ctind::Diagnostics*) -> absl::Status {
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    // Held by the catalog's state, which is never freed.
    const std::string_view text = catalog->schema_text();
    *out_data = text.data();
    *out_len = text.size();
    return absl::OkStatus();
  });
}

ctind_status ctind_catalog_indicator_count(size_t* out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_catalog_indicator_count";
  if (out != nullptr) *out = 0;
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    *out = catalog->indicators().size();
    return absl::OkStatus();
  });
}

ctind_status ctind_catalog_indicator_id(size_t index, const char** out_data, size_t* out_len) {
  return CatalogIndicatorString(
      "ctind_catalog_indicator_id", index, out_data, out_len,
      [](const ctind::CatalogIndicator& i) -> std::string_view { return i.id; });
}

ctind_status ctind_catalog_indicator_title(size_t index, const char** out_data, size_t* out_len) {
  return CatalogIndicatorString(
      "ctind_catalog_indicator_title", index, out_data, out_len,
      [](const ctind::CatalogIndicator& i) -> std::string_view { return i.title; });
}

ctind_status ctind_catalog_indicator_pillar(size_t index, const char** out_data, size_t* out_len) {
  return CatalogIndicatorString(
      "ctind_catalog_indicator_pillar", index, out_data, out_len,
      [](const ctind::CatalogIndicator& i) { return ctind::PillarName(i.pillar); });
}

ctind_status ctind_catalog_indicator_serialize(const char* id, size_t id_len, ctind_format format,
                                               char** out_data, size_t* out_len,
                                               ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_catalog_indicator_serialize";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    std::string_view wanted;
    absl::Status status = InputString(kFn, "id", id, id_len, &wanted);
    if (!status.ok()) return status;
    status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    absl::StatusOr<ctind::CatalogIndicator> indicator = catalog->Find(wanted);
    if (!indicator.ok()) return indicator.status();
    return CopyOut(ctind::SerializeDefinition(*indicator->definition, *proto_format), out_data,
                   out_len);
  });
}

ctind_status ctind_catalog_export(const char* pillars, size_t pillars_len, const char* ids,
                                  size_t ids_len, ctind_framework** out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_catalog_export";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    absl::StatusOr<ctind::CatalogSelection> selection =
        SelectionFromC(kFn, pillars, pillars_len, ids, ids_len);
    if (!selection.ok()) return selection.status();
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    absl::StatusOr<ctind::Framework> framework = catalog->Export(*selection);
    if (!framework.ok()) return framework.status();
    *out = new ctind_framework{*std::move(framework)};
    return absl::OkStatus();
  });
}

ctind_status ctind_catalog_export_text(const char* pillars, size_t pillars_len, const char* ids,
                                       size_t ids_len, char** out_data, size_t* out_len,
                                       ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_catalog_export_text";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    absl::StatusOr<ctind::CatalogSelection> selection =
        SelectionFromC(kFn, pillars, pillars_len, ids, ids_len);
    if (!selection.ok()) return selection.status();
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::Catalog> catalog = ctind::Catalog::Builtin();
    if (!catalog.ok()) return catalog.status();
    absl::StatusOr<std::string> text = catalog->ExportText(*selection);
    if (!text.ok()) return text.status();
    return CopyOut(*text, out_data, out_len);
  });
}

// Options.

ctind_status ctind_options_create(ctind_options** out) {
  static constexpr char kFn[] = "ctind_options_create";
  ClearOut(out);
  return Run(kFn, nullptr, [&](ctind::Diagnostics*) -> absl::Status {
    if (out == nullptr) return NullArgument(kFn, "out");
    *out = new ctind_options();
    return absl::OkStatus();
  });
}

void ctind_options_destroy(ctind_options* options) { delete options; }

ctind_status ctind_options_set_as_of(ctind_options* options, const char* date,
                                     size_t len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_as_of";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    std::string_view text;
    absl::Status status = InputString(kFn, "date", date, len, &text);
    if (!status.ok()) return status;
    return SetAsOf(text, &options->evaluate);
  });
}

ctind_status ctind_options_set_strict(ctind_options* options, bool strict) {
  if (options == nullptr) return CTIND_INVALID_ARGUMENT;
  options->ingest.strict = strict;
  return CTIND_OK;
}

ctind_status ctind_options_set_ignore_unknown_columns(ctind_options* options,
                                                      bool ignore) {
  if (options == nullptr) return CTIND_INVALID_ARGUMENT;
  options->ingest.ignore_unknown_columns = ignore;
  return CTIND_OK;
}

ctind_status ctind_options_add_period_type(ctind_options* options, const char* type,
                                           size_t len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_add_period_type";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    std::string_view text;
    absl::Status status = InputString(kFn, "type", type, len, &text);
    if (!status.ok()) return status;
    v1::PeriodType parsed;
    if (!v1::PeriodType_Parse(std::string(text), &parsed) || parsed == v1::PERIOD_TYPE_UNSPECIFIED ||
        parsed == v1::CUSTOM) {
      return absl::InvalidArgumentError(absl::StrCat(
          kFn, ": unknown period type '", ctind::Sv(text),
          "'; use DAILY, WEEKLY, MONTHLY, QUARTERLY, SIX_MONTHLY, SIX_MONTHLY_APRIL, YEARLY, "
          "FINANCIAL_YEAR or FINANCIAL_QUARTER"));
    }
    options->evaluate.period_types.emplace_back(text);
    return absl::OkStatus();
  });
}

// Dataset.

ctind_status ctind_dataset_create(const ctind_schema* schema,
                                  ctind_dataset** out) {
  static constexpr char kFn[] = "ctind_dataset_create";
  ClearOut(out);
  return Run(kFn, nullptr, [&](ctind::Diagnostics*) -> absl::Status {
    if (schema == nullptr) return NullArgument(kFn, "schema");
    if (out == nullptr) return NullArgument(kFn, "out");
    *out = new ctind_dataset{ctind::Dataset(schema->value), {}};
    return absl::OkStatus();
  });
}

void ctind_dataset_destroy(ctind_dataset* dataset) { delete dataset; }

ctind_status ctind_dataset_load_csv(ctind_dataset* dataset, const char* table,
                                    size_t table_len, const char* data,
                                    size_t len, const char* file_name,
                                    size_t file_name_len,
                                    const ctind_options* options,
                                    ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dataset_load_csv";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    std::string_view table_name, bytes, name;
    absl::Status status =
        InputString(kFn, "table", table, table_len, &table_name);
    if (status.ok()) status = InputString(kFn, "data", data, len, &bytes);
    if (status.ok()) {
      status = InputString(kFn, "file_name", file_name, file_name_len, &name);
    }
    if (!status.ok()) return status;
    const ctind_options& opts =
        options != nullptr ? *options : DefaultOptions();
    return dataset->value.LoadCsv(table_name, bytes, name, opts.ingest);
  });
}

ctind_status ctind_dataset_load_csv_file(ctind_dataset* dataset,
                                         const char* table, size_t table_len,
                                         const char* path, size_t path_len,
                                         const ctind_options* options,
                                         ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dataset_load_csv_file";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    std::string_view table_name;
    absl::Status status =
        InputString(kFn, "table", table, table_len, &table_name);
    if (!status.ok()) return status;
    absl::StatusOr<std::string> file = PathFromC(kFn, path, path_len);
    if (!file.ok()) return file.status();
    const ctind_options& opts =
        options != nullptr ? *options : DefaultOptions();
    return LoadCsvFile(&dataset->value, table_name, *file, opts.ingest);
  });
}

ctind_status ctind_dataset_row_count(const ctind_dataset* dataset,
                                     const char* table, size_t table_len,
                                     int64_t* out) {
  static constexpr char kFn[] = "ctind_dataset_row_count";
  if (out != nullptr) *out = 0;
  return Run(kFn, nullptr, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    if (out == nullptr) return NullArgument(kFn, "out");
    std::string_view table_name;
    absl::Status status =
        InputString(kFn, "table", table, table_len, &table_name);
    if (!status.ok()) return status;
    const int64_t rows = dataset->value.RowCount(table_name);
    if (rows < 0) {
      return absl::NotFoundError(absl::StrCat(kFn, ": the schema has no table ",
                                              QuotedExcerpt(table_name)));
    }
    *out = rows;
    return absl::OkStatus();
  });
}

ctind_status ctind_dataset_findings(const ctind_dataset* dataset,
                                    ctind_format format, char** out_data,
                                    size_t* out_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dataset_findings";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    absl::StatusOr<std::string> bytes =
        SerializeFindings(dataset->value, *proto_format);
    if (!bytes.ok()) return bytes.status();
    return CopyOut(*bytes, out_data, out_len);
  });
}

// Plan and compute.

ctind_status ctind_plan_create(const ctind_framework* framework,
                               const ctind_schema* schema, ctind_plan** out,
                               ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_plan_create";
  ClearOut(out);
  return Run(
      kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
        if (framework == nullptr) return NullArgument(kFn, "framework");
        if (schema == nullptr) return NullArgument(kFn, "schema");
        if (out == nullptr) return NullArgument(kFn, "out");
        absl::StatusOr<ctind::Plan> plan =
            ctind::Plan::Compile(framework->value, schema->value, diagnostics);
        if (!plan.ok()) return plan.status();
        *out = new ctind_plan{*std::move(plan)};
        return absl::OkStatus();
      });
}

void ctind_plan_destroy(ctind_plan* plan) { delete plan; }

ctind_status ctind_plan_compute(const ctind_plan* plan,
                                const ctind_dataset* dataset,
                                const ctind_options* options,
                                ctind_results** out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_plan_compute";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (plan == nullptr) return NullArgument(kFn, "plan");
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    if (out == nullptr) return NullArgument(kFn, "out");
    const ctind_options& opts =
        options != nullptr ? *options : DefaultOptions();
    absl::StatusOr<ctind::Results> results =
        ctind::Evaluate(plan->value, dataset->value, opts.evaluate);
    if (!results.ok()) return results.status();
    *out = new ctind_results{*std::move(results)};
    return absl::OkStatus();
  });
}

ctind_status ctind_compute(const ctind_framework* framework,
                           const ctind_dataset* dataset,
                           const ctind_options* options, ctind_results** out,
                           ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_compute";
  ClearOut(out);
  return Run(
      kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
        if (framework == nullptr) return NullArgument(kFn, "framework");
        if (dataset == nullptr) return NullArgument(kFn, "dataset");
        if (out == nullptr) return NullArgument(kFn, "out");
        const ctind_options& opts =
            options != nullptr ? *options : DefaultOptions();
        absl::StatusOr<ctind::Results> results = Compute(
            framework->value, dataset->value, opts.evaluate, diagnostics);
        if (!results.ok()) return results.status();
        *out = new ctind_results{*std::move(results)};
        return absl::OkStatus();
      });
}

// Results.

void ctind_results_destroy(ctind_results* results) { delete results; }

ctind_status ctind_results_to_json(const ctind_results* results,
                                   char** out_data, size_t* out_len,
                                   ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_results_to_json";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (results == nullptr) return NullArgument(kFn, "results");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    return CopyOut(ctind::RenderJson(results->value), out_data, out_len);
  });
}

ctind_status ctind_results_to_csv(const ctind_results* results, char** out_data,
                                  size_t* out_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_results_to_csv";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (results == nullptr) return NullArgument(kFn, "results");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    return CopyOut(ctind::RenderCsv(results->value), out_data, out_len);
  });
}

ctind_status ctind_results_to_table(const ctind_results* results,
                                    char** out_data, size_t* out_len,
                                    ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_results_to_table";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (results == nullptr) return NullArgument(kFn, "results");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    return CopyOut(ctind::RenderTable(results->value), out_data, out_len);
  });
}

ctind_status ctind_results_serialize(const ctind_results* results,
                                     ctind_format format, char** out_data,
                                     size_t* out_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_results_serialize";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (results == nullptr) return NullArgument(kFn, "results");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    return CopyOut(
        ctind::SerializeDefinition(results->value.proto(), *proto_format),
        out_data, out_len);
  });
}

// The getters below only read the immutable report: they allocate nothing
// and call nothing that throws, so they need no guard.

ctind_status ctind_results_as_of(const ctind_results* results,
                                 const char** out_data, size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (results == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(results->value.proto().as_of(), out_data, out_len);
}

ctind_status ctind_results_indicator_count(const ctind_results* results,
                                           size_t* out) {
  if (out != nullptr) *out = 0;
  if (results == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = static_cast<size_t>(results->value.proto().indicators_size());
  return CTIND_OK;
}

ctind_status ctind_results_indicator_id(const ctind_results* results,
                                        size_t indicator, const char** out_data,
                                        size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (results == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::Report& report = results->value.proto();
  if (indicator >= static_cast<size_t>(report.indicators_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(report.indicators(static_cast<int>(indicator)).indicator_id(),
                out_data, out_len);
}

ctind_status ctind_results_cell_count(const ctind_results* results,
                                      size_t indicator, size_t* out) {
  if (out != nullptr) *out = 0;
  if (results == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  const v1::Report& report = results->value.proto();
  if (indicator >= static_cast<size_t>(report.indicators_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  *out = static_cast<size_t>(
      report.indicators(static_cast<int>(indicator)).cells_size());
  return CTIND_OK;
}

ctind_status ctind_results_get_cell(const ctind_results* results,
                                    size_t indicator, size_t cell,
                                    const ctind_cell** out) {
  ClearOut(out);
  if (results == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  const v1::Report& report = results->value.proto();
  if (indicator >= static_cast<size_t>(report.indicators_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::IndicatorResult& result =
      report.indicators(static_cast<int>(indicator));
  if (cell >= static_cast<size_t>(result.cells_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  *out = reinterpret_cast<const ctind_cell*>(
      &result.cells(static_cast<int>(cell)));
  return CTIND_OK;
}

// Cells (read-only, like the results getters above).

ctind_status ctind_cell_period(const ctind_cell* cell, const char** out_data,
                               size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (cell == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(CellOf(cell)->period(), out_data, out_len);
}

ctind_scope ctind_cell_scope(const ctind_cell* cell) {
  if (cell == nullptr) return static_cast<ctind_scope>(0);
  const int scope = CellOf(cell)->scope();
  if (scope < CTIND_SCOPE_PERIOD || scope > CTIND_SCOPE_LIFE_OF_PROJECT) {
    return static_cast<ctind_scope>(0);
  }
  return static_cast<ctind_scope>(scope);
}

ctind_status ctind_cell_breakdown(const ctind_cell* cell, const char** out_data,
                                  size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (cell == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(CellOf(cell)->breakdown(), out_data, out_len);
}

size_t ctind_cell_coordinate_count(const ctind_cell* cell) {
  if (cell == nullptr) return 0;
  return static_cast<size_t>(CellOf(cell)->coordinates_size());
}

ctind_status ctind_cell_coordinate(const ctind_cell* cell, size_t index,
                                   const char** out_dimension,
                                   size_t* out_dimension_len,
                                   const char** out_value,
                                   size_t* out_value_len) {
  ClearOut(out_dimension);
  ClearOut(out_value);
  if (out_dimension_len != nullptr) *out_dimension_len = 0;
  if (out_value_len != nullptr) *out_value_len = 0;
  if (cell == nullptr || out_dimension == nullptr ||
      out_dimension_len == nullptr || out_value == nullptr ||
      out_value_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::Cell& c = *CellOf(cell);
  if (index >= static_cast<size_t>(c.coordinates_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::CellCoordinate& coordinate = c.coordinates(static_cast<int>(index));
  Borrow(coordinate.dimension(), out_dimension, out_dimension_len);
  return Borrow(coordinate.value(), out_value, out_value_len);
}

ctind_value_status ctind_cell_status(const ctind_cell* cell) {
  if (cell == nullptr) return static_cast<ctind_value_status>(0);
  const int status = CellOf(cell)->status();
  if (status < CTIND_VALUE_PRESENT || status > CTIND_VALUE_SUPPRESSED) {
    return static_cast<ctind_value_status>(0);
  }
  return static_cast<ctind_value_status>(status);
}

bool ctind_cell_value(const ctind_cell* cell, double* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_value()) {
    return false;
  }
  *out = CellOf(cell)->value();
  return true;
}

bool ctind_cell_numerator(const ctind_cell* cell, double* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_numerator()) {
    return false;
  }
  *out = CellOf(cell)->numerator();
  return true;
}

bool ctind_cell_denominator(const ctind_cell* cell, double* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_denominator()) {
    return false;
  }
  *out = CellOf(cell)->denominator();
  return true;
}

bool ctind_cell_units(const ctind_cell* cell, int64_t* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_units()) {
    return false;
  }
  *out = CellOf(cell)->units();
  return true;
}

bool ctind_cell_has_flag(const ctind_cell* cell, int flag) {
  if (cell == nullptr) return false;
  for (const int f : CellOf(cell)->flags()) {
    if (f == flag) return true;
  }
  return false;
}

// Cells: assessment and suppression (read-only).

bool ctind_cell_not_yet_observable(const ctind_cell* cell, int64_t* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_not_yet_observable()) {
    return false;
  }
  *out = CellOf(cell)->not_yet_observable();
  return true;
}

bool ctind_cell_target(const ctind_cell* cell, double* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_target()) return false;
  *out = CellOf(cell)->target();
  return true;
}

bool ctind_cell_percent_achieved(const ctind_cell* cell, double* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_percent_achieved()) {
    return false;
  }
  *out = CellOf(cell)->percent_achieved();
  return true;
}

bool ctind_cell_progress(const ctind_cell* cell, double* out) {
  if (cell == nullptr || out == nullptr || !CellOf(cell)->has_progress()) return false;
  *out = CellOf(cell)->progress();
  return true;
}

ctind_assessment ctind_cell_assessment(const ctind_cell* cell) {
  if (cell == nullptr) return CTIND_ASSESSMENT_UNSPECIFIED;
  const int assessment = CellOf(cell)->assessment();
  if (assessment < CTIND_ASSESSMENT_NOT_ASSESSED || assessment > CTIND_ASSESSMENT_BEHIND) {
    return CTIND_ASSESSMENT_UNSPECIFIED;
  }
  return static_cast<ctind_assessment>(assessment);
}

ctind_suppression_reason ctind_cell_suppression_reason(const ctind_cell* cell) {
  if (cell == nullptr) return CTIND_SUPPRESSION_UNSPECIFIED;
  const int reason = CellOf(cell)->suppression();
  if (reason < CTIND_SUPPRESSION_NOT_SUPPRESSED || reason > CTIND_SUPPRESSION_DERIVED) {
    return CTIND_SUPPRESSION_UNSPECIFIED;
  }
  return static_cast<ctind_suppression_reason>(reason);
}

// More results getters (read-only).

ctind_status ctind_results_project_id(const ctind_results* results, const char** out_data,
                                      size_t* out_len) {
  return BorrowField(results, out_data, out_len, [](const ctind_results& r) -> const std::string& {
    return r.value.proto().project_id();
  });
}

ctind_protection ctind_results_protection(const ctind_results* results) {
  if (results == nullptr) return CTIND_PROTECTION_UNSPECIFIED;
  switch (results->value.proto().protection()) {
    case v1::RAW: return CTIND_PROTECTION_RAW;
    case v1::PUBLISHED: return CTIND_PROTECTION_PUBLISHED;
    default: return CTIND_PROTECTION_UNSPECIFIED;
  }
}

bool ctind_results_is_assessed(const ctind_results* results, double* out_margin_points) {
  if (results == nullptr || !results->value.proto().has_assessment()) return false;
  if (out_margin_points != nullptr) {
    *out_margin_points = results->value.proto().assessment().margin_points();
  }
  return true;
}

ctind_status ctind_results_indicator_title(const ctind_results* results, size_t indicator,
                                           const char** out_data, size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (results == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::IndicatorResult* result = IndicatorAt(*results, indicator);
  if (result == nullptr) return CTIND_INVALID_ARGUMENT;
  return Borrow(result->title(), out_data, out_len);
}

ctind_status ctind_results_indicator_unit(const ctind_results* results, size_t indicator,
                                          const char** out_data, size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (results == nullptr || out_data == nullptr || out_len == nullptr) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::IndicatorResult* result = IndicatorAt(*results, indicator);
  if (result == nullptr) return CTIND_INVALID_ARGUMENT;
  return Borrow(result->unit(), out_data, out_len);
}

ctind_status ctind_results_period_count(const ctind_results* results, size_t indicator,
                                        size_t* out) {
  if (out != nullptr) *out = 0;
  if (results == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  const v1::IndicatorResult* result = IndicatorAt(*results, indicator);
  if (result == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = static_cast<size_t>(result->periods_size());
  return CTIND_OK;
}

ctind_status ctind_results_period(const ctind_results* results, size_t indicator, size_t period,
                                  const char** out_id, const char** out_type,
                                  const char** out_start, const char** out_end,
                                  bool* out_partial) {
  ClearOut(out_id);
  ClearOut(out_type);
  ClearOut(out_start);
  ClearOut(out_end);
  if (out_partial != nullptr) *out_partial = false;
  if (results == nullptr) return CTIND_INVALID_ARGUMENT;
  const v1::IndicatorResult* result = IndicatorAt(*results, indicator);
  if (result == nullptr || period >= static_cast<size_t>(result->periods_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  const v1::ReportPeriod& p = result->periods(static_cast<int>(period));
  if (out_id != nullptr) *out_id = p.id().c_str();
  // PeriodType_Name returns a reference to a static name.
  if (out_type != nullptr) {
    *out_type = p.type() == v1::PERIOD_TYPE_UNSPECIFIED
                    ? ""
                    : v1::PeriodType_Name(p.type()).c_str();
  }
  if (out_start != nullptr) *out_start = p.start().c_str();
  if (out_end != nullptr) *out_end = p.end().c_str();
  if (out_partial != nullptr) *out_partial = p.partial();
  return CTIND_OK;
}

ctind_status ctind_results_finding_count(const ctind_results* results, size_t* out) {
  if (out != nullptr) *out = 0;
  if (results == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = static_cast<size_t>(results->value.proto().findings_size());
  return CTIND_OK;
}

ctind_status ctind_results_get_finding(const ctind_results* results, size_t index,
                                       const ctind_finding** out) {
  ClearOut(out);
  if (results == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  return FindingAt(results->value.proto().findings(), index, out);
}

// CSV mapping.

ctind_status ctind_mapping_load(const ctind_schema* schema, const char* data, size_t len,
                                ctind_format format, const char* file_name, size_t file_name_len,
                                ctind_mapping** out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_mapping_load";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    if (schema == nullptr) return NullArgument(kFn, "schema");
    std::string_view bytes, name;
    absl::Status status = InputString(kFn, "data", data, len, &bytes);
    if (status.ok()) status = InputString(kFn, "file_name", file_name, file_name_len, &name);
    if (!status.ok()) return status;
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    absl::StatusOr<ctind::CsvMapping> mapping =
        ctind::CsvMapping::Parse(bytes, *proto_format, name, schema->value, diagnostics);
    if (!mapping.ok()) return mapping.status();
    *out = new ctind_mapping{*std::move(mapping)};
    return absl::OkStatus();
  });
}

ctind_status ctind_mapping_serialize(const ctind_mapping* mapping, ctind_format format,
                                     char** out_data, size_t* out_len, ctind_error** out_error) {
  return SerializeModel("ctind_mapping_serialize", "mapping", mapping, format, out_data, out_len,
                        out_error);
}

void ctind_mapping_destroy(ctind_mapping* mapping) { delete mapping; }

// More options.

ctind_status ctind_options_set_mapping(ctind_options* options, const ctind_mapping* mapping) {
  if (options == nullptr) return CTIND_INVALID_ARGUMENT;
  if (mapping == nullptr) {
    options->ingest.mapping.reset();
  } else {
    options->ingest.mapping = mapping->value;  // shared state: no allocation
  }
  return CTIND_OK;
}

ctind_status ctind_options_set_min_cell_size(ctind_options* options, int32_t k,
                                             ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_min_cell_size";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    if (k < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          kFn, ": the minimum cell size is ", k,
          "; it is at least 1 (1 turns primary suppression off), or 0 for the framework's"));
    }
    options->min_cell_size = k;
    return absl::OkStatus();
  });
}

ctind_status ctind_options_set_rounding(ctind_options* options, ctind_rounding rounding,
                                        ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_rounding";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    absl::StatusOr<ctind::Rounding> parsed = RoundingFromC(rounding);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(kFn, ": ", parsed.status().message()));
    }
    options->rounding = *parsed;
    return absl::OkStatus();
  });
}

ctind_status ctind_options_set_publisher_key(ctind_options* options, const char* key, size_t len,
                                             ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_publisher_key";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    std::string_view bytes;
    absl::Status status = InputString(kFn, "key", key, len, &bytes);
    if (!status.ok()) return status;
    constexpr size_t kMinKeyBytes = 16;
    if (!bytes.empty() && bytes.size() < kMinKeyBytes) {
      // The key is a secret: its bytes are never repeated in a message.
      return absl::InvalidArgumentError(absl::StrCat(
          kFn, ": the publisher key has ", bytes.size(), " bytes; it needs at least ",
          kMinKeyBytes, " random bytes"));
    }
    options->publisher_key.assign(bytes.data(), bytes.size());
    return absl::OkStatus();
  });
}

ctind_status ctind_options_disable_protection_for_internal_use(ctind_options* options,
                                                               bool disabled) {
  if (options == nullptr) return CTIND_INVALID_ARGUMENT;
  options->protection_disabled = disabled;
  return CTIND_OK;
}

ctind_status ctind_options_set_margin_points(ctind_options* options, double points,
                                             ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_margin_points";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    if (!std::isfinite(points) || points < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          kFn, ": the margin is ", points, " points; it is a finite number >= 0 (default 15)"));
    }
    options->assess.margin_points = points;
    return absl::OkStatus();
  });
}

ctind_status ctind_options_set_with_record_keys(ctind_options* options, bool with_record_keys) {
  if (options == nullptr) return CTIND_INVALID_ARGUMENT;
  options->with_record_keys = with_record_keys;
  return CTIND_OK;
}

ctind_status ctind_options_set_max_record_keys(ctind_options* options, int32_t max_record_keys,
                                               ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_max_record_keys";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    if (max_record_keys < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          kFn, ": the maximum is ", max_record_keys, "; it is at least 0"));
    }
    options->max_record_keys = max_record_keys;
    return absl::OkStatus();
  });
}

ctind_status ctind_options_set_generated_datetime(ctind_options* options, const char* datetime,
                                                  size_t len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_generated_datetime";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    return SetText(kFn, "datetime", datetime, len, &options->donor.generated_datetime);
  });
}

ctind_status ctind_options_set_include_life_of_project(ctind_options* options, bool include) {
  if (options == nullptr) return CTIND_INVALID_ARGUMENT;
  options->donor.include_life_of_project = include;
  return CTIND_OK;
}

ctind_status ctind_options_add_indicator_vocabulary(ctind_options* options,
                                                    const char* vocabulary,
                                                    size_t vocabulary_len, const char* code,
                                                    size_t code_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_add_indicator_vocabulary";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    std::string name, value;
    absl::Status status = SetText(kFn, "vocabulary", vocabulary, vocabulary_len, &name);
    if (status.ok()) status = SetText(kFn, "code", code, code_len, &value);
    if (!status.ok()) return status;
    if (name.empty() || value.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(kFn, ": the vocabulary and its code are both non-empty"));
    }
    auto& pairs = options->donor.indicator_vocabularies;
    for (auto& [known, known_code] : pairs) {
      if (known == name) {
        known_code = std::move(value);
        return absl::OkStatus();
      }
    }
    pairs.emplace_back(std::move(name), std::move(value));
    return absl::OkStatus();
  });
}

ctind_status ctind_options_set_language(ctind_options* options, const char* language, size_t len,
                                        ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_language";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    return SetText(kFn, "language", language, len, &options->language);
  });
}

ctind_status ctind_options_set_title(ctind_options* options, const char* title, size_t len,
                                     ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_options_set_title";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (options == nullptr) return NullArgument(kFn, "options");
    return SetText(kFn, "title", title, len, &options->title);
  });
}

// Datasets: findings one by one and columns.

ctind_status ctind_dataset_finding_count(const ctind_dataset* dataset, size_t* out) {
  if (out != nullptr) *out = 0;
  if (dataset == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = static_cast<size_t>(dataset->value.FindingCount());
  return CTIND_OK;
}

ctind_status ctind_dataset_get_finding(const ctind_dataset* dataset, size_t index,
                                       const ctind_finding** out) {
  ClearOut(out);
  if (dataset == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  if (index >= static_cast<size_t>(dataset->value.FindingCount())) return CTIND_INVALID_ARGUMENT;
  *out = ToCFinding(dataset->value.GetFinding(static_cast<int>(index)));
  return CTIND_OK;
}

ctind_status ctind_dataset_append_column_int64(ctind_dataset* dataset, const char* table,
                                               size_t table_len, const char* field,
                                               size_t field_len, const int64_t* values,
                                               const uint8_t* present, size_t n,
                                               ctind_error** out_error) {
  return AppendTypedColumn("ctind_dataset_append_column_int64", out_error, dataset, table, table_len,
                           field, field_len, values, "values", present, n,
                           ctind::ColumnInput::Kind::kInt64, &ctind::ColumnInput::int64s);
}

ctind_status ctind_dataset_append_column_double(ctind_dataset* dataset, const char* table,
                                                size_t table_len, const char* field,
                                                size_t field_len, const double* values,
                                                const uint8_t* present, size_t n,
                                                ctind_error** out_error) {
  return AppendTypedColumn("ctind_dataset_append_column_double", out_error, dataset, table, table_len,
                           field, field_len, values, "values", present, n,
                           ctind::ColumnInput::Kind::kDouble, &ctind::ColumnInput::doubles);
}

ctind_status ctind_dataset_append_column_bool(ctind_dataset* dataset, const char* table,
                                              size_t table_len, const char* field,
                                              size_t field_len, const uint8_t* values,
                                              const uint8_t* present, size_t n,
                                              ctind_error** out_error) {
  return AppendTypedColumn("ctind_dataset_append_column_bool", out_error, dataset, table, table_len,
                           field, field_len, values, "values", present, n,
                           ctind::ColumnInput::Kind::kBool, &ctind::ColumnInput::bools);
}

ctind_status ctind_dataset_append_column_date(ctind_dataset* dataset, const char* table,
                                              size_t table_len, const char* field,
                                              size_t field_len, const int32_t* days,
                                              const uint8_t* present, size_t n,
                                              ctind_error** out_error) {
  return AppendTypedColumn("ctind_dataset_append_column_date", out_error, dataset, table, table_len,
                           field, field_len, days, "days", present, n,
                           ctind::ColumnInput::Kind::kDate, &ctind::ColumnInput::days);
}

ctind_status ctind_dataset_append_column_string(ctind_dataset* dataset, const char* table,
                                                size_t table_len, const char* field,
                                                size_t field_len, const char* const* values,
                                                const size_t* lens, const uint8_t* present,
                                                size_t n, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dataset_append_column_string";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    if (n != 0 && values == nullptr) return NullArgument(kFn, "values");
    if (n != 0 && lens == nullptr) return NullArgument(kFn, "lens");
    ctind::ColumnInput column;
    column.kind = ctind::ColumnInput::Kind::kText;
    column.texts.resize(n);
    column.present = PresentFromC(present, n);
    for (size_t i = 0; i < n; ++i) {
      const bool is_present = present == nullptr || present[i] != 0;
      absl::Status status = TextValue(kFn, values[i], lens[i], is_present, i, &column.texts[i]);
      if (!status.ok()) return status;
    }
    return AppendColumn(kFn, dataset, table, table_len, field, field_len, std::move(column));
  });
}

ctind_status ctind_dataset_append_column_string_packed(
    ctind_dataset* dataset, const char* table, size_t table_len, const char* field,
    size_t field_len, const char* data, size_t data_len, const uint64_t* offsets,
    const uint8_t* present, size_t n, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dataset_append_column_string_packed";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    std::string_view buffer;
    absl::Status status = InputString(kFn, "data", data, data_len, &buffer);
    if (!status.ok()) return status;
    if (n != 0 && offsets == nullptr) return NullArgument(kFn, "offsets");
    ctind::ColumnInput column;
    column.kind = ctind::ColumnInput::Kind::kText;
    column.texts.resize(n);
    column.present = PresentFromC(present, n);
    for (size_t i = 0; i < n; ++i) {
      const uint64_t begin = offsets[i], end = offsets[i + 1];
      if (begin > end || end > buffer.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            kFn, ": offsets ", i, " and ", i + 1, " are ", begin, " and ", end,
            "; offsets are non-decreasing and at most data_len (", buffer.size(), ")"));
      }
      status = TextValue(kFn, buffer.data() + begin, static_cast<size_t>(end - begin),
                         present == nullptr || present[i] != 0, i, &column.texts[i]);
      if (!status.ok()) return status;
    }
    return AppendColumn(kFn, dataset, table, table_len, field, field_len, std::move(column));
  });
}

ctind_status ctind_dataset_end_table(ctind_dataset* dataset, const char* table, size_t table_len,
                                     const char* source_name, size_t source_name_len,
                                     const ctind_options* options, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dataset_end_table";
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    std::string_view table_name, name;
    absl::Status status = InputString(kFn, "table", table, table_len, &table_name);
    if (status.ok()) status = InputString(kFn, "source_name", source_name, source_name_len, &name);
    if (!status.ok()) return status;
    std::vector<ctind::ColumnInput> columns;
    if (auto it = dataset->pending.find(table_name); it != dataset->pending.end()) {
      columns = std::move(it->second);
      dataset->pending.erase(it);
    }
    const ctind_options& opts = options != nullptr ? *options : DefaultOptions();
    ctind::IngestOptions ingest;
    ingest.strict = opts.ingest.strict;
    return dataset->value.LoadColumns(table_name, columns, name, ingest);
  });
}

// Publication.

ctind_status ctind_publish(const ctind_results* raw, const ctind_plan* plan,
                           const ctind_options* options, ctind_publication** out,
                           ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_publish";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (raw == nullptr) return NullArgument(kFn, "raw");
    if (plan == nullptr) return NullArgument(kFn, "plan");
    if (out == nullptr) return NullArgument(kFn, "out");
    const ctind_options& opts = options != nullptr ? *options : DefaultOptions();
    absl::StatusOr<ctind::Publication> publication = PublishWith(raw->value, plan->value, opts);
    if (!publication.ok()) return publication.status();
    *out = new ctind_publication{ctind_results{publication->results()},
                                 ctind_results{publication->raw_with_reasons()}};
    return absl::OkStatus();
  });
}

void ctind_publication_destroy(ctind_publication* publication) { delete publication; }

ctind_status ctind_publication_results(const ctind_publication* publication,
                                       const ctind_results** out) {
  ClearOut(out);
  if (publication == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = &publication->published;
  return CTIND_OK;
}

ctind_status ctind_publication_raw_with_reasons(const ctind_publication* publication,
                                                const ctind_results** out) {
  ClearOut(out);
  if (publication == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = &publication->raw_with_reasons;
  return CTIND_OK;
}

// Assessment and IPTT.

ctind_status ctind_add_reported_actuals(const ctind_framework* framework,
                                        const ctind_results* report, ctind_results** out,
                                        ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_add_reported_actuals";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (framework == nullptr) return NullArgument(kFn, "framework");
    if (report == nullptr) return NullArgument(kFn, "report");
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::Results> added = ChangedCopy(report->value, [&](v1::Report* copy) {
      return ctind::AddReportedActuals(framework->value, copy);
    });
    if (!added.ok()) return added.status();
    *out = new ctind_results{*std::move(added)};
    return absl::OkStatus();
  });
}

ctind_status ctind_assess(const ctind_framework* framework, const ctind_results* report,
                          const ctind_options* options, ctind_results** out,
                          ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_assess";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (framework == nullptr) return NullArgument(kFn, "framework");
    if (report == nullptr) return NullArgument(kFn, "report");
    if (out == nullptr) return NullArgument(kFn, "out");
    const ctind_options& opts = options != nullptr ? *options : DefaultOptions();
    absl::StatusOr<ctind::Results> assessed = ChangedCopy(report->value, [&](v1::Report* copy) {
      return ctind::Assess(framework->value, copy, opts.assess);
    });
    if (!assessed.ok()) return assessed.status();
    *out = new ctind_results{*std::move(assessed)};
    return absl::OkStatus();
  });
}

ctind_status ctind_iptt_build(const ctind_framework* framework, const ctind_results* assessed,
                              ctind_iptt** out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_iptt_build";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (framework == nullptr) return NullArgument(kFn, "framework");
    if (assessed == nullptr) return NullArgument(kFn, "assessed");
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<v1::Iptt> iptt = ctind::BuildIptt(framework->value, assessed->value.proto());
    if (!iptt.ok()) return iptt.status();
    *out = new ctind_iptt{*std::move(iptt)};
    return absl::OkStatus();
  });
}

void ctind_iptt_destroy(ctind_iptt* iptt) { delete iptt; }

ctind_status ctind_iptt_to_csv(const ctind_iptt* iptt, char** out_data, size_t* out_len,
                               ctind_error** out_error) {
  return RenderOut("ctind_iptt_to_csv", "iptt", iptt, out_data, out_len, out_error,
                   [](const ctind_iptt& i) { return ctind::RenderIpttCsv(i.value); });
}

ctind_status ctind_iptt_serialize(const ctind_iptt* iptt, ctind_format format, char** out_data,
                                  size_t* out_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_iptt_serialize";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (iptt == nullptr) return NullArgument(kFn, "iptt");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    return CopyOut(ctind::SerializeDefinition(iptt->value, *proto_format), out_data, out_len);
  });
}

// Documents and the donor renderers.

void ctind_document_destroy(ctind_document* document) { delete document; }

ctind_status ctind_document_text(const ctind_document* document, const char** out_data,
                                 size_t* out_len) {
  return BorrowField(document, out_data, out_len,
                     [](const ctind_document& d) -> const std::string& { return d.value.text; });
}

ctind_status ctind_document_note_count(const ctind_document* document, size_t* out) {
  if (out != nullptr) *out = 0;
  if (document == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = document->value.notes.size();
  return CTIND_OK;
}

ctind_status ctind_document_note(const ctind_document* document, size_t index,
                                 const char** out_data, size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (document == nullptr || out_data == nullptr || out_len == nullptr ||
      index >= document->value.notes.size()) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(document->value.notes[index], out_data, out_len);
}

ctind_status ctind_render_iati(const ctind_framework* framework, const ctind_results* publication,
                               const ctind_options* options, ctind_document** out,
                               ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_render_iati";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    if (framework == nullptr) return NullArgument(kFn, "framework");
    if (publication == nullptr) return NullArgument(kFn, "publication");
    if (out == nullptr) return NullArgument(kFn, "out");
    const ctind_options& opts = options != nullptr ? *options : DefaultOptions();
    absl::StatusOr<ctind::DonorDocument> document = ctind::RenderIati(
        framework->value, publication->value.proto(), opts.donor, diagnostics);
    if (!document.ok()) return document.status();
    *out = new ctind_document{*std::move(document)};
    return absl::OkStatus();
  });
}

ctind_status ctind_dhis2_mapping_load(const char* data, size_t len, ctind_format format,
                                      const char* file_name, size_t file_name_len,
                                      ctind_dhis2_mapping** out, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_dhis2_mapping_load";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    std::string_view bytes, name;
    absl::Status status = InputString(kFn, "data", data, len, &bytes);
    if (status.ok()) status = InputString(kFn, "file_name", file_name, file_name_len, &name);
    if (!status.ok()) return status;
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    absl::StatusOr<ctind::Dhis2Mapping> mapping =
        ctind::Dhis2Mapping::Parse(bytes, *proto_format, name, diagnostics);
    if (!mapping.ok()) return mapping.status();
    *out = new ctind_dhis2_mapping{*std::move(mapping)};
    return absl::OkStatus();
  });
}

void ctind_dhis2_mapping_destroy(ctind_dhis2_mapping* mapping) { delete mapping; }

ctind_status ctind_render_dhis2(const ctind_results* publication,
                                const ctind_dhis2_mapping* mapping, ctind_document** out,
                                ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_render_dhis2";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    if (publication == nullptr) return NullArgument(kFn, "publication");
    if (mapping == nullptr) return NullArgument(kFn, "mapping");
    if (out == nullptr) return NullArgument(kFn, "out");
    absl::StatusOr<ctind::DonorDocument> document =
        ctind::RenderDhis2(publication->value.proto(), mapping->value, diagnostics);
    if (!document.ok()) return document.status();
    *out = new ctind_document{*std::move(document)};
    return absl::OkStatus();
  });
}

ctind_status ctind_render_html(const ctind_framework* framework, const ctind_results* publication,
                               const ctind_iptt* iptt, const ctind_quality* quality,
                               const ctind_schema* schema, const ctind_options* options,
                               char** out_data, size_t* out_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_render_html";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (framework == nullptr) return NullArgument(kFn, "framework");
    if (publication == nullptr) return NullArgument(kFn, "publication");
    if (iptt == nullptr) return NullArgument(kFn, "iptt");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    const ctind_options& opts = options != nullptr ? *options : DefaultOptions();
    ctind::HtmlOptions html;
    html.language = opts.language;
    html.title = opts.title;
    html.schema = schema != nullptr ? &schema->value : nullptr;
    absl::StatusOr<std::string> text =
        ctind::RenderHtml(framework->value, publication->value.proto(), iptt->value,
                          quality != nullptr ? &quality->value : nullptr, html);
    if (!text.ok()) return text.status();
    return CopyOut(*text, out_data, out_len);
  });
}

// Data quality.

ctind_status ctind_quality_check(const ctind_dataset* dataset, const ctind_framework* framework,
                                 const ctind_options* options, ctind_quality** out,
                                 ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_quality_check";
  ClearOut(out);
  return Run(kFn, out_error, [&](ctind::Diagnostics* diagnostics) -> absl::Status {
    if (dataset == nullptr) return NullArgument(kFn, "dataset");
    if (out == nullptr) return NullArgument(kFn, "out");
    const ctind_options& opts = options != nullptr ? *options : DefaultOptions();
    ctind::QualityOptions quality;
    quality.with_record_keys = opts.with_record_keys;
    quality.max_record_keys = opts.max_record_keys;
    quality.as_of = opts.evaluate.as_of;
    absl::StatusOr<ctind::QualityReport> report = ctind::CheckQuality(
        dataset->value, framework != nullptr ? &framework->value : nullptr, quality, diagnostics);
    if (!report.ok()) return report.status();
    *out = new ctind_quality{*std::move(report)};
    return absl::OkStatus();
  });
}

void ctind_quality_destroy(ctind_quality* quality) { delete quality; }

ctind_status ctind_quality_finding_count(const ctind_quality* quality, size_t* out) {
  if (out != nullptr) *out = 0;
  if (quality == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = static_cast<size_t>(quality->value.proto().findings_size());
  return CTIND_OK;
}

ctind_status ctind_quality_get_finding(const ctind_quality* quality, size_t index,
                                       const ctind_finding** out) {
  ClearOut(out);
  if (quality == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  return FindingAt(quality->value.proto().findings(), index, out);
}

ctind_status ctind_quality_to_json(const ctind_quality* quality, char** out_data,
                                   size_t* out_len, ctind_error** out_error) {
  return RenderOut("ctind_quality_to_json", "quality", quality, out_data, out_len, out_error,
                   [](const ctind_quality& q) { return ctind::RenderQualityJson(q.value); });
}

ctind_status ctind_quality_to_csv(const ctind_quality* quality, char** out_data, size_t* out_len,
                                  ctind_error** out_error) {
  return RenderOut("ctind_quality_to_csv", "quality", quality, out_data, out_len, out_error,
                   [](const ctind_quality& q) { return ctind::RenderQualityCsv(q.value); });
}

ctind_status ctind_quality_to_table(const ctind_quality* quality, char** out_data,
                                    size_t* out_len, ctind_error** out_error) {
  return RenderOut("ctind_quality_to_table", "quality", quality, out_data, out_len, out_error,
                   [](const ctind_quality& q) { return ctind::RenderQualityTable(q.value); });
}

ctind_status ctind_quality_serialize(const ctind_quality* quality, ctind_format format,
                                     char** out_data, size_t* out_len, ctind_error** out_error) {
  static constexpr char kFn[] = "ctind_quality_serialize";
  ClearOut(out_data, out_len);
  return Run(kFn, out_error, [&](ctind::Diagnostics*) -> absl::Status {
    if (quality == nullptr) return NullArgument(kFn, "quality");
    absl::Status status = CheckOwnedOut(kFn, out_data, out_len);
    if (!status.ok()) return status;
    absl::StatusOr<ctind::ProtoFormat> proto_format = FormatFromC(format);
    if (!proto_format.ok()) return proto_format.status();
    return CopyOut(ctind::SerializeDefinition(quality->value.proto(), *proto_format), out_data,
                   out_len);
  });
}

ctind_status ctind_quality_table_count(const ctind_quality* quality, size_t* out) {
  if (out != nullptr) *out = 0;
  if (quality == nullptr || out == nullptr) return CTIND_INVALID_ARGUMENT;
  *out = quality->value.tables().size();
  return CTIND_OK;
}

ctind_status ctind_quality_table(const ctind_quality* quality, size_t table,
                                 const char** out_name, size_t* out_name_len, bool* out_loaded,
                                 int64_t* out_rows) {
  ClearOut(out_name);
  if (out_name_len != nullptr) *out_name_len = 0;
  if (out_loaded != nullptr) *out_loaded = false;
  if (out_rows != nullptr) *out_rows = 0;
  if (quality == nullptr || table >= quality->value.tables().size()) {
    return CTIND_INVALID_ARGUMENT;
  }
  const ctind::TableCompleteness& t = quality->value.tables()[table];
  if (out_name != nullptr) *out_name = t.table.c_str();
  if (out_name_len != nullptr) *out_name_len = t.table.size();
  if (out_loaded != nullptr) *out_loaded = t.loaded;
  if (out_rows != nullptr) *out_rows = t.rows;
  return CTIND_OK;
}

ctind_status ctind_quality_field_count(const ctind_quality* quality, size_t table, size_t* out) {
  if (out != nullptr) *out = 0;
  if (quality == nullptr || out == nullptr || table >= quality->value.tables().size()) {
    return CTIND_INVALID_ARGUMENT;
  }
  *out = quality->value.tables()[table].fields.size();
  return CTIND_OK;
}

ctind_status ctind_quality_field(const ctind_quality* quality, size_t table, size_t field,
                                 const char** out_name, size_t* out_name_len, bool* out_required,
                                 int64_t* out_present, int64_t* out_missing,
                                 int64_t* out_invalid) {
  ClearOut(out_name);
  if (out_name_len != nullptr) *out_name_len = 0;
  if (out_required != nullptr) *out_required = false;
  if (out_present != nullptr) *out_present = 0;
  if (out_missing != nullptr) *out_missing = 0;
  if (out_invalid != nullptr) *out_invalid = 0;
  if (quality == nullptr || table >= quality->value.tables().size() ||
      field >= quality->value.tables()[table].fields.size()) {
    return CTIND_INVALID_ARGUMENT;
  }
  const ctind::FieldCompleteness& f = quality->value.tables()[table].fields[field];
  if (out_name != nullptr) *out_name = f.field.c_str();
  if (out_name_len != nullptr) *out_name_len = f.field.size();
  if (out_required != nullptr) *out_required = f.required;
  if (out_present != nullptr) *out_present = f.present;
  if (out_missing != nullptr) *out_missing = f.missing;
  if (out_invalid != nullptr) *out_invalid = f.invalid;
  return CTIND_OK;
}

// Findings (read-only).

ctind_status ctind_finding_rule(const ctind_finding* finding, const char** out_data,
                                size_t* out_len) {
  return BorrowField(finding, out_data, out_len, [](const ctind_finding& f) -> const std::string& {
    return FindingOf(&f)->rule();
  });
}

ctind_severity ctind_finding_severity(const ctind_finding* finding) {
  if (finding == nullptr) return CTIND_SEVERITY_UNSPECIFIED;
  const int severity = FindingOf(finding)->severity();
  if (severity < CTIND_SEVERITY_INFO || severity > CTIND_SEVERITY_ERROR) {
    return CTIND_SEVERITY_UNSPECIFIED;
  }
  return static_cast<ctind_severity>(severity);
}

ctind_status ctind_finding_table(const ctind_finding* finding, const char** out_data,
                                 size_t* out_len) {
  return BorrowField(finding, out_data, out_len, [](const ctind_finding& f) -> const std::string& {
    return FindingOf(&f)->table();
  });
}

ctind_status ctind_finding_field(const ctind_finding* finding, const char** out_data,
                                 size_t* out_len) {
  return BorrowField(finding, out_data, out_len, [](const ctind_finding& f) -> const std::string& {
    return FindingOf(&f)->field();
  });
}

ctind_status ctind_finding_indicator_id(const ctind_finding* finding, const char** out_data,
                                        size_t* out_len) {
  return BorrowField(finding, out_data, out_len, [](const ctind_finding& f) -> const std::string& {
    return FindingOf(&f)->indicator_id();
  });
}

int64_t ctind_finding_count(const ctind_finding* finding) {
  return finding == nullptr ? 0 : FindingOf(finding)->count();
}

bool ctind_finding_share(const ctind_finding* finding, double* out) {
  if (finding == nullptr || out == nullptr || !FindingOf(finding)->has_share()) return false;
  *out = FindingOf(finding)->share();
  return true;
}

ctind_status ctind_finding_message(const ctind_finding* finding, const char** out_data,
                                   size_t* out_len) {
  return BorrowField(finding, out_data, out_len, [](const ctind_finding& f) -> const std::string& {
    return FindingOf(&f)->message();
  });
}

ctind_status ctind_finding_file(const ctind_finding* finding, const char** out_data,
                                size_t* out_len) {
  return BorrowField(finding, out_data, out_len, [](const ctind_finding& f) -> const std::string& {
    return FindingOf(&f)->file();
  });
}

int64_t ctind_finding_line(const ctind_finding* finding) {
  return finding == nullptr ? 0 : FindingOf(finding)->line();
}

int64_t ctind_finding_column(const ctind_finding* finding) {
  return finding == nullptr ? 0 : FindingOf(finding)->column();
}

size_t ctind_finding_record_key_count(const ctind_finding* finding) {
  return finding == nullptr ? 0 : static_cast<size_t>(FindingOf(finding)->record_keys_size());
}

ctind_status ctind_finding_record_key(const ctind_finding* finding, size_t index,
                                      const char** out_data, size_t* out_len) {
  ClearOut(out_data);
  if (out_len != nullptr) *out_len = 0;
  if (finding == nullptr || out_data == nullptr || out_len == nullptr ||
      index >= static_cast<size_t>(FindingOf(finding)->record_keys_size())) {
    return CTIND_INVALID_ARGUMENT;
  }
  return Borrow(FindingOf(finding)->record_keys(static_cast<int>(index)), out_data, out_len);
}

}  // extern "C"
