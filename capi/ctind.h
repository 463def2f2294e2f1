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
 * - Threads: handles that are not modified (framework, schema, plan, a
 *   loaded dataset, results, options once set) may be used from many
 *   threads at once. Functions that modify a handle (loading a dataset,
 *   setting an option) need exclusive access to it.
 * - Dates are ISO 8601 strings "YYYY-MM-DD".
 * - Stability: before 1.0.0 signatures may still change; from 1.0.0 a
 *   shipped signature never changes (new behaviour gets a new name).
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

/* ----------------------------------------------------------------------
 * Dataset: records of a schema's tables, in columns.
 */
typedef struct ctind_dataset ctind_dataset;

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

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CTIND_C_H_ */
