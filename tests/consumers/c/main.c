// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A C99 program that uses libctind through <ctind.h> only: prints the
// library's version and loads a framework from a string. Exits non-zero,
// saying why on stderr, when anything is not as the C API promises.

#include <ctind.h>

#include <stdio.h>
#include <string.h>

static const char kFramework[] =
    "project { id: \"P\" title: \"T\" start_date: \"2025-01-01\" "
    "end_date: \"2025-12-31\" }";
static const char kFileName[] = "inline.textproto";

int main(void) {
  ctind_framework* framework = NULL;
  ctind_error* error = NULL;
  ctind_status status;

  printf("ctind %s\n", ctind_version());
  if (strcmp(ctind_version(), CTIND_VERSION_STRING) != 0 ||
      ctind_version_number() != CTIND_VERSION_NUMBER) {
    fprintf(stderr, "FAIL: library %s (%u) but header %s (%u)\n",
            ctind_version(), (unsigned)ctind_version_number(),
            CTIND_VERSION_STRING, (unsigned)CTIND_VERSION_NUMBER);
    return 1;
  }

  status = ctind_framework_load(kFramework, sizeof kFramework - 1,
                                CTIND_FORMAT_TEXT, kFileName,
                                sizeof kFileName - 1, &framework, &error);
  if (status != CTIND_OK || framework == NULL || error != NULL) {
    fprintf(stderr, "FAIL: ctind_framework_load: status %d: %s\n",
            (int)status, ctind_error_message(error));
    ctind_error_destroy(error);
    ctind_framework_destroy(framework);
    return 1;
  }
  ctind_framework_destroy(framework);
  framework = NULL;
  printf("framework loaded\n");

  // The error path crosses the ABI too: a truncated definition must fail
  // with an error handle and leave the output NULL.
  status = ctind_framework_load(kFramework, 12, CTIND_FORMAT_TEXT, kFileName,
                                sizeof kFileName - 1, &framework, &error);
  if (status == CTIND_OK || framework != NULL || error == NULL ||
      ctind_error_code(error) != status ||
      ctind_error_message(error)[0] == '\0') {
    fprintf(stderr, "FAIL: a truncated framework gave status %d, %s\n",
            (int)status, error == NULL ? "no error" : "an empty message");
    ctind_error_destroy(error);
    ctind_framework_destroy(framework);
    return 1;
  }
  printf("truncated framework rejected: %s\n", ctind_error_message(error));
  ctind_error_destroy(error);
  return 0;
}
