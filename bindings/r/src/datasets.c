/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * .Call entry points for datasets: loading CSV, appending columns of R
 * vectors, row counts.
 */

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ctind_r.h"

/* A new, empty dataset of `schema`; the R object keeps the schema object
 * in its protected slot, for the package to compile plans against. */
SEXP ctind_r_dataset_create(SEXP schema) {
  const ctind_schema* s = CtindRHandle(schema, kCtindRSchema);
  SEXP out = PROTECT(CtindRNewHandle(kCtindRDataset));
  ctind_dataset* dataset = NULL;
  if (ctind_dataset_create(s, &dataset) != CTIND_OK) {
    Rf_error("ctind: cannot create a dataset (out of memory)");
  }
  CtindRSetHandle(out, dataset);
  R_SetExternalPtrProtected(out, schema);
  UNPROTECT(1);
  return out;
}

/* The schema object a dataset was created with. */
SEXP ctind_r_dataset_schema(SEXP dataset) {
  CtindRHandle(dataset, kCtindRDataset);
  return R_ExternalPtrProtected(dataset);
}

SEXP ctind_r_dataset_load_csv_file(SEXP dataset, SEXP table, SEXP path,
                                   SEXP settings) {
  ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  const char* name = CtindRString(table, "table");
  const char* file = CtindRString(path, "path");
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  const ctind_status status = ctind_dataset_load_csv_file(
      d, name, strlen(name), file, strlen(file),
      CtindRHandle(options, kCtindROptions), CtindRErrorSlot(error));
  CtindRCheck(status, error);
  UNPROTECT(2);
  return R_NilValue;
}

/* Loads `table` from the CSV text `text` (a character scalar or a raw
 * vector of UTF-8 bytes); `file_name` names it in messages. */
SEXP ctind_r_dataset_load_csv(SEXP dataset, SEXP table, SEXP text,
                              SEXP file_name, SEXP settings) {
  ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  const char* name = CtindRString(table, "table");
  const char* file = CtindRString(file_name, "file_name");
  const char* data;
  size_t len;
  if (TYPEOF(text) == RAWSXP) {
    data = (const char*)RAW(text);
    len = (size_t)XLENGTH(text);
  } else {
    data = CtindRString(text, "text");
    len = strlen(data);
  }
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  const ctind_status status = ctind_dataset_load_csv(
      d, name, strlen(name), data, len, file, strlen(file),
      CtindRHandle(options, kCtindROptions), CtindRErrorSlot(error));
  CtindRCheck(status, error);
  UNPROTECT(2);
  return R_NilValue;
}

/* How ctind_r_dataset_append passes the values (R/datasets.R picks the
 * kind from the field's type and the R vector's class). */
enum ColumnKind {
  kColumnText = 0,  /* character vector; NA is missing */
  kColumnInt64 = 1, /* integer or whole double vector; NA is missing */
  kColumnDouble = 2, /* double vector; NA is missing, NaN passed on */
  kColumnBool = 3,  /* logical vector; NA is missing */
  kColumnDate = 4   /* day numbers (R's Date); NA is missing */
};

/* Appends the R vector `values` as field `field` of `table`. */
SEXP ctind_r_dataset_append(SEXP dataset, SEXP table, SEXP field, SEXP kind,
                            SEXP values) {
  ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  const char* t = CtindRString(table, "table");
  const char* f = CtindRString(field, "field");
  const int k = Rf_asInteger(kind);
  const R_xlen_t n = XLENGTH(values);
  /* R_alloc'd arrays are released when the .Call returns, also on error. */
  uint8_t* present = (uint8_t*)R_alloc((size_t)n + 1, 1);
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_status status;
  switch (k) {
    case kColumnText: {
      if (TYPEOF(values) != STRSXP) Rf_error("ctind: text column expected");
      const char** texts = (const char**)R_alloc((size_t)n + 1, sizeof *texts);
      size_t* lens = (size_t*)R_alloc((size_t)n + 1, sizeof *lens);
      for (R_xlen_t i = 0; i < n; ++i) {
        SEXP s = STRING_ELT(values, i);
        present[i] = s != NA_STRING;
        texts[i] = present[i] ? Rf_translateCharUTF8(s) : NULL;
        lens[i] = present[i] ? strlen(texts[i]) : 0;
      }
      status = ctind_dataset_append_column_string(
          d, t, strlen(t), f, strlen(f), texts, lens, present, (size_t)n,
          CtindRErrorSlot(error));
      break;
    }
    case kColumnInt64: {
      int64_t* numbers = (int64_t*)R_alloc((size_t)n + 1, sizeof *numbers);
      for (R_xlen_t i = 0; i < n; ++i) {
        if (TYPEOF(values) == INTSXP) {
          present[i] = INTEGER(values)[i] != NA_INTEGER;
          numbers[i] = present[i] ? INTEGER(values)[i] : 0;
        } else if (TYPEOF(values) == REALSXP) {
          const double v = REAL(values)[i];
          present[i] = !ISNAN(v);
          /* R/datasets.R lets only whole numbers within +-2^63 through. */
          if (present[i] && (v != floor(v) || fabs(v) >= 9223372036854775808.0)) {
            Rf_error("field '%s': %g is not a 64-bit integer", f, v);
          }
          numbers[i] = present[i] ? (int64_t)v : 0;
        } else {
          Rf_error("ctind: integer column expected");
        }
      }
      status = ctind_dataset_append_column_int64(
          d, t, strlen(t), f, strlen(f), numbers, present, (size_t)n,
          CtindRErrorSlot(error));
      break;
    }
    case kColumnDouble: {
      if (TYPEOF(values) != REALSXP) Rf_error("ctind: double column expected");
      for (R_xlen_t i = 0; i < n; ++i) {
        /* NA is missing; NaN and infinities go to the library, which keeps
         * them as invalid values with a finding. */
        present[i] = !R_IsNA(REAL(values)[i]);
      }
      status = ctind_dataset_append_column_double(
          d, t, strlen(t), f, strlen(f), REAL(values), present, (size_t)n,
          CtindRErrorSlot(error));
      break;
    }
    case kColumnBool: {
      if (TYPEOF(values) != LGLSXP) Rf_error("ctind: logical column expected");
      uint8_t* flags = (uint8_t*)R_alloc((size_t)n + 1, 1);
      for (R_xlen_t i = 0; i < n; ++i) {
        present[i] = LOGICAL(values)[i] != NA_LOGICAL;
        flags[i] = present[i] && LOGICAL(values)[i] ? 1 : 0;
      }
      status = ctind_dataset_append_column_bool(
          d, t, strlen(t), f, strlen(f), flags, present, (size_t)n,
          CtindRErrorSlot(error));
      break;
    }
    case kColumnDate: {
      int32_t* days = (int32_t*)R_alloc((size_t)n + 1, sizeof *days);
      for (R_xlen_t i = 0; i < n; ++i) {
        double v;
        if (TYPEOF(values) == INTSXP) {
          v = INTEGER(values)[i] == NA_INTEGER ? NA_REAL : INTEGER(values)[i];
        } else if (TYPEOF(values) == REALSXP) {
          v = REAL(values)[i];
        } else {
          Rf_error("ctind: date column expected");
        }
        present[i] = !ISNAN(v);
        /* A Date may hold a fraction of a day: the day is its floor. Days
         * beyond int32 are far outside 0001..9999, which the library
         * reports as invalid; they are clamped to stay invalid. */
        v = present[i] ? floor(v) : 0;
        if (v > INT32_MAX) v = INT32_MAX;
        if (v < INT32_MIN) v = INT32_MIN;
        days[i] = (int32_t)v;
      }
      status = ctind_dataset_append_column_date(
          d, t, strlen(t), f, strlen(f), days, present, (size_t)n,
          CtindRErrorSlot(error));
      break;
    }
    default:
      Rf_error("ctind: unknown column kind %d", k);
  }
  CtindRCheck(status, error);
  UNPROTECT(1);
  return R_NilValue;
}

/* Loads `table` from the columns appended to it. */
SEXP ctind_r_dataset_end_table(SEXP dataset, SEXP table, SEXP source_name,
                               SEXP settings) {
  ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  const char* t = CtindRString(table, "table");
  const char* source = CtindRString(source_name, "source_name");
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  const ctind_status status = ctind_dataset_end_table(
      d, t, strlen(t), source, strlen(source),
      CtindRHandle(options, kCtindROptions), CtindRErrorSlot(error));
  CtindRCheck(status, error);
  UNPROTECT(2);
  return R_NilValue;
}

SEXP ctind_r_dataset_row_count(SEXP dataset, SEXP table) {
  const ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  const char* name = CtindRString(table, "table");
  int64_t rows = 0;
  const ctind_status status =
      ctind_dataset_row_count(d, name, strlen(name), &rows);
  if (status == CTIND_NOT_FOUND) {
    Rf_error("the dataset's schema has no table '%s'", name);
  }
  if (status != CTIND_OK) Rf_error("ctind_dataset_row_count failed");
  return Rf_ScalarReal((double)rows);
}
