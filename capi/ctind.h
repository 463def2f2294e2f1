/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * ctind — the C API of libctind, the one stable interface of the library.
 *
 * Conventions (every function follows them; docs/c-api.md has examples):
 *
 * - Handles are opaque. An object returned through `X** out` is owned by
 *   the caller and released with its `ctind_X_destroy`; destroying NULL is
 *   a no-op. Borrowed objects (a `const ctind_cell*` from a results handle)
 *   live as long as their parent and are never destroyed by the caller.
 * - Fallible functions return a `ctind_status`, numerically equal to
 *   absl::StatusCode (CTIND_OK = 0). They take a trailing optional
 *   `ctind_error** out_error`: when it is not NULL and the call fails,
 *   `*out_error` receives an error handle (code, message, diagnostics with
 *   file, line, column and byte offset) that the caller destroys with
 *   ctind_error_destroy; on success `*out_error` is set to NULL. There is
 *   no thread-local "last error".
 * - On failure, out-parameters are left NULL / zero; nothing is half-built.
 * - Strings go in as (const char* data, size_t len), UTF-8, not necessarily
 *   NUL-terminated; `data` may be NULL only when `len` is 0. Owned bytes
 *   come out as (char** out_data, size_t* out_len), NUL-terminated for
 *   convenience (the terminator is not counted in out_len), released with
 *   ctind_free. Borrowed strings (const char** out_data) live as long as the
 *   handle they come from.
 * - A NULL handle or out-parameter, or an index out of range, returns
 *   CTIND_INVALID_ARGUMENT. No function aborts, exits, prints or lets an
 *   exception escape.
 * - Threads: handles that are not modified (framework, schema, mapping,
 *   plan, a loaded dataset, results, publication, IPTT, quality, document,
 *   options once set) may be used from many threads at once. Functions that
 *   modify a handle (loading or appending to a dataset, setting an option)
 *   need exclusive access to it.
 * - Dates are ISO 8601 strings "YYYY-MM-DD", except the day numbers of
 *   ctind_dataset_append_column_date (days since 1970-01-01).
 * - Booleans go in as `bool` arguments; arrays of flags (present / missing,
 *   boolean column values) as `const uint8_t*`, one byte per row.
 * - Stability: from 1.0.0 a shipped signature never changes and a shipped
 *   function is never removed: new behaviour gets a new name (or a new
 *   setter on ctind_options). The exported symbols and the ABI are checked
 *   against a committed baseline (abi/, docs/c-api.md). Enum values are
 *   never renumbered; new ones may be added.
 */

#ifndef CTIND_C_H_
#define CTIND_C_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctind/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define CTIND_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define CTIND_EXPORT __attribute__((visibility("default")))
#else
#define CTIND_EXPORT
#endif

/* ----------------------------------------------------------------------
 * Status codes, equal to absl::StatusCode.
 */
typedef enum ctind_status {
  CTIND_OK = 0,
  CTIND_CANCELLED = 1,
  CTIND_UNKNOWN = 2,
  CTIND_INVALID_ARGUMENT = 3,
  CTIND_DEADLINE_EXCEEDED = 4,
  CTIND_NOT_FOUND = 5,
  CTIND_ALREADY_EXISTS = 6,
  CTIND_PERMISSION_DENIED = 7,
  CTIND_RESOURCE_EXHAUSTED = 8,
  CTIND_FAILED_PRECONDITION = 9,
  CTIND_ABORTED = 10,
  CTIND_OUT_OF_RANGE = 11,
  CTIND_UNIMPLEMENTED = 12,
  CTIND_INTERNAL = 13,
  CTIND_UNAVAILABLE = 14,
  CTIND_DATA_LOSS = 15,
  CTIND_UNAUTHENTICATED = 16
} ctind_status;

/* Encodings of definitions and results. */
typedef enum ctind_format {
  CTIND_FORMAT_TEXT = 0,   /* protobuf text format */
  CTIND_FORMAT_JSON = 1,   /* the proto's canonical JSON */
  CTIND_FORMAT_BINARY = 2  /* protobuf wire format */
} ctind_format;

/* Protection of a report (ctind.v1.Protection). */
typedef enum ctind_protection {
  CTIND_PROTECTION_UNSPECIFIED = 0,
  CTIND_PROTECTION_RAW = 1,       /* raw results, for the data owner only */
  CTIND_PROTECTION_PUBLISHED = 2  /* disclosure control applied */
} ctind_protection;

/* Rounding of published counts (ctind_options_set_rounding). */
typedef enum ctind_rounding {
  CTIND_ROUNDING_FRAMEWORK = 0,   /* the framework's DisclosurePolicy.rounding */
  CTIND_ROUNDING_NONE = 1,
  CTIND_ROUNDING_BASE5 = 2,       /* to the nearest multiple of 5 */
  CTIND_ROUNDING_RANDOM_BASE3 = 3 /* unbiased random rounding to a multiple
                                     of 3, keyed by the publisher key */
} ctind_rounding;

/* Why a cell of raw-with-reasons results is suppressed
 * (ctind.v1.SuppressionReason). Cells of raw results and of a publication
 * carry no reason (CTIND_SUPPRESSION_UNSPECIFIED). */
typedef enum ctind_suppression_reason {
  CTIND_SUPPRESSION_UNSPECIFIED = 0,
  CTIND_SUPPRESSION_NOT_SUPPRESSED = 1,
  CTIND_SUPPRESSION_PRIMARY = 2,       /* a small count itself */
  CTIND_SUPPRESSION_COMPLEMENTARY = 3, /* withheld so a small one cannot be
                                          recovered from totals */
  CTIND_SUPPRESSION_DERIVED = 4        /* computed from a suppressed value */
} ctind_suppression_reason;

/* Assessment of a cell against its target (ctind.v1.AssessmentStatus);
 * CTIND_ASSESSMENT_UNSPECIFIED for results that were not assessed. */
typedef enum ctind_assessment {
  CTIND_ASSESSMENT_UNSPECIFIED = 0,
  CTIND_ASSESSMENT_NOT_ASSESSED = 1,
  CTIND_ASSESSMENT_ON_TRACK = 2,
  CTIND_ASSESSMENT_AHEAD = 3,
  CTIND_ASSESSMENT_BEHIND = 4
} ctind_assessment;

/* Severity of a data-quality finding (ctind.v1.Severity). */
typedef enum ctind_severity {
  CTIND_SEVERITY_UNSPECIFIED = 0,
  CTIND_SEVERITY_INFO = 1,
  CTIND_SEVERITY_WARNING = 2,
  CTIND_SEVERITY_ERROR = 3
} ctind_severity;

/* ----------------------------------------------------------------------
 * Version.
 */

/* The library's version, "MAJOR.MINOR.PATCH"; a static string. Compare
 * with CTIND_VERSION_STRING to detect a header / library mismatch. */
CTIND_EXPORT const char* ctind_version(void);
/* MAJOR * 10000 + MINOR * 100 + PATCH of the library. */
CTIND_EXPORT uint32_t ctind_version_number(void);

/* ----------------------------------------------------------------------
 * Memory.
 */

/* Releases bytes returned through `char** out_data`. NULL is a no-op. */
CTIND_EXPORT void ctind_free(void* data);

/* ----------------------------------------------------------------------
 * Errors.
 */
typedef struct ctind_error ctind_error;

CTIND_EXPORT void ctind_error_destroy(ctind_error* error);
/* The status code; CTIND_INVALID_ARGUMENT for a NULL error. */
CTIND_EXPORT ctind_status ctind_error_code(const ctind_error* error);
/* The message, NUL-terminated, valid as long as the error; "" for NULL. */
CTIND_EXPORT const char* ctind_error_message(const ctind_error* error);
/* Number of diagnostics (problems found in a definition or input). */
CTIND_EXPORT size_t ctind_error_diagnostic_count(const ctind_error* error);
/* Diagnostic `index`: its message (NUL-terminated, borrowed from the error;
 * may be NULL if unwanted), field path (e.g. "indicators[2].period.by",
 * may be NULL), file name (may be NULL), 1-based line and column (0 when
 * unknown) and byte offset (-1 when unknown). Each out pointer may be NULL.
 * CTIND_INVALID_ARGUMENT for a NULL error or an index out of range. */
CTIND_EXPORT ctind_status ctind_error_diagnostic(
    const ctind_error* error, size_t index, const char** out_message,
    const char** out_path, const char** out_file, int32_t* out_line,
    int32_t* out_column, int64_t* out_offset);

/* ----------------------------------------------------------------------
 * Schema: the tables, fields and code lists of the records.
 */
typedef struct ctind_schema ctind_schema;

/* Parses and validates a schema from bytes. `file_name` names the input in
 * messages (may be empty). */
CTIND_EXPORT ctind_status ctind_schema_load(
    const char* data, size_t len, ctind_format format, const char* file_name,
    size_t file_name_len, ctind_schema** out, ctind_error** out_error);
/* Reads and parses the file at `path`; the format follows the extension
 * (.textproto / .txtpb / .pbtxt, .json, .binpb / .pb). */
CTIND_EXPORT ctind_status ctind_schema_load_file(const char* path,
                                                 size_t path_len,
                                                 ctind_schema** out,
                                                 ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_schema_serialize(const ctind_schema* schema,
                                                 ctind_format format,
                                                 char** out_data,
                                                 size_t* out_len,
                                                 ctind_error** out_error);
CTIND_EXPORT void ctind_schema_destroy(ctind_schema* schema);

/* ----------------------------------------------------------------------
 * Framework: project, logframe, indicators.
 */
typedef struct ctind_framework ctind_framework;

/* Parses and validates a framework on its own (ids, references, hierarchy,
 * periods, dates). */
CTIND_EXPORT ctind_status ctind_framework_load(
    const char* data, size_t len, ctind_format format, const char* file_name,
    size_t file_name_len, ctind_framework** out, ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_framework_load_file(const char* path,
                                                    size_t path_len,
                                                    ctind_framework** out,
                                                    ctind_error** out_error);
/* Checks the framework against `schema`: tables, fields, dimensions and
 * types. CTIND_OK when every computed indicator compiles. */
CTIND_EXPORT ctind_status ctind_framework_validate(
    const ctind_framework* framework, const ctind_schema* schema,
    ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_framework_serialize(
    const ctind_framework* framework, ctind_format format, char** out_data,
    size_t* out_len, ctind_error** out_error);
CTIND_EXPORT void ctind_framework_destroy(ctind_framework* framework);

/* ----------------------------------------------------------------------
 * Catalog: the counter-trafficking indicators and the case schema
 * "htcds-case" built into the library (no file is read). The catalog loads
 * on first use; every function may be called from any thread. Borrowed
 * strings here are static: they stay valid as long as the library is
 * loaded. A built-in catalog that fails to load is a defect of the build:
 * CTIND_INTERNAL, with the first problem in the message.
 */

/* The case schema, as a new handle. */
CTIND_EXPORT ctind_status ctind_catalog_schema(ctind_schema** out,
                                               ctind_error** out_error);
/* The case schema's text format as shipped, with its comments; borrowed,
 * static, NUL-terminated. */
CTIND_EXPORT ctind_status ctind_catalog_schema_text(const char** out_data,
                                                    size_t* out_len);
/* Number of indicators in the catalog. */
CTIND_EXPORT ctind_status ctind_catalog_indicator_count(
    size_t* out, ctind_error** out_error);
/* Id, title and pillar ("prevention", "protection", "prosecution" or
 * "partnership") of indicator `index`, 0-based in catalog order (the
 * pillars in that order, each file's indicators in file order); borrowed,
 * static, NUL-terminated. */
CTIND_EXPORT ctind_status ctind_catalog_indicator_id(size_t index,
                                                     const char** out_data,
                                                     size_t* out_len);
CTIND_EXPORT ctind_status ctind_catalog_indicator_title(size_t index,
                                                        const char** out_data,
                                                        size_t* out_len);
CTIND_EXPORT ctind_status ctind_catalog_indicator_pillar(size_t index,
                                                         const char** out_data,
                                                         size_t* out_len);
/* The definition of indicator `id` (exact, case-sensitive): a
 * ctind.v1.Indicator message in `format`. CTIND_NOT_FOUND for an id not in
 * the catalog, the message naming the closest id. */
CTIND_EXPORT ctind_status ctind_catalog_indicator_serialize(
    const char* id, size_t id_len, ctind_format format, char** out_data,
    size_t* out_len, ctind_error** out_error);
/* A framework skeleton for a project to adopt: the indicators of the
 * pillars in `pillars` plus those in `ids`, each once, in catalog order,
 * with schema_id "htcds-case" and a placeholder project (id "FILL-IN") to
 * fill in; it validates and compiles against ctind_catalog_schema().
 * `pillars` is a comma-separated list of pillar names in any case
 * ("protection,Prevention"), `ids` a comma-separated list of indicator ids;
 * both empty: every indicator. CTIND_INVALID_ARGUMENT for an unknown
 * pillar or a selection without indicators, CTIND_NOT_FOUND for an unknown
 * id. */
CTIND_EXPORT ctind_status ctind_catalog_export(const char* pillars,
                                               size_t pillars_len,
                                               const char* ids, size_t ids_len,
                                               ctind_framework** out,
                                               ctind_error** out_error);
/* The same framework in text format, opening with comments that say what to
 * fill in; owned bytes, released with ctind_free. Errors as
 * ctind_catalog_export. */
CTIND_EXPORT ctind_status ctind_catalog_export_text(
    const char* pillars, size_t pillars_len, const char* ids, size_t ids_len,
    char** out_data, size_t* out_len, ctind_error** out_error);

/* ----------------------------------------------------------------------
 * CSV mapping (proto/ctind/v1/mapping.proto, docs/csv-input.md): column
 * names, delimiter, formats and value recodings of one export of a
 * case-management system, applied when loading CSV through
 * ctind_options_set_mapping. It never changes the schema.
 */
typedef struct ctind_mapping ctind_mapping;

/* Parses `data` in `format` and validates it against `schema` (tables,
 * fields, formats, recoded codes). `file_name` names the input in messages
 * (may be empty). Every problem is a diagnostic of the error, with line and
 * column for text format. The schema may be destroyed afterwards. */
CTIND_EXPORT ctind_status ctind_mapping_load(
    const ctind_schema* schema, const char* data, size_t len,
    ctind_format format, const char* file_name, size_t file_name_len,
    ctind_mapping** out, ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_mapping_serialize(const ctind_mapping* mapping,
                                                  ctind_format format,
                                                  char** out_data,
                                                  size_t* out_len,
                                                  ctind_error** out_error);
CTIND_EXPORT void ctind_mapping_destroy(ctind_mapping* mapping);

/* ----------------------------------------------------------------------
 * Options: settings of loading and computing, set one by one so that new
 * options never change a signature. A fresh handle has the defaults.
 */
typedef struct ctind_options ctind_options;

CTIND_EXPORT ctind_status ctind_options_create(ctind_options** out);
CTIND_EXPORT void ctind_options_destroy(ctind_options* options);
/* The as-of date, "YYYY-MM-DD": the last day of data considered. Default:
 * today, capped at the project's end. An empty string restores it. */
CTIND_EXPORT ctind_status ctind_options_set_as_of(ctind_options* options,
                                                  const char* date,
                                                  size_t len,
                                                  ctind_error** out_error);
/* Strict ingest: a value error fails the load instead of being recorded as
 * a finding. Default false. */
CTIND_EXPORT ctind_status ctind_options_set_strict(ctind_options* options,
                                                   bool strict);
/* Accept CSV columns that are not fields of the table. Default false. */
CTIND_EXPORT ctind_status ctind_options_set_ignore_unknown_columns(
    ctind_options* options, bool ignore);

/* Adds a period type to report besides each indicator's own frequency, by
 * its name in framework.proto ("QUARTERLY", "FINANCIAL_YEAR", …), so one
 * report holds quarters and fiscal years. CTIND_INVALID_ARGUMENT for an
 * unknown name. */
CTIND_EXPORT ctind_status ctind_options_add_period_type(ctind_options* options,
                                                        const char* type,
                                                        size_t len,
                                                        ctind_error** out_error);

/* Loading CSV: the mapping to apply to the tables it names (the options
 * keep their own reference: `mapping` may be destroyed afterwards). NULL
 * removes it. Default: none. */
CTIND_EXPORT ctind_status ctind_options_set_mapping(
    ctind_options* options, const ctind_mapping* mapping);

/* Publishing (ctind_publish). The minimum published cell size k: unit
 * counts from 1 to k - 1 are suppressed. It replaces, for this publication,
 * the framework's DisclosurePolicy.min_cell_size and every indicator's own.
 * At least 1 (1 turns primary suppression off); 0 restores the default
 * (the framework's and indicators' own, 5 when unset). Other values:
 * CTIND_INVALID_ARGUMENT. */
CTIND_EXPORT ctind_status ctind_options_set_min_cell_size(
    ctind_options* options, int32_t k, ctind_error** out_error);
/* Publishing: rounding of published counts. Default
 * CTIND_ROUNDING_FRAMEWORK. An unknown value: CTIND_INVALID_ARGUMENT. */
CTIND_EXPORT ctind_status ctind_options_set_rounding(ctind_options* options,
                                                     ctind_rounding rounding,
                                                     ctind_error** out_error);
/* Publishing: the publisher's secret key for random rounding, any bytes, at
 * least 16 of them (CTIND_INVALID_ARGUMENT otherwise; an empty key removes
 * it). The same key gives the same rounded value of a cell in every
 * publication. Keep it secret and out of the framework. */
CTIND_EXPORT ctind_status ctind_options_set_publisher_key(
    ctind_options* options, const char* key, size_t len,
    ctind_error** out_error);
/* Publishing: when `disabled` is true, ctind_publish applies no protection
 * at all and its publication is the raw results, marked RAW, for the data
 * owner's internal use and never for others. The only way to turn
 * protection off. Default false. */
CTIND_EXPORT ctind_status ctind_options_disable_protection_for_internal_use(
    ctind_options* options, bool disabled);

/* Assessing (ctind_assess): a value is on track when its % achieved is
 * within this many points of 100, bounds included. Finite and >= 0
 * (CTIND_INVALID_ARGUMENT otherwise). Default 15. */
CTIND_EXPORT ctind_status ctind_options_set_margin_points(
    ctind_options* options, double points, ctind_error** out_error);

/* Quality checks (ctind_quality_check): fill each finding's record keys
 * with the keys of the records concerned. Keys identify persons: only the
 * data owner turns this on, for their own use. Default false. */
CTIND_EXPORT ctind_status ctind_options_set_with_record_keys(
    ctind_options* options, bool with_record_keys);
/* Quality checks: at most this many record keys per finding (>= 0,
 * CTIND_INVALID_ARGUMENT otherwise). Default 100. */
CTIND_EXPORT ctind_status ctind_options_set_max_record_keys(
    ctind_options* options, int32_t max_record_keys, ctind_error** out_error);

/* IATI rendering: the document's generated / last-updated xsd:dateTime,
 * e.g. "2026-07-01T09:00:00Z" (checked when rendering). Empty (default):
 * the report's as-of date at 00:00:00Z. */
CTIND_EXPORT ctind_status ctind_options_set_generated_datetime(
    ctind_options* options, const char* datetime, size_t len,
    ctind_error** out_error);
/* IATI rendering: write a life-of-project period. Default true. */
CTIND_EXPORT ctind_status ctind_options_set_include_life_of_project(
    ctind_options* options, bool include);
/* IATI rendering: the IATI IndicatorVocabulary code of a vocabulary of
 * Indicator.references beyond the built-in ones (docs/donor-formats.md);
 * a later pair for the same vocabulary replaces the earlier one. Both
 * strings non-empty (CTIND_INVALID_ARGUMENT otherwise). */
CTIND_EXPORT ctind_status ctind_options_add_indicator_vocabulary(
    ctind_options* options, const char* vocabulary, size_t vocabulary_len,
    const char* code, size_t code_len, ctind_error** out_error);

/* HTML rendering: the BCP 47 language of user text (titles and labels in
 * that translation when there is one). Empty (default): the project's. */
CTIND_EXPORT ctind_status ctind_options_set_language(ctind_options* options,
                                                     const char* language,
                                                     size_t len,
                                                     ctind_error** out_error);
/* HTML rendering: the document's title and heading instead of the
 * project's title. Empty (default): the project's title. */
CTIND_EXPORT ctind_status ctind_options_set_title(ctind_options* options,
                                                  const char* title,
                                                  size_t len,
                                                  ctind_error** out_error);

/* ----------------------------------------------------------------------
 * Dataset: records of a schema's tables, in columns.
 */
typedef struct ctind_dataset ctind_dataset;
/* A data-quality finding, borrowed from the dataset, results or quality
 * handle it comes from (getters in the Quality section). */
typedef struct ctind_finding ctind_finding;

/* An empty dataset of `schema` (which may be destroyed afterwards: the
 * dataset keeps what it needs). */
CTIND_EXPORT ctind_status ctind_dataset_create(const ctind_schema* schema,
                                               ctind_dataset** out);
CTIND_EXPORT void ctind_dataset_destroy(ctind_dataset* dataset);
/* Loads `table` from CSV bytes; `options` (may be NULL for the defaults)
 * gives strict and ignore-unknown-columns. Structural errors fail with the
 * file, line and column; value errors become findings (or fail, in strict
 * mode). On failure the table stays empty. */
CTIND_EXPORT ctind_status ctind_dataset_load_csv(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* data, size_t len, const char* file_name, size_t file_name_len,
    const ctind_options* options, ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_dataset_load_csv_file(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* path, size_t path_len, const ctind_options* options,
    ctind_error** out_error);
/* Rows of `table`; CTIND_NOT_FOUND for a table the schema lacks. */
CTIND_EXPORT ctind_status ctind_dataset_row_count(const ctind_dataset* dataset,
                                                  const char* table,
                                                  size_t table_len,
                                                  int64_t* out);
/* Data-quality findings of the loads, as a serialized ctind.v1.Report
 * holding only `findings`, in `format`. */
CTIND_EXPORT ctind_status ctind_dataset_findings(const ctind_dataset* dataset,
                                                 ctind_format format,
                                                 char** out_data,
                                                 size_t* out_len,
                                                 ctind_error** out_error);
/* The findings of the loads one by one: their number, and finding `index`
 * (load order), borrowed; valid until the dataset is next modified. */
CTIND_EXPORT ctind_status ctind_dataset_finding_count(
    const ctind_dataset* dataset, size_t* out);
CTIND_EXPORT ctind_status ctind_dataset_get_finding(
    const ctind_dataset* dataset, size_t index, const ctind_finding** out);

/* Datasets from columns. A table is built by appending its columns, one
 * field at a time, then ending it with ctind_dataset_end_table, which loads
 * the table all at once, as ctind_dataset_load_csv does: the same value
 * checks, the same findings (an invalid value is kept as invalid, counts as
 * missing and becomes an "invalid_value" finding; repeated keys a
 * "duplicate_key" finding), the same strict mode. Nothing is dropped
 * silently and nothing is loaded before ctind_dataset_end_table succeeds.
 *
 * Every append names the table and the field (by its schema name); the
 * values are copied, the caller keeps its arrays. `present` has one byte
 * per row: 0 missing (the value is not read), any other byte present; NULL
 * means every value is present. `n` is the number of rows, the same for
 * every column of a table.
 *
 * Errors of an append (the column is then not kept): CTIND_NOT_FOUND for a
 * table or field the schema lacks; CTIND_FAILED_PRECONDITION for a table
 * that is already loaded; CTIND_INVALID_ARGUMENT for a field appended twice,
 * a length other than the table's earlier columns', a field whose type does
 * not take the values (see each function), NULL values with n > 0. */

/* INT64 fields. A value outside the field's min / max is invalid. */
CTIND_EXPORT ctind_status ctind_dataset_append_column_int64(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* field, size_t field_len, const int64_t* values,
    const uint8_t* present, size_t n, ctind_error** out_error);
/* DOUBLE fields. A NaN or infinity, or a value outside min / max, is
 * invalid. */
CTIND_EXPORT ctind_status ctind_dataset_append_column_double(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* field, size_t field_len, const double* values,
    const uint8_t* present, size_t n, ctind_error** out_error);
/* BOOL fields: one byte per row, 0 false, 1 true; any other byte is
 * invalid. */
CTIND_EXPORT ctind_status ctind_dataset_append_column_bool(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* field, size_t field_len, const uint8_t* values,
    const uint8_t* present, size_t n, ctind_error** out_error);
/* DATE fields, as day numbers: days since 1970-01-01 (0 is 1970-01-01, -1
 * is 1969-12-31; numpy datetime64[D] and R's Date use the same count). A
 * day outside 0001-01-01..9999-12-31 or the field's min_date / max_date is
 * invalid. (ISO date strings go through ctind_dataset_append_column_string.) */
CTIND_EXPORT ctind_status ctind_dataset_append_column_date(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* field, size_t field_len, const int32_t* days,
    const uint8_t* present, size_t n, ctind_error** out_error);
/* Text values, for a field of any type: each value is read exactly as the
 * same text in a CSV cell of the table would be, with the schema's input
 * format (date format, decimal separator, true / false values, missing
 * values, multi-value separator): an empty string is missing, a CATEGORY
 * value must be a code (or alias) of the field's code list, a DATE value is
 * "YYYY-MM-DD" unless the schema says otherwise, and so on; what does not
 * parse is invalid. A CSV mapping does not apply. Value `i` is
 * (values[i], lens[i]); values[i] may be NULL when lens[i] is 0 or the
 * value is not present. Text must be well-formed UTF-8: ill-formed text
 * fails the append with CTIND_INVALID_ARGUMENT naming the row. */
CTIND_EXPORT ctind_status ctind_dataset_append_column_string(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* field, size_t field_len, const char* const* values,
    const size_t* lens, const uint8_t* present, size_t n,
    ctind_error** out_error);
/* The same, with the values packed in one buffer (Arrow-style): value `i`
 * is data[offsets[i] .. offsets[i + 1]); `offsets` has n + 1 entries,
 * non-decreasing, offsets[n] <= data_len (CTIND_INVALID_ARGUMENT
 * otherwise). */
CTIND_EXPORT ctind_status ctind_dataset_append_column_string_packed(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* field, size_t field_len, const char* data, size_t data_len,
    const uint64_t* offsets, const uint8_t* present, size_t n,
    ctind_error** out_error);
/* Loads `table` from the columns appended to it. Every required field must
 * have been given (CTIND_INVALID_ARGUMENT otherwise); a field not given is
 * missing in every row. A table without required fields and with no column
 * appended loads with 0 rows.
 * `source_name` names the input in findings and messages (may be empty:
 * "columns of table 'T'"); `options` (may be NULL) gives strict mode.
 * Errors as for the appends and ctind_dataset_load_csv (strict: the first
 * invalid value or repeated key, naming its data row). Success or failure,
 * the appended columns are released; on failure the table stays empty. */
CTIND_EXPORT ctind_status ctind_dataset_end_table(
    ctind_dataset* dataset, const char* table, size_t table_len,
    const char* source_name, size_t source_name_len,
    const ctind_options* options, ctind_error** out_error);

/* ----------------------------------------------------------------------
 * Plan and compute.
 */
typedef struct ctind_plan ctind_plan;
typedef struct ctind_results ctind_results;

/* Compiles `framework` against `schema` into a reusable, immutable plan. */
CTIND_EXPORT ctind_status ctind_plan_create(const ctind_framework* framework,
                                            const ctind_schema* schema,
                                            ctind_plan** out,
                                            ctind_error** out_error);
CTIND_EXPORT void ctind_plan_destroy(ctind_plan* plan);
/* Evaluates `plan` over `dataset` (of the plan's schema) into raw results
 * for the data owner. `options` may be NULL for the defaults. */
CTIND_EXPORT ctind_status ctind_plan_compute(const ctind_plan* plan,
                                             const ctind_dataset* dataset,
                                             const ctind_options* options,
                                             ctind_results** out,
                                             ctind_error** out_error);
/* Compiles and evaluates in one call, against the dataset's schema. */
CTIND_EXPORT ctind_status ctind_compute(const ctind_framework* framework,
                                        const ctind_dataset* dataset,
                                        const ctind_options* options,
                                        ctind_results** out,
                                        ctind_error** out_error);

/* ----------------------------------------------------------------------
 * Results (raw: for the data owner, not for publication).
 */
typedef struct ctind_cell ctind_cell;

CTIND_EXPORT void ctind_results_destroy(ctind_results* results);
/* Renderings: the report's JSON, the CSV of docs/output-formats.md, a
 * plain-text table. */
CTIND_EXPORT ctind_status ctind_results_to_json(const ctind_results* results,
                                                char** out_data,
                                                size_t* out_len,
                                                ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_results_to_csv(const ctind_results* results,
                                               char** out_data,
                                               size_t* out_len,
                                               ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_results_to_table(const ctind_results* results,
                                                 char** out_data,
                                                 size_t* out_len,
                                                 ctind_error** out_error);
/* The ctind.v1.Report message in `format` (binary for bindings that parse
 * it with the generated classes). */
CTIND_EXPORT ctind_status ctind_results_serialize(const ctind_results* results,
                                                  ctind_format format,
                                                  char** out_data,
                                                  size_t* out_len,
                                                  ctind_error** out_error);
/* The as-of date used, borrowed ("YYYY-MM-DD"). */
CTIND_EXPORT ctind_status ctind_results_as_of(const ctind_results* results,
                                              const char** out_data,
                                              size_t* out_len);
CTIND_EXPORT ctind_status ctind_results_indicator_count(
    const ctind_results* results, size_t* out);
/* Id of indicator `indicator` (0-based, framework order), borrowed. */
CTIND_EXPORT ctind_status ctind_results_indicator_id(
    const ctind_results* results, size_t indicator, const char** out_data,
    size_t* out_len);
CTIND_EXPORT ctind_status ctind_results_cell_count(const ctind_results* results,
                                                   size_t indicator,
                                                   size_t* out);
/* Cell `cell` of indicator `indicator`, borrowed from the results. */
CTIND_EXPORT ctind_status ctind_results_get_cell(const ctind_results* results,
                                                 size_t indicator, size_t cell,
                                                 const ctind_cell** out);
/* The project id, borrowed. */
CTIND_EXPORT ctind_status ctind_results_project_id(
    const ctind_results* results, const char** out_data, size_t* out_len);
/* RAW for computed results (and a publication made with protection
 * disabled), PUBLISHED for a publication; UNSPECIFIED for NULL. */
CTIND_EXPORT ctind_protection ctind_results_protection(
    const ctind_results* results);
/* True, with the margin in *out_margin_points (may be NULL), when the
 * results have been assessed (ctind_assess); false otherwise. */
CTIND_EXPORT bool ctind_results_is_assessed(const ctind_results* results,
                                            double* out_margin_points);
/* Title and unit of indicator `indicator`, borrowed. */
CTIND_EXPORT ctind_status ctind_results_indicator_title(
    const ctind_results* results, size_t indicator, const char** out_data,
    size_t* out_len);
CTIND_EXPORT ctind_status ctind_results_indicator_unit(
    const ctind_results* results, size_t indicator, const char** out_data,
    size_t* out_len);
/* Reporting periods of indicator `indicator`, chronologically, then the
 * life of project ("LOP"). */
CTIND_EXPORT ctind_status ctind_results_period_count(
    const ctind_results* results, size_t indicator, size_t* out);
/* Period `period` of indicator `indicator`: its id (the cells' period,
 * e.g. "2025Q3", or "LOP"), its type by name in framework.proto
 * ("QUARTERLY", ...; "" for the life of project), its first day and the
 * first day after it "YYYY-MM-DD" (the range is [start, end), as in
 * report.proto), and whether it is partial (the as-of date falls inside it
 * before its last day). Strings are borrowed and NUL-terminated; each out
 * pointer may be NULL. */
CTIND_EXPORT ctind_status ctind_results_period(
    const ctind_results* results, size_t indicator, size_t period,
    const char** out_id, const char** out_type, const char** out_start,
    const char** out_end, bool* out_partial);
/* Findings carried by the report (a publication's have no record keys). */
CTIND_EXPORT ctind_status ctind_results_finding_count(
    const ctind_results* results, size_t* out);
CTIND_EXPORT ctind_status ctind_results_get_finding(
    const ctind_results* results, size_t index, const ctind_finding** out);

/* Value status of a cell. */
typedef enum ctind_value_status {
  CTIND_VALUE_PRESENT = 1,    /* the value is there (it may be 0) */
  CTIND_VALUE_MISSING = 2,    /* no value (e.g. a ratio without denominator) */
  CTIND_VALUE_SUPPRESSED = 3  /* withheld by disclosure control */
} ctind_value_status;

/* Scope of a cell's date range. */
typedef enum ctind_scope {
  CTIND_SCOPE_PERIOD = 1,          /* the period itself */
  CTIND_SCOPE_CUMULATIVE = 2,      /* project start to the period's end */
  CTIND_SCOPE_LIFE_OF_PROJECT = 3  /* the whole span ("LOP") */
} ctind_scope;

/* Cell getters. Borrowed strings live as long as the results. A NULL cell
 * gives CTIND_INVALID_ARGUMENT (or false / 0 for the value getters). */
CTIND_EXPORT ctind_status ctind_cell_period(const ctind_cell* cell,
                                            const char** out_data,
                                            size_t* out_len);
CTIND_EXPORT ctind_scope ctind_cell_scope(const ctind_cell* cell);
/* "" for the total, else dimension ids joined by " x ". */
CTIND_EXPORT ctind_status ctind_cell_breakdown(const ctind_cell* cell,
                                               const char** out_data,
                                               size_t* out_len);
CTIND_EXPORT size_t ctind_cell_coordinate_count(const ctind_cell* cell);
/* Coordinate `index`: the dimension and its value (a code or "unknown"). */
CTIND_EXPORT ctind_status ctind_cell_coordinate(
    const ctind_cell* cell, size_t index, const char** out_dimension,
    size_t* out_dimension_len, const char** out_value, size_t* out_value_len);
CTIND_EXPORT ctind_value_status ctind_cell_status(const ctind_cell* cell);
/* Each returns true and writes *out when the quantity is present, false
 * (leaving *out untouched) when it is absent. */
CTIND_EXPORT bool ctind_cell_value(const ctind_cell* cell, double* out);
CTIND_EXPORT bool ctind_cell_numerator(const ctind_cell* cell, double* out);
CTIND_EXPORT bool ctind_cell_denominator(const ctind_cell* cell, double* out);
CTIND_EXPORT bool ctind_cell_units(const ctind_cell* cell, int64_t* out);
/* True when the cell carries `flag` (a ctind.v1.CellFlag number: 1 partial
 * period, 2 not yet observable, 3 no denominator, 4 suppressed, 5 rounded). */
CTIND_EXPORT bool ctind_cell_has_flag(const ctind_cell* cell, int flag);
/* Persons not yet observable (e.g. cases still open), when counted. */
CTIND_EXPORT bool ctind_cell_not_yet_observable(const ctind_cell* cell,
                                                int64_t* out);
/* Assessment (after ctind_assess): the target, the % achieved and the
 * progress (a fraction of the way from baseline to target); each true with
 * *out when present. */
CTIND_EXPORT bool ctind_cell_target(const ctind_cell* cell, double* out);
CTIND_EXPORT bool ctind_cell_percent_achieved(const ctind_cell* cell,
                                              double* out);
CTIND_EXPORT bool ctind_cell_progress(const ctind_cell* cell, double* out);
CTIND_EXPORT ctind_assessment ctind_cell_assessment(const ctind_cell* cell);
/* Why the cell is suppressed: only cells of a publication's raw results
 * with reasons carry one (CTIND_SUPPRESSION_UNSPECIFIED otherwise). */
CTIND_EXPORT ctind_suppression_reason ctind_cell_suppression_reason(
    const ctind_cell* cell);

/* ----------------------------------------------------------------------
 * Publication: disclosure control (docs/privacy.md). Raw results are for
 * the data owner; everything given to others is a publication, protected
 * by default: small counts suppressed with the complementary cells that
 * would reveal them, derived figures suppressed, counts optionally
 * rounded, no record key anywhere.
 */
typedef struct ctind_publication ctind_publication;

/* Protects `raw` (results of ctind_plan_compute with `plan`). `options` (may
 * be NULL) gives the minimum cell size, rounding, publisher key, and
 * whether protection is disabled. Deterministic: the same inputs give the
 * same publication. Errors: CTIND_FAILED_PRECONDITION when `raw` is
 * already a publication; CTIND_INVALID_ARGUMENT when `raw` was not
 * computed with `plan`, or random rounding has no publisher key;
 * CTIND_INTERNAL when the suppression audit cannot be solved. */
CTIND_EXPORT ctind_status ctind_publish(const ctind_results* raw,
                                        const ctind_plan* plan,
                                        const ctind_options* options,
                                        ctind_publication** out,
                                        ctind_error** out_error);
CTIND_EXPORT void ctind_publication_destroy(ctind_publication* publication);
/* What may be given to others (PUBLISHED; RAW when protection was
 * disabled): a results handle borrowed from the publication, read and
 * rendered with the ctind_results_* functions, never destroyed by the
 * caller. */
CTIND_EXPORT ctind_status ctind_publication_results(
    const ctind_publication* publication, const ctind_results** out);
/* For the data owner only: the raw results with each cell's suppression
 * reason (ctind_cell_suppression_reason), borrowed. */
CTIND_EXPORT ctind_status ctind_publication_raw_with_reasons(
    const ctind_publication* publication, const ctind_results** out);

/* ----------------------------------------------------------------------
 * Assessment against targets and the IPTT (docs/assessment.md).
 */

/* New results: `report` (raw or a publication) with the cells of the
 * framework's REPORTED indicators added from their entered values.
 * ctind_plan_compute already adds them (so ctind_publish protects them);
 * this is for results made elsewhere, and changes nothing on results that
 * have them. */
CTIND_EXPORT ctind_status ctind_add_reported_actuals(
    const ctind_framework* framework, const ctind_results* report,
    ctind_results** out, ctind_error** out_error);
/* New results: `report` assessed against the framework's targets (reported
 * actuals added first): target, % achieved, assessment and progress of the
 * headline cells. `options` (may be NULL) gives the margin. A suppressed
 * value gets no % achieved, no progress and NOT_ASSESSED. */
CTIND_EXPORT ctind_status ctind_assess(const ctind_framework* framework,
                                       const ctind_results* report,
                                       const ctind_options* options,
                                       ctind_results** out,
                                       ctind_error** out_error);

typedef struct ctind_iptt ctind_iptt;

/* The indicator performance tracking table of assessed results.
 * CTIND_FAILED_PRECONDITION when `assessed` was not assessed. */
CTIND_EXPORT ctind_status ctind_iptt_build(const ctind_framework* framework,
                                           const ctind_results* assessed,
                                           ctind_iptt** out,
                                           ctind_error** out_error);
CTIND_EXPORT void ctind_iptt_destroy(ctind_iptt* iptt);
/* The IPTT as CSV (RFC 4180, CRLF), columns as docs/assessment.md. */
CTIND_EXPORT ctind_status ctind_iptt_to_csv(const ctind_iptt* iptt,
                                            char** out_data, size_t* out_len,
                                            ctind_error** out_error);
/* The ctind.v1.Iptt message in `format`. */
CTIND_EXPORT ctind_status ctind_iptt_serialize(const ctind_iptt* iptt,
                                               ctind_format format,
                                               char** out_data,
                                               size_t* out_len,
                                               ctind_error** out_error);

/* ----------------------------------------------------------------------
 * Renderers of publications for donors' systems (docs/donor-formats.md)
 * and the HTML report (docs/html-report.md). Each refuses raw results
 * (CTIND_FAILED_PRECONDITION). The JSON, CSV and table renderings of any
 * results are ctind_results_to_json / _csv / _table.
 */

/* A rendered document: its text and the notes on what it does not carry. */
typedef struct ctind_document ctind_document;

CTIND_EXPORT void ctind_document_destroy(ctind_document* document);
/* The document's text (UTF-8, NUL-terminated), borrowed. */
CTIND_EXPORT ctind_status ctind_document_text(const ctind_document* document,
                                              const char** out_data,
                                              size_t* out_len);
/* What the document leaves out and why, one sentence each, in document
 * order; none when nothing was left out. */
CTIND_EXPORT ctind_status ctind_document_note_count(
    const ctind_document* document, size_t* out);
CTIND_EXPORT ctind_status ctind_document_note(const ctind_document* document,
                                              size_t index,
                                              const char** out_data,
                                              size_t* out_len);

/* The IATI 2.03 activity XML of `publication` (PUBLISHED results of
 * `framework`'s project). `options` (may be NULL) gives the generated
 * datetime, the life-of-project period and extra indicator vocabularies.
 * CTIND_INVALID_ARGUMENT, with a diagnostic for each, when the project
 * lacks what IATI requires. */
CTIND_EXPORT ctind_status ctind_render_iati(const ctind_framework* framework,
                                            const ctind_results* publication,
                                            const ctind_options* options,
                                            ctind_document** out,
                                            ctind_error** out_error);

/* A DHIS2 mapping (proto/ctind/v1/dhis2.proto): where the values go in one
 * DHIS2 instance. */
typedef struct ctind_dhis2_mapping ctind_dhis2_mapping;

/* Parses and validates a DHIS2 mapping; `file_name` names the input in
 * diagnostics (may be empty). */
CTIND_EXPORT ctind_status ctind_dhis2_mapping_load(
    const char* data, size_t len, ctind_format format, const char* file_name,
    size_t file_name_len, ctind_dhis2_mapping** out, ctind_error** out_error);
CTIND_EXPORT void ctind_dhis2_mapping_destroy(ctind_dhis2_mapping* mapping);
/* The DHIS2 dataValueSets JSON of `publication` under `mapping`. */
CTIND_EXPORT ctind_status ctind_render_dhis2(
    const ctind_results* publication, const ctind_dhis2_mapping* mapping,
    ctind_document** out, ctind_error** out_error);

typedef struct ctind_quality ctind_quality;

/* The self-contained HTML report (one file, no script, no external
 * resource) of `publication`: PUBLISHED and assessed results of
 * `framework`'s project, with `iptt` built from them. `quality` (may be
 * NULL) adds the data-quality section; `schema` (may be NULL) gives the
 * labels of codes and the titles of fields; `options` (may be NULL) the
 * language and title. Owned bytes, released with ctind_free. */
CTIND_EXPORT ctind_status ctind_render_html(
    const ctind_framework* framework, const ctind_results* publication,
    const ctind_iptt* iptt, const ctind_quality* quality,
    const ctind_schema* schema, const ctind_options* options, char** out_data,
    size_t* out_len, ctind_error** out_error);

/* ----------------------------------------------------------------------
 * Data quality (docs/data-quality.md): completeness of every field,
 * ingest's findings, repeated keys, outliers, the framework's quality rules
 * and records an indicator leaves out. Findings carry counts and shares,
 * never record keys unless ctind_options_set_with_record_keys was set.
 */

/* Checks `dataset`; with `framework` (may be NULL) also its quality rules
 * and placing dates, compiled against the dataset's schema (problems are
 * diagnostics of the error). `options` (may be NULL) gives the record-key
 * opt-in, their maximum and the as-of date. */
CTIND_EXPORT ctind_status ctind_quality_check(const ctind_dataset* dataset,
                                              const ctind_framework* framework,
                                              const ctind_options* options,
                                              ctind_quality** out,
                                              ctind_error** out_error);
CTIND_EXPORT void ctind_quality_destroy(ctind_quality* quality);
CTIND_EXPORT ctind_status ctind_quality_finding_count(
    const ctind_quality* quality, size_t* out);
/* Finding `index` (the order of quality.h), borrowed from the quality. */
CTIND_EXPORT ctind_status ctind_quality_get_finding(
    const ctind_quality* quality, size_t index, const ctind_finding** out);
/* Renderings: the report's JSON, one CSV row per finding, a text table. */
CTIND_EXPORT ctind_status ctind_quality_to_json(const ctind_quality* quality,
                                                char** out_data,
                                                size_t* out_len,
                                                ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_quality_to_csv(const ctind_quality* quality,
                                               char** out_data,
                                               size_t* out_len,
                                               ctind_error** out_error);
CTIND_EXPORT ctind_status ctind_quality_to_table(const ctind_quality* quality,
                                                 char** out_data,
                                                 size_t* out_len,
                                                 ctind_error** out_error);
/* The ctind.v1.Report message holding the findings, in `format`. */
CTIND_EXPORT ctind_status ctind_quality_serialize(const ctind_quality* quality,
                                                  ctind_format format,
                                                  char** out_data,
                                                  size_t* out_len,
                                                  ctind_error** out_error);
/* Completeness: one table per schema table, in schema order: its name
 * (borrowed), whether it was loaded and its rows. Each out pointer may be
 * NULL. */
CTIND_EXPORT ctind_status ctind_quality_table_count(
    const ctind_quality* quality, size_t* out);
CTIND_EXPORT ctind_status ctind_quality_table(const ctind_quality* quality,
                                              size_t table,
                                              const char** out_name,
                                              size_t* out_name_len,
                                              bool* out_loaded,
                                              int64_t* out_rows);
/* Fields of table `table`, in schema order: name (borrowed), required, and
 * the rows where it is present, missing and invalid (they add up to the
 * table's rows). Each out pointer may be NULL. */
CTIND_EXPORT ctind_status ctind_quality_field_count(
    const ctind_quality* quality, size_t table, size_t* out);
CTIND_EXPORT ctind_status ctind_quality_field(
    const ctind_quality* quality, size_t table, size_t field,
    const char** out_name, size_t* out_name_len, bool* out_required,
    int64_t* out_present, int64_t* out_missing, int64_t* out_invalid);

/* Finding getters. Borrowed strings live as long as the finding's parent;
 * an empty string when the finding has none (e.g. no field). A NULL finding
 * gives CTIND_INVALID_ARGUMENT (or 0 / false / UNSPECIFIED). */
CTIND_EXPORT ctind_status ctind_finding_rule(const ctind_finding* finding,
                                             const char** out_data,
                                             size_t* out_len);
CTIND_EXPORT ctind_severity ctind_finding_severity(
    const ctind_finding* finding);
CTIND_EXPORT ctind_status ctind_finding_table(const ctind_finding* finding,
                                              const char** out_data,
                                              size_t* out_len);
CTIND_EXPORT ctind_status ctind_finding_field(const ctind_finding* finding,
                                              const char** out_data,
                                              size_t* out_len);
CTIND_EXPORT ctind_status ctind_finding_indicator_id(
    const ctind_finding* finding, const char** out_data, size_t* out_len);
/* Records concerned. */
CTIND_EXPORT int64_t ctind_finding_count(const ctind_finding* finding);
/* The count as a share of the records checked, when known. */
CTIND_EXPORT bool ctind_finding_share(const ctind_finding* finding,
                                      double* out);
CTIND_EXPORT ctind_status ctind_finding_message(const ctind_finding* finding,
                                                const char** out_data,
                                                size_t* out_len);
/* Where the first instance is in the input: file name, 1-based line and
 * column (0 when unknown, e.g. for data appended as columns). */
CTIND_EXPORT ctind_status ctind_finding_file(const ctind_finding* finding,
                                             const char** out_data,
                                             size_t* out_len);
CTIND_EXPORT int64_t ctind_finding_line(const ctind_finding* finding);
CTIND_EXPORT int64_t ctind_finding_column(const ctind_finding* finding);
/* Record keys of the records concerned: none unless the quality check was
 * asked for them (ctind_options_set_with_record_keys). */
CTIND_EXPORT size_t ctind_finding_record_key_count(
    const ctind_finding* finding);
CTIND_EXPORT ctind_status ctind_finding_record_key(
    const ctind_finding* finding, size_t index, const char** out_data,
    size_t* out_len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CTIND_C_H_ */
