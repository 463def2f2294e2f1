/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * .Call entry points for data-quality findings (of datasets, results and
 * quality checks) and the quality check with its completeness tables.
 */

#include <string.h>

#include "ctind_r.h"

static const char* SeverityName(ctind_severity severity) {
  switch (severity) {
    case CTIND_SEVERITY_INFO: return "info";
    case CTIND_SEVERITY_WARNING: return "warning";
    case CTIND_SEVERITY_ERROR: return "error";
    case CTIND_SEVERITY_UNSPECIFIED: break;
  }
  return "unspecified";
}

typedef ctind_status (*FindingString)(const ctind_finding*, const char**,
                                      size_t*);

static SEXP FindingText(const ctind_finding* finding, FindingString getter) {
  const char* data = NULL;
  size_t len = 0;
  if (getter(finding, &data, &len) != CTIND_OK) return NA_STRING;
  return CtindRMkChar(data, len);
}

/* Columns of the findings list, in order. */
enum {
  kRule = 0,
  kSeverity,
  kTable,
  kField,
  kIndicatorId,
  kCount,
  kShare,
  kMessage,
  kFile,
  kLine,
  kColumn,
  kRecordKeys,
  kFindingColumns
};

/* The findings of `source` — a dataset, results or a quality check — as a
 * named list of columns; record_keys is a list of character vectors. */
SEXP ctind_r_findings(SEXP source) {
  const ctind_dataset* dataset = NULL;
  const ctind_results* results = NULL;
  const ctind_quality* quality = NULL;
  size_t count = 0;
  ctind_status status;
  if (CtindRIsKind(source, kCtindRDataset)) {
    dataset = CtindRHandle(source, kCtindRDataset);
    status = ctind_dataset_finding_count(dataset, &count);
  } else if (CtindRIsKind(source, kCtindRResults)) {
    results = CtindRHandle(source, kCtindRResults);
    status = ctind_results_finding_count(results, &count);
  } else if (CtindRIsKind(source, kCtindRQuality)) {
    quality = CtindRHandle(source, kCtindRQuality);
    status = ctind_quality_finding_count(quality, &count);
  } else {
    Rf_error("expected a ctind_dataset, ctind_results or ctind_quality object");
  }
  if (status != CTIND_OK) Rf_error("ctind: counting findings failed");

  static const char* const kNames[kFindingColumns] = {
      "rule",    "severity", "table", "field",  "indicator_id", "count",
      "share",   "message",  "file",  "line",   "column",       "record_keys"};
  SEXP out = PROTECT(Rf_allocVector(VECSXP, kFindingColumns));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, kFindingColumns));
  for (int c = 0; c < kFindingColumns; ++c) {
    SEXPTYPE type = STRSXP;
    if (c == kCount || c == kShare || c == kLine || c == kColumn) {
      type = REALSXP;
    } else if (c == kRecordKeys) {
      type = VECSXP;
    }
    SET_VECTOR_ELT(out, c, Rf_allocVector(type, (R_xlen_t)count));
    SET_STRING_ELT(names, c, Rf_mkChar(kNames[c]));
  }
  Rf_setAttrib(out, R_NamesSymbol, names);

  for (size_t i = 0; i < count; ++i) {
    const ctind_finding* finding = NULL;
    if (dataset != NULL) {
      status = ctind_dataset_get_finding(dataset, i, &finding);
    } else if (results != NULL) {
      status = ctind_results_get_finding(results, i, &finding);
    } else {
      status = ctind_quality_get_finding(quality, i, &finding);
    }
    if (status != CTIND_OK) Rf_error("ctind: reading finding %d failed", (int)i);
    const R_xlen_t row = (R_xlen_t)i;
    SET_STRING_ELT(VECTOR_ELT(out, kRule), row,
                   FindingText(finding, ctind_finding_rule));
    const char* severity = SeverityName(ctind_finding_severity(finding));
    SET_STRING_ELT(VECTOR_ELT(out, kSeverity), row,
                   CtindRMkChar(severity, strlen(severity)));
    SET_STRING_ELT(VECTOR_ELT(out, kTable), row,
                   FindingText(finding, ctind_finding_table));
    SET_STRING_ELT(VECTOR_ELT(out, kField), row,
                   FindingText(finding, ctind_finding_field));
    SET_STRING_ELT(VECTOR_ELT(out, kIndicatorId), row,
                   FindingText(finding, ctind_finding_indicator_id));
    REAL(VECTOR_ELT(out, kCount))[row] = (double)ctind_finding_count(finding);
    double share = 0;
    REAL(VECTOR_ELT(out, kShare))[row] =
        ctind_finding_share(finding, &share) ? share : NA_REAL;
    SET_STRING_ELT(VECTOR_ELT(out, kMessage), row,
                   FindingText(finding, ctind_finding_message));
    SET_STRING_ELT(VECTOR_ELT(out, kFile), row,
                   FindingText(finding, ctind_finding_file));
    /* 0 means unknown (e.g. data appended as columns). */
    const int64_t line = ctind_finding_line(finding);
    const int64_t column = ctind_finding_column(finding);
    REAL(VECTOR_ELT(out, kLine))[row] = line > 0 ? (double)line : NA_REAL;
    REAL(VECTOR_ELT(out, kColumn))[row] =
        column > 0 ? (double)column : NA_REAL;
    const size_t keys = ctind_finding_record_key_count(finding);
    SEXP key_vector = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)keys));
    for (size_t k = 0; k < keys; ++k) {
      const char* data = NULL;
      size_t len = 0;
      if (ctind_finding_record_key(finding, k, &data, &len) != CTIND_OK) {
        Rf_error("ctind: reading a record key failed");
      }
      SET_STRING_ELT(key_vector, (R_xlen_t)k, CtindRMkChar(data, len));
    }
    SET_VECTOR_ELT(VECTOR_ELT(out, kRecordKeys), row, key_vector);
    UNPROTECT(1);
  }
  UNPROTECT(2);
  return out;
}

/* Checks `dataset` (with `framework`'s quality rules when it is not
 * NULL). */
SEXP ctind_r_quality_check(SEXP dataset, SEXP framework, SEXP settings) {
  const ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  const ctind_framework* f = CtindROptionalHandle(framework, kCtindRFramework);
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP out = PROTECT(CtindRNewHandle(kCtindRQuality));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_quality* quality = NULL;
  CtindRCheck(ctind_quality_check(d, f, CtindRHandle(options, kCtindROptions),
                                  &quality, CtindRErrorSlot(error)),
              error);
  CtindRSetHandle(out, quality);
  UNPROTECT(3);
  return out;
}

typedef ctind_status (*QualityRender)(const ctind_quality*, char**, size_t*,
                                      ctind_error**);

/* kind: 0 JSON, 1 CSV, 2 plain-text table. */
SEXP ctind_r_quality_render(SEXP quality, SEXP kind) {
  static const QualityRender kRenderers[] = {
      ctind_quality_to_json, ctind_quality_to_csv, ctind_quality_to_table};
  const int k = Rf_asInteger(kind);
  if (k < 0 || k > 2) Rf_error("unknown rendering %d", k);
  const ctind_quality* q = CtindRHandle(quality, kCtindRQuality);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  CtindRCheck(kRenderers[k](q, CtindRBytesSlot(bytes), &len,
                            CtindRErrorSlot(error)),
              error);
  SEXP out = CtindRTakeBytes(bytes, len, 0);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_quality_serialize(SEXP quality, SEXP format) {
  const ctind_format f = CtindRFormat(format);
  const ctind_quality* q = CtindRHandle(quality, kCtindRQuality);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  CtindRCheck(ctind_quality_serialize(q, f, CtindRBytesSlot(bytes), &len,
                                      CtindRErrorSlot(error)),
              error);
  SEXP out = CtindRTakeBytes(bytes, len, f == CTIND_FORMAT_BINARY);
  UNPROTECT(2);
  return out;
}

/* Completeness: list(table, loaded, rows) over the schema's tables and
 * list(table, field, required, present, missing, invalid) over their
 * fields, as list(tables = ..., fields = ...). */
SEXP ctind_r_quality_completeness(SEXP quality) {
  const ctind_quality* q = CtindRHandle(quality, kCtindRQuality);
  size_t tables = 0;
  if (ctind_quality_table_count(q, &tables) != CTIND_OK) {
    Rf_error("ctind_quality_table_count failed");
  }
  size_t fields = 0;
  for (size_t t = 0; t < tables; ++t) {
    size_t n = 0;
    if (ctind_quality_field_count(q, t, &n) != CTIND_OK) {
      Rf_error("ctind_quality_field_count failed");
    }
    fields += n;
  }
  SEXP table_name = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)tables));
  SEXP table_loaded = PROTECT(Rf_allocVector(LGLSXP, (R_xlen_t)tables));
  SEXP table_rows = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)tables));
  SEXP field_table = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)fields));
  SEXP field_name = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)fields));
  SEXP field_required = PROTECT(Rf_allocVector(LGLSXP, (R_xlen_t)fields));
  SEXP field_present = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)fields));
  SEXP field_missing = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)fields));
  SEXP field_invalid = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)fields));
  R_xlen_t row = 0;
  for (size_t t = 0; t < tables; ++t) {
    const char* name = NULL;
    size_t name_len = 0;
    bool loaded = false;
    int64_t rows = 0;
    size_t n = 0;
    if (ctind_quality_table(q, t, &name, &name_len, &loaded, &rows) !=
            CTIND_OK ||
        ctind_quality_field_count(q, t, &n) != CTIND_OK) {
      Rf_error("ctind: reading table %d of the quality check failed", (int)t);
    }
    SEXP table_char = PROTECT(CtindRMkChar(name, name_len));
    SET_STRING_ELT(table_name, (R_xlen_t)t, table_char);
    LOGICAL(table_loaded)[t] = loaded;
    REAL(table_rows)[t] = (double)rows;
    for (size_t i = 0; i < n; ++i, ++row) {
      const char* field = NULL;
      size_t field_len = 0;
      bool required = false;
      int64_t present = 0;
      int64_t missing = 0;
      int64_t invalid = 0;
      if (ctind_quality_field(q, t, i, &field, &field_len, &required,
                              &present, &missing, &invalid) != CTIND_OK) {
        Rf_error("ctind: reading a field of the quality check failed");
      }
      SET_STRING_ELT(field_table, row, table_char);
      SET_STRING_ELT(field_name, row, CtindRMkChar(field, field_len));
      LOGICAL(field_required)[row] = required;
      REAL(field_present)[row] = (double)present;
      REAL(field_missing)[row] = (double)missing;
      REAL(field_invalid)[row] = (double)invalid;
    }
    UNPROTECT(1);
  }
  SEXP table_list = PROTECT(Rf_allocVector(VECSXP, 3));
  SET_VECTOR_ELT(table_list, 0, table_name);
  SET_VECTOR_ELT(table_list, 1, table_loaded);
  SET_VECTOR_ELT(table_list, 2, table_rows);
  SEXP field_list = PROTECT(Rf_allocVector(VECSXP, 6));
  SET_VECTOR_ELT(field_list, 0, field_table);
  SET_VECTOR_ELT(field_list, 1, field_name);
  SET_VECTOR_ELT(field_list, 2, field_required);
  SET_VECTOR_ELT(field_list, 3, field_present);
  SET_VECTOR_ELT(field_list, 4, field_missing);
  SET_VECTOR_ELT(field_list, 5, field_invalid);
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
  SET_VECTOR_ELT(out, 0, table_list);
  SET_VECTOR_ELT(out, 1, field_list);
  UNPROTECT(12);
  return out;
}
