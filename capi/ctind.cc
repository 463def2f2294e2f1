// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The C API over the C++ core. Every entry point follows one shape: the
// extern "C" function checks and converts its arguments, calls C++ code that
// returns absl::Status / absl::StatusOr, and converts the result back into a
// ctind_status and an optional error handle. Exceptions never leave an entry
// point: each one runs inside a try / catch (...).

#include "ctind.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
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
#include "ctind/catalog.h"
#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/diagnostic.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/render.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
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

struct ctind_options {
  ctind::IngestOptions ingest;
  ctind::EvaluateOptions evaluate;
};

struct ctind_dataset {
  ctind::Dataset value;
};

struct ctind_plan {
  ctind::Plan value;
};

struct ctind_results {
  ctind::Results value;
};

// ctind_cell is never defined: a `const ctind_cell*` is a borrowed
// `const ctind::v1::Cell*` of the results' report.

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
              v1::NO_DENOMINATOR == 3 && v1::SUPPRESSED_FLAG == 4);
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
    *out = new ctind_dataset{ctind::Dataset(schema->value)};
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

}  // extern "C"
