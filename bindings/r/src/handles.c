/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * External pointers around the C API's handles, errors as R conditions,
 * and conversions of strings and flags.
 */

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ctind_r.h"

static const char* const kClassNames[kCtindRKindCount] = {
    "ctind_schema",      "ctind_framework",     "ctind_dataset",
    "ctind_plan",        "ctind_results",       "ctind_options",
    "ctind_mapping",     "ctind_publication",   "ctind_quality",
    "ctind_iptt",        "ctind_dhis2_mapping", "ctind_document"};

/* Handles stored and not yet finalized. R calls finalizers on its main
 * thread only, so a plain counter is enough. */
static long live_handles = 0;

static void CountDestroyed(SEXP x) {
  if (R_ExternalPtrAddr(x) != NULL) --live_handles;
}

/* One finalizer per kind: destroys the handle (NULL is a no-op). */
#define CTIND_R_FINALIZER(name, type)           \
  static void Finalize##name(SEXP x) {         \
    CountDestroyed(x);                         \
    type##_destroy((type*)R_ExternalPtrAddr(x)); \
    R_ClearExternalPtr(x);                     \
  }
CTIND_R_FINALIZER(Schema, ctind_schema)
CTIND_R_FINALIZER(Framework, ctind_framework)
CTIND_R_FINALIZER(Dataset, ctind_dataset)
CTIND_R_FINALIZER(Plan, ctind_plan)
CTIND_R_FINALIZER(Results, ctind_results)
CTIND_R_FINALIZER(Options, ctind_options)
CTIND_R_FINALIZER(Mapping, ctind_mapping)
CTIND_R_FINALIZER(Publication, ctind_publication)
CTIND_R_FINALIZER(Quality, ctind_quality)
CTIND_R_FINALIZER(Iptt, ctind_iptt)
CTIND_R_FINALIZER(Dhis2Mapping, ctind_dhis2_mapping)
CTIND_R_FINALIZER(Document, ctind_document)
#undef CTIND_R_FINALIZER

static const R_CFinalizer_t kFinalizers[kCtindRKindCount] = {
    FinalizeSchema,      FinalizeFramework,    FinalizeDataset,
    FinalizePlan,        FinalizeResults,      FinalizeOptions,
    FinalizeMapping,     FinalizePublication,  FinalizeQuality,
    FinalizeIptt,        FinalizeDhis2Mapping, FinalizeDocument};

/* The tag of each kind: a symbol, so that it needs no protection. */
static SEXP KindTag(CtindRKind kind) { return Rf_install(kClassNames[kind]); }

SEXP CtindRNewHandle(CtindRKind kind) {
  SEXP x = PROTECT(R_MakeExternalPtr(NULL, KindTag(kind), R_NilValue));
  /* onexit = TRUE: handles still alive when R exits are destroyed too. */
  R_RegisterCFinalizerEx(x, kFinalizers[kind], TRUE);
  Rf_setAttrib(x, R_ClassSymbol, Rf_mkString(kClassNames[kind]));
  UNPROTECT(1);
  return x;
}

void CtindRSetHandle(SEXP x, void* handle) {
  if (handle == NULL) Rf_error("ctind: the library returned no handle");
  R_SetExternalPtrAddr(x, handle);
  ++live_handles;
}

void CtindRRelease(SEXP x) {
  for (int kind = 0; kind < kCtindRKindCount; ++kind) {
    if (CtindRIsKind(x, (CtindRKind)kind)) {
      kFinalizers[kind](x);
      return;
    }
  }
}

SEXP ctind_r_live_handle_count(void) {
  return Rf_ScalarReal((double)live_handles);
}

SEXP CtindRBorrowedResults(const ctind_results* results, SEXP parent,
                           const char* first_class) {
  if (results == NULL) Rf_error("ctind: the library returned no results");
  SEXP x = PROTECT(R_MakeExternalPtr((void*)results, KindTag(kCtindRResults),
                                     parent));
  SEXP classes = PROTECT(Rf_allocVector(STRSXP, first_class ? 2 : 1));
  if (first_class != NULL) SET_STRING_ELT(classes, 0, Rf_mkChar(first_class));
  SET_STRING_ELT(classes, first_class ? 1 : 0,
                 Rf_mkChar(kClassNames[kCtindRResults]));
  Rf_setAttrib(x, R_ClassSymbol, classes);
  UNPROTECT(2);
  return x;
}

int CtindRIsKind(SEXP x, CtindRKind kind) {
  return TYPEOF(x) == EXTPTRSXP && R_ExternalPtrTag(x) == KindTag(kind);
}

void* CtindROptionalHandle(SEXP x, CtindRKind kind) {
  return x == R_NilValue ? NULL : CtindRHandle(x, kind);
}

void* CtindRHandle(SEXP x, CtindRKind kind) {
  if (!CtindRIsKind(x, kind)) {
    Rf_error("expected a %s object", kClassNames[kind]);
  }
  void* handle = R_ExternalPtrAddr(x);
  if (handle == NULL) {
    Rf_error(
        "this %s object is no longer valid: ctind objects do not survive "
        "saving and restoring an R session; create it again",
        kClassNames[kind]);
  }
  return handle;
}

/* Errors and bytes live in a small heap block whose address the external
 * pointer holds, so that the C API can write the pointer into it. */
static void FinalizeErrorHolder(SEXP x) {
  ctind_error** slot = (ctind_error**)R_ExternalPtrAddr(x);
  if (slot != NULL) {
    ctind_error_destroy(*slot);
    free(slot);
  }
  R_ClearExternalPtr(x);
}

static void FinalizeBytesHolder(SEXP x) {
  char** slot = (char**)R_ExternalPtrAddr(x);
  if (slot != NULL) {
    ctind_free(*slot);
    free(slot);
  }
  R_ClearExternalPtr(x);
}

static SEXP NewSlotHolder(size_t slot_size, R_CFinalizer_t finalizer) {
  SEXP x = PROTECT(R_MakeExternalPtr(NULL, R_NilValue, R_NilValue));
  R_RegisterCFinalizerEx(x, finalizer, TRUE);
  void* slot = calloc(1, slot_size);
  if (slot == NULL) Rf_error("ctind: out of memory");
  R_SetExternalPtrAddr(x, slot);
  UNPROTECT(1);
  return x;
}

SEXP CtindRNewErrorHolder(void) {
  return NewSlotHolder(sizeof(ctind_error*), FinalizeErrorHolder);
}

SEXP CtindRNewBytesHolder(void) {
  return NewSlotHolder(sizeof(char*), FinalizeBytesHolder);
}

ctind_error** CtindRErrorSlot(SEXP holder) {
  return (ctind_error**)R_ExternalPtrAddr(holder);
}

char** CtindRBytesSlot(SEXP holder) {
  return (char**)R_ExternalPtrAddr(holder);
}

SEXP CtindRMkChar(const char* data, size_t len) {
  if (data == NULL) return Rf_mkCharLenCE("", 0, CE_UTF8);
  if (len > (size_t)INT_MAX) Rf_error("ctind: a string too long for R");
  return Rf_mkCharLenCE(data, (int)len, CE_UTF8);
}

static SEXP MkString(const char* text) {
  return Rf_ScalarString(CtindRMkChar(text, text == NULL ? 0 : strlen(text)));
}

void CtindRStop(ctind_status status, SEXP error_holder) {
  ctind_error** slot = CtindRErrorSlot(error_holder);
  const ctind_error* error = slot != NULL ? *slot : NULL;
  const ctind_status code = error != NULL ? ctind_error_code(error) : status;
  const size_t count = ctind_error_diagnostic_count(error);
  if (count > (size_t)INT_MAX) Rf_error("ctind: too many diagnostics");

  SEXP message = PROTECT(MkString(error != NULL ? ctind_error_message(error)
                                                : ""));
  SEXP d_message = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)count));
  SEXP d_path = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)count));
  SEXP d_file = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)count));
  SEXP d_line = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)count));
  SEXP d_column = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)count));
  SEXP d_offset = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)count));
  for (size_t i = 0; i < count; ++i) {
    const char* text = NULL;
    const char* path = NULL;
    const char* file = NULL;
    int32_t line = 0;
    int32_t column = 0;
    int64_t offset = -1;
    ctind_error_diagnostic(error, i, &text, &path, &file, &line, &column,
                           &offset);
    SET_STRING_ELT(d_message, (R_xlen_t)i,
                   CtindRMkChar(text, text ? strlen(text) : 0));
    SET_STRING_ELT(d_path, (R_xlen_t)i,
                   CtindRMkChar(path, path ? strlen(path) : 0));
    SET_STRING_ELT(d_file, (R_xlen_t)i,
                   CtindRMkChar(file, file ? strlen(file) : 0));
    /* 0 and -1 mean "unknown" in the C API; NA says so in R. */
    INTEGER(d_line)[i] = line > 0 ? line : NA_INTEGER;
    INTEGER(d_column)[i] = column > 0 ? column : NA_INTEGER;
    REAL(d_offset)[i] = offset >= 0 ? (double)offset : NA_REAL;
  }
  /* Everything is copied: the error handle can go before R unwinds. */
  if (slot != NULL) {
    ctind_error_destroy(*slot);
    *slot = NULL;
  }

  SEXP ns = PROTECT(R_FindNamespace(Rf_mkString("ctind")));
  SEXP call = PROTECT(Rf_allocVector(LANGSXP, 9));
  SEXP cell = call;
  SETCAR(cell, Rf_install("ctind_stop"));
  SEXP args[] = {Rf_ScalarInteger((int)code), message, d_message, d_path,
                 d_file, d_line, d_column, d_offset};
  for (size_t i = 0; i < sizeof args / sizeof args[0]; ++i) {
    cell = CDR(cell);
    SETCAR(cell, args[i]);
  }
  Rf_eval(call, ns);
  UNPROTECT(9);
  Rf_error("ctind: ctind_stop returned");  /* not reached */
}

void CtindRCheck(ctind_status status, SEXP error_holder) {
  if (status != CTIND_OK) CtindRStop(status, error_holder);
}

SEXP CtindRTakeBytes(SEXP holder, size_t len, int as_raw) {
  char** slot = CtindRBytesSlot(holder);
  SEXP out;
  if (as_raw) {
    out = PROTECT(Rf_allocVector(RAWSXP, (R_xlen_t)len));
    if (len > 0) memcpy(RAW(out), *slot, len);
  } else {
    out = PROTECT(Rf_ScalarString(CtindRMkChar(*slot, len)));
  }
  ctind_free(*slot);
  *slot = NULL;
  UNPROTECT(1);
  return out;
}

const char* CtindRString(SEXP x, const char* what) {
  if (TYPEOF(x) != STRSXP || XLENGTH(x) != 1 ||
      STRING_ELT(x, 0) == NA_STRING) {
    Rf_error("'%s' must be a single string (not NA)", what);
  }
  return Rf_translateCharUTF8(STRING_ELT(x, 0));
}

int CtindRFlag(SEXP x, const char* what) {
  if (TYPEOF(x) != LGLSXP || XLENGTH(x) != 1 || LOGICAL(x)[0] == NA_LOGICAL) {
    Rf_error("'%s' must be TRUE or FALSE", what);
  }
  return LOGICAL(x)[0];
}

ctind_format CtindRFormat(SEXP x) {
  const int format = Rf_asInteger(x);
  if (format != CTIND_FORMAT_TEXT && format != CTIND_FORMAT_JSON &&
      format != CTIND_FORMAT_BINARY) {
    Rf_error("unknown format number %d", format);
  }
  return (ctind_format)format;
}
