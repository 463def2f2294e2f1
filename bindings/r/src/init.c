/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * Registration of the .Call entry points (no dynamic symbol lookup).
 */

#include <R_ext/Rdynload.h>

#include "ctind_r.h"

/* DL_FUNC is R's generic function pointer; the cast goes through
 * void (*)(void), the type GCC accepts as generic, so that
 * -Wcast-function-type stays quiet. */
#define CTIND_R_ENTRY(name, args) \
  { #name, (DL_FUNC)(void (*)(void))&name, args }

static const R_CallMethodDef kCallMethods[] = {
    CTIND_R_ENTRY(ctind_r_version, 0),
    CTIND_R_ENTRY(ctind_r_header_version, 0),
    CTIND_R_ENTRY(ctind_r_live_handle_count, 0),
    CTIND_R_ENTRY(ctind_r_parent, 1),
    CTIND_R_ENTRY(ctind_r_schema_load, 3),
    CTIND_R_ENTRY(ctind_r_schema_load_file, 1),
    CTIND_R_ENTRY(ctind_r_schema_serialize, 2),
    CTIND_R_ENTRY(ctind_r_framework_load, 3),
    CTIND_R_ENTRY(ctind_r_framework_load_file, 1),
    CTIND_R_ENTRY(ctind_r_framework_validate, 2),
    CTIND_R_ENTRY(ctind_r_framework_serialize, 2),
    CTIND_R_ENTRY(ctind_r_plan_create, 2),
    CTIND_R_ENTRY(ctind_r_plan_parents, 1),
    CTIND_R_ENTRY(ctind_r_mapping_load, 4),
    CTIND_R_ENTRY(ctind_r_mapping_serialize, 2),
    CTIND_R_ENTRY(ctind_r_dhis2_mapping_load, 3),
    CTIND_R_ENTRY(ctind_r_catalog_schema, 0),
    CTIND_R_ENTRY(ctind_r_catalog_schema_text, 0),
    CTIND_R_ENTRY(ctind_r_catalog_indicators, 0),
    CTIND_R_ENTRY(ctind_r_catalog_indicator, 2),
    CTIND_R_ENTRY(ctind_r_catalog_export, 2),
    CTIND_R_ENTRY(ctind_r_catalog_export_text, 2),
    CTIND_R_ENTRY(ctind_r_dataset_create, 1),
    CTIND_R_ENTRY(ctind_r_dataset_schema, 1),
    CTIND_R_ENTRY(ctind_r_dataset_load_csv_file, 4),
    CTIND_R_ENTRY(ctind_r_dataset_load_csv, 5),
    CTIND_R_ENTRY(ctind_r_dataset_append, 5),
    CTIND_R_ENTRY(ctind_r_dataset_end_table, 4),
    CTIND_R_ENTRY(ctind_r_dataset_row_count, 2),
    CTIND_R_ENTRY(ctind_r_findings, 1),
    CTIND_R_ENTRY(ctind_r_quality_check, 3),
    CTIND_R_ENTRY(ctind_r_quality_render, 2),
    CTIND_R_ENTRY(ctind_r_quality_serialize, 2),
    CTIND_R_ENTRY(ctind_r_quality_completeness, 1),
    CTIND_R_ENTRY(ctind_r_compute, 3),
    CTIND_R_ENTRY(ctind_r_results_render, 2),
    CTIND_R_ENTRY(ctind_r_results_serialize, 2),
    CTIND_R_ENTRY(ctind_r_results_as_of, 1),
    CTIND_R_ENTRY(ctind_r_results_cells, 1),
    CTIND_R_ENTRY(ctind_r_results_info, 1),
    CTIND_R_ENTRY(ctind_r_results_periods, 1),
    CTIND_R_ENTRY(ctind_r_publish, 3),
    CTIND_R_ENTRY(ctind_r_publication_results, 2),
    CTIND_R_ENTRY(ctind_r_derive_results, 4),
    CTIND_R_ENTRY(ctind_r_iptt, 3),
    CTIND_R_ENTRY(ctind_r_render_iati, 3),
    CTIND_R_ENTRY(ctind_r_render_dhis2, 2),
    CTIND_R_ENTRY(ctind_r_render_html, 5),
    {NULL, NULL, 0}};

void R_init_ctind(DllInfo* dll) {
  R_registerRoutines(dll, NULL, kCallMethods, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
  R_forceSymbols(dll, TRUE);
}
