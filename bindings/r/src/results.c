/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * .Call entry points for results: renderings and the cells as columns.
 */

#include <string.h>

#include "ctind_r.h"

typedef ctind_status (*RenderFunction)(const ctind_results*, char**, size_t*,
                                       ctind_error**);

/* kind: 0 JSON, 1 CSV, 2 plain-text table. */
SEXP ctind_r_results_render(SEXP results, SEXP kind) {
  static const RenderFunction kRenderers[] = {
      ctind_results_to_json, ctind_results_to_csv, ctind_results_to_table};
  const int k = Rf_asInteger(kind);
  if (k < 0 || k > 2) Rf_error("unknown rendering %d", k);
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  CtindRCheck(kRenderers[k](r, CtindRBytesSlot(bytes), &len,
                            CtindRErrorSlot(error)),
              error);
  SEXP out = CtindRTakeBytes(bytes, len, 0);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_results_serialize(SEXP results, SEXP format) {
  const ctind_format f = CtindRFormat(format);
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  CtindRCheck(ctind_results_serialize(r, f, CtindRBytesSlot(bytes), &len,
                                      CtindRErrorSlot(error)),
              error);
  SEXP out = CtindRTakeBytes(bytes, len, f == CTIND_FORMAT_BINARY);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_results_as_of(SEXP results) {
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  const char* data = NULL;
  size_t len = 0;
  if (ctind_results_as_of(r, &data, &len) != CTIND_OK) {
    Rf_error("ctind_results_as_of failed");
  }
  return Rf_ScalarString(CtindRMkChar(data, len));
}

/* Names of the ctind.v1.CellFlag numbers 1..5, as the CSV renderer writes
 * them (docs/output-formats.md). */
static const char* const kFlagNames[] = {
    NULL, "partial_period", "not_yet_observable", "no_denominator",
    "suppressed", "rounded"};

static const char* ScopeName(ctind_scope scope) {
  switch (scope) {
    case CTIND_SCOPE_PERIOD: return "period";
    case CTIND_SCOPE_CUMULATIVE: return "cumulative";
    case CTIND_SCOPE_LIFE_OF_PROJECT: return "life_of_project";
  }
  return "unspecified";
}

static const char* StatusName(ctind_value_status status) {
  switch (status) {
    case CTIND_VALUE_PRESENT: return "present";
    case CTIND_VALUE_MISSING: return "missing";
    case CTIND_VALUE_SUPPRESSED: return "suppressed";
  }
  return "unspecified";
}

static SEXP MkCharOf(const char* text) {
  return CtindRMkChar(text, strlen(text));
}

/* The text of a cell's coordinates, "dimension=value" joined by ";" (the
 * CSV's `cell` column), written into a buffer that grows as needed. */
typedef struct TextBuffer {
  char* data;
  size_t len;
  size_t capacity;
} TextBuffer;

static void Append(TextBuffer* buffer, const char* data, size_t len) {
  if (buffer->len + len + 1 > buffer->capacity) {
    size_t capacity = buffer->capacity * 2 + len + 64;
    /* R_alloc'd memory is released when the .Call returns, also on error. */
    char* grown = R_alloc(capacity, 1);
    if (buffer->len > 0) memcpy(grown, buffer->data, buffer->len);
    buffer->data = grown;
    buffer->capacity = capacity;
  }
  if (len > 0) memcpy(buffer->data + buffer->len, data, len);
  buffer->len += len;
}

/* Column names of ctind_r_results_cells's list, in order. */
enum {
  kIndicatorId = 0,
  kScope,
  kPeriod,
  kBreakdown,
  kCell,
  kStatus,
  kValue,
  kNumerator,
  kDenominator,
  kUnits,
  kFlags,
  kNotYetObservable,
  kTarget,
  kPercentAchieved,
  kProgress,
  kAssessment,
  kSuppressionReason,
  kColumnCount
};

static const char* AssessmentName(ctind_assessment assessment) {
  switch (assessment) {
    case CTIND_ASSESSMENT_NOT_ASSESSED: return "not_assessed";
    case CTIND_ASSESSMENT_ON_TRACK: return "on_track";
    case CTIND_ASSESSMENT_AHEAD: return "ahead";
    case CTIND_ASSESSMENT_BEHIND: return "behind";
    case CTIND_ASSESSMENT_UNSPECIFIED: break;
  }
  return "";
}

static const char* ReasonName(ctind_suppression_reason reason) {
  switch (reason) {
    case CTIND_SUPPRESSION_NOT_SUPPRESSED: return "not_suppressed";
    case CTIND_SUPPRESSION_PRIMARY: return "primary";
    case CTIND_SUPPRESSION_COMPLEMENTARY: return "complementary";
    case CTIND_SUPPRESSION_DERIVED: return "derived";
    case CTIND_SUPPRESSION_UNSPECIFIED: break;
  }
  return "";
}

/* The cells of every indicator, framework order, as a named list of
 * columns (character, or double with NA for an absent quantity). */
SEXP ctind_r_results_cells(SEXP results) {
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  size_t indicators = 0;
  if (ctind_results_indicator_count(r, &indicators) != CTIND_OK) {
    Rf_error("ctind_results_indicator_count failed");
  }
  size_t total = 0;
  for (size_t i = 0; i < indicators; ++i) {
    size_t cells = 0;
    if (ctind_results_cell_count(r, i, &cells) != CTIND_OK) {
      Rf_error("ctind_results_cell_count failed");
    }
    total += cells;
  }
  static const char* const kNames[kColumnCount] = {
      "indicator_id", "scope", "period", "breakdown", "cell", "status",
      "value", "numerator", "denominator", "units", "flags",
      "not_yet_observable", "target", "percent_achieved", "progress",
      "assessment", "suppression_reason"};
  SEXP out = PROTECT(Rf_allocVector(VECSXP, kColumnCount));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, kColumnCount));
  for (int c = 0; c < kColumnCount; ++c) {
    const int numeric = (c >= kValue && c <= kUnits) ||
                        (c >= kNotYetObservable && c <= kProgress);
    SET_VECTOR_ELT(out, c,
                   Rf_allocVector(numeric ? REALSXP : STRSXP, (R_xlen_t)total));
    SET_STRING_ELT(names, c, Rf_mkChar(kNames[c]));
  }
  Rf_setAttrib(out, R_NamesSymbol, names);

  TextBuffer text = {NULL, 0, 0};
  R_xlen_t row = 0;
  for (size_t i = 0; i < indicators; ++i) {
    const char* id = NULL;
    size_t id_len = 0;
    size_t cells = 0;
    if (ctind_results_indicator_id(r, i, &id, &id_len) != CTIND_OK ||
        ctind_results_cell_count(r, i, &cells) != CTIND_OK) {
      Rf_error("ctind: reading indicator %d of the results failed", (int)i);
    }
    SEXP id_char = PROTECT(CtindRMkChar(id, id_len));
    for (size_t j = 0; j < cells; ++j, ++row) {
      const ctind_cell* cell = NULL;
      if (ctind_results_get_cell(r, i, j, &cell) != CTIND_OK) {
        Rf_error("ctind: reading cell %d of indicator %d failed", (int)j,
                 (int)i);
      }
      const char* data = NULL;
      size_t len = 0;
      SET_STRING_ELT(VECTOR_ELT(out, kIndicatorId), row, id_char);
      SET_STRING_ELT(VECTOR_ELT(out, kScope), row,
                     MkCharOf(ScopeName(ctind_cell_scope(cell))));
      ctind_cell_period(cell, &data, &len);
      SET_STRING_ELT(VECTOR_ELT(out, kPeriod), row, CtindRMkChar(data, len));
      data = NULL;
      len = 0;
      ctind_cell_breakdown(cell, &data, &len);
      SET_STRING_ELT(VECTOR_ELT(out, kBreakdown), row,
                     CtindRMkChar(data, len));

      text.len = 0;
      const size_t coordinates = ctind_cell_coordinate_count(cell);
      for (size_t k = 0; k < coordinates; ++k) {
        const char* dimension = NULL;
        const char* value = NULL;
        size_t dimension_len = 0;
        size_t value_len = 0;
        ctind_cell_coordinate(cell, k, &dimension, &dimension_len, &value,
                              &value_len);
        if (k > 0) Append(&text, ";", 1);
        Append(&text, dimension, dimension_len);
        Append(&text, "=", 1);
        Append(&text, value, value_len);
      }
      SET_STRING_ELT(VECTOR_ELT(out, kCell), row,
                     CtindRMkChar(text.data, text.len));
      SET_STRING_ELT(VECTOR_ELT(out, kStatus), row,
                     MkCharOf(StatusName(ctind_cell_status(cell))));

      double number = 0;
      REAL(VECTOR_ELT(out, kValue))[row] =
          ctind_cell_value(cell, &number) ? number : NA_REAL;
      REAL(VECTOR_ELT(out, kNumerator))[row] =
          ctind_cell_numerator(cell, &number) ? number : NA_REAL;
      REAL(VECTOR_ELT(out, kDenominator))[row] =
          ctind_cell_denominator(cell, &number) ? number : NA_REAL;
      int64_t units = 0;
      /* A double holds counts exactly up to 2^53. */
      REAL(VECTOR_ELT(out, kUnits))[row] =
          ctind_cell_units(cell, &units) ? (double)units : NA_REAL;

      text.len = 0;
      for (int flag = 1; flag <= 5; ++flag) {
        if (!ctind_cell_has_flag(cell, flag)) continue;
        if (text.len > 0) Append(&text, ";", 1);
        Append(&text, kFlagNames[flag], strlen(kFlagNames[flag]));
      }
      SET_STRING_ELT(VECTOR_ELT(out, kFlags), row,
                     CtindRMkChar(text.data, text.len));

      int64_t later = 0;
      REAL(VECTOR_ELT(out, kNotYetObservable))[row] =
          ctind_cell_not_yet_observable(cell, &later) ? (double)later
                                                      : NA_REAL;
      REAL(VECTOR_ELT(out, kTarget))[row] =
          ctind_cell_target(cell, &number) ? number : NA_REAL;
      REAL(VECTOR_ELT(out, kPercentAchieved))[row] =
          ctind_cell_percent_achieved(cell, &number) ? number : NA_REAL;
      REAL(VECTOR_ELT(out, kProgress))[row] =
          ctind_cell_progress(cell, &number) ? number : NA_REAL;
      SET_STRING_ELT(VECTOR_ELT(out, kAssessment), row,
                     MkCharOf(AssessmentName(ctind_cell_assessment(cell))));
      SET_STRING_ELT(
          VECTOR_ELT(out, kSuppressionReason), row,
          MkCharOf(ReasonName(ctind_cell_suppression_reason(cell))));
    }
    UNPROTECT(1);
  }
  UNPROTECT(2);
  return out;
}

/* Raw results of `plan` over `dataset`; the results object keeps the plan
 * object in its protected slot. */
SEXP ctind_r_compute(SEXP plan, SEXP dataset, SEXP settings) {
  const ctind_plan* p = CtindRHandle(plan, kCtindRPlan);
  const ctind_dataset* d = CtindRHandle(dataset, kCtindRDataset);
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP out = PROTECT(CtindRNewHandle(kCtindRResults));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_results* results = NULL;
  CtindRCheck(ctind_plan_compute(p, d, CtindRHandle(options, kCtindROptions),
                                 &results, CtindRErrorSlot(error)),
              error);
  CtindRSetHandle(out, results);
  R_SetExternalPtrProtected(out, plan);
  UNPROTECT(3);
  return out;
}

/* The object a handle object was made from (its protected slot): a
 * dataset's schema, a plan's list(framework, schema), results' plan or
 * source results, a publication's raw results, borrowed results'
 * publication. */
SEXP ctind_r_parent(SEXP x) {
  if (TYPEOF(x) != EXTPTRSXP) Rf_error("ctind: not a ctind object");
  return R_ExternalPtrProtected(x);
}

/* list(project_id, protection, assessed, margin_points). */
SEXP ctind_r_results_info(SEXP results) {
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  const char* project = NULL;
  size_t project_len = 0;
  if (ctind_results_project_id(r, &project, &project_len) != CTIND_OK) {
    Rf_error("ctind_results_project_id failed");
  }
  const char* protection = "unspecified";
  switch (ctind_results_protection(r)) {
    case CTIND_PROTECTION_RAW: protection = "raw"; break;
    case CTIND_PROTECTION_PUBLISHED: protection = "published"; break;
    case CTIND_PROTECTION_UNSPECIFIED: break;
  }
  double margin = 0;
  const bool assessed = ctind_results_is_assessed(r, &margin);
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 4));
  SET_VECTOR_ELT(out, 0, Rf_ScalarString(CtindRMkChar(project, project_len)));
  SET_VECTOR_ELT(out, 1, Rf_mkString(protection));
  SET_VECTOR_ELT(out, 2, Rf_ScalarLogical(assessed));
  SET_VECTOR_ELT(out, 3, Rf_ScalarReal(assessed ? margin : NA_REAL));
  UNPROTECT(1);
  return out;
}

/* Every indicator's reporting periods: list(indicator_id, title, unit,
 * period, type, first_day, last_day, partial). */
SEXP ctind_r_results_periods(SEXP results) {
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  size_t indicators = 0;
  if (ctind_results_indicator_count(r, &indicators) != CTIND_OK) {
    Rf_error("ctind_results_indicator_count failed");
  }
  size_t total = 0;
  for (size_t i = 0; i < indicators; ++i) {
    size_t n = 0;
    if (ctind_results_period_count(r, i, &n) != CTIND_OK) {
      Rf_error("ctind_results_period_count failed");
    }
    total += n;
  }
  enum { kPeriodColumns = 8 };
  SEXP out = PROTECT(Rf_allocVector(VECSXP, kPeriodColumns));
  for (int c = 0; c < kPeriodColumns; ++c) {
    SET_VECTOR_ELT(out, c,
                   Rf_allocVector(c == 7 ? LGLSXP : STRSXP, (R_xlen_t)total));
  }
  R_xlen_t row = 0;
  for (size_t i = 0; i < indicators; ++i) {
    const char* id = NULL;
    const char* title = NULL;
    const char* unit = NULL;
    size_t id_len = 0, title_len = 0, unit_len = 0, n = 0;
    if (ctind_results_indicator_id(r, i, &id, &id_len) != CTIND_OK ||
        ctind_results_indicator_title(r, i, &title, &title_len) != CTIND_OK ||
        ctind_results_indicator_unit(r, i, &unit, &unit_len) != CTIND_OK ||
        ctind_results_period_count(r, i, &n) != CTIND_OK) {
      Rf_error("ctind: reading indicator %d of the results failed", (int)i);
    }
    for (size_t p = 0; p < n; ++p, ++row) {
      const char* period = NULL;
      const char* type = NULL;
      const char* first = NULL;
      const char* last = NULL;
      bool partial = false;
      if (ctind_results_period(r, i, p, &period, &type, &first, &last,
                               &partial) != CTIND_OK) {
        Rf_error("ctind: reading a period of the results failed");
      }
      SET_STRING_ELT(VECTOR_ELT(out, 0), row, CtindRMkChar(id, id_len));
      SET_STRING_ELT(VECTOR_ELT(out, 1), row, CtindRMkChar(title, title_len));
      SET_STRING_ELT(VECTOR_ELT(out, 2), row, CtindRMkChar(unit, unit_len));
      SET_STRING_ELT(VECTOR_ELT(out, 3), row, MkCharOf(period));
      SET_STRING_ELT(VECTOR_ELT(out, 4), row, MkCharOf(type));
      SET_STRING_ELT(VECTOR_ELT(out, 5), row, MkCharOf(first));
      SET_STRING_ELT(VECTOR_ELT(out, 6), row, MkCharOf(last));
      LOGICAL(VECTOR_ELT(out, 7))[row] = partial;
    }
  }
  UNPROTECT(1);
  return out;
}

/* The publication of `raw` (computed with `plan`); its object keeps the
 * raw results object. */
SEXP ctind_r_publish(SEXP raw, SEXP plan, SEXP settings) {
  const ctind_results* r = CtindRHandle(raw, kCtindRResults);
  const ctind_plan* p = CtindRHandle(plan, kCtindRPlan);
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP out = PROTECT(CtindRNewHandle(kCtindRPublication));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_publication* publication = NULL;
  CtindRCheck(ctind_publish(r, p, CtindRHandle(options, kCtindROptions),
                            &publication, CtindRErrorSlot(error)),
              error);
  CtindRSetHandle(out, publication);
  R_SetExternalPtrProtected(out, raw);
  UNPROTECT(3);
  return out;
}

/* The results of a publication, borrowed: which 0 is what may be given
 * to others (class c("ctind_report", "ctind_results")), 1 the raw results
 * with suppression reasons (for the data owner). */
SEXP ctind_r_publication_results(SEXP publication, SEXP which) {
  const ctind_publication* p = CtindRHandle(publication, kCtindRPublication);
  const ctind_results* results = NULL;
  const int w = Rf_asInteger(which);
  const ctind_status status =
      w == 0 ? ctind_publication_results(p, &results)
             : ctind_publication_raw_with_reasons(p, &results);
  if (status != CTIND_OK) Rf_error("ctind: reading the publication failed");
  return CtindRBorrowedResults(results, publication,
                               w == 0 ? "ctind_report" : NULL);
}

/* New results from `results`: kind 0 assessed against `framework`'s
 * targets, 1 with the reported actuals added. The new object keeps
 * `results` in its protected slot; a report (published results) stays a
 * report. */
SEXP ctind_r_derive_results(SEXP framework, SEXP results, SEXP kind,
                            SEXP settings) {
  const ctind_framework* f = CtindRHandle(framework, kCtindRFramework);
  const ctind_results* r = CtindRHandle(results, kCtindRResults);
  const int k = Rf_asInteger(kind);
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP out = PROTECT(CtindRNewHandle(kCtindRResults));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_results* derived = NULL;
  const ctind_status status =
      k == 0 ? ctind_assess(f, r, CtindRHandle(options, kCtindROptions),
                            &derived, CtindRErrorSlot(error))
             : ctind_add_reported_actuals(f, r, &derived,
                                          CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, derived);
  R_SetExternalPtrProtected(out, results);
  if (Rf_inherits(results, "ctind_report")) {
    SEXP classes = PROTECT(Rf_allocVector(STRSXP, 2));
    SET_STRING_ELT(classes, 0, Rf_mkChar("ctind_report"));
    SET_STRING_ELT(classes, 1, Rf_mkChar("ctind_results"));
    Rf_setAttrib(out, R_ClassSymbol, classes);
    UNPROTECT(1);
  }
  UNPROTECT(3);
  return out;
}

/* The IPTT of assessed results: kind 0 CSV, else the ctind.v1.Iptt
 * message in format kind - 1 (0 text, 1 JSON, 2 binary). */
SEXP ctind_r_iptt(SEXP framework, SEXP assessed, SEXP kind) {
  const ctind_framework* f = CtindRHandle(framework, kCtindRFramework);
  const ctind_results* r = CtindRHandle(assessed, kCtindRResults);
  const int k = Rf_asInteger(kind);
  if (k < 0 || k > 3) Rf_error("unknown IPTT rendering %d", k);
  SEXP iptt_holder = PROTECT(CtindRNewHandle(kCtindRIptt));
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_iptt* iptt = NULL;
  CtindRCheck(ctind_iptt_build(f, r, &iptt, CtindRErrorSlot(error)), error);
  CtindRSetHandle(iptt_holder, iptt);
  size_t len = 0;
  const ctind_status status =
      k == 0 ? ctind_iptt_to_csv(iptt, CtindRBytesSlot(bytes), &len,
                                 CtindRErrorSlot(error))
             : ctind_iptt_serialize(iptt, (ctind_format)(k - 1),
                                    CtindRBytesSlot(bytes), &len,
                                    CtindRErrorSlot(error));
  CtindRCheck(status, error);
  SEXP out = CtindRTakeBytes(bytes, len, k == 3);
  UNPROTECT(3);
  return out;
}
