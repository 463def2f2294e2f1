/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * .Call entry points for the renderers of publications: IATI, DHIS2 and
 * the HTML report.
 */

#include <string.h>

#include "ctind_r.h"

/* The text of the document in `holder` as a character scalar with the
 * attribute "notes" (what the document leaves out, one sentence each); the
 * document is destroyed. */
static SEXP TakeDocument(SEXP holder) {
  const ctind_document* document = CtindRHandle(holder, kCtindRDocument);
  const char* data = NULL;
  size_t len = 0;
  size_t notes = 0;
  if (ctind_document_text(document, &data, &len) != CTIND_OK ||
      ctind_document_note_count(document, &notes) != CTIND_OK) {
    Rf_error("ctind: reading the rendered document failed");
  }
  SEXP out = PROTECT(Rf_ScalarString(CtindRMkChar(data, len)));
  SEXP note_vector = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)notes));
  for (size_t i = 0; i < notes; ++i) {
    if (ctind_document_note(document, i, &data, &len) != CTIND_OK) {
      Rf_error("ctind: reading a note of the document failed");
    }
    SET_STRING_ELT(note_vector, (R_xlen_t)i, CtindRMkChar(data, len));
  }
  Rf_setAttrib(out, Rf_install("notes"), note_vector);
  CtindRRelease(holder);
  UNPROTECT(2);
  return out;
}

SEXP ctind_r_render_iati(SEXP framework, SEXP publication, SEXP settings) {
  const ctind_framework* f = CtindRHandle(framework, kCtindRFramework);
  const ctind_results* p = CtindRHandle(publication, kCtindRResults);
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP document = PROTECT(CtindRNewHandle(kCtindRDocument));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_document* out = NULL;
  CtindRCheck(ctind_render_iati(f, p, CtindRHandle(options, kCtindROptions),
                                &out, CtindRErrorSlot(error)),
              error);
  CtindRSetHandle(document, out);
  SEXP text = TakeDocument(document);
  UNPROTECT(3);
  return text;
}

SEXP ctind_r_render_dhis2(SEXP publication, SEXP mapping) {
  const ctind_results* p = CtindRHandle(publication, kCtindRResults);
  const ctind_dhis2_mapping* m = CtindRHandle(mapping, kCtindRDhis2Mapping);
  SEXP document = PROTECT(CtindRNewHandle(kCtindRDocument));
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_document* out = NULL;
  CtindRCheck(ctind_render_dhis2(p, m, &out, CtindRErrorSlot(error)), error);
  CtindRSetHandle(document, out);
  SEXP text = TakeDocument(document);
  UNPROTECT(2);
  return text;
}

/* The HTML report of `publication` (published, assessed results of
 * `framework`), with its IPTT built here; `quality` and `schema` may be
 * NULL. */
SEXP ctind_r_render_html(SEXP framework, SEXP publication, SEXP quality,
                         SEXP schema, SEXP settings) {
  const ctind_framework* f = CtindRHandle(framework, kCtindRFramework);
  const ctind_results* p = CtindRHandle(publication, kCtindRResults);
  const ctind_quality* q = CtindROptionalHandle(quality, kCtindRQuality);
  const ctind_schema* s = CtindROptionalHandle(schema, kCtindRSchema);
  SEXP options = PROTECT(CtindROptions(settings));
  SEXP iptt_holder = PROTECT(CtindRNewHandle(kCtindRIptt));
  SEXP bytes = PROTECT(CtindRNewBytesHolder());
  SEXP error = PROTECT(CtindRNewErrorHolder());
  ctind_iptt* iptt = NULL;
  CtindRCheck(ctind_iptt_build(f, p, &iptt, CtindRErrorSlot(error)), error);
  CtindRSetHandle(iptt_holder, iptt);
  size_t len = 0;
  CtindRCheck(ctind_render_html(f, p, iptt, q, s,
                                CtindRHandle(options, kCtindROptions),
                                CtindRBytesSlot(bytes), &len,
                                CtindRErrorSlot(error)),
              error);
  SEXP out = PROTECT(CtindRTakeBytes(bytes, len, 0));
  CtindRRelease(iptt_holder);
  UNPROTECT(5);
  return out;
}
