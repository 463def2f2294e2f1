/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * Options handles from R lists: one setting per element, named as in
 * R/options.R, applied with the C API's setters (which check the values).
 */

#include <string.h>

#include "ctind_r.h"

/* The element of `settings` named `name`, or NULL. */
static SEXP Setting(SEXP settings, const char* name) {
  SEXP names = Rf_getAttrib(settings, R_NamesSymbol);
  for (R_xlen_t i = 0; i < XLENGTH(settings); ++i) {
    if (strcmp(CHAR(STRING_ELT(names, i)), name) == 0) {
      return VECTOR_ELT(settings, i);
    }
  }
  return NULL;
}

static int32_t Int32Setting(SEXP x, const char* what) {
  if ((TYPEOF(x) != INTSXP && TYPEOF(x) != REALSXP) || XLENGTH(x) != 1) {
    Rf_error("'%s' must be a single number", what);
  }
  const double value = Rf_asReal(x);
  if (ISNAN(value) || value != (double)(int32_t)value) {
    Rf_error("'%s' must be a whole number", what);
  }
  return (int32_t)value;
}

static double DoubleSetting(SEXP x, const char* what) {
  if ((TYPEOF(x) != INTSXP && TYPEOF(x) != REALSXP) || XLENGTH(x) != 1) {
    Rf_error("'%s' must be a single number", what);
  }
  return Rf_asReal(x);
}

/* The bytes of a character scalar or a raw vector (a publisher key may be
 * any bytes). */
static void SettingBytes(SEXP x, const char* what, const char** out_data,
                         size_t* out_len) {
  if (TYPEOF(x) == RAWSXP) {
    *out_data = (const char*)RAW(x);
    *out_len = (size_t)XLENGTH(x);
    return;
  }
  *out_data = CtindRString(x, what);
  *out_len = strlen(*out_data);
}

typedef ctind_status (*StringSetter)(ctind_options*, const char*, size_t,
                                     ctind_error**);

static void SetString(ctind_options* options, SEXP settings, const char* name,
                      StringSetter setter, SEXP error) {
  SEXP x = Setting(settings, name);
  if (x == NULL || x == R_NilValue) return;
  const char* data;
  size_t len;
  SettingBytes(x, name, &data, &len);
  CtindRCheck(setter(options, data, len, CtindRErrorSlot(error)), error);
}

SEXP CtindROptions(SEXP settings) {
  if (TYPEOF(settings) != VECSXP ||
      (XLENGTH(settings) > 0 &&
       Rf_getAttrib(settings, R_NamesSymbol) == R_NilValue)) {
    Rf_error("ctind: options must be a named list");
  }
  SEXP out = PROTECT(CtindRNewHandle(kCtindROptions));
  ctind_options* options = NULL;
  if (ctind_options_create(&options) != CTIND_OK) {
    Rf_error("ctind: cannot create options (out of memory)");
  }
  CtindRSetHandle(out, options);
  SEXP error = PROTECT(CtindRNewErrorHolder());
  SEXP x;

  SetString(options, settings, "as_of", ctind_options_set_as_of, error);
  if ((x = Setting(settings, "strict")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_strict(options, CtindRFlag(x, "strict")),
                error);
  }
  if ((x = Setting(settings, "ignore_unknown_columns")) != NULL &&
      x != R_NilValue) {
    CtindRCheck(ctind_options_set_ignore_unknown_columns(
                    options, CtindRFlag(x, "ignore_unknown_columns")),
                error);
  }
  if ((x = Setting(settings, "period_types")) != NULL && x != R_NilValue) {
    if (TYPEOF(x) != STRSXP) {
      Rf_error("'period_types' must be a character vector");
    }
    for (R_xlen_t i = 0; i < XLENGTH(x); ++i) {
      if (STRING_ELT(x, i) == NA_STRING) {
        Rf_error("'period_types' must not contain NA");
      }
      const char* type = Rf_translateCharUTF8(STRING_ELT(x, i));
      CtindRCheck(ctind_options_add_period_type(options, type, strlen(type),
                                                CtindRErrorSlot(error)),
                  error);
    }
  }
  if ((x = Setting(settings, "mapping")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_mapping(
                    options, CtindRHandle(x, kCtindRMapping)),
                error);
  }
  if ((x = Setting(settings, "min_cell_size")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_min_cell_size(
                    options, Int32Setting(x, "min_cell_size"),
                    CtindRErrorSlot(error)),
                error);
  }
  if ((x = Setting(settings, "rounding")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_rounding(
                    options, (ctind_rounding)Int32Setting(x, "rounding"),
                    CtindRErrorSlot(error)),
                error);
  }
  SetString(options, settings, "publisher_key",
            ctind_options_set_publisher_key, error);
  if ((x = Setting(settings, "disable_protection_for_internal_use")) != NULL &&
      x != R_NilValue) {
    CtindRCheck(ctind_options_disable_protection_for_internal_use(
                    options,
                    CtindRFlag(x, "disable_protection_for_internal_use")),
                error);
  }
  if ((x = Setting(settings, "margin_points")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_margin_points(
                    options, DoubleSetting(x, "margin_points"),
                    CtindRErrorSlot(error)),
                error);
  }
  if ((x = Setting(settings, "with_record_keys")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_with_record_keys(
                    options, CtindRFlag(x, "with_record_keys")),
                error);
  }
  if ((x = Setting(settings, "max_record_keys")) != NULL && x != R_NilValue) {
    CtindRCheck(ctind_options_set_max_record_keys(
                    options, Int32Setting(x, "max_record_keys"),
                    CtindRErrorSlot(error)),
                error);
  }
  SetString(options, settings, "generated_datetime",
            ctind_options_set_generated_datetime, error);
  if ((x = Setting(settings, "include_life_of_project")) != NULL &&
      x != R_NilValue) {
    CtindRCheck(ctind_options_set_include_life_of_project(
                    options, CtindRFlag(x, "include_life_of_project")),
                error);
  }
  if ((x = Setting(settings, "indicator_vocabularies")) != NULL &&
      x != R_NilValue) {
    /* A named character vector: vocabulary name = IATI code. */
    SEXP names = Rf_getAttrib(x, R_NamesSymbol);
    if (TYPEOF(x) != STRSXP || names == R_NilValue) {
      Rf_error("'indicator_vocabularies' must be a named character vector");
    }
    for (R_xlen_t i = 0; i < XLENGTH(x); ++i) {
      if (STRING_ELT(x, i) == NA_STRING || STRING_ELT(names, i) == NA_STRING) {
        Rf_error("'indicator_vocabularies' must not contain NA");
      }
      const char* vocabulary = Rf_translateCharUTF8(STRING_ELT(names, i));
      const char* code = Rf_translateCharUTF8(STRING_ELT(x, i));
      CtindRCheck(ctind_options_add_indicator_vocabulary(
                      options, vocabulary, strlen(vocabulary), code,
                      strlen(code), CtindRErrorSlot(error)),
                  error);
    }
  }
  SetString(options, settings, "language", ctind_options_set_language, error);
  SetString(options, settings, "title", ctind_options_set_title, error);
  UNPROTECT(2);
  return out;
}
