/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * Shared helpers of the R package's C glue over libctind's C API.
 *
 * Ownership rule of the glue: every object the C API hands over (a handle,
 * an error, owned bytes) is put into an R external pointer with a finalizer
 * *before* the call that produces it, so that an R error (a longjmp) at any
 * later point cannot leak it. Handles returned to R keep that external
 * pointer; errors and bytes are released explicitly as soon as they have
 * been copied into R objects, and the finalizer then finds NULL.
 */

#ifndef CTIND_R_GLUE_H_
#define CTIND_R_GLUE_H_

#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>

#include <ctind.h>

/* The kinds of handle the package hands to R, one tag and class each. */
typedef enum CtindRKind {
  kCtindRSchema = 0,
  kCtindRFramework,
  kCtindRDataset,
  kCtindRPlan,
  kCtindRResults,
  kCtindROptions,
  kCtindRMapping,
  kCtindRPublication,
  kCtindRQuality,
  kCtindRIptt,
  kCtindRDhis2Mapping,
  kCtindRDocument,
  kCtindRKindCount
} CtindRKind;

/* A new external pointer of `kind`, with the NULL address, its class
 * ("ctind_schema", ...) and a finalizer that destroys the handle it will
 * hold. Returned unprotected. */
SEXP CtindRNewHandle(CtindRKind kind);

/* An external pointer of kind results holding `results`, borrowed from
 * the handle `parent` (kept alive through the pointer's protected slot);
 * it has no finalizer and is not counted as live. Its class is
 * c(first_class, "ctind_results"), or "ctind_results" when first_class is
 * NULL. Unprotected. */
SEXP CtindRBorrowedResults(const ctind_results* results, SEXP parent,
                           const char* first_class);

/* The options described by the named list `settings` (see R/options.R)
 * in a new options handle. Unprotected. */
SEXP CtindROptions(SEXP settings);

/* Stores `handle` (non-NULL) in the new external pointer `x` and counts
 * it as live until its finalizer destroys it. */
void CtindRSetHandle(SEXP x, void* handle);

/* Destroys the handle in `x` now (as its finalizer would later). */
void CtindRRelease(SEXP x);

/* The number of handles stored and not yet destroyed by their finalizers
 * (all kinds), for tests of the finalizers. */
SEXP ctind_r_live_handle_count(void);

/* The handle inside `x`; an R error when `x` is not a handle of `kind` or
 * its address is NULL (an external pointer restored from a saved session). */
void* CtindRHandle(SEXP x, CtindRKind kind);

/* The same, or NULL when `x` is R's NULL. */
void* CtindROptionalHandle(SEXP x, CtindRKind kind);

/* Whether `x` is an external pointer of `kind`. */
int CtindRIsKind(SEXP x, CtindRKind kind);

/* Holders of an error and of owned bytes, released by finalizers if an R
 * error interrupts the glue; returned unprotected. */
SEXP CtindRNewErrorHolder(void);
SEXP CtindRNewBytesHolder(void);

/* `*holder`'s slot, for the C API's out-parameter. The address is read
 * back with R_ExternalPtrAddr after the call. Valid while the holder is
 * protected. */
ctind_error** CtindRErrorSlot(SEXP holder);
char** CtindRBytesSlot(SEXP holder);

/* Raises the condition of class c("ctind_error", "error", "condition")
 * described by the error in `error_holder` (its code, message and
 * diagnostics; `status` when the holder is empty), after destroying it.
 * Never returns. */
void CtindRStop(ctind_status status, SEXP error_holder);

/* Checks `status`: returns on CTIND_OK, else CtindRStop. */
void CtindRCheck(ctind_status status, SEXP error_holder);

/* The bytes in `holder` (len bytes) as a character scalar marked UTF-8, or
 * as a raw vector when `as_raw`; the bytes are released. */
SEXP CtindRTakeBytes(SEXP holder, size_t len, int as_raw);

/* A borrowed UTF-8 string (data, len) as a CHARSXP. */
SEXP CtindRMkChar(const char* data, size_t len);

/* The UTF-8 text of the character scalar `x`, `what` naming the argument
 * in the error raised when `x` is not a non-NA character scalar. */
const char* CtindRString(SEXP x, const char* what);

/* TRUE/FALSE of the logical scalar `x` (an R error for NA or another
 * type). */
int CtindRFlag(SEXP x, const char* what);

/* The ctind_format numbered `x` (0 text, 1 JSON, 2 binary). */
ctind_format CtindRFormat(SEXP x);

/* The .Call entry points (registered in init.c; R/ says what each does). */
SEXP ctind_r_version(void);
SEXP ctind_r_header_version(void);
SEXP ctind_r_live_handle_count(void);
SEXP ctind_r_parent(SEXP x);
SEXP ctind_r_schema_load(SEXP text, SEXP format, SEXP file_name);
SEXP ctind_r_schema_load_file(SEXP path);
SEXP ctind_r_schema_serialize(SEXP schema, SEXP format);
SEXP ctind_r_framework_load(SEXP text, SEXP format, SEXP file_name);
SEXP ctind_r_framework_load_file(SEXP path);
SEXP ctind_r_framework_validate(SEXP framework, SEXP schema);
SEXP ctind_r_framework_serialize(SEXP framework, SEXP format);
SEXP ctind_r_plan_create(SEXP framework, SEXP schema);
SEXP ctind_r_plan_parents(SEXP plan);
SEXP ctind_r_mapping_load(SEXP schema, SEXP text, SEXP format,
                          SEXP file_name);
SEXP ctind_r_mapping_serialize(SEXP mapping, SEXP format);
SEXP ctind_r_dhis2_mapping_load(SEXP text, SEXP format, SEXP file_name);
SEXP ctind_r_catalog_schema(void);
SEXP ctind_r_catalog_schema_text(void);
SEXP ctind_r_catalog_indicators(void);
SEXP ctind_r_catalog_indicator(SEXP id, SEXP format);
SEXP ctind_r_catalog_export(SEXP pillars, SEXP ids);
SEXP ctind_r_catalog_export_text(SEXP pillars, SEXP ids);
SEXP ctind_r_dataset_create(SEXP schema);
SEXP ctind_r_dataset_schema(SEXP dataset);
SEXP ctind_r_dataset_load_csv_file(SEXP dataset, SEXP table, SEXP path,
                                   SEXP settings);
SEXP ctind_r_dataset_load_csv(SEXP dataset, SEXP table, SEXP text,
                              SEXP file_name, SEXP settings);
SEXP ctind_r_dataset_append(SEXP dataset, SEXP table, SEXP field, SEXP kind,
                            SEXP values);
SEXP ctind_r_dataset_end_table(SEXP dataset, SEXP table, SEXP source_name,
                               SEXP settings);
SEXP ctind_r_dataset_row_count(SEXP dataset, SEXP table);
SEXP ctind_r_findings(SEXP source);
SEXP ctind_r_quality_check(SEXP dataset, SEXP framework, SEXP settings);
SEXP ctind_r_quality_render(SEXP quality, SEXP kind);
SEXP ctind_r_quality_serialize(SEXP quality, SEXP format);
SEXP ctind_r_quality_completeness(SEXP quality);
SEXP ctind_r_compute(SEXP plan, SEXP dataset, SEXP settings);
SEXP ctind_r_results_render(SEXP results, SEXP kind);
SEXP ctind_r_results_serialize(SEXP results, SEXP format);
SEXP ctind_r_results_as_of(SEXP results);
SEXP ctind_r_results_cells(SEXP results);
SEXP ctind_r_results_info(SEXP results);
SEXP ctind_r_results_periods(SEXP results);
SEXP ctind_r_publish(SEXP raw, SEXP plan, SEXP settings);
SEXP ctind_r_publication_results(SEXP publication, SEXP which);
SEXP ctind_r_derive_results(SEXP framework, SEXP results, SEXP kind,
                            SEXP settings);
SEXP ctind_r_iptt(SEXP framework, SEXP assessed, SEXP kind);
SEXP ctind_r_render_iati(SEXP framework, SEXP publication, SEXP settings);
SEXP ctind_r_render_dhis2(SEXP publication, SEXP mapping);
SEXP ctind_r_render_html(SEXP framework, SEXP publication, SEXP quality,
                         SEXP schema, SEXP settings);

#endif /* CTIND_R_GLUE_H_ */
