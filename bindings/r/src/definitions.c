/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * .Call entry points for the library's version, schemas, frameworks, plans
 * and the built-in catalog.
 */

#include <string.h>

#include "ctind_r.h"

/* The bytes of a definition given as a character scalar or a raw vector. */
static void DefinitionBytes(SEXP x, const char** out_data, size_t* out_len) {
  if (TYPEOF(x) == RAWSXP) {
    *out_data = (const char*)RAW(x);
    *out_len = (size_t)XLENGTH(x);
    return;
  }
  *out_data = CtindRString(x, "text");
  *out_len = strlen(*out_data);
}

SEXP ctind_r_version(void) {
  const char* version = ctind_version();
  return Rf_ScalarString(CtindRMkChar(version, strlen(version)));
}

SEXP ctind_r_header_version(void) {
  return Rf_mkString(CTIND_VERSION_STRING);
}

SEXP ctind_r_schema_load(SEXP text, SEXP format, SEXP file_name) {
  const char* data;
  size_t len;
  DefinitionBytes(text, &data, &len);
  const char* name = CtindRString(file_name, "file_name");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRSchema));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_schema* schema = NULL;
  const ctind_status status =
      ctind_schema_load(data, len, CtindRFormat(format), name, strlen(name),
                        &schema, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, schema);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_schema_load_file(SEXP path) {
  const char* file = CtindRString(path, "path");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRSchema));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_schema* schema = NULL;
  const ctind_status status = ctind_schema_load_file(
      file, strlen(file), &schema, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, schema);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_schema_serialize(SEXP schema, SEXP format) {
  const ctind_format f = CtindRFormat(format);
  const ctind_schema* handle = CtindRHandle(schema, kCtindRSchema);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  const ctind_status status = ctind_schema_serialize(
      handle, f, CtindRBytesSlot(bytes), &len, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  SEXP out = CtindRTakeBytes(bytes, len, f == CTIND_FORMAT_BINARY);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_framework_load(SEXP text, SEXP format, SEXP file_name) {
  const char* data;
  size_t len;
  DefinitionBytes(text, &data, &len);
  const char* name = CtindRString(file_name, "file_name");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRFramework));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_framework* framework = NULL;
  const ctind_status status =
      ctind_framework_load(data, len, CtindRFormat(format), name,
                           strlen(name), &framework, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, framework);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_framework_load_file(SEXP path) {
  const char* file = CtindRString(path, "path");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRFramework));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_framework* framework = NULL;
  const ctind_status status = ctind_framework_load_file(
      file, strlen(file), &framework, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, framework);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_framework_validate(SEXP framework, SEXP schema) {
  const ctind_framework* f = CtindRHandle(framework, kCtindRFramework);
  const ctind_schema* s = CtindRHandle(schema, kCtindRSchema);
  SEXP error = PROTECT(CtindRNewErrorHolder());
  CtindRCheck(ctind_framework_validate(f, s, CtindRErrorSlot(error)), error);
  UNPROTECT(1);
  return Rf_ScalarLogical(TRUE);
}

SEXP ctind_r_framework_serialize(SEXP framework, SEXP format) {
  const ctind_format f = CtindRFormat(format);
  const ctind_framework* handle = CtindRHandle(framework, kCtindRFramework);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  const ctind_status status = ctind_framework_serialize(
      handle, f, CtindRBytesSlot(bytes), &len, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  SEXP out = CtindRTakeBytes(bytes, len, f == CTIND_FORMAT_BINARY);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_plan_create(SEXP framework, SEXP schema) {
  const ctind_framework* f = CtindRHandle(framework, kCtindRFramework);
  const ctind_schema* s = CtindRHandle(schema, kCtindRSchema);
  SEXP out = PROTECT(CtindRNewHandle(kCtindRPlan));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_plan* plan = NULL;
  CtindRCheck(ctind_plan_create(f, s, &plan, CtindRErrorSlot(error)), error);
  CtindRSetHandle(out, plan);
  /* The plan object keeps list(framework, schema): publishing, assessing
   * and rendering its results need the framework, HTML the schema. */
  SEXP parents = PROTECT(Rf_allocVector(VECSXP, 2));
  SET_VECTOR_ELT(parents, 0, framework);
  SET_VECTOR_ELT(parents, 1, schema);
  R_SetExternalPtrProtected(out, parents);
  UNPROTECT(3);
  return out;
}

/* The list(framework, schema) a plan was compiled from. */
SEXP ctind_r_plan_parents(SEXP plan) {
  CtindRHandle(plan, kCtindRPlan);
  return R_ExternalPtrProtected(plan);
}

/* ---------------------------------------------------------------------
 * CSV mappings and DHIS2 mappings.
 */

SEXP ctind_r_mapping_load(SEXP schema, SEXP text, SEXP format,
                          SEXP file_name) {
  const ctind_schema* s = CtindRHandle(schema, kCtindRSchema);
  const char* data;
  size_t len;
  DefinitionBytes(text, &data, &len);
  const char* name = CtindRString(file_name, "file_name");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRMapping));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_mapping* mapping = NULL;
  const ctind_status status =
      ctind_mapping_load(s, data, len, CtindRFormat(format), name,
                         strlen(name), &mapping, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, mapping);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_mapping_serialize(SEXP mapping, SEXP format) {
  const ctind_format f = CtindRFormat(format);
  const ctind_mapping* handle = CtindRHandle(mapping, kCtindRMapping);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  const ctind_status status = ctind_mapping_serialize(
      handle, f, CtindRBytesSlot(bytes), &len, CtindRErrorSlot(error));
  CtindRCheck(status, error);
  SEXP out = CtindRTakeBytes(bytes, len, f == CTIND_FORMAT_BINARY);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_dhis2_mapping_load(SEXP text, SEXP format, SEXP file_name) {
  const char* data;
  size_t len;
  DefinitionBytes(text, &data, &len);
  const char* name = CtindRString(file_name, "file_name");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRDhis2Mapping));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_dhis2_mapping* mapping = NULL;
  const ctind_status status = ctind_dhis2_mapping_load(
      data, len, CtindRFormat(format), name, strlen(name), &mapping,
      CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, mapping);
  UNPROTECT(2);
  return out;
}

/* ---------------------------------------------------------------------
 * The built-in catalog.
 */

SEXP ctind_r_catalog_schema(void) {
  SEXP out = PROTECT(CtindRNewHandle(kCtindRSchema));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_schema* schema = NULL;
  CtindRCheck(ctind_catalog_schema(&schema, CtindRErrorSlot(error)), error);
  CtindRSetHandle(out, schema);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_catalog_schema_text(void) {
  const char* data = NULL;
  size_t len = 0;
  SEXP error = PROTECT(CtindRNewErrorHolder());
  CtindRCheck(ctind_catalog_schema_text(&data, &len), error);
  UNPROTECT(1);
  return Rf_ScalarString(CtindRMkChar(data, len));
}

/* list(id, title, pillar): the catalog's indicators in catalog order. */
SEXP ctind_r_catalog_indicators(void) {
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t count = 0;
  CtindRCheck(ctind_catalog_indicator_count(&count, CtindRErrorSlot(error)),
              error);
  SEXP ids = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)count));
  SEXP titles = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)count));
  SEXP pillars = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)count));
  for (size_t i = 0; i < count; ++i) {
    const char* data = NULL;
    size_t len = 0;
    CtindRCheck(ctind_catalog_indicator_id(i, &data, &len), error);
    SET_STRING_ELT(ids, (R_xlen_t)i, CtindRMkChar(data, len));
    CtindRCheck(ctind_catalog_indicator_title(i, &data, &len), error);
    SET_STRING_ELT(titles, (R_xlen_t)i, CtindRMkChar(data, len));
    CtindRCheck(ctind_catalog_indicator_pillar(i, &data, &len), error);
    SET_STRING_ELT(pillars, (R_xlen_t)i, CtindRMkChar(data, len));
  }
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
  SET_VECTOR_ELT(out, 0, ids);
  SET_VECTOR_ELT(out, 1, titles);
  SET_VECTOR_ELT(out, 2, pillars);
  UNPROTECT(5);
  return out;
}

SEXP ctind_r_catalog_indicator(SEXP id, SEXP format) {
  const char* name = CtindRString(id, "id");
  const ctind_format f = CtindRFormat(format);
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  const ctind_status status = ctind_catalog_indicator_serialize(
      name, strlen(name), f, CtindRBytesSlot(bytes), &len,
      CtindRErrorSlot(error));
  CtindRCheck(status, error);
  SEXP out = CtindRTakeBytes(bytes, len, f == CTIND_FORMAT_BINARY);
  UNPROTECT(2);
  return out;
}

/* `pillars` and `ids` are comma-separated lists, as the C API takes them. */
SEXP ctind_r_catalog_export(SEXP pillars, SEXP ids) {
  const char* p = CtindRString(pillars, "pillars");
  const char* i = CtindRString(ids, "ids");
  SEXP out = PROTECT(CtindRNewHandle(kCtindRFramework));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_framework* framework = NULL;
  const ctind_status status =
      ctind_catalog_export(p, strlen(p), i, strlen(i), &framework,
                           CtindRErrorSlot(error));
  CtindRCheck(status, error);
  CtindRSetHandle(out, framework);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_catalog_export_text(SEXP pillars, SEXP ids) {
  const char* p = CtindRString(pillars, "pillars");
  const char* i = CtindRString(ids, "ids");
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  size_t len = 0;
  const ctind_status status =
      ctind_catalog_export_text(p, strlen(p), i, strlen(i),
                                CtindRBytesSlot(bytes), &len,
                                CtindRErrorSlot(error));
  CtindRCheck(status, error);
  SEXP out = CtindRTakeBytes(bytes, len, 0);
  UNPROTECT(2);
  return out;
}
