/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * The C API test, compiled as C99 (-std=c99 -pedantic) and linked only to
 * the shared library. It calls every function of ctind.h, every error path
 * and every NULL argument, and checks the numbers of a small computation
 * worked out by hand. Fixtures are string literals; the files that the
 * *_load_file functions read are written into the directory given as the
 * first argument (default: the current directory).
 *
 * Output: one line per failed check (file:line: what), then
 * "N passed, M failed". Exit code 1 on any failure.
 */

#include <stdbool.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctind.h"

/* ---------------------------------------------------------------------- */
/* Checks. */

static int g_passed = 0;
static int g_failed = 0;

static void record(bool ok, const char* file, int line, const char* what) {
  if (ok) {
    ++g_passed;
  } else {
    ++g_failed;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
  }
}

#define CHECK(cond) record((cond) ? true : false, __FILE__, __LINE__, #cond)

/* `haystack` (NUL-terminated) contains `needle`; prints both if not. */
static void check_contains(const char* haystack, const char* needle,
                           const char* file, int line) {
  bool ok = haystack != NULL && strstr(haystack, needle) != NULL;
  record(ok, file, line, needle);
  if (!ok) {
    fprintf(stderr, "  expected to find \"%s\" in \"%s\"\n", needle,
            haystack != NULL ? haystack : "(null)");
  }
}
#define CHECK_CONTAINS(haystack, needle) \
  check_contains((haystack), (needle), __FILE__, __LINE__)

/* A borrowed (data, len) string equals `expected`. */
static bool span_equals(const char* data, size_t len, const char* expected) {
  return data != NULL && len == strlen(expected) &&
         memcmp(data, expected, len) == 0;
}

/* The error of the last EXPECT call. EXPECT first sets it to a sentinel so
 * that a function that forgets to clear *out_error is caught. */
static char g_sentinel_byte;
#define SENTINEL ((ctind_error*)(void*)&g_sentinel_byte)
static ctind_error* err = NULL;

static void drop_error(void) {
  if (err != NULL && err != SENTINEL) ctind_error_destroy(err);
  err = SENTINEL;
}

/* For calls that take `&err`: the status is `expected`; on success the
 * error is NULL, on failure an error handle with the same code. */
static void check_status(ctind_status got, ctind_status expected,
                         const char* file, int line, const char* call) {
  bool ok = got == expected;
  if (expected == CTIND_OK) {
    ok = ok && err == NULL;
  } else {
    ok = ok && err != NULL && err != SENTINEL &&
         ctind_error_code(err) == expected &&
         ctind_error_message(err)[0] != '\0';
  }
  record(ok, file, line, call);
  if (!ok) {
    fprintf(stderr, "  status %d, expected %d; error: %s\n", (int)got,
            (int)expected,
            err == NULL       ? "(none)"
            : err == SENTINEL ? "(not cleared)"
                              : ctind_error_message(err));
  }
}
#define EXPECT(expected, call)                                   \
  do {                                                           \
    drop_error();                                                \
    check_status((call), (expected), __FILE__, __LINE__, #call); \
  } while (0)

/* For calls without an error handle. */
#define EXPECT_RC(expected, call) CHECK((call) == (expected))

/* Owned bytes: present, NUL-terminated after len, released. */
static void check_owned_text(char* data, size_t len, const char* needle,
                             const char* file, int line) {
  bool ok = data != NULL && len > 0 && data[len] == '\0' && strlen(data) == len;
  record(ok, file, line, "owned text is NUL-terminated and of its length");
  if (ok && needle != NULL) check_contains(data, needle, file, line);
  ctind_free(data);
}
#define CHECK_OWNED_TEXT(data, len, needle) \
  check_owned_text((data), (len), (needle), __FILE__, __LINE__)

#define LIT(s) (s), (sizeof(s) - 1)

/* ---------------------------------------------------------------------- */
/* Fixtures. */

static const char kSchema[] =
    "id: \"ct-test\"\n"
    "version: \"1\"\n"
    "code_lists {\n"
    "  id: \"gender\"\n"
    "  codes { value: \"Female\" }\n"
    "  codes { value: \"Male\" }\n"
    "  codes { value: \"Other\" }\n"
    "}\n"
    "tables {\n"
    "  name: \"victims\"\n"
    "  fields { name: \"person_id\" type: STRING role: IDENTIFIER "
    "required: true }\n"
    "  fields { name: \"prs_Gender\" type: CATEGORY code_list: \"gender\" }\n"
    "  fields { name: \"identified_on\" type: DATE required: true }\n"
    "  key: \"person_id\"\n"
    "  person: \"person_id\"\n"
    "}\n";

/* The same tables under another schema id. */
static const char kOtherSchema[] =
    "id: \"ct-other\"\n"
    "code_lists { id: \"gender\" codes { value: \"Female\" } "
    "codes { value: \"Male\" } codes { value: \"Other\" } }\n"
    "tables {\n"
    "  name: \"victims\"\n"
    "  fields { name: \"person_id\" type: STRING role: IDENTIFIER "
    "required: true }\n"
    "  fields { name: \"prs_Gender\" type: CATEGORY code_list: \"gender\" }\n"
    "  fields { name: \"identified_on\" type: DATE required: true }\n"
    "  key: \"person_id\"\n"
    "}\n";

/* Lines 1-7. */
#define FRAMEWORK_HEAD                                             \
  "project {\n"                                                    \
  "  id: \"CT-TEST\"\n"                                            \
  "  title: \"Test project\"\n"                                    \
  "  start_date: \"2025-01-01\"\n"                                 \
  "  end_date: \"2025-12-31\"\n"                                   \
  "}\n"                                                            \
  "results { id: \"G1\" title: \"Victims protected\" level: GOAL " \
  "pillar: PROTECTION }\n"

static const char kFramework[] = FRAMEWORK_HEAD
    "indicators {\n"
    "  id: \"PROT-01\"\n"
    "  title: \"Victims identified\"\n"
    "  result: \"G1\"\n"
    "  measure { value { table: \"victims\" count_distinct: \"person_id\" } }\n"
    "  period { by: \"identified_on\" every: QUARTERLY }\n"
    "  disaggregate_by { dimensions: \"prs_Gender\" }\n"
    "}\n";

/* A dangling reference: result "NOPE" on line 11. */
static const char kDanglingFramework[] = FRAMEWORK_HEAD
    "indicators {\n"
    "  id: \"PROT-01\"\n"
    "  title: \"Victims identified\"\n"
    "  result: \"NOPE\"\n"
    "  measure { value { table: \"victims\" count_distinct: \"person_id\" } }\n"
    "  period { by: \"identified_on\" every: QUARTERLY }\n"
    "}\n";

/* Valid on its own, but "prs_Sex" (line 14) is not a field of the schema. */
static const char kUnknownFieldFramework[] = FRAMEWORK_HEAD
    "indicators {\n"
    "  id: \"PROT-01\"\n"
    "  title: \"Victims identified\"\n"
    "  result: \"G1\"\n"
    "  measure { value { table: \"victims\" count_distinct: \"person_id\" } }\n"
    "  period { by: \"identified_on\" every: QUARTERLY }\n"
    "  disaggregate_by { dimensions: \"prs_Sex\" }\n"
    "}\n";

/* A syntax error: `title "..."` lacks its colon; the string token is at
 * line 3, column 9. */
static const char kMalformedFramework[] =
    "project {\n"
    "  id: \"CT-TEST\"\n"
    "  title \"Test project\"\n"
    "}\n";

/* An unknown proto field, "colour", on line 2. */
static const char kUnknownProtoField[] =
    "project {\n"
    "  colour: \"red\"\n"
    "}\n";

/* Eight victims; worked out by hand for as-of 2025-12-31:
 *            Female Male Other unknown total
 *   2025Q1      2     1    0      -      3   (2025-03-31 is Q1's last day)
 *   2025Q2      1     0    0      1      2
 *   2025Q3      0     1    0      -      1
 *   2025Q4      0     1    1      -      2   (2025-12-31: the as-of day)
 *   LOP         3     3    1      1      8
 * and for as-of 2025-05-15: Q1 as above, Q2 partial with P4 only
 * (Female 1, total 1), Q3 and Q4 not computed, LOP 4. */
static const char kVictimsCsv[] =
    "person_id,prs_Gender,identified_on\n"
    "P1,Female,2025-01-15\n"
    "P2,Male,2025-02-10\n"
    "P3,Female,2025-03-31\n"
    "P4,Female,2025-04-01\n"
    "P5,,2025-05-20\n"
    "P6,Male,2025-09-30\n"
    "P7,Other,2025-10-01\n"
    "P8,Male,2025-12-31\n";

/* 2025-02-30 does not exist: line 3, column 9. */
static const char kBadDateCsv[] =
    "person_id,prs_Gender,identified_on\n"
    "P1,Female,2025-01-15\n"
    "P2,Male,2025-02-30\n";

/* Line 3 has two fields; its last field starts at column 4. */
static const char kWrongColumnCountCsv[] =
    "person_id,prs_Gender,identified_on\n"
    "P1,Female,2025-01-15\n"
    "P2,Male\n";

/* An invalid UTF-8 byte at line 2, column 7. */
static const char kInvalidUtf8Csv[] =
    "person_id,prs_Gender,identified_on\n"
    "P1,Fem\xff"
    "le,2025-01-15\n";

static const char kMissingColumnCsv[] =
    "person_id,prs_Gender\n"
    "P1,Female\n";

static const char kUnknownColumnCsv[] =
    "person_id,prs_Gender,identified_on,sexx\n"
    "P1,Female,2025-01-15,F\n";

/* ---------------------------------------------------------------------- */
/* Helpers. */

static char g_dir[1024] = ".";

/* Writes `len` bytes to `name` under the test directory; the full path
 * goes to `path`. */
static bool write_file(const char* name, const char* data, size_t len,
                       char* path, size_t path_size) {
  FILE* f;
  int n = snprintf(path, path_size, "%s/%s", g_dir, name);
  if (n < 0 || (size_t)n >= path_size) return false;
  f = fopen(path, "wb");
  if (f == NULL) return false;
  if (len > 0 && fwrite(data, 1, len, f) != len) {
    fclose(f);
    return false;
  }
  return fclose(f) == 0;
}

static ctind_schema* load_schema(const char* text, size_t len) {
  ctind_schema* schema = NULL;
  EXPECT(CTIND_OK, ctind_schema_load(text, len, CTIND_FORMAT_TEXT,
                                     LIT("schema.textproto"), &schema, &err));
  return schema;
}

static ctind_framework* load_framework(const char* text, size_t len) {
  ctind_framework* framework = NULL;
  EXPECT(CTIND_OK,
         ctind_framework_load(text, len, CTIND_FORMAT_TEXT,
                              LIT("framework.textproto"), &framework, &err));
  return framework;
}

/* The victims dataset of `schema`. */
static ctind_dataset* load_victims(const ctind_schema* schema) {
  ctind_dataset* dataset = NULL;
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_OK,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kVictimsCsv),
                                LIT("victims.csv"), NULL, &err));
  return dataset;
}

/* The one cell of indicator `indicator` (find_cell: 0) with this scope,
 * period and gender (NULL: the total); NULL when there is none or more
 * than one. */
static const ctind_cell* find_indicator_cell(const ctind_results* results,
                                             size_t indicator,
                                             ctind_scope scope,
                                             const char* period,
                                             const char* gender) {
  size_t count = 0, i;
  const ctind_cell* found = NULL;
  int matches = 0;
  if (ctind_results_cell_count(results, indicator, &count) != CTIND_OK) {
    return NULL;
  }
  for (i = 0; i < count; ++i) {
    const ctind_cell* cell = NULL;
    const char* text = NULL;
    size_t len = 0;
    if (ctind_results_get_cell(results, indicator, i, &cell) != CTIND_OK) {
      return NULL;
    }
    if (ctind_cell_scope(cell) != scope) continue;
    if (ctind_cell_period(cell, &text, &len) != CTIND_OK ||
        !span_equals(text, len, period)) {
      continue;
    }
    if (ctind_cell_breakdown(cell, &text, &len) != CTIND_OK) return NULL;
    if (gender == NULL) {
      if (len != 0 || ctind_cell_coordinate_count(cell) != 0) continue;
    } else {
      const char* dimension = NULL;
      const char* value = NULL;
      size_t dimension_len = 0, value_len = 0;
      if (!span_equals(text, len, "prs_Gender") ||
          ctind_cell_coordinate_count(cell) != 1) {
        continue;
      }
      if (ctind_cell_coordinate(cell, 0, &dimension, &dimension_len, &value,
                                &value_len) != CTIND_OK) {
        return NULL;
      }
      if (!span_equals(dimension, dimension_len, "prs_Gender") ||
          !span_equals(value, value_len, gender)) {
        continue;
      }
    }
    found = cell;
    ++matches;
  }
  return matches == 1 ? found : NULL;
}

static const ctind_cell* find_cell(const ctind_results* results,
                                   ctind_scope scope, const char* period,
                                   const char* gender) {
  return find_indicator_cell(results, 0, scope, period, gender);
}

/* The cell exists, is PRESENT and holds `expected` (0 included). */
static void check_cell(const ctind_results* results, ctind_scope scope,
                       const char* period, const char* gender, double expected,
                       const char* file, int line) {
  const ctind_cell* cell = find_cell(results, scope, period, gender);
  double value = -1;
  bool ok = cell != NULL && ctind_cell_status(cell) == CTIND_VALUE_PRESENT &&
            ctind_cell_value(cell, &value) && value == expected;
  record(ok, file, line, "cell value");
  if (!ok) {
    fprintf(stderr, "  cell %s %s %s: %s, value %g, expected %g\n", period,
            gender != NULL ? gender : "(total)",
            scope == CTIND_SCOPE_LIFE_OF_PROJECT ? "LOP" : "period",
            cell == NULL ? "not found (or not unique)" : "found", value,
            expected);
  }
}
#define CHECK_CELL(results, scope, period, gender, expected)               \
  check_cell((results), (scope), (period), (gender), (expected), __FILE__, \
             __LINE__)

/* Diagnostic `index` of `err`. */
typedef struct diagnostic {
  const char* message;
  const char* path;
  const char* file;
  int32_t line;
  int32_t column;
  int64_t offset;
} diagnostic;

static diagnostic get_diagnostic(size_t index) {
  diagnostic d;
  memset(&d, 0, sizeof d);
  if (ctind_error_diagnostic(err, index, &d.message, &d.path, &d.file, &d.line,
                             &d.column, &d.offset) != CTIND_OK) {
    d.message = NULL;
  }
  return d;
}

/* ---------------------------------------------------------------------- */
/* Tests. */

static void test_version_and_memory(void) {
  CHECK(strcmp(ctind_version(), CTIND_VERSION_STRING) == 0);
  CHECK(ctind_version_number() == (uint32_t)CTIND_VERSION_NUMBER);
  CHECK(ctind_version_number() ==
        (uint32_t)(CTIND_VERSION_MAJOR * 10000 + CTIND_VERSION_MINOR * 100 +
                   CTIND_VERSION_PATCH));
  ctind_free(NULL); /* a no-op */
  CHECK(true);
}

static void test_error_handle_null(void) {
  const char* message = "x";
  const char* path = "x";
  const char* file = "x";
  int32_t line = 7, column = 7;
  int64_t offset = 7;
  ctind_error_destroy(NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_error_code(NULL));
  CHECK(ctind_error_message(NULL) != NULL && ctind_error_message(NULL)[0] == 0);
  CHECK(ctind_error_diagnostic_count(NULL) == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_error_diagnostic(NULL, 0, &message, &path, &file, &line,
                                   &column, &offset));
  CHECK(message == NULL && path == NULL && file == NULL && line == 0 &&
        column == 0);
  /* Every out pointer may be NULL. */
  EXPECT_RC(
      CTIND_INVALID_ARGUMENT,
      ctind_error_diagnostic(NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL));
}

static void test_schema(void) {
  ctind_schema* schema = NULL;
  ctind_schema* copy = NULL;
  ctind_schema* out = NULL;
  char* data = NULL;
  size_t len = 0;
  char path[1200];
  int format;

  /* Success, and *out_error is cleared. */
  EXPECT(CTIND_OK, ctind_schema_load(LIT(kSchema), CTIND_FORMAT_TEXT,
                                     LIT("schema.textproto"), &schema, &err));
  CHECK(schema != NULL);
  /* out_error may be NULL. */
  CHECK(ctind_schema_load(LIT(kSchema), CTIND_FORMAT_TEXT, NULL, 0, &copy,
                          NULL) == CTIND_OK);
  ctind_schema_destroy(copy);
  copy = NULL;

  /* Round trips through every format. */
  for (format = CTIND_FORMAT_TEXT; format <= CTIND_FORMAT_BINARY; ++format) {
    char* again = NULL;
    size_t again_len = 0;
    EXPECT(CTIND_OK, ctind_schema_serialize(schema, (ctind_format)format, &data,
                                            &len, &err));
    CHECK(data != NULL && len > 0 && data[len] == '\0');
    EXPECT(CTIND_OK, ctind_schema_load(data, len, (ctind_format)format,
                                       LIT("copy"), &copy, &err));
    EXPECT(CTIND_OK, ctind_schema_serialize(copy, (ctind_format)format, &again,
                                            &again_len, &err));
    CHECK(again != NULL && again_len == len && memcmp(again, data, len) == 0);
    if (format == CTIND_FORMAT_TEXT) CHECK_CONTAINS(data, "prs_Gender");
    if (format == CTIND_FORMAT_JSON) CHECK_CONTAINS(data, "\"code_lists\"");
    ctind_free(again);
    ctind_free(data);
    ctind_schema_destroy(copy);
    copy = NULL;
  }

  /* NULL and bad arguments. */
  out = (ctind_schema*)(void*)&g_sentinel_byte;
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load(NULL, 5, CTIND_FORMAT_TEXT, NULL, 0, &out, &err));
  CHECK(out == NULL); /* out-parameters are NULL on failure */
  CHECK_CONTAINS(ctind_error_message(err), "data");
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_schema_load(LIT(kSchema), CTIND_FORMAT_TEXT, NULL, 3, &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "file_name");
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_schema_load(LIT(kSchema), CTIND_FORMAT_TEXT, NULL, 0, NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "out");
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_schema_load(LIT(kSchema), (ctind_format)99, NULL, 0, &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "99");
  CHECK(ctind_schema_load(NULL, 5, CTIND_FORMAT_TEXT, NULL, 0, &out, NULL) ==
        CTIND_INVALID_ARGUMENT);
  /* A zero-length buffer (NULL data is fine) is an empty schema: invalid,
   * since a schema needs a table. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load(NULL, 0, CTIND_FORMAT_TEXT, LIT("empty.textproto"),
                           &out, &err));
  CHECK(out == NULL);
  CHECK_CONTAINS(ctind_error_message(err), "table");
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load("", 0, CTIND_FORMAT_BINARY, NULL, 0, &out, &err));
  /* Not a binary schema. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load(LIT("\xff\xff\xff\xff"), CTIND_FORMAT_BINARY,
                           LIT("garbage.binpb"), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "garbage.binpb");
  /* An unknown field in JSON. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load(LIT("{\"id\": \"x\", \"tablez\": []}"),
                           CTIND_FORMAT_JSON, LIT("schema.json"), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "tablez");
  /* An unknown field in text: line 2 names it. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load(LIT("id: \"x\"\ntablez { name: \"v\" }\n"),
                           CTIND_FORMAT_TEXT, LIT("schema.textproto"), &out,
                           &err));
  CHECK_CONTAINS(ctind_error_message(err), "schema.textproto:2:");
  CHECK_CONTAINS(ctind_error_message(err), "tablez");

  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_serialize(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  data = (char*)(void*)&g_sentinel_byte;
  len = 9;
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_serialize(schema, (ctind_format)99, &data, &len, &err));
  CHECK(data == NULL && len == 0);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_serialize(schema, CTIND_FORMAT_TEXT, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_serialize(schema, CTIND_FORMAT_TEXT, &data, NULL, &err));
  CHECK(data == NULL);

  /* From a file. */
  CHECK(write_file("capi_test_schema.textproto", LIT(kSchema), path,
                   sizeof path));
  EXPECT(CTIND_OK, ctind_schema_load_file(path, strlen(path), &copy, &err));
  CHECK(copy != NULL);
  ctind_schema_destroy(copy);
  copy = NULL;
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load_file(path, strlen(path), NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_schema_load_file(NULL, 4, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_schema_load_file(NULL, 0, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load_file(LIT("a\0b.textproto"), &out, &err));
  EXPECT(CTIND_NOT_FOUND, ctind_schema_load_file(
                              LIT("no/such/dir/schema.textproto"), &out, &err));
  CHECK(out == NULL);
  CHECK_CONTAINS(ctind_error_message(err),
                 "cannot open 'no/such/dir/schema.textproto'");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load_file(LIT("schema.yaml"), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "schema.yaml");
  /* A bad file: its name is in the message. */
  CHECK(write_file("capi_test_bad_schema.textproto", LIT("id: \"x\" {"), path,
                   sizeof path));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_schema_load_file(path, strlen(path), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "capi_test_bad_schema.textproto:1:");

  ctind_schema_destroy(schema);
  ctind_schema_destroy(NULL);
  drop_error();
}

static void test_framework(void) {
  ctind_schema* schema = load_schema(LIT(kSchema));
  ctind_framework* framework = NULL;
  ctind_framework* copy = NULL;
  ctind_framework* out = NULL;
  char* data = NULL;
  size_t len = 0;
  char path[1200];
  int format;
  diagnostic d;

  EXPECT(CTIND_OK,
         ctind_framework_load(LIT(kFramework), CTIND_FORMAT_TEXT,
                              LIT("framework.textproto"), &framework, &err));
  CHECK(framework != NULL);
  EXPECT(CTIND_OK, ctind_framework_validate(framework, schema, &err));
  CHECK(ctind_framework_validate(framework, schema, NULL) == CTIND_OK);

  for (format = CTIND_FORMAT_TEXT; format <= CTIND_FORMAT_BINARY; ++format) {
    char* again = NULL;
    size_t again_len = 0;
    EXPECT(CTIND_OK, ctind_framework_serialize(framework, (ctind_format)format,
                                               &data, &len, &err));
    CHECK(data != NULL && len > 0 && data[len] == '\0');
    EXPECT(CTIND_OK, ctind_framework_load(data, len, (ctind_format)format, NULL,
                                          0, &copy, &err));
    EXPECT(CTIND_OK, ctind_framework_serialize(copy, (ctind_format)format,
                                               &again, &again_len, &err));
    CHECK(again != NULL && again_len == len && memcmp(again, data, len) == 0);
    if (format != CTIND_FORMAT_BINARY) CHECK_CONTAINS(data, "PROT-01");
    ctind_free(again);
    ctind_free(data);
    ctind_framework_destroy(copy);
    copy = NULL;
  }

  /* A malformed text framework: file:line:column of the bad token. */
  out = (ctind_framework*)(void*)&g_sentinel_byte;
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(LIT(kMalformedFramework), CTIND_FORMAT_TEXT,
                              LIT("bad.textproto"), &out, &err));
  CHECK(out == NULL);
  CHECK_CONTAINS(ctind_error_message(err), "bad.textproto:3:9");
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  d = get_diagnostic(0);
  CHECK(d.message != NULL && d.message[0] != '\0');
  CHECK(d.file != NULL && strcmp(d.file, "bad.textproto") == 0);
  CHECK(d.line == 3 && d.column == 9);
  /* Each out pointer may be NULL; an index out of range is an error. */
  EXPECT_RC(CTIND_OK,
            ctind_error_diagnostic(err, 0, NULL, NULL, NULL, NULL, NULL, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_error_diagnostic(err, ctind_error_diagnostic_count(err),
                                   &d.message, NULL, NULL, NULL, NULL, NULL));
  CHECK(d.message == NULL);

  /* An unknown proto field: named, with its line (protobuf's column is
   * that of the token after the name). */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(LIT(kUnknownProtoField), CTIND_FORMAT_TEXT,
                              LIT("colour.textproto"), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "colour.textproto:2:");
  CHECK_CONTAINS(ctind_error_message(err), "colour");
  d = get_diagnostic(0);
  CHECK(d.line == 2 && d.column >= 3);

  /* A dangling reference: the field path and its line. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(LIT(kDanglingFramework), CTIND_FORMAT_TEXT,
                              LIT("dangling.textproto"), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "indicators[0].result");
  CHECK_CONTAINS(ctind_error_message(err), "NOPE");
  CHECK_CONTAINS(ctind_error_message(err), "dangling.textproto:11:");
  d = get_diagnostic(0);
  CHECK(d.path != NULL && strcmp(d.path, "indicators[0].result") == 0);
  CHECK(d.line == 11 && d.column > 0);
  CHECK_CONTAINS(d.message, "NOPE");

  /* Valid alone, not against the schema: validate, plan and compute fail
   * with the diagnostics of the compilation. */
  ctind_framework_destroy(copy);
  copy = load_framework(LIT(kUnknownFieldFramework));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_framework_validate(copy, schema, &err));
  CHECK_CONTAINS(ctind_error_message(err), "prs_Sex");
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  d = get_diagnostic(0);
  CHECK(d.path != NULL && strncmp(d.path, "indicators[0]", 13) == 0);
  CHECK(d.line == 14 && d.column > 0);
  CHECK(ctind_framework_validate(copy, schema, NULL) == CTIND_INVALID_ARGUMENT);
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_framework_validate(NULL, schema, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_validate(framework, NULL, &err));
  ctind_framework_destroy(copy);
  copy = NULL;

  /* NULL arguments. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(NULL, 1, CTIND_FORMAT_TEXT, NULL, 0, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(LIT(kFramework), CTIND_FORMAT_TEXT, NULL, 2, &out,
                              &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(LIT(kFramework), CTIND_FORMAT_TEXT, NULL, 0, NULL,
                              &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(LIT(kFramework), (ctind_format)3, NULL, 0, &out,
                              &err));
  /* Zero-length: an empty framework lacks a project. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load(NULL, 0, CTIND_FORMAT_TEXT, NULL, 0, &out, &err));
  CHECK_CONTAINS(ctind_error_message(err), "project");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_serialize(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_serialize(framework, CTIND_FORMAT_JSON, NULL, &len,
                                   &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_serialize(framework, CTIND_FORMAT_JSON, &data, NULL,
                                   &err));
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_framework_serialize(framework, (ctind_format)7, &data, &len, &err));

  /* From files: text, and JSON chosen by the extension. */
  CHECK(write_file("capi_test_framework.textproto", LIT(kFramework), path,
                   sizeof path));
  EXPECT(CTIND_OK, ctind_framework_load_file(path, strlen(path), &copy, &err));
  ctind_framework_destroy(copy);
  copy = NULL;
  EXPECT(CTIND_OK, ctind_framework_serialize(framework, CTIND_FORMAT_JSON,
                                             &data, &len, &err));
  CHECK(write_file("capi_test_framework.json", data, len, path, sizeof path));
  ctind_free(data);
  EXPECT(CTIND_OK, ctind_framework_load_file(path, strlen(path), &copy, &err));
  CHECK(copy != NULL);
  ctind_framework_destroy(copy);
  copy = NULL;
  CHECK(write_file("capi_test_dangling.textproto", LIT(kDanglingFramework),
                   path, sizeof path));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load_file(path, strlen(path), &out, &err));
  d = get_diagnostic(0);
  CHECK(d.file != NULL && strcmp(d.file, path) == 0 && d.line == 11);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load_file(path, strlen(path), NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load_file(NULL, 3, &out, &err));
  EXPECT(CTIND_NOT_FOUND, ctind_framework_load_file(
                              LIT("missing-framework.textproto"), &out, &err));
  CHECK_CONTAINS(ctind_error_message(err),
                 "cannot open 'missing-framework.textproto'");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_framework_load_file(LIT("framework.docx"), &out, &err));

  ctind_framework_destroy(framework);
  ctind_framework_destroy(NULL);
  ctind_schema_destroy(schema);
  drop_error();
}

static void test_options(void) {
  ctind_options* options = NULL;
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_options_create(NULL));
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  CHECK(options != NULL);
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2025-12-31"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_as_of(options, LIT("2025-02-30"), &err));
  CHECK_CONTAINS(ctind_error_message(err), "2025-02-30");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_as_of(options, LIT("31/12/2025"), &err));
  CHECK_CONTAINS(ctind_error_message(err), "31/12/2025");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_as_of(options, NULL, 10, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_as_of(NULL, LIT("2025-12-31"), &err));
  /* Empty restores the default. */
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, NULL, 0, &err));
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, "", 0, &err));
  EXPECT_RC(CTIND_OK, ctind_options_set_strict(options, true));
  EXPECT_RC(CTIND_OK, ctind_options_set_strict(options, false));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_options_set_strict(NULL, true));
  EXPECT_RC(CTIND_OK, ctind_options_set_ignore_unknown_columns(options, true));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_options_set_ignore_unknown_columns(NULL, true));
  EXPECT(CTIND_OK, ctind_options_add_period_type(options, LIT("FINANCIAL_YEAR"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_add_period_type(options, LIT("FORTNIGHTLY"), &err));
  CHECK_CONTAINS(ctind_error_message(err), "FORTNIGHTLY");
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_options_add_period_type(NULL, LIT("YEARLY"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_options_add_period_type(options, NULL, 3, &err));
  ctind_options_destroy(options);
  ctind_options_destroy(NULL);
  drop_error();
}

static void test_dataset(void) {
  ctind_schema* schema = load_schema(LIT(kSchema));
  ctind_dataset* dataset = NULL;
  ctind_dataset* out = (ctind_dataset*)(void*)&g_sentinel_byte;
  ctind_options* strict = NULL;
  ctind_options* lenient = NULL;
  int64_t rows = -1;
  char* data = NULL;
  size_t len = 0;
  char path[1200];

  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_dataset_create(NULL, &out));
  CHECK(out == NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_dataset_create(schema, NULL));
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  /* The dataset keeps what it needs of the schema. */
  ctind_schema_destroy(schema);
  schema = load_schema(LIT(kSchema));

  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 0);
  EXPECT(CTIND_OK,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kVictimsCsv),
                                LIT("victims.csv"), NULL, &err));
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 8);
  /* Loaded once only. */
  EXPECT(CTIND_FAILED_PRECONDITION,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kVictimsCsv),
                                LIT("victims.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "victims");
  EXPECT(CTIND_NOT_FOUND,
         ctind_dataset_load_csv(dataset, LIT("cases"), LIT(kVictimsCsv),
                                LIT("cases.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "cases");
  rows = 5;
  EXPECT_RC(CTIND_NOT_FOUND,
            ctind_dataset_row_count(dataset, LIT("cases"), &rows));
  CHECK(rows == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_dataset_row_count(NULL, LIT("victims"), &rows));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_dataset_row_count(dataset, LIT("victims"), NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_dataset_row_count(dataset, NULL, 7, &rows));
  /* Findings of a clean load: none, but a valid (empty) report. */
  EXPECT(CTIND_OK,
         ctind_dataset_findings(dataset, CTIND_FORMAT_JSON, &data, &len, &err));
  CHECK(data != NULL && data[len] == '\0');
  CHECK(data != NULL && strstr(data, "invalid_value") == NULL);
  ctind_free(data);
  EXPECT(CTIND_OK, ctind_dataset_findings(dataset, CTIND_FORMAT_BINARY, &data,
                                          &len, &err));
  CHECK(data != NULL && len == 0 && data[0] == '\0'); /* no findings: 0 bytes */
  ctind_free(data);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_findings(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_findings(dataset, CTIND_FORMAT_TEXT, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_findings(dataset, CTIND_FORMAT_TEXT, &data, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_findings(dataset, (ctind_format)42, &data, &len, &err));
  CHECK(data == NULL && len == 0);
  ctind_dataset_destroy(dataset);
  dataset = NULL;

  EXPECT_RC(CTIND_OK, ctind_options_create(&strict));
  EXPECT_RC(CTIND_OK, ctind_options_set_strict(strict, true));
  EXPECT_RC(CTIND_OK, ctind_options_create(&lenient));
  EXPECT_RC(CTIND_OK, ctind_options_set_ignore_unknown_columns(lenient, true));

  /* 2025-02-30: a finding by default, kept as an invalid value. */
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_OK,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kBadDateCsv),
                                LIT("bad_date.csv"), NULL, &err));
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 2);
  EXPECT(CTIND_OK,
         ctind_dataset_findings(dataset, CTIND_FORMAT_TEXT, &data, &len, &err));
  CHECK_CONTAINS(data, "invalid_value");
  CHECK_CONTAINS(data, "identified_on");
  CHECK_CONTAINS(data, "line: 3");
  CHECK_CONTAINS(data, "column: 9");
  ctind_free(data);
  EXPECT(CTIND_OK,
         ctind_dataset_findings(dataset, CTIND_FORMAT_JSON, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "\"findings\"");
  EXPECT(CTIND_OK, ctind_dataset_findings(dataset, CTIND_FORMAT_BINARY, &data,
                                          &len, &err));
  CHECK(data != NULL && len > 0);
  ctind_free(data);
  ctind_dataset_destroy(dataset);

  /* ... and an error in strict mode, naming file, line and column; the
   * table stays empty. */
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kBadDateCsv),
                                LIT("bad_date.csv"), strict, &err));
  CHECK_CONTAINS(ctind_error_message(err), "bad_date.csv:3:9");
  CHECK_CONTAINS(ctind_error_message(err), "identified_on");
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 0);
  /* A failed load leaves the table loadable. */
  EXPECT(CTIND_OK,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kVictimsCsv),
                                LIT("victims.csv"), strict, &err));
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 8);
  ctind_dataset_destroy(dataset);

  /* Structural errors fail in every mode. */
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kWrongColumnCountCsv),
                             LIT("cols.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "cols.csv:3:");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kInvalidUtf8Csv),
                                LIT("utf8.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "utf8.csv:2:7");
  CHECK_CONTAINS(ctind_error_message(err), "UTF-8");
  /* An empty file; a zero-length buffer with data NULL is one. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), NULL, 0,
                                LIT("empty.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "empty.csv:1:1");
  CHECK_CONTAINS(ctind_error_message(err), "empty");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kMissingColumnCsv),
                                LIT("missing.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "missing.csv:1:");
  CHECK_CONTAINS(ctind_error_message(err), "identified_on");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kUnknownColumnCsv),
                                LIT("extra.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "extra.csv:1:");
  CHECK_CONTAINS(ctind_error_message(err), "sexx");
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 0);
  /* ... unless unknown columns are allowed. */
  EXPECT(CTIND_OK,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kUnknownColumnCsv),
                                LIT("extra.csv"), lenient, &err));
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 1);
  ctind_dataset_destroy(dataset);

  /* NULL arguments. */
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(NULL, LIT("victims"), LIT(kVictimsCsv), NULL, 0,
                                NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, NULL, 7, LIT(kVictimsCsv), NULL, 0,
                                NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), NULL, 10, NULL, 0,
                                NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "data");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kVictimsCsv), NULL,
                                4, NULL, &err));
  /* Empty table name: no such table. */
  EXPECT(CTIND_NOT_FOUND,
         ctind_dataset_load_csv(dataset, NULL, 0, LIT(kVictimsCsv), NULL, 0,
                                NULL, &err));

  /* From a file. */
  EXPECT(CTIND_NOT_FOUND,
         ctind_dataset_load_csv_file(dataset, LIT("victims"),
                                     LIT("no/such/victims.csv"), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), "cannot open 'no/such/victims.csv'");
  EXPECT(CTIND_FAILED_PRECONDITION,
         ctind_dataset_load_csv_file(dataset, LIT("victims"), g_dir,
                                     strlen(g_dir), NULL, &err));
  CHECK_CONTAINS(ctind_error_message(err), g_dir);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv_file(NULL, LIT("victims"), LIT("x.csv"), NULL,
                                     &err));
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_dataset_load_csv_file(dataset, NULL, 3, LIT("x.csv"), NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv_file(dataset, LIT("victims"), NULL, 5, NULL,
                                     &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv_file(dataset, LIT("victims"), NULL, 0, NULL,
                                     &err));
  CHECK(write_file("capi_test_bad_date.csv", LIT(kBadDateCsv), path,
                   sizeof path));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv_file(dataset, LIT("victims"), path,
                                     strlen(path), strict, &err));
  CHECK_CONTAINS(ctind_error_message(err), path);
  CHECK_CONTAINS(ctind_error_message(err), ":3:9");
  CHECK(
      write_file("capi_test_victims.csv", LIT(kVictimsCsv), path, sizeof path));
  EXPECT(CTIND_OK, ctind_dataset_load_csv_file(dataset, LIT("victims"), path,
                                               strlen(path), NULL, &err));
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 8);

  ctind_dataset_destroy(dataset);
  ctind_dataset_destroy(NULL);
  ctind_options_destroy(strict);
  ctind_options_destroy(lenient);
  ctind_schema_destroy(schema);
  drop_error();
}

/* Checks the as-of 2025-12-31 numbers (table above kVictimsCsv). */
static void check_full_year(const ctind_results* results) {
  const ctind_scope P = CTIND_SCOPE_PERIOD;
  const ctind_scope L = CTIND_SCOPE_LIFE_OF_PROJECT;
  const ctind_cell* cell;
  double x = -1;
  int64_t units = -1;

  CHECK_CELL(results, P, "2025Q1", NULL, 3);
  CHECK_CELL(results, P, "2025Q1", "Female", 2);
  CHECK_CELL(results, P, "2025Q1", "Male", 1);
  CHECK_CELL(results, P, "2025Q1", "Other", 0);
  CHECK_CELL(results, P, "2025Q2", NULL, 2);
  CHECK_CELL(results, P, "2025Q2", "Female", 1);
  CHECK_CELL(results, P, "2025Q2", "Male", 0);
  CHECK_CELL(results, P, "2025Q2", "Other", 0);
  CHECK_CELL(results, P, "2025Q2", "unknown", 1);
  CHECK_CELL(results, P, "2025Q3", NULL, 1);
  CHECK_CELL(results, P, "2025Q3", "Female", 0);
  CHECK_CELL(results, P, "2025Q3", "Male", 1);
  CHECK_CELL(results, P, "2025Q3", "Other", 0);
  CHECK_CELL(results, P, "2025Q4", NULL, 2);
  CHECK_CELL(results, P, "2025Q4", "Female", 0);
  CHECK_CELL(results, P, "2025Q4", "Male", 1);
  CHECK_CELL(results, P, "2025Q4", "Other", 1);
  CHECK_CELL(results, L, "LOP", NULL, 8);
  CHECK_CELL(results, L, "LOP", "Female", 3);
  CHECK_CELL(results, L, "LOP", "Male", 3);
  CHECK_CELL(results, L, "LOP", "Other", 1);
  CHECK_CELL(results, L, "LOP", "unknown", 1);

  /* A zero is a present value, not a missing one. */
  cell = find_cell(results, P, "2025Q2", "Male");
  CHECK(cell != NULL && ctind_cell_status(cell) == CTIND_VALUE_PRESENT);
  CHECK(ctind_cell_value(cell, &x) && x == 0);
  /* An aggregate: numerator = value, no denominator; units = persons. */
  cell = find_cell(results, P, "2025Q1", NULL);
  x = -1;
  CHECK(ctind_cell_numerator(cell, &x) && x == 3);
  x = -1;
  CHECK(!ctind_cell_denominator(cell, &x) && x == -1);
  CHECK(ctind_cell_units(cell, &units) && units == 3);
  /* The as-of date is Q4's last day: no period is partial. */
  CHECK(!ctind_cell_has_flag(cell, 1));
  CHECK(!ctind_cell_has_flag(find_cell(results, P, "2025Q4", NULL), 1));
}

static void test_compute(void) {
  ctind_schema* schema = load_schema(LIT(kSchema));
  ctind_schema* other_schema = load_schema(LIT(kOtherSchema));
  ctind_framework* framework = load_framework(LIT(kFramework));
  ctind_framework* unknown_field = load_framework(LIT(kUnknownFieldFramework));
  ctind_dataset* dataset = load_victims(schema);
  ctind_dataset* other_dataset = load_victims(other_schema);
  ctind_options* options = NULL;
  ctind_plan* plan = NULL;
  ctind_plan* out_plan = (ctind_plan*)(void*)&g_sentinel_byte;
  ctind_results* results = NULL;
  ctind_results* out = (ctind_results*)(void*)&g_sentinel_byte;
  const ctind_cell* cell = NULL;
  const char* text = NULL;
  const char* text2 = NULL;
  size_t len = 0, len2 = 0, count = 0, i;
  char* data = NULL;
  double x = -1;
  int64_t units = -1;

  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2025-12-31"), &err));

  /* Compile and evaluate in one call. */
  EXPECT(CTIND_OK, ctind_compute(framework, dataset, options, &results, &err));
  CHECK(results != NULL);
  EXPECT_RC(CTIND_OK, ctind_results_as_of(results, &text, &len));
  CHECK(span_equals(text, len, "2025-12-31") && text[len] == '\0');
  EXPECT_RC(CTIND_OK, ctind_results_indicator_count(results, &count));
  CHECK(count == 1);
  EXPECT_RC(CTIND_OK, ctind_results_indicator_id(results, 0, &text, &len));
  CHECK(span_equals(text, len, "PROT-01") && text[len] == '\0');
  EXPECT_RC(CTIND_OK, ctind_results_cell_count(results, 0, &count));
  CHECK(count > 0);
  /* Every cell has a scope, a status and a period. */
  for (i = 0; i < count; ++i) {
    ctind_scope scope;
    ctind_value_status status;
    EXPECT_RC(CTIND_OK, ctind_results_get_cell(results, 0, i, &cell));
    scope = ctind_cell_scope(cell);
    status = ctind_cell_status(cell);
    CHECK(scope >= CTIND_SCOPE_PERIOD && scope <= CTIND_SCOPE_LIFE_OF_PROJECT);
    CHECK(status >= CTIND_VALUE_PRESENT && status <= CTIND_VALUE_SUPPRESSED);
    CHECK(ctind_cell_period(cell, &text, &len) == CTIND_OK && len > 0);
    CHECK(ctind_cell_breakdown(cell, &text, &len) == CTIND_OK);
  }
  check_full_year(results);

  /* Renderings and serializations. */
  EXPECT(CTIND_OK, ctind_results_to_json(results, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "PROT-01");
  EXPECT(CTIND_OK, ctind_results_to_csv(results, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "2025Q2");
  EXPECT(CTIND_OK, ctind_results_to_table(results, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "PROT-01");
  EXPECT(CTIND_OK, ctind_results_serialize(results, CTIND_FORMAT_TEXT, &data,
                                           &len, &err));
  CHECK_OWNED_TEXT(data, len, "2025-12-31");
  EXPECT(CTIND_OK, ctind_results_serialize(results, CTIND_FORMAT_JSON, &data,
                                           &len, &err));
  CHECK_OWNED_TEXT(data, len, "\"indicators\"");
  EXPECT(CTIND_OK, ctind_results_serialize(results, CTIND_FORMAT_BINARY, &data,
                                           &len, &err));
  CHECK(data != NULL && len > 0 && data[len] == '\0');
  ctind_free(data);

  /* The plan, compiled once, evaluated twice. */
  EXPECT(CTIND_OK, ctind_plan_create(framework, schema, &plan, &err));
  CHECK(plan != NULL);
  ctind_results_destroy(results);
  results = NULL;
  EXPECT(CTIND_OK, ctind_plan_compute(plan, dataset, options, &results, &err));
  check_full_year(results);
  ctind_results_destroy(results);
  results = NULL;

  /* As of 2025-05-15: Q2 is partial and holds P4 only; later quarters are
   * not computed. */
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2025-05-15"), &err));
  EXPECT(CTIND_OK, ctind_plan_compute(plan, dataset, options, &results, &err));
  EXPECT_RC(CTIND_OK, ctind_results_as_of(results, &text, &len));
  CHECK(span_equals(text, len, "2025-05-15"));
  CHECK_CELL(results, CTIND_SCOPE_PERIOD, "2025Q1", NULL, 3);
  CHECK_CELL(results, CTIND_SCOPE_PERIOD, "2025Q2", NULL, 1);
  CHECK_CELL(results, CTIND_SCOPE_PERIOD, "2025Q2", "Female", 1);
  CHECK_CELL(results, CTIND_SCOPE_PERIOD, "2025Q2", "Male", 0);
  CHECK_CELL(results, CTIND_SCOPE_LIFE_OF_PROJECT, "LOP", NULL, 4);
  CHECK(ctind_cell_has_flag(
      find_cell(results, CTIND_SCOPE_PERIOD, "2025Q2", NULL), 1));
  CHECK(!ctind_cell_has_flag(
      find_cell(results, CTIND_SCOPE_PERIOD, "2025Q1", NULL), 1));
  cell = find_cell(results, CTIND_SCOPE_PERIOD, "2025Q3", NULL);
  x = -1;
  CHECK(cell == NULL || (ctind_cell_status(cell) == CTIND_VALUE_MISSING &&
                         !ctind_cell_value(cell, &x) && x == -1));
  ctind_results_destroy(results);
  results = NULL;

  /* Errors of computing. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_as_of(options, LIT("2025-13-01"), &err));
  /* ... the bad date left the option as it was. */
  EXPECT(CTIND_OK, ctind_compute(framework, dataset, options, &results, &err));
  EXPECT_RC(CTIND_OK, ctind_results_as_of(results, &text, &len));
  CHECK(span_equals(text, len, "2025-05-15"));
  ctind_results_destroy(results);
  results = NULL;
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2024-06-30"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_compute(framework, dataset, options, &out, &err));
  CHECK(out == NULL);
  CHECK_CONTAINS(ctind_error_message(err), "2024-06-30");
  out = (ctind_results*)(void*)&g_sentinel_byte;
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_compute(plan, dataset, options, &out, &err));
  CHECK(out == NULL);
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2025-12-31"), &err));
  /* A dataset of another schema. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_compute(plan, other_dataset, options, &out, &err));
  /* A framework that does not compile against the dataset's schema: the
   * compiler's diagnostics come with the error. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_compute(unknown_field, dataset, options, &out, &err));
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  CHECK_CONTAINS(ctind_error_message(err), "prs_Sex");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_create(unknown_field, schema, &out_plan, &err));
  CHECK(out_plan == NULL);
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  CHECK_CONTAINS(get_diagnostic(0).path, "indicators[0]");

  /* Default options (as-of today capped at the project end): computes. */
  EXPECT(CTIND_OK, ctind_compute(framework, dataset, NULL, &results, &err));
  ctind_results_destroy(results);
  results = NULL;

  /* NULL arguments. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_create(NULL, schema, &out_plan, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_create(framework, NULL, &out_plan, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_create(framework, schema, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_compute(NULL, dataset, options, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_compute(plan, NULL, options, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_plan_compute(plan, dataset, options, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_compute(NULL, dataset, options, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_compute(framework, NULL, options, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_compute(framework, dataset, options, NULL, &err));
  CHECK(ctind_compute(framework, dataset, options, NULL, NULL) ==
        CTIND_INVALID_ARGUMENT);

  /* Results getters: NULL and out of range. */
  EXPECT(CTIND_OK, ctind_compute(framework, dataset, options, &results, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_json(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_json(results, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_json(results, &data, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_results_to_csv(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_csv(results, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_csv(results, &data, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_table(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_table(results, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_to_table(results, &data, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_serialize(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_serialize(results, CTIND_FORMAT_TEXT, NULL, &len, &err));
  EXPECT(
      CTIND_INVALID_ARGUMENT,
      ctind_results_serialize(results, CTIND_FORMAT_TEXT, &data, NULL, &err));
  data = (char*)(void*)&g_sentinel_byte;
  len = 3;
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_results_serialize(results, (ctind_format)5, &data, &len, &err));
  CHECK(data == NULL && len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_as_of(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_as_of(results, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_as_of(results, &text, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_count(NULL, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_count(results, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_id(NULL, 0, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_id(results, 1, &text, &len));
  CHECK(text == NULL && len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_id(results, 0, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_id(results, 0, &text, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_cell_count(NULL, 0, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_cell_count(results, 1, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_cell_count(results, 0, NULL));
  EXPECT_RC(CTIND_OK, ctind_results_cell_count(results, 0, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_get_cell(NULL, 0, 0, &cell));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_get_cell(results, 1, 0, &cell));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_get_cell(results, 0, count, &cell));
  CHECK(cell == NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_get_cell(results, 0, 0, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_get_cell(results, (size_t)-1, 0, &cell));

  /* Cell getters: NULL cell, NULL outs, index out of range. */
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_cell_period(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_cell_breakdown(NULL, &text, &len));
  CHECK(ctind_cell_scope(NULL) == 0);
  CHECK(ctind_cell_status(NULL) == 0);
  CHECK(ctind_cell_coordinate_count(NULL) == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(NULL, 0, &text, &len, &text2, &len2));
  x = -1;
  CHECK(!ctind_cell_value(NULL, &x) && x == -1);
  CHECK(!ctind_cell_numerator(NULL, &x) && x == -1);
  CHECK(!ctind_cell_denominator(NULL, &x) && x == -1);
  CHECK(!ctind_cell_units(NULL, &units) && units == -1);
  CHECK(!ctind_cell_has_flag(NULL, 1));
  cell = find_cell(results, CTIND_SCOPE_PERIOD, "2025Q1", "Female");
  CHECK(cell != NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_cell_period(cell, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_cell_period(cell, &text, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_cell_breakdown(cell, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_cell_breakdown(cell, &text, NULL));
  EXPECT_RC(CTIND_OK,
            ctind_cell_coordinate(cell, 0, &text, &len, &text2, &len2));
  CHECK(span_equals(text, len, "prs_Gender") &&
        span_equals(text2, len2, "Female"));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(cell, 1, &text, &len, &text2, &len2));
  CHECK(text == NULL && len == 0 && text2 == NULL && len2 == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(cell, 0, NULL, &len, &text2, &len2));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(cell, 0, &text, NULL, &text2, &len2));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(cell, 0, &text, &len, NULL, &len2));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(cell, 0, &text, &len, &text2, NULL));
  CHECK(!ctind_cell_value(cell, NULL));
  CHECK(!ctind_cell_numerator(cell, NULL));
  CHECK(!ctind_cell_denominator(cell, NULL));
  CHECK(!ctind_cell_units(cell, NULL));
  CHECK(!ctind_cell_has_flag(cell, 0));
  CHECK(!ctind_cell_has_flag(cell, 4)); /* raw results are not suppressed */
  /* The total cell of a period has no coordinates. */
  cell = find_cell(results, CTIND_SCOPE_PERIOD, "2025Q1", NULL);
  CHECK(ctind_cell_coordinate_count(cell) == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_cell_coordinate(cell, 0, &text, &len, &text2, &len2));

  ctind_results_destroy(results);
  ctind_results_destroy(NULL);
  ctind_plan_destroy(plan);
  ctind_plan_destroy(NULL);
  ctind_options_destroy(options);
  ctind_dataset_destroy(dataset);
  ctind_dataset_destroy(other_dataset);
  ctind_framework_destroy(framework);
  ctind_framework_destroy(unknown_field);
  ctind_schema_destroy(schema);
  ctind_schema_destroy(other_schema);
  drop_error();
}

/* Occurrences of `needle` in NUL-terminated `haystack`. */
static size_t count_occurrences(const char* haystack, const char* needle) {
  size_t n = 0;
  const char* at = haystack;
  while (at != NULL && (at = strstr(at, needle)) != NULL) {
    ++n;
    at += strlen(needle);
  }
  return n;
}

/* Indicators in the text format of a framework: text format prints each
 * element of the repeated field `indicators` as a block opening with
 * "indicators {" at the start of a line (never the first line, which is the
 * project's or a comment). */
static size_t exported_indicators(const char* text) {
  return count_occurrences(text, "\nindicators {");
}

/* The catalog built into the library. Its contents grow while the catalog
 * is written, so the checks relate the functions to each other: the getters
 * list what the exports hold, every id serializes, every export validates
 * against the case schema. */
static void test_catalog(void) {
  static const char* const kPillars[] = {"prevention", "protection",
                                         "prosecution", "partnership"};
  size_t per_pillar[4] = {0, 0, 0, 0};
  ctind_schema* schema = NULL;
  ctind_schema* from_text = NULL;
  ctind_framework* framework = NULL;
  const char* text = NULL;
  const char* first_id = NULL;
  const char* first_pillar = NULL;
  size_t len = 0, first_id_len = 0, count = 0, i, p;
  char* owned = NULL;
  char* owned2 = NULL;
  size_t owned_len = 0, owned2_len = 0;
  char wanted[128];

  /* The case schema: the handle is what its text loads into. */
  EXPECT(CTIND_OK, ctind_catalog_schema(&schema, &err));
  CHECK(schema != NULL);
  EXPECT_RC(CTIND_OK, ctind_catalog_schema_text(&text, &len));
  CHECK(text != NULL && len > 0 && text[len] == '\0' && strlen(text) == len);
  CHECK_CONTAINS(text, "\nid: \"htcds-case\"\n");
  from_text = load_schema(text, len);
  EXPECT(CTIND_OK, ctind_schema_serialize(schema, CTIND_FORMAT_BINARY, &owned,
                                          &owned_len, &err));
  EXPECT(CTIND_OK, ctind_schema_serialize(from_text, CTIND_FORMAT_BINARY,
                                          &owned2, &owned2_len, &err));
  CHECK(owned != NULL && owned2 != NULL && owned_len == owned2_len &&
        memcmp(owned, owned2, owned_len) == 0);
  ctind_free(owned);
  ctind_free(owned2);
  ctind_schema_destroy(from_text);
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_catalog_schema(NULL, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_catalog_schema(NULL, NULL));
  len = 7;
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_catalog_schema_text(NULL, &len));
  CHECK(len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_catalog_schema_text(&text, NULL));
  CHECK(text == NULL);

  /* The list: every entry has an id that serializes, a title and one of
   * the four pillars. */
  EXPECT(CTIND_OK, ctind_catalog_indicator_count(&count, &err));
  CHECK(count > 0);
  for (i = 0; i < count; ++i) {
    const char* id = NULL;
    const char* pillar = NULL;
    size_t id_len = 0, pillar_len = 0;
    bool known = false;
    EXPECT_RC(CTIND_OK, ctind_catalog_indicator_id(i, &id, &id_len));
    CHECK(id != NULL && id_len > 0 && id[id_len] == '\0');
    EXPECT_RC(CTIND_OK, ctind_catalog_indicator_title(i, &text, &len));
    CHECK(text != NULL && len > 0 && text[len] == '\0');
    EXPECT_RC(CTIND_OK,
              ctind_catalog_indicator_pillar(i, &pillar, &pillar_len));
    for (p = 0; p < 4 && pillar != NULL; ++p) {
      if (span_equals(pillar, pillar_len, kPillars[p])) {
        ++per_pillar[p];
        known = true;
      }
    }
    CHECK(known);
    if (i == 0) {
      first_id = id;
      first_id_len = id_len;
      first_pillar = pillar;
    }
    if (id == NULL) continue;
    EXPECT(CTIND_OK,
           ctind_catalog_indicator_serialize(id, id_len, CTIND_FORMAT_TEXT,
                                             &owned, &owned_len, &err));
    snprintf(wanted, sizeof wanted, "id: \"%s\"\n", id);
    CHECK_OWNED_TEXT(owned, owned_len, wanted);
  }
  CHECK(per_pillar[0] + per_pillar[1] + per_pillar[2] + per_pillar[3] ==
        count);
  /* Out of range and NULL outs. */
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_catalog_indicator_id(count, &text, &len));
  CHECK(text == NULL && len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_catalog_indicator_title(count, &text, &len));
  CHECK(text == NULL && len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_catalog_indicator_pillar(count, &text, &len));
  CHECK(text == NULL && len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_catalog_indicator_id(0, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_catalog_indicator_id(0, &text, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_catalog_indicator_title(0, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_catalog_indicator_pillar(0, &text, NULL));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_catalog_indicator_count(NULL, &err));
  if (first_id == NULL) {
    ctind_schema_destroy(schema);
    drop_error();
    return;
  }

  /* One definition as JSON, with the proto's field names. */
  EXPECT(CTIND_OK, ctind_catalog_indicator_serialize(
                       first_id, first_id_len, CTIND_FORMAT_JSON, &owned,
                       &owned_len, &err));
  snprintf(wanted, sizeof wanted, "\"id\": \"%s\"", first_id);
  CHECK_OWNED_TEXT(owned, owned_len, wanted);
  /* An id with a stray character: not found, and the message names it (no
   * other id is as close: it is one edit away, and the earliest id wins a
   * tie). */
  snprintf(wanted, sizeof wanted, "%sx", first_id);
  EXPECT(CTIND_NOT_FOUND,
         ctind_catalog_indicator_serialize(wanted, strlen(wanted),
                                           CTIND_FORMAT_TEXT, &owned,
                                           &owned_len, &err));
  CHECK(owned == NULL && owned_len == 0);
  snprintf(wanted, sizeof wanted, "did you mean '%s'?", first_id);
  CHECK_CONTAINS(ctind_error_message(err), wanted);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_indicator_serialize(NULL, 3, CTIND_FORMAT_TEXT, &owned,
                                           &owned_len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_indicator_serialize(first_id, first_id_len,
                                           CTIND_FORMAT_TEXT, NULL, &owned_len,
                                           &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_indicator_serialize(first_id, first_id_len,
                                           CTIND_FORMAT_TEXT, &owned, NULL,
                                           &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_indicator_serialize(first_id, first_id_len,
                                           (ctind_format)7, &owned,
                                           &owned_len, &err));
  EXPECT(CTIND_NOT_FOUND,
         ctind_catalog_indicator_serialize(NULL, 0, CTIND_FORMAT_TEXT, &owned,
                                           &owned_len, &err));

  /* Export of everything: every listed indicator, around the placeholder
   * project, valid against the case schema. */
  EXPECT(CTIND_OK, ctind_catalog_export(NULL, 0, NULL, 0, &framework, &err));
  EXPECT(CTIND_OK, ctind_framework_validate(framework, schema, &err));
  EXPECT(CTIND_OK, ctind_framework_serialize(framework, CTIND_FORMAT_TEXT,
                                             &owned, &owned_len, &err));
  CHECK(exported_indicators(owned) == count);
  CHECK_CONTAINS(owned, "schema_id: \"htcds-case\"");
  CHECK_OWNED_TEXT(owned, owned_len, "id: \"FILL-IN\"");
  ctind_framework_destroy(framework);
  framework = NULL;

  /* Each pillar (named in any case), and one with an id added. */
  EXPECT(CTIND_OK, ctind_catalog_export_text(LIT("Protection"), NULL, 0,
                                             &owned, &owned_len, &err));
  CHECK(exported_indicators(owned) == per_pillar[1]);
  CHECK_OWNED_TEXT(owned, owned_len, "TO FILL IN");
  EXPECT(CTIND_OK, ctind_catalog_export_text(LIT(" protection , PREVENTION "),
                                             first_id, first_id_len, &owned,
                                             &owned_len, &err));
  /* first_id is of one of the two pillars or not; either way once. */
  CHECK(exported_indicators(owned) ==
        per_pillar[0] + per_pillar[1] +
            (strcmp(first_pillar, "prevention") == 0 ||
                     strcmp(first_pillar, "protection") == 0
                 ? 0
                 : 1));
  ctind_free(owned);
  /* The text loads back and validates. */
  EXPECT(CTIND_OK, ctind_catalog_export_text(NULL, 0, first_id, first_id_len,
                                             &owned, &owned_len, &err));
  CHECK(exported_indicators(owned) == 1);
  framework = load_framework(owned, owned_len);
  EXPECT(CTIND_OK, ctind_framework_validate(framework, schema, &err));
  ctind_framework_destroy(framework);
  framework = NULL;
  ctind_free(owned);
  for (p = 0; p < 4; ++p) {
    EXPECT(per_pillar[p] > 0 ? CTIND_OK : CTIND_INVALID_ARGUMENT,
           ctind_catalog_export(kPillars[p], strlen(kPillars[p]), NULL, 0,
                                &framework, &err));
    CHECK((framework != NULL) == (per_pillar[p] > 0));
    ctind_framework_destroy(framework);
    framework = NULL;
  }

  /* Errors. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_export(LIT("protecton"), NULL, 0, &framework, &err));
  CHECK(framework == NULL);
  CHECK_CONTAINS(ctind_error_message(err), "did you mean 'protection'?");
  EXPECT(CTIND_NOT_FOUND,
         ctind_catalog_export(NULL, 0, LIT("NO-SUCH-ID"), &framework, &err));
  CHECK(framework == NULL);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_export(NULL, 2, NULL, 0, &framework, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_export(NULL, 0, NULL, 2, &framework, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_export(NULL, 0, NULL, 0, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_catalog_export_text(NULL, 0, NULL, 0,
                                                           NULL, &owned_len,
                                                           &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_catalog_export_text(NULL, 0, NULL, 0,
                                                           &owned, NULL, &err));
  EXPECT(CTIND_NOT_FOUND,
         ctind_catalog_export_text(NULL, 0, LIT("NO-SUCH-ID"), &owned,
                                   &owned_len, &err));
  CHECK(owned == NULL && owned_len == 0);
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_catalog_export_text(LIT("people"), NULL, 0, &owned, &owned_len,
                                   &err));

  ctind_schema_destroy(schema);
  drop_error();
}

/* Results stay valid after every other handle is gone. */
static void test_lifetimes(void) {
  ctind_schema* schema = load_schema(LIT(kSchema));
  ctind_framework* framework = load_framework(LIT(kFramework));
  ctind_dataset* dataset = load_victims(schema);
  ctind_options* options = NULL;
  ctind_results* results = NULL;
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2025-12-31"), &err));
  EXPECT(CTIND_OK, ctind_compute(framework, dataset, options, &results, &err));
  ctind_options_destroy(options);
  ctind_dataset_destroy(dataset);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  check_full_year(results);
  ctind_results_destroy(results);
  drop_error();
}

/* ---------------------------------------------------------------------- */
/* 1.0.0: datasets from columns, publication, assessment, renderers and
 * data quality, over a schema with every field type. */

static const char kTypedSchema[] =
    "id: \"ct-typed\"\n"
    "code_lists { id: \"gender\" codes { value: \"Female\" } "
    "codes { value: \"Male\" } codes { value: \"Other\" } }\n"
    "tables {\n"
    "  name: \"victims\" key: \"person_id\" person: \"person_id\"\n"
    "  fields { name: \"person_id\" type: STRING role: IDENTIFIER "
    "required: true }\n"
    "  fields { name: \"prs_Gender\" type: CATEGORY code_list: \"gender\" }\n"
    "  fields { name: \"identified_on\" type: DATE required: true }\n"
    "  fields { name: \"age\" type: INT64 min: 0 max: 120 }\n"
    "  fields { name: \"score\" type: DOUBLE }\n"
    "  fields { name: \"referred\" type: BOOL }\n"
    "}\n";

/* The project and results of the typed framework, with what IATI needs. */
#define TYPED_PROJECT(iati)                                             \
  "schema_id: \"ct-typed\"\n"                                           \
  "project {\n"                                                         \
  "  id: \"CT-TYPED\" title: \"Typed test project\"\n"                  \
  "  description: \"Victims identified and referred.\"\n"               \
  "  start_date: \"2025-01-01\" end_date: \"2025-12-31\"\n" iati        \
  "}\n"                                                                 \
  "results { id: \"G1\" title: \"Victims protected\" level: GOAL "      \
  "pillar: PROTECTION }\n"                                              \
  "disclosure { min_cell_size: 3 }\n"                                   \
  "quality_rules { id: \"score_at_least_1\" table: \"victims\" "        \
  "expression: \"score >= 1\" message: \"a score below 1\" "            \
  "severity: WARNING }\n"
#define TYPED_IATI                                                      \
  "  iati_identifier: \"XM-DAC-47066-CT-TYPED\"\n"                      \
  "  reporting_org { ref: \"XM-DAC-47066\" type: \"40\" name: \"IOM\" }\n" \
  "  participating_orgs { ref: \"XM-DAC-47066\" type: \"40\" role: \"4\" " \
  "name: \"IOM\" }\n"                                                   \
  "  activity_status: \"2\"\n"
/* PROT-01 persons by gender (baseline 1 in 2024Q4, target 5 in 2025Q1,
 * 10 over the project); PROT-02 referred minors; PROT-03 mean score. */
#define TYPED_INDICATORS                                                  \
  "indicators {\n"                                                        \
  "  id: \"PROT-01\" title: \"Victims identified\" result: \"G1\" "       \
  "unit: \"persons\"\n"                                                   \
  "  measure { value { table: \"victims\" count_distinct: \"person_id\" } }\n" \
  "  period { by: \"identified_on\" every: QUARTERLY }\n"                 \
  "  disaggregate_by { dimensions: \"prs_Gender\" }\n"                    \
  "  direction: INCREASE\n"                                               \
  "  baseline { value: 1 period: \"2024Q4\" }\n"                          \
  "  targets { period: \"2025Q1\" value: 5 }\n"                           \
  "  life_of_project_target: 10\n"                                        \
  "}\n"                                                                   \
  "indicators {\n"                                                        \
  "  id: \"PROT-02\" title: \"Minors referred\" result: \"G1\"\n"         \
  "  measure { value { table: \"victims\" count_distinct: \"person_id\" " \
  "where: \"referred and age < 18\" } }\n"                                \
  "  period { by: \"identified_on\" every: QUARTERLY }\n"                 \
  "}\n"                                                                   \
  "indicators {\n"                                                        \
  "  id: \"PROT-03\" title: \"Mean score\" result: \"G1\"\n"              \
  "  measure { value { table: \"victims\" mean: \"score\" } }\n"          \
  "  period { by: \"identified_on\" every: QUARTERLY }\n"                 \
  "}\n"

static const char kTypedFramework[] =
    TYPED_PROJECT(TYPED_IATI) TYPED_INDICATORS;
/* The same project without the IATI identifier, organisations and status. */
static const char kTypedFrameworkWithoutIati[] =
    TYPED_PROJECT("") TYPED_INDICATORS;

/* Nine victims, as-of 2025-12-31; V9's gender "X" is no code of the list:
 * an invalid value, counted as an unknown gender, and one finding.
 *   id  gender identified  age score referred
 *   V1  Female 2025-01-10  15  2.5   true
 *   V2  Female 2025-02-11  30  4.0   false
 *   V3  Male   2025-03-12  12  -     true
 *   V4  Female 2025-03-20  16  1.0   true
 *   V5  Other  2025-04-02  -   3.5   -
 *   V6  Male   2025-05-15  40  2.0   true
 *   V7  Female 2025-07-01  17  5.0   true
 *   V8  Male   2025-11-30  25  0.5   false
 *   V9  X      2025-08-08  50  1.5   false
 * PROT-01     Female Male Other unknown total
 *   2025Q1       3     1    0      -      4   (V1 V2 V4 | V3)
 *   2025Q2       0     1    1      -      2   (V6 | V5)
 *   2025Q3       1     0    0      1      2   (V7 | V9)
 *   2025Q4       0     1    0      -      1   (V8)
 *   LOP          4     3    1      1      9
 * PROT-02 (referred and under 18): V1 V3 V4 in Q1 = 3, V7 in Q3 = 1; V5
 *   has no age and no referral: left out. Q2 0, Q4 0, LOP 4.
 * PROT-03 mean score: Q1 (2.5 + 4 + 1) / 3 = 2.5 (V3 has none);
 *   Q2 (3.5 + 2) / 2 = 2.75; Q3 (5 + 1.5) / 2 = 3.25; Q4 0.5;
 *   LOP 20 / 8 = 2.5. */
static const char kTypedCsv[] =
    "person_id,prs_Gender,identified_on,age,score,referred\n"
    "V1,Female,2025-01-10,15,2.5,true\n"
    "V2,Female,2025-02-11,30,4.0,false\n"
    "V3,Male,2025-03-12,12,,true\n"
    "V4,Female,2025-03-20,16,1.0,true\n"
    "V5,Other,2025-04-02,,3.5,\n"
    "V6,Male,2025-05-15,40,2.0,true\n"
    "V7,Female,2025-07-01,17,5.0,true\n"
    "V8,Male,2025-11-30,25,0.5,false\n"
    "V9,X,2025-08-08,50,1.5,false\n";

#define TYPED_ROWS 9
static const char* const kIds[TYPED_ROWS] = {"V1", "V2", "V3", "V4", "V5",
                                             "V6", "V7", "V8", "V9"};
static const size_t kIdLens[TYPED_ROWS] = {2, 2, 2, 2, 2, 2, 2, 2, 2};
/* Genders packed: "Female" "Female" "Male" "Female" "Other" "Male" "Female"
 * "Male" "X", with their offsets. */
static const char kGenders[] =
    "FemaleFemaleMaleFemaleOtherMaleFemaleMaleX";
static const uint64_t kGenderOffsets[TYPED_ROWS + 1] = {0,  6,  12, 16, 22,
                                                        27, 31, 37, 41, 42};
/* Day numbers: 2025-01-01 is day 20089 (55 years of 365 days since 1970
 * plus the 14 leap days of 1972..2024); a date's number is 20089 plus its
 * day of the year minus 1: Jan 10 = +9, Feb 11 = +41, Mar 12 = +70,
 * Mar 20 = +78, Apr 2 = +91, May 15 = +134, Jul 1 = +181, Nov 30 = +333,
 * Aug 8 = +219. */
static const int32_t kDays[TYPED_ROWS] = {20098, 20130, 20159, 20167, 20180,
                                          20223, 20270, 20422, 20308};
static const int64_t kAges[TYPED_ROWS] = {15, 30, 12, 16, 0, 40, 17, 25, 50};
static const uint8_t kAgePresent[TYPED_ROWS] = {1, 1, 1, 1, 0, 1, 1, 1, 1};
static const double kScores[TYPED_ROWS] = {2.5, 4.0, 0,   1.0, 3.5,
                                           2.0, 5.0, 0.5, 1.5};
static const uint8_t kScorePresent[TYPED_ROWS] = {1, 1, 0, 1, 1, 1, 1, 1, 1};
static const uint8_t kReferred[TYPED_ROWS] = {1, 0, 1, 1, 0, 1, 1, 0, 0};
static const uint8_t kReferredPresent[TYPED_ROWS] = {1, 1, 1, 1, 0,
                                                     1, 1, 1, 1};

/* The nine victims appended as columns, one function per type. */
static ctind_dataset* typed_from_columns(const ctind_schema* schema) {
  ctind_dataset* dataset = NULL;
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_OK, ctind_dataset_append_column_string(
                       dataset, LIT("victims"), LIT("person_id"), kIds,
                       kIdLens, NULL, TYPED_ROWS, &err));
  EXPECT(CTIND_OK, ctind_dataset_append_column_string_packed(
                       dataset, LIT("victims"), LIT("prs_Gender"), kGenders,
                       sizeof kGenders - 1, kGenderOffsets, NULL, TYPED_ROWS,
                       &err));
  EXPECT(CTIND_OK, ctind_dataset_append_column_date(
                       dataset, LIT("victims"), LIT("identified_on"), kDays,
                       NULL, TYPED_ROWS, &err));
  EXPECT(CTIND_OK, ctind_dataset_append_column_int64(
                       dataset, LIT("victims"), LIT("age"), kAges, kAgePresent,
                       TYPED_ROWS, &err));
  EXPECT(CTIND_OK, ctind_dataset_append_column_double(
                       dataset, LIT("victims"), LIT("score"), kScores,
                       kScorePresent, TYPED_ROWS, &err));
  EXPECT(CTIND_OK, ctind_dataset_append_column_bool(
                       dataset, LIT("victims"), LIT("referred"), kReferred,
                       kReferredPresent, TYPED_ROWS, &err));
  EXPECT(CTIND_OK, ctind_dataset_end_table(dataset, LIT("victims"),
                                           LIT("victims-api"), NULL, &err));
  return dataset;
}

static ctind_dataset* typed_from_csv(const ctind_schema* schema) {
  ctind_dataset* dataset = NULL;
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_OK,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kTypedCsv),
                                LIT("victims.csv"), NULL, &err));
  return dataset;
}

static ctind_results* compute_typed(const ctind_plan* plan,
                                    const ctind_dataset* dataset) {
  ctind_options* options = NULL;
  ctind_results* results = NULL;
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT(CTIND_OK, ctind_options_set_as_of(options, LIT("2025-12-31"), &err));
  EXPECT(CTIND_OK,
         ctind_plan_compute(plan, dataset, options, &results, &err));
  ctind_options_destroy(options);
  return results;
}

/* Value of a PRESENT cell of indicator `indicator`, or -1000. */
static double cell_value(const ctind_results* results, size_t indicator,
                         ctind_scope scope, const char* period,
                         const char* gender) {
  const ctind_cell* cell =
      find_indicator_cell(results, indicator, scope, period, gender);
  double value = -1000;
  if (cell == NULL || ctind_cell_status(cell) != CTIND_VALUE_PRESENT ||
      !ctind_cell_value(cell, &value)) {
    return -1000;
  }
  return value;
}

/* Two results hold the same indicators and cells, field by field. */
static bool same_cells(const ctind_results* a, const ctind_results* b) {
  size_t indicators_a = 0, indicators_b = 0, i, c;
  if (ctind_results_indicator_count(a, &indicators_a) != CTIND_OK ||
      ctind_results_indicator_count(b, &indicators_b) != CTIND_OK ||
      indicators_a != indicators_b) {
    return false;
  }
  for (i = 0; i < indicators_a; ++i) {
    size_t cells_a = 0, cells_b = 0;
    if (ctind_results_cell_count(a, i, &cells_a) != CTIND_OK ||
        ctind_results_cell_count(b, i, &cells_b) != CTIND_OK ||
        cells_a != cells_b) {
      return false;
    }
    for (c = 0; c < cells_a; ++c) {
      const ctind_cell* x = NULL;
      const ctind_cell* y = NULL;
      const char *px, *py, *bx, *by;
      size_t lpx, lpy, lbx, lby;
      double vx = 0, vy = 0;
      int64_t ux = 0, uy = 0;
      int flag;
      ctind_results_get_cell(a, i, c, &x);
      ctind_results_get_cell(b, i, c, &y);
      if (ctind_cell_period(x, &px, &lpx) != CTIND_OK ||
          ctind_cell_period(y, &py, &lpy) != CTIND_OK || lpx != lpy ||
          memcmp(px, py, lpx) != 0 ||
          ctind_cell_breakdown(x, &bx, &lbx) != CTIND_OK ||
          ctind_cell_breakdown(y, &by, &lby) != CTIND_OK || lbx != lby ||
          memcmp(bx, by, lbx) != 0 ||
          ctind_cell_scope(x) != ctind_cell_scope(y) ||
          ctind_cell_status(x) != ctind_cell_status(y) ||
          ctind_cell_value(x, &vx) != ctind_cell_value(y, &vy) || vx != vy ||
          ctind_cell_numerator(x, &vx) != ctind_cell_numerator(y, &vy) ||
          vx != vy ||
          ctind_cell_denominator(x, &vx) != ctind_cell_denominator(y, &vy) ||
          vx != vy || ctind_cell_units(x, &ux) != ctind_cell_units(y, &uy) ||
          ux != uy) {
        return false;
      }
      for (flag = 1; flag <= 5; ++flag) {
        if (ctind_cell_has_flag(x, flag) != ctind_cell_has_flag(y, flag)) {
          return false;
        }
      }
    }
  }
  return true;
}

static void test_columns(void) {
  ctind_schema* schema = load_schema(LIT(kTypedSchema));
  ctind_framework* framework = load_framework(LIT(kTypedFramework));
  ctind_plan* plan = NULL;
  ctind_dataset* columns;
  ctind_dataset* csv;
  ctind_results* from_columns;
  ctind_results* from_csv;
  const ctind_finding* finding = NULL;
  const ctind_finding* csv_finding = NULL;
  const char* text = NULL;
  size_t len = 0, count = 0;
  int64_t rows = 0;
  double share = 0;
  const ctind_scope P = CTIND_SCOPE_PERIOD;
  const ctind_scope L = CTIND_SCOPE_LIFE_OF_PROJECT;

  EXPECT(CTIND_OK, ctind_plan_create(framework, schema, &plan, &err));
  columns = typed_from_columns(schema);
  csv = typed_from_csv(schema);
  EXPECT_RC(CTIND_OK,
            ctind_dataset_row_count(columns, LIT("victims"), &rows));
  CHECK(rows == 9);

  /* One finding, the same from both: 1 invalid gender of 9 rows. */
  EXPECT_RC(CTIND_OK, ctind_dataset_finding_count(columns, &count));
  CHECK(count == 1);
  EXPECT_RC(CTIND_OK, ctind_dataset_finding_count(csv, &count));
  CHECK(count == 1);
  EXPECT_RC(CTIND_OK, ctind_dataset_get_finding(columns, 0, &finding));
  EXPECT_RC(CTIND_OK, ctind_dataset_get_finding(csv, 0, &csv_finding));
  EXPECT_RC(CTIND_OK, ctind_finding_rule(finding, &text, &len));
  CHECK(span_equals(text, len, "invalid_value"));
  EXPECT_RC(CTIND_OK, ctind_finding_field(finding, &text, &len));
  CHECK(span_equals(text, len, "prs_Gender"));
  EXPECT_RC(CTIND_OK, ctind_finding_table(finding, &text, &len));
  CHECK(span_equals(text, len, "victims"));
  EXPECT_RC(CTIND_OK, ctind_finding_indicator_id(finding, &text, &len));
  CHECK(len == 0);
  CHECK(ctind_finding_severity(finding) == CTIND_SEVERITY_WARNING);
  CHECK(ctind_finding_count(finding) == 1 &&
        ctind_finding_count(csv_finding) == 1);
  CHECK(ctind_finding_share(finding, &share) && share == 1.0 / 9);
  EXPECT_RC(CTIND_OK, ctind_finding_file(finding, &text, &len));
  CHECK(span_equals(text, len, "victims-api"));
  EXPECT_RC(CTIND_OK, ctind_finding_message(finding, &text, &len));
  CHECK_CONTAINS(text, "in data row 9");
  /* Columns have rows, not lines; the CSV's X is at line 10, column 4. */
  CHECK(ctind_finding_line(finding) == 0 && ctind_finding_column(finding) == 0);
  CHECK(ctind_finding_line(csv_finding) == 10 &&
        ctind_finding_column(csv_finding) == 4);
  CHECK(ctind_finding_record_key_count(finding) == 0);

  from_columns = compute_typed(plan, columns);
  from_csv = compute_typed(plan, csv);
  CHECK(same_cells(from_columns, from_csv));
  /* And the numbers worked out above kTypedCsv. */
  CHECK(cell_value(from_columns, 0, P, "2025Q1", NULL) == 4);
  CHECK(cell_value(from_columns, 0, P, "2025Q1", "Female") == 3);
  CHECK(cell_value(from_columns, 0, P, "2025Q1", "Male") == 1);
  CHECK(cell_value(from_columns, 0, P, "2025Q1", "Other") == 0);
  CHECK(cell_value(from_columns, 0, P, "2025Q2", "Other") == 1);
  CHECK(cell_value(from_columns, 0, P, "2025Q3", "unknown") == 1);
  CHECK(cell_value(from_columns, 0, P, "2025Q4", NULL) == 1);
  CHECK(cell_value(from_columns, 0, L, "LOP", NULL) == 9);
  CHECK(cell_value(from_columns, 0, L, "LOP", "Female") == 4);
  CHECK(cell_value(from_columns, 1, P, "2025Q1", NULL) == 3);
  CHECK(cell_value(from_columns, 1, P, "2025Q2", NULL) == 0);
  CHECK(cell_value(from_columns, 1, P, "2025Q3", NULL) == 1);
  CHECK(cell_value(from_columns, 1, L, "LOP", NULL) == 4);
  CHECK(cell_value(from_columns, 2, P, "2025Q1", NULL) == 2.5);
  CHECK(cell_value(from_columns, 2, P, "2025Q2", NULL) == 2.75);
  CHECK(cell_value(from_columns, 2, P, "2025Q3", NULL) == 3.25);
  CHECK(cell_value(from_columns, 2, P, "2025Q4", NULL) == 0.5);
  CHECK(cell_value(from_columns, 2, L, "LOP", NULL) == 2.5);
  ctind_results_destroy(from_columns);
  ctind_results_destroy(from_csv);
  ctind_dataset_destroy(csv);

  /* Every error of an append leaves nothing behind. */
  {
    ctind_dataset* d = NULL;
    static const char* const kBad[1] = {"\xC3("};
    static const size_t kBadLen[1] = {2};
    static const char* const kNullValue[1] = {NULL};
    static const size_t kOne[1] = {1};
    static const uint64_t kBackwards[3] = {0, 3, 2};
    const int64_t one = 1;
    EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &d));
    EXPECT(CTIND_NOT_FOUND, ctind_dataset_append_column_int64(
                                d, LIT("victim"), LIT("age"), &one, NULL, 1,
                                &err));
    CHECK_CONTAINS(ctind_error_message(err), "victim");
    EXPECT(CTIND_NOT_FOUND, ctind_dataset_append_column_int64(
                                d, LIT("victims"), LIT("agee"), &one, NULL, 1,
                                &err));
    CHECK_CONTAINS(ctind_error_message(err), "agee");
    /* Types: an integer column is not a double field, a date or a category. */
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_int64(d, LIT("victims"), LIT("score"),
                                             &one, NULL, 1, &err));
    CHECK_CONTAINS(ctind_error_message(err), "DOUBLE");
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_double(d, LIT("victims"), LIT("age"),
                                              kScores, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_bool(d, LIT("victims"), LIT("age"),
                                            kReferred, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_date(d, LIT("victims"),
                                            LIT("prs_Gender"), kDays, NULL, 1,
                                            &err));
    CHECK_CONTAINS(ctind_error_message(err),
                   "ctind_dataset_append_column_string");
    /* NULL values with rows, NULL lens, NULL offsets. */
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_int64(d, LIT("victims"), LIT("age"),
                                             NULL, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_double(d, LIT("victims"), LIT("score"),
                                              NULL, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_bool(d, LIT("victims"),
                                            LIT("referred"), NULL, NULL, 1,
                                            &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_date(d, LIT("victims"),
                                            LIT("identified_on"), NULL, NULL,
                                            1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(d, LIT("victims"),
                                              LIT("person_id"), NULL, kIdLens,
                                              NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(d, LIT("victims"),
                                              LIT("person_id"), kIds, NULL,
                                              NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(d, LIT("victims"),
                                              LIT("person_id"), kNullValue,
                                              kOne, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string_packed(
               d, LIT("victims"), LIT("prs_Gender"), kGenders,
               sizeof kGenders - 1, NULL, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string_packed(
               d, LIT("victims"), LIT("prs_Gender"), kGenders, 3, kBackwards,
               NULL, 2, &err));
    CHECK_CONTAINS(ctind_error_message(err), "non-decreasing");
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string_packed(
               d, LIT("victims"), LIT("prs_Gender"), NULL, 5, kGenderOffsets,
               NULL, 1, &err));
    /* Ill-formed UTF-8, named by its row. */
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(d, LIT("victims"),
                                              LIT("person_id"), kBad, kBadLen,
                                              NULL, 1, &err));
    CHECK_CONTAINS(ctind_error_message(err), "UTF-8");
    /* Not present: the value is not read, even ill-formed or NULL. */
    {
      static const uint8_t kAbsent[1] = {0};
      EXPECT(CTIND_OK, ctind_dataset_append_column_string(
                           d, LIT("victims"), LIT("prs_Gender"), kNullValue,
                           kOne, kAbsent, 1, &err));
    }
    /* Twice, and another length than the first column's. */
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(d, LIT("victims"),
                                              LIT("prs_Gender"), kIds,
                                              kIdLens, NULL, 1, &err));
    CHECK_CONTAINS(ctind_error_message(err), "already appended");
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(d, LIT("victims"),
                                              LIT("person_id"), kIds,
                                              kIdLens, NULL, 2, &err));
    CHECK_CONTAINS(ctind_error_message(err), "one value per row");
    /* The required identified_on is missing: ending fails, the table stays
     * empty, and the columns are gone. */
    EXPECT(CTIND_OK, ctind_dataset_append_column_string(
                         d, LIT("victims"), LIT("person_id"), kIds, kIdLens,
                         NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_end_table(d, LIT("victims"), NULL, 0, NULL, &err));
    CHECK_CONTAINS(ctind_error_message(err), "identified_on");
    EXPECT_RC(CTIND_OK, ctind_dataset_row_count(d, LIT("victims"), &rows));
    CHECK(rows == 0);
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_end_table(d, LIT("victims"), NULL, 0, NULL, &err));
    CHECK_CONTAINS(ctind_error_message(err), "person_id");
    /* Strict: V9's gender fails the load, naming its data row. */
    {
      ctind_options* strict = NULL;
      EXPECT_RC(CTIND_OK, ctind_options_create(&strict));
      EXPECT_RC(CTIND_OK, ctind_options_set_strict(strict, true));
      EXPECT(CTIND_OK, ctind_dataset_append_column_string(
                           d, LIT("victims"), LIT("person_id"), kIds, kIdLens,
                           NULL, TYPED_ROWS, &err));
      EXPECT(CTIND_OK, ctind_dataset_append_column_string_packed(
                           d, LIT("victims"), LIT("prs_Gender"), kGenders,
                           sizeof kGenders - 1, kGenderOffsets, NULL,
                           TYPED_ROWS, &err));
      EXPECT(CTIND_OK, ctind_dataset_append_column_date(
                           d, LIT("victims"), LIT("identified_on"), kDays,
                           NULL, TYPED_ROWS, &err));
      EXPECT(CTIND_INVALID_ARGUMENT,
             ctind_dataset_end_table(d, LIT("victims"), LIT("api"), strict,
                                     &err));
      CHECK_CONTAINS(ctind_error_message(err), "api: data row 9");
      ctind_options_destroy(strict);
    }
    EXPECT_RC(CTIND_OK, ctind_dataset_finding_count(d, &count));
    CHECK(count == 0);
    /* NULL arguments. */
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_int64(NULL, LIT("victims"), LIT("age"),
                                             &one, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_double(NULL, LIT("victims"),
                                              LIT("score"), kScores, NULL, 1,
                                              &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_bool(NULL, LIT("victims"),
                                            LIT("referred"), kReferred, NULL,
                                            1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_date(NULL, LIT("victims"),
                                            LIT("identified_on"), kDays, NULL,
                                            1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string(NULL, LIT("victims"),
                                              LIT("person_id"), kIds, kIdLens,
                                              NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_string_packed(
               NULL, LIT("victims"), LIT("prs_Gender"), kGenders,
               sizeof kGenders - 1, kGenderOffsets, NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_int64(d, NULL, 3, LIT("age"), &one,
                                             NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_append_column_int64(d, LIT("victims"), NULL, 3, &one,
                                             NULL, 1, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_end_table(NULL, LIT("victims"), NULL, 0, NULL, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_end_table(d, NULL, 2, NULL, 0, NULL, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_dataset_end_table(d, LIT("victims"), NULL, 2, NULL, &err));
    EXPECT(CTIND_NOT_FOUND,
           ctind_dataset_end_table(d, LIT("victim"), NULL, 0, NULL, &err));
    EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_dataset_finding_count(NULL, &count));
    EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_dataset_finding_count(d, NULL));
    finding = (const ctind_finding*)(const void*)&g_sentinel_byte;
    EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_dataset_get_finding(d, 0, &finding));
    CHECK(finding == NULL);
    EXPECT_RC(CTIND_INVALID_ARGUMENT,
              ctind_dataset_get_finding(NULL, 0, &finding));
    EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_dataset_get_finding(d, 0, NULL));
    ctind_dataset_destroy(d);
  }
  /* A loaded table takes no more columns. */
  {
    const int64_t one = 1;
    EXPECT(CTIND_FAILED_PRECONDITION,
           ctind_dataset_append_column_int64(columns, LIT("victims"),
                                             LIT("age"), &one, NULL, 1, &err));
    EXPECT(CTIND_FAILED_PRECONDITION,
           ctind_dataset_end_table(columns, LIT("victims"), NULL, 0, NULL,
                                   &err));
  }
  /* A dataset destroyed with appended columns pending frees them. */
  {
    ctind_dataset* d = NULL;
    EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &d));
    EXPECT(CTIND_OK, ctind_dataset_append_column_string(
                         d, LIT("victims"), LIT("person_id"), kIds, kIdLens,
                         NULL, TYPED_ROWS, &err));
    ctind_dataset_destroy(d);
  }
  /* Finding getters on NULL. */
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_finding_rule(NULL, &text, &len));
  CHECK(text == NULL && len == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_finding_table(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_finding_field(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_finding_indicator_id(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_finding_message(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_finding_file(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_finding_rule(finding, NULL, &len));
  CHECK(ctind_finding_severity(NULL) == CTIND_SEVERITY_UNSPECIFIED);
  CHECK(ctind_finding_count(NULL) == 0);
  CHECK(!ctind_finding_share(NULL, &share));
  CHECK(ctind_finding_line(NULL) == 0 && ctind_finding_column(NULL) == 0);
  CHECK(ctind_finding_record_key_count(NULL) == 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_finding_record_key(NULL, 0, &text, &len));

  ctind_dataset_destroy(columns);
  ctind_plan_destroy(plan);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  drop_error();
}

/* A CSV mapping renames a column, changes the delimiter and recodes a
 * value: the export "Sex;person;date" with "f" loads as the schema's
 * fields with Female. */
static void test_mapping(void) {
  static const char kMapping[] =
      "schema_id: \"ct-typed\"\n"
      "tables {\n"
      "  table: \"victims\" delimiter: \";\"\n"
      "  columns { field: \"prs_Gender\" column: \"Sex\" "
      "values { value: \"f\" code: \"Female\" } }\n"
      "  columns { field: \"person_id\" column: \"person\" }\n"
      "  columns { field: \"identified_on\" column: \"date\" }\n"
      "}\n";
  static const char kExport[] =
      "Sex;person;date\n"
      "f;V1;2025-01-10\n"
      "Male;V2;2025-02-11\n";
  ctind_schema* schema = load_schema(LIT(kTypedSchema));
  ctind_mapping* mapping = NULL;
  ctind_mapping* out = NULL;
  ctind_options* options = NULL;
  ctind_dataset* dataset = NULL;
  char* data = NULL;
  size_t len = 0, count = 9;
  int64_t rows = 0;

  EXPECT(CTIND_OK, ctind_mapping_load(schema, LIT(kMapping), CTIND_FORMAT_TEXT,
                                      LIT("export.textproto"), &mapping, &err));
  EXPECT(CTIND_OK, ctind_mapping_serialize(mapping, CTIND_FORMAT_JSON, &data,
                                           &len, &err));
  CHECK_OWNED_TEXT(data, len, "\"Sex\"");
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT_RC(CTIND_OK, ctind_options_set_mapping(options, mapping));
  /* The options keep their own reference. */
  ctind_mapping_destroy(mapping);
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_OK, ctind_dataset_load_csv(dataset, LIT("victims"),
                                          LIT(kExport), LIT("export.csv"),
                                          options, &err));
  EXPECT_RC(CTIND_OK, ctind_dataset_row_count(dataset, LIT("victims"), &rows));
  CHECK(rows == 2);
  /* "f" was recoded: no invalid gender. */
  EXPECT_RC(CTIND_OK, ctind_dataset_finding_count(dataset, &count));
  CHECK(count == 0);
  ctind_dataset_destroy(dataset);
  /* Without the mapping the export's header is unknown. */
  EXPECT_RC(CTIND_OK, ctind_options_set_mapping(options, NULL));
  EXPECT_RC(CTIND_OK, ctind_dataset_create(schema, &dataset));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dataset_load_csv(dataset, LIT("victims"), LIT(kExport),
                                LIT("export.csv"), options, &err));
  ctind_dataset_destroy(dataset);

  /* Errors: a field the table lacks (line 3), a syntax error, NULLs. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_load(schema,
                            LIT("tables {\n  table: \"victims\"\n"
                                "  columns { field: \"sexx\" column: \"S\" }\n"
                                "}\n"),
                            CTIND_FORMAT_TEXT, LIT("bad.textproto"), &out,
                            &err));
  CHECK(out == NULL);
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  CHECK(get_diagnostic(0).line == 3);
  CHECK_CONTAINS(get_diagnostic(0).message, "sexx");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_load(schema, LIT("tables {"), CTIND_FORMAT_TEXT,
                            LIT("bad.textproto"), &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_load(NULL, LIT(kMapping), CTIND_FORMAT_TEXT, NULL, 0,
                            &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_load(schema, NULL, 3, CTIND_FORMAT_TEXT, NULL, 0, &out,
                            &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_load(schema, LIT(kMapping), CTIND_FORMAT_TEXT, NULL, 0,
                            NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_load(schema, LIT(kMapping), (ctind_format)7, NULL, 0,
                            &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_mapping_serialize(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_options_set_mapping(NULL, NULL));
  ctind_mapping_destroy(NULL);
  ctind_options_destroy(options);
  ctind_schema_destroy(schema);
  drop_error();
}

/* The Q1 cells of PROT-01 by gender plus the total: how many carry
 * `reason`. */
static int q1_cells_with_reason(const ctind_results* results,
                                ctind_suppression_reason reason) {
  static const char* const kGendersQ1[4] = {NULL, "Female", "Male", "Other"};
  int n = 0, i;
  for (i = 0; i < 4; ++i) {
    const ctind_cell* cell = find_indicator_cell(
        results, 0, CTIND_SCOPE_PERIOD, "2025Q1", kGendersQ1[i]);
    if (cell != NULL && ctind_cell_suppression_reason(cell) == reason) ++n;
  }
  return n;
}

static ctind_publication* publish(const ctind_results* raw,
                                  const ctind_plan* plan,
                                  const ctind_options* options) {
  ctind_publication* publication = NULL;
  EXPECT(CTIND_OK, ctind_publish(raw, plan, options, &publication, &err));
  return publication;
}

static char* json_of(const ctind_results* results) {
  char* data = NULL;
  size_t len = 0;
  EXPECT(CTIND_OK, ctind_results_to_json(results, &data, &len, &err));
  return data;
}

static void test_publish(void) {
  static const char kKey[] = "0123456789abcdef-publisher-secret";
  ctind_schema* schema = load_schema(LIT(kTypedSchema));
  ctind_framework* framework = load_framework(LIT(kTypedFramework));
  ctind_plan* plan = NULL;
  ctind_plan* other_plan = NULL;
  ctind_dataset* dataset = typed_from_columns(schema);
  ctind_results* raw;
  ctind_publication* publication;
  ctind_publication* out = NULL;
  const ctind_results* published = NULL;
  const ctind_results* reasons = NULL;
  const ctind_cell* cell;
  ctind_options* options = NULL;
  double x = -1;
  int64_t units = -1;
  const char* text = NULL;
  size_t len = 0;
  const ctind_scope P = CTIND_SCOPE_PERIOD;

  EXPECT(CTIND_OK, ctind_plan_create(framework, schema, &plan, &err));
  raw = compute_typed(plan, dataset);
  CHECK(ctind_results_protection(raw) == CTIND_PROTECTION_RAW);

  /* Protected by default (k = 3 from the framework): Q1's Male count 1 is
   * withheld in the publication, still 1 in the raw results. */
  publication = publish(raw, plan, NULL);
  EXPECT_RC(CTIND_OK, ctind_publication_results(publication, &published));
  EXPECT_RC(CTIND_OK,
            ctind_publication_raw_with_reasons(publication, &reasons));
  CHECK(ctind_results_protection(published) == CTIND_PROTECTION_PUBLISHED);
  CHECK(ctind_results_protection(reasons) == CTIND_PROTECTION_RAW);
  cell = find_indicator_cell(published, 0, P, "2025Q1", "Male");
  CHECK(cell != NULL && ctind_cell_status(cell) == CTIND_VALUE_SUPPRESSED);
  CHECK(!ctind_cell_value(cell, &x) && !ctind_cell_units(cell, &units) &&
        !ctind_cell_numerator(cell, &x));
  CHECK(ctind_cell_has_flag(cell, 4));
  /* A publication carries no reasons. */
  CHECK(ctind_cell_suppression_reason(cell) == CTIND_SUPPRESSION_UNSPECIFIED);
  CHECK(cell_value(raw, 0, P, "2025Q1", "Male") == 1);
  /* For the owner: Male is the primary suppression; with the total (4),
   * Female (3) and Other (0) it would be recovered as 4 - 3 - 0 unless
   * another of those cells is withheld too. */
  cell = find_indicator_cell(reasons, 0, P, "2025Q1", "Male");
  CHECK(ctind_cell_suppression_reason(cell) == CTIND_SUPPRESSION_PRIMARY);
  CHECK(cell_value(reasons, 0, P, "2025Q1", "Male") == 1);
  CHECK(q1_cells_with_reason(reasons, CTIND_SUPPRESSION_COMPLEMENTARY) >= 1);
  CHECK(q1_cells_with_reason(reasons, CTIND_SUPPRESSION_PRIMARY) == 1);
  /* 2025Q2's Other (1, V5) is small too. */
  CHECK(ctind_cell_status(find_indicator_cell(published, 0, P, "2025Q2",
                                              "Other")) ==
        CTIND_VALUE_SUPPRESSED);
  /* The raw results are unchanged. */
  CHECK(ctind_cell_status(find_indicator_cell(raw, 0, P, "2025Q1", "Male")) ==
        CTIND_VALUE_PRESENT);
  /* A publication is not published again. */
  EXPECT(CTIND_FAILED_PRECONDITION,
         ctind_publish(published, plan, NULL, &out, &err));
  CHECK(out == NULL);
  /* Every renderer of results takes a publication. */
  {
    char* data = NULL;
    EXPECT(CTIND_OK, ctind_results_to_csv(published, &data, &len, &err));
    CHECK_OWNED_TEXT(data, len, "suppressed");
    EXPECT(CTIND_OK, ctind_results_to_table(published, &data, &len, &err));
    CHECK_OWNED_TEXT(data, len, "PROT-01");
    data = json_of(published);
    CHECK_CONTAINS(data, "\"PUBLISHED\"");
    ctind_free(data);
  }

  /* k = 1 for this publication: nothing small is withheld. */
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT(CTIND_OK, ctind_options_set_min_cell_size(options, 1, &err));
  out = publish(raw, plan, options);
  ctind_publication_results(out, &published);
  CHECK(cell_value(published, 0, P, "2025Q1", "Male") == 1);
  CHECK(ctind_results_protection(published) == CTIND_PROTECTION_PUBLISHED);
  ctind_publication_destroy(out);
  /* k = 5: Q1's Female 3 is withheld too; Q1's total 4 as well. */
  EXPECT(CTIND_OK, ctind_options_set_min_cell_size(options, 5, &err));
  out = publish(raw, plan, options);
  ctind_publication_results(out, &published);
  CHECK(ctind_cell_status(find_indicator_cell(published, 0, P, "2025Q1",
                                              "Female")) ==
        CTIND_VALUE_SUPPRESSED);
  CHECK(ctind_cell_status(find_indicator_cell(published, 0, P, "2025Q1",
                                              NULL)) ==
        CTIND_VALUE_SUPPRESSED);
  ctind_publication_destroy(out);

  /* Rounding to base 5 with k = 1: Q1 total 4 -> 5, Female 3 -> 5, Male
   * 1 -> 0, each flagged ROUNDED (5). */
  EXPECT(CTIND_OK, ctind_options_set_min_cell_size(options, 1, &err));
  EXPECT(CTIND_OK,
         ctind_options_set_rounding(options, CTIND_ROUNDING_BASE5, &err));
  out = publish(raw, plan, options);
  ctind_publication_results(out, &published);
  CHECK(cell_value(published, 0, P, "2025Q1", NULL) == 5);
  CHECK(cell_value(published, 0, P, "2025Q1", "Female") == 5);
  CHECK(cell_value(published, 0, P, "2025Q1", "Male") == 0);
  CHECK(ctind_cell_has_flag(find_indicator_cell(published, 0, P, "2025Q1",
                                                NULL),
                            5));
  ctind_publication_destroy(out);

  /* Random rounding to base 3 needs the key; with it, every count is a
   * multiple of 3 within 3 of the raw count, and the same key gives the
   * same publication. */
  EXPECT(CTIND_OK, ctind_options_set_rounding(
                       options, CTIND_ROUNDING_RANDOM_BASE3, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_publish(raw, plan, options, &out, &err));
  CHECK(out == NULL);
  CHECK_CONTAINS(ctind_error_message(err), "key");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_publisher_key(options, LIT("short"), &err));
  CHECK(strstr(ctind_error_message(err), "short") == NULL); /* a secret */
  EXPECT(CTIND_OK, ctind_options_set_publisher_key(options, LIT(kKey), &err));
  {
    ctind_publication* again;
    const ctind_results* second = NULL;
    char* first_json;
    char* second_json;
    static const char* const kGenderCells[5] = {NULL, "Female", "Male",
                                                "Other", "unknown"};
    static const char* const kQuarters[4] = {"2025Q1", "2025Q2", "2025Q3",
                                             "2025Q4"};
    int q, g;
    out = publish(raw, plan, options);
    again = publish(raw, plan, options);
    ctind_publication_results(out, &published);
    ctind_publication_results(again, &second);
    first_json = json_of(published);
    second_json = json_of(second);
    CHECK(first_json != NULL && second_json != NULL &&
          strcmp(first_json, second_json) == 0);
    ctind_free(first_json);
    ctind_free(second_json);
    for (q = 0; q < 4; ++q) {
      for (g = 0; g < 5; ++g) {
        const double before = cell_value(raw, 0, P, kQuarters[q],
                                         kGenderCells[g]);
        const double after = cell_value(published, 0, P, kQuarters[q],
                                        kGenderCells[g]);
        if (before == -1000) continue; /* no such cell */
        CHECK(after != -1000 && fmod(after, 3) == 0 &&
              fabs(after - before) < 3);
      }
    }
    ctind_publication_destroy(again);
    ctind_publication_destroy(out);
  }
  /* An empty key removes it. */
  EXPECT(CTIND_OK, ctind_options_set_publisher_key(options, NULL, 0, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_publish(raw, plan, options, &out, &err));

  /* Protection disabled, by its explicit name: the raw numbers, RAW. */
  EXPECT_RC(CTIND_OK,
            ctind_options_disable_protection_for_internal_use(options, true));
  out = publish(raw, plan, options);
  ctind_publication_results(out, &published);
  CHECK(ctind_results_protection(published) == CTIND_PROTECTION_RAW);
  CHECK(cell_value(published, 0, P, "2025Q1", "Male") == 1);
  ctind_publication_destroy(out);
  EXPECT_RC(CTIND_OK,
            ctind_options_disable_protection_for_internal_use(options, false));

  /* Results of another plan (kFramework has one indicator). */
  {
    ctind_framework* small = load_framework(LIT(kFramework));
    ctind_schema* victims_schema = load_schema(LIT(kSchema));
    EXPECT(CTIND_OK,
           ctind_plan_create(small, victims_schema, &other_plan, &err));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_publish(raw, other_plan, NULL, &out, &err));
    CHECK(out == NULL);
    ctind_plan_destroy(other_plan);
    ctind_schema_destroy(victims_schema);
    ctind_framework_destroy(small);
  }

  /* Option errors and NULLs. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_min_cell_size(options, -1, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_min_cell_size(NULL, 3, &err));
  EXPECT(CTIND_OK, ctind_options_set_min_cell_size(options, 0, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_rounding(options, (ctind_rounding)9, &err));
  CHECK_CONTAINS(ctind_error_message(err), "9");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_rounding(NULL, CTIND_ROUNDING_NONE, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_publisher_key(NULL, LIT(kKey), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_publisher_key(options, NULL, 20, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_options_disable_protection_for_internal_use(NULL, true));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_publish(NULL, plan, NULL, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_publish(raw, NULL, NULL, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_publish(raw, plan, NULL, NULL, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_publication_results(NULL, &published));
  CHECK(published == NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_publication_results(publication, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_publication_raw_with_reasons(NULL, &reasons));
  CHECK(reasons == NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_publication_raw_with_reasons(publication, NULL));
  CHECK(ctind_results_protection(NULL) == CTIND_PROTECTION_UNSPECIFIED);
  CHECK(ctind_cell_suppression_reason(NULL) == CTIND_SUPPRESSION_UNSPECIFIED);
  ctind_publication_destroy(NULL);
  (void)text;

  ctind_options_destroy(options);
  ctind_publication_destroy(publication);
  ctind_results_destroy(raw);
  ctind_dataset_destroy(dataset);
  ctind_plan_destroy(plan);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  drop_error();
}

/* Results getters of 1.0.0 on raw results. */
static void test_results_getters(void) {
  ctind_schema* schema = load_schema(LIT(kTypedSchema));
  ctind_framework* framework = load_framework(LIT(kTypedFramework));
  ctind_plan* plan = NULL;
  ctind_dataset* dataset = typed_from_columns(schema);
  ctind_results* raw;
  const char *id = NULL, *type = NULL, *start = NULL, *end = NULL;
  const char* text = NULL;
  const ctind_finding* finding = NULL;
  size_t len = 0, count = 0;
  bool partial = true;
  double margin = -1;

  EXPECT(CTIND_OK, ctind_plan_create(framework, schema, &plan, &err));
  raw = compute_typed(plan, dataset);
  EXPECT_RC(CTIND_OK, ctind_results_project_id(raw, &text, &len));
  CHECK(span_equals(text, len, "CT-TYPED"));
  EXPECT_RC(CTIND_OK, ctind_results_indicator_title(raw, 1, &text, &len));
  CHECK(span_equals(text, len, "Minors referred"));
  EXPECT_RC(CTIND_OK, ctind_results_indicator_unit(raw, 0, &text, &len));
  CHECK(span_equals(text, len, "persons"));
  /* Four quarters up to the as-of date 2025-12-31, none partial, then the
   * life of project; ends are exclusive. */
  EXPECT_RC(CTIND_OK, ctind_results_period_count(raw, 0, &count));
  CHECK(count == 5);
  EXPECT_RC(CTIND_OK, ctind_results_period(raw, 0, 1, &id, &type, &start,
                                           &end, &partial));
  CHECK(id != NULL && strcmp(id, "2025Q2") == 0);
  CHECK(type != NULL && strcmp(type, "QUARTERLY") == 0);
  CHECK(start != NULL && strcmp(start, "2025-04-01") == 0);
  CHECK(end != NULL && strcmp(end, "2025-07-01") == 0);
  CHECK(!partial);
  EXPECT_RC(CTIND_OK, ctind_results_period(raw, 0, 4, &id, &type, &start,
                                           &end, &partial));
  CHECK(id != NULL && strcmp(id, "LOP") == 0);
  CHECK(type != NULL && type[0] == '\0');
  CHECK(start != NULL && strcmp(start, "2025-01-01") == 0);
  CHECK(end != NULL && strcmp(end, "2026-01-01") == 0);
  /* Every out pointer may be NULL. */
  EXPECT_RC(CTIND_OK,
            ctind_results_period(raw, 0, 0, NULL, NULL, NULL, NULL, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_period(raw, 0, 5, &id, &type, &start, &end,
                                 &partial));
  CHECK(id == NULL && type == NULL && start == NULL && end == NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_period(raw, 3, 0, &id, NULL, NULL, NULL, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_period(NULL, 0, 0, &id, NULL, NULL, NULL, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_period_count(raw, 3, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_period_count(raw, 0, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_period_count(NULL, 0, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_title(raw, 3, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_title(NULL, 0, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_unit(raw, 3, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_indicator_unit(raw, 0, NULL, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_project_id(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_project_id(raw, &text, NULL));
  /* Not assessed yet. */
  CHECK(!ctind_results_is_assessed(raw, &margin) && margin == -1);
  CHECK(!ctind_results_is_assessed(NULL, NULL));
  /* The report carries the ingest finding. */
  EXPECT_RC(CTIND_OK, ctind_results_finding_count(raw, &count));
  CHECK(count >= 1);
  EXPECT_RC(CTIND_OK, ctind_results_get_finding(raw, 0, &finding));
  EXPECT_RC(CTIND_OK, ctind_finding_rule(finding, &text, &len));
  CHECK(len > 0);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_get_finding(raw, count, &finding));
  CHECK(finding == NULL);
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_results_get_finding(NULL, 0, &finding));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_get_finding(raw, 0, NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_finding_count(NULL, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_results_finding_count(raw, NULL));

  ctind_results_destroy(raw);
  ctind_dataset_destroy(dataset);
  ctind_plan_destroy(plan);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  drop_error();
}

static const char kDhis2Mapping[] =
    "id: \"moh\" project_id: \"CT-TYPED\" org_unit: \"DiszpKrYNg8\"\n"
    "indicators {\n"
    "  indicator: \"PROT-01\" data_element: \"f7n9E0hX8qk\" "
    "period_types: QUARTERLY\n"
    "  cells { data_element: \"TotPersId01\" }\n"
    "  cells { cell { dimension: \"prs_Gender\" value: \"Female\" } "
    "category_option_combo: \"Prlt0C1RF0s\" }\n"
    "}\n";

static void test_assess_and_render(void) {
  ctind_schema* schema = load_schema(LIT(kTypedSchema));
  ctind_framework* framework = load_framework(LIT(kTypedFramework));
  ctind_framework* without_iati =
      load_framework(LIT(kTypedFrameworkWithoutIati));
  ctind_plan* plan = NULL;
  ctind_dataset* dataset = typed_from_columns(schema);
  ctind_results* raw;
  ctind_results* assessed = NULL;
  ctind_results* assessed_publication = NULL;
  ctind_results* with_actuals = NULL;
  ctind_results* out = NULL;
  ctind_publication* publication;
  const ctind_results* published = NULL;
  ctind_options* options = NULL;
  ctind_iptt* iptt = NULL;
  ctind_iptt* iptt_out = NULL;
  ctind_document* document = NULL;
  ctind_document* doc_out = NULL;
  ctind_dhis2_mapping* dhis2 = NULL;
  ctind_dhis2_mapping* dhis2_out = NULL;
  ctind_quality* quality = NULL;
  const ctind_cell* cell;
  char* data = NULL;
  const char* text = NULL;
  size_t len = 0, count = 0;
  double x = -1, margin = -1;
  const ctind_scope P = CTIND_SCOPE_PERIOD;
  const ctind_scope L = CTIND_SCOPE_LIFE_OF_PROJECT;

  EXPECT(CTIND_OK, ctind_plan_create(framework, schema, &plan, &err));
  raw = compute_typed(plan, dataset);

  /* Assessing raw results, default margin 15: Q1 4 of target 5 = 80 %,
   * below 85: behind; progress from the baseline 1: (4 - 1) / (5 - 1) =
   * 0.75. LOP 9 of 10 = 90 %: on track. */
  EXPECT(CTIND_OK, ctind_assess(framework, raw, NULL, &assessed, &err));
  CHECK(ctind_results_is_assessed(assessed, &margin) && margin == 15);
  cell = find_indicator_cell(assessed, 0, P, "2025Q1", NULL);
  CHECK(ctind_cell_target(cell, &x) && x == 5);
  CHECK(ctind_cell_percent_achieved(cell, &x) && x == 80);
  CHECK(ctind_cell_progress(cell, &x) && x == 0.75);
  CHECK(ctind_cell_assessment(cell) == CTIND_ASSESSMENT_BEHIND);
  cell = find_indicator_cell(assessed, 0, L, "LOP", NULL);
  CHECK(ctind_cell_target(cell, &x) && x == 10);
  CHECK(ctind_cell_percent_achieved(cell, &x) && x == 90);
  CHECK(ctind_cell_assessment(cell) == CTIND_ASSESSMENT_ON_TRACK);
  /* Q2 has no target: not assessed, no target. */
  cell = find_indicator_cell(assessed, 0, P, "2025Q2", NULL);
  x = -1;
  CHECK(!ctind_cell_target(cell, &x) && x == -1);
  CHECK(!ctind_cell_percent_achieved(cell, &x) && !ctind_cell_progress(cell, &x));
  CHECK(ctind_cell_assessment(cell) == CTIND_ASSESSMENT_NOT_ASSESSED);
  /* The input is unchanged (results are immutable). */
  CHECK(!ctind_results_is_assessed(raw, NULL));
  CHECK(ctind_cell_assessment(find_indicator_cell(raw, 0, P, "2025Q1", NULL)) ==
        CTIND_ASSESSMENT_UNSPECIFIED);
  ctind_results_destroy(assessed);
  assessed = NULL;
  /* Margin 25: 80 % is on track; margin 5: LOP's 90 % is behind. */
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT(CTIND_OK, ctind_options_set_margin_points(options, 25, &err));
  EXPECT(CTIND_OK, ctind_assess(framework, raw, options, &assessed, &err));
  CHECK(ctind_cell_assessment(find_indicator_cell(assessed, 0, P, "2025Q1",
                                                  NULL)) ==
        CTIND_ASSESSMENT_ON_TRACK);
  ctind_results_destroy(assessed);
  EXPECT(CTIND_OK, ctind_options_set_margin_points(options, 5, &err));
  EXPECT(CTIND_OK, ctind_assess(framework, raw, options, &assessed, &err));
  CHECK(ctind_cell_assessment(find_indicator_cell(assessed, 0, L, "LOP",
                                                  NULL)) ==
        CTIND_ASSESSMENT_BEHIND);
  CHECK(ctind_results_is_assessed(assessed, NULL));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_margin_points(options, -1, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_margin_points(options, HUGE_VAL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_margin_points(NULL, 15, &err));
  /* Reported actuals: the framework has none, so the cells stay as they
   * are. */
  EXPECT(CTIND_OK,
         ctind_add_reported_actuals(framework, raw, &with_actuals, &err));
  CHECK(same_cells(with_actuals, raw));
  ctind_results_destroy(with_actuals);
  /* Results of another project. */
  {
    ctind_framework* small = load_framework(LIT(kFramework));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_add_reported_actuals(small, raw, &out, &err));
    CHECK(out == NULL);
    EXPECT(CTIND_INVALID_ARGUMENT, ctind_assess(small, raw, NULL, &out, &err));
    CHECK(out == NULL);
    ctind_framework_destroy(small);
  }

  /* The IPTT of assessed raw results; refused unassessed. */
  EXPECT(CTIND_OK, ctind_iptt_build(framework, assessed, &iptt, &err));
  EXPECT(CTIND_OK, ctind_iptt_to_csv(iptt, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "PROT-01");
  EXPECT(CTIND_OK, ctind_iptt_serialize(iptt, CTIND_FORMAT_JSON, &data, &len,
                                        &err));
  CHECK_OWNED_TEXT(data, len, "\"CT-TYPED\"");
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_iptt_serialize(iptt, (ctind_format)5, &data, &len, &err));
  ctind_iptt_destroy(iptt);
  iptt = NULL;
  EXPECT(CTIND_FAILED_PRECONDITION,
         ctind_iptt_build(framework, raw, &iptt_out, &err));
  CHECK(iptt_out == NULL);

  /* The pipeline for others: publish, assess the publication, IPTT. */
  publication = publish(raw, plan, NULL);
  ctind_publication_results(publication, &published);
  EXPECT(CTIND_OK, ctind_assess(framework, published, NULL,
                                &assessed_publication, &err));
  CHECK(ctind_results_protection(assessed_publication) ==
        CTIND_PROTECTION_PUBLISHED);
  /* A suppressed value keeps its target and gets nothing derived. */
  {
    const ctind_cell* male =
        find_indicator_cell(assessed_publication, 0, P, "2025Q1", "Male");
    CHECK(ctind_cell_status(male) == CTIND_VALUE_SUPPRESSED);
    CHECK(!ctind_cell_percent_achieved(male, &x));
  }
  EXPECT(CTIND_OK,
         ctind_iptt_build(framework, assessed_publication, &iptt, &err));

  /* IATI XML of the publication, with options. */
  EXPECT(CTIND_OK, ctind_options_set_generated_datetime(
                       options, LIT("2026-01-15T09:00:00Z"), &err));
  EXPECT_RC(CTIND_OK, ctind_options_set_include_life_of_project(options, true));
  EXPECT(CTIND_OK, ctind_options_add_indicator_vocabulary(
                       options, LIT("INDIKIT"), LIT("99"), &err));
  EXPECT(CTIND_OK, ctind_options_add_indicator_vocabulary(
                       options, LIT("INDIKIT"), LIT("98"), &err));
  EXPECT(CTIND_OK, ctind_render_iati(framework, assessed_publication, options,
                                     &document, &err));
  EXPECT_RC(CTIND_OK, ctind_document_text(document, &text, &len));
  CHECK(len > 0 && text[len] == '\0');
  CHECK_CONTAINS(text, "<iati-activities");
  CHECK_CONTAINS(text, "XM-DAC-47066-CT-TYPED");
  CHECK_CONTAINS(text, "2026-01-15T09:00:00Z");
  /* No person identifier reaches a donor. */
  CHECK(strstr(text, "V1") == NULL && strstr(text, "V9") == NULL);
  EXPECT_RC(CTIND_OK, ctind_document_note_count(document, &count));
  {
    size_t i;
    for (i = 0; i < count; ++i) {
      EXPECT_RC(CTIND_OK, ctind_document_note(document, i, &text, &len));
      CHECK(len > 0);
    }
    EXPECT_RC(CTIND_INVALID_ARGUMENT,
              ctind_document_note(document, count, &text, &len));
    CHECK(text == NULL && len == 0);
  }
  ctind_document_destroy(document);
  document = NULL;
  /* A bad datetime; raw results; a project without what IATI requires. */
  EXPECT(CTIND_OK, ctind_options_set_generated_datetime(
                       options, LIT("yesterday"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_render_iati(framework, published,
                                                   options, &doc_out, &err));
  CHECK(doc_out == NULL);
  EXPECT(CTIND_OK,
         ctind_options_set_generated_datetime(options, NULL, 0, &err));
  EXPECT(CTIND_FAILED_PRECONDITION,
         ctind_render_iati(framework, raw, NULL, &doc_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_iati(without_iati, published, NULL, &doc_out, &err));
  CHECK(ctind_error_diagnostic_count(err) >= 1);
  CHECK_CONTAINS(ctind_error_message(err), "iati_identifier");

  /* DHIS2 dataValueSets of the publication. */
  EXPECT(CTIND_OK,
         ctind_dhis2_mapping_load(LIT(kDhis2Mapping), CTIND_FORMAT_TEXT,
                                  LIT("dhis2.textproto"), &dhis2, &err));
  EXPECT(CTIND_OK, ctind_render_dhis2(published, dhis2, &document, &err));
  EXPECT_RC(CTIND_OK, ctind_document_text(document, &text, &len));
  CHECK_CONTAINS(text, "\"dataValues\"");
  CHECK_CONTAINS(text, "f7n9E0hX8qk");
  /* PROT-02 and PROT-03 are not mapped: the notes say so. */
  EXPECT_RC(CTIND_OK, ctind_document_note_count(document, &count));
  CHECK(count >= 1);
  ctind_document_destroy(document);
  document = NULL;
  EXPECT(CTIND_FAILED_PRECONDITION,
         ctind_render_dhis2(raw, dhis2, &doc_out, &err));
  /* A data element that is not a DHIS2 UID, on line 1. */
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dhis2_mapping_load(
             LIT("indicators { indicator: \"PROT-01\" data_element: \"x\" "
                 "org_unit: \"DiszpKrYNg8\" }\n"),
             CTIND_FORMAT_TEXT, LIT("bad-dhis2.textproto"), &dhis2_out, &err));
  CHECK(dhis2_out == NULL);
  CHECK(ctind_error_diagnostic_count(err) >= 1 && get_diagnostic(0).line == 1);

  /* The HTML report: a publication, assessed, with its IPTT and the data
   * quality; raw results are refused. */
  EXPECT(CTIND_OK, ctind_quality_check(dataset, framework, NULL, &quality,
                                       &err));
  EXPECT(CTIND_OK, ctind_options_set_title(options, LIT("Typed <report>"),
                                           &err));
  EXPECT(CTIND_OK, ctind_options_set_language(options, LIT("en"), &err));
  EXPECT(CTIND_OK, ctind_render_html(framework, assessed_publication, iptt,
                                     quality, schema, options, &data, &len,
                                     &err));
  CHECK(data != NULL && len > 0 && data[len] == '\0');
  CHECK_CONTAINS(data, "<!DOCTYPE html>");
  CHECK_CONTAINS(data, "Typed &lt;report&gt;");
  CHECK(strstr(data, "<script") == NULL);
  ctind_free(data);
  /* Without the optional quality, schema and options. */
  EXPECT(CTIND_OK, ctind_render_html(framework, assessed_publication, iptt,
                                     NULL, NULL, NULL, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "Typed test project");
  {
    ctind_iptt* raw_iptt = NULL;
    ctind_results* assessed_raw = NULL;
    EXPECT(CTIND_OK, ctind_assess(framework, raw, NULL, &assessed_raw, &err));
    EXPECT(CTIND_OK, ctind_iptt_build(framework, assessed_raw, &raw_iptt, &err));
    data = (char*)(void*)&g_sentinel_byte;
    EXPECT(CTIND_FAILED_PRECONDITION,
           ctind_render_html(framework, assessed_raw, raw_iptt, NULL, NULL,
                             NULL, &data, &len, &err));
    CHECK(data == NULL && len == 0);
    /* Not assessed. */
    EXPECT(CTIND_FAILED_PRECONDITION,
           ctind_render_html(framework, published, iptt, NULL, NULL, NULL,
                             &data, &len, &err));
    ctind_iptt_destroy(raw_iptt);
    ctind_results_destroy(assessed_raw);
  }

  /* NULL arguments of every function above. */
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_assess(NULL, raw, NULL, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_assess(framework, NULL, NULL, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_assess(framework, raw, NULL, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_add_reported_actuals(NULL, raw, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_add_reported_actuals(framework, NULL, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_add_reported_actuals(framework, raw, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_iptt_build(NULL, assessed, &iptt_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_iptt_build(framework, NULL, &iptt_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_iptt_build(framework, assessed, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_iptt_to_csv(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_iptt_to_csv(iptt, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_iptt_to_csv(iptt, &data, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_iptt_serialize(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_iati(NULL, published, NULL, &doc_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_iati(framework, NULL, NULL, &doc_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_iati(framework, published, NULL, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dhis2_mapping_load(NULL, 4, CTIND_FORMAT_TEXT, NULL, 0,
                                  &dhis2_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dhis2_mapping_load(LIT(kDhis2Mapping), CTIND_FORMAT_TEXT, NULL,
                                  0, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_dhis2_mapping_load(LIT(kDhis2Mapping), (ctind_format)4, NULL,
                                  0, &dhis2_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_dhis2(NULL, dhis2, &doc_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_dhis2(published, NULL, &doc_out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_dhis2(published, dhis2, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_html(NULL, assessed_publication, iptt, NULL, NULL, NULL,
                           &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_html(framework, NULL, iptt, NULL, NULL, NULL, &data,
                           &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_html(framework, assessed_publication, NULL, NULL, NULL,
                           NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_html(framework, assessed_publication, iptt, NULL, NULL,
                           NULL, NULL, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_render_html(framework, assessed_publication, iptt, NULL, NULL,
                           NULL, &data, NULL, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_document_text(NULL, &text, &len));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_document_note_count(NULL, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_document_note(NULL, 0, &text, &len));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_generated_datetime(NULL, LIT("x"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_generated_datetime(options, NULL, 3, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_options_set_include_life_of_project(NULL, false));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_options_add_indicator_vocabulary(
                                     options, LIT(""), LIT("99"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_options_add_indicator_vocabulary(
                                     options, LIT("INDIKIT"), NULL, 0, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_options_add_indicator_vocabulary(
                                     NULL, LIT("INDIKIT"), LIT("99"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_language(NULL, LIT("fr"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_language(options, NULL, 2, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_options_set_title(NULL, LIT("t"), &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_title(options, NULL, 1, &err));
  CHECK(ctind_cell_assessment(NULL) == CTIND_ASSESSMENT_UNSPECIFIED);
  CHECK(!ctind_cell_target(NULL, &x) && !ctind_cell_percent_achieved(NULL, &x) &&
        !ctind_cell_progress(NULL, &x));
  {
    int64_t later = -1;
    cell = find_indicator_cell(raw, 0, P, "2025Q1", NULL);
    CHECK(!ctind_cell_not_yet_observable(NULL, &later));
    CHECK(!ctind_cell_not_yet_observable(cell, NULL));
    /* A flow count has no "not yet observable" persons. */
    CHECK(!ctind_cell_not_yet_observable(cell, &later) && later == -1);
    CHECK(!ctind_cell_target(cell, NULL));
  }
  ctind_iptt_destroy(NULL);
  ctind_document_destroy(NULL);
  ctind_dhis2_mapping_destroy(NULL);

  ctind_quality_destroy(quality);
  ctind_dhis2_mapping_destroy(dhis2);
  ctind_iptt_destroy(iptt);
  ctind_results_destroy(assessed_publication);
  ctind_publication_destroy(publication);
  ctind_results_destroy(assessed);
  ctind_options_destroy(options);
  ctind_results_destroy(raw);
  ctind_dataset_destroy(dataset);
  ctind_plan_destroy(plan);
  ctind_framework_destroy(without_iati);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  drop_error();
}

/* The finding of `quality` with this rule and field ("" for none). */
static const ctind_finding* find_finding(const ctind_quality* quality,
                                         const char* rule, const char* field) {
  size_t count = 0, i;
  if (ctind_quality_finding_count(quality, &count) != CTIND_OK) return NULL;
  for (i = 0; i < count; ++i) {
    const ctind_finding* finding = NULL;
    const char* text = NULL;
    size_t len = 0;
    if (ctind_quality_get_finding(quality, i, &finding) != CTIND_OK) {
      return NULL;
    }
    ctind_finding_rule(finding, &text, &len);
    if (!span_equals(text, len, rule)) continue;
    ctind_finding_field(finding, &text, &len);
    if (span_equals(text, len, field)) return finding;
  }
  return NULL;
}

static void test_quality(void) {
  ctind_schema* schema = load_schema(LIT(kTypedSchema));
  ctind_framework* framework = load_framework(LIT(kTypedFramework));
  ctind_dataset* dataset = typed_from_columns(schema);
  ctind_quality* quality = NULL;
  ctind_quality* out = NULL;
  ctind_options* options = NULL;
  const ctind_finding* finding;
  const char* text = NULL;
  char* data = NULL;
  size_t len = 0, count = 0;
  int64_t present = -1, missing = -1, invalid = -1, rows = -1;
  bool loaded = false, required = false;
  int format;

  /* Without keys (the default). */
  EXPECT(CTIND_OK, ctind_quality_check(dataset, framework, NULL, &quality,
                                       &err));
  /* The invalid gender of V9 (1 of 9). */
  finding = find_finding(quality, "invalid_value", "prs_Gender");
  CHECK(finding != NULL && ctind_finding_count(finding) == 1);
  CHECK(ctind_finding_record_key_count(finding) == 0);
  /* The framework's rule: V8's score 0.5 is below 1 (V3 has no score and
   * passes, as missing counts as passing). */
  finding = find_finding(quality, "score_at_least_1", "");
  CHECK(finding != NULL && ctind_finding_count(finding) == 1);
  CHECK(ctind_finding_severity(finding) == CTIND_SEVERITY_WARNING);
  CHECK(ctind_finding_record_key_count(finding) == 0);
  /* Completeness of the victims table, fields in schema order:
   * prs_Gender 8 present, 1 invalid; age 8 present, 1 missing (V5). */
  EXPECT_RC(CTIND_OK, ctind_quality_table_count(quality, &count));
  CHECK(count == 1);
  EXPECT_RC(CTIND_OK,
            ctind_quality_table(quality, 0, &text, &len, &loaded, &rows));
  CHECK(span_equals(text, len, "victims") && loaded && rows == 9);
  EXPECT_RC(CTIND_OK, ctind_quality_field_count(quality, 0, &count));
  CHECK(count == 6);
  EXPECT_RC(CTIND_OK, ctind_quality_field(quality, 0, 1, &text, &len,
                                          &required, &present, &missing,
                                          &invalid));
  CHECK(span_equals(text, len, "prs_Gender") && !required && present == 8 &&
        missing == 0 && invalid == 1);
  EXPECT_RC(CTIND_OK, ctind_quality_field(quality, 0, 3, &text, &len,
                                          &required, &present, &missing,
                                          &invalid));
  CHECK(span_equals(text, len, "age") && present == 8 && missing == 1 &&
        invalid == 0);
  EXPECT_RC(CTIND_OK, ctind_quality_field(quality, 0, 0, &text, &len,
                                          &required, NULL, NULL, NULL));
  CHECK(span_equals(text, len, "person_id") && required);
  EXPECT_RC(CTIND_OK,
            ctind_quality_table(quality, 0, NULL, NULL, NULL, NULL));
  /* Renderings: no key anywhere. */
  EXPECT(CTIND_OK, ctind_quality_to_json(quality, &data, &len, &err));
  CHECK(strstr(data, "\"V9\"") == NULL && strstr(data, "\"V8\"") == NULL);
  CHECK_OWNED_TEXT(data, len, "score_at_least_1");
  EXPECT(CTIND_OK, ctind_quality_to_csv(quality, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "record_keys");
  EXPECT(CTIND_OK, ctind_quality_to_table(quality, &data, &len, &err));
  CHECK_OWNED_TEXT(data, len, "victims");
  for (format = CTIND_FORMAT_TEXT; format <= CTIND_FORMAT_BINARY; ++format) {
    EXPECT(CTIND_OK, ctind_quality_serialize(quality, (ctind_format)format,
                                             &data, &len, &err));
    CHECK(data != NULL && len > 0);
    ctind_free(data);
  }
  ctind_quality_destroy(quality);
  quality = NULL;

  /* With keys, by the owner's explicit request: V9 and V8. */
  EXPECT_RC(CTIND_OK, ctind_options_create(&options));
  EXPECT_RC(CTIND_OK, ctind_options_set_with_record_keys(options, true));
  EXPECT(CTIND_OK, ctind_quality_check(dataset, framework, options, &quality,
                                       &err));
  finding = find_finding(quality, "invalid_value", "prs_Gender");
  CHECK(ctind_finding_record_key_count(finding) == 1);
  EXPECT_RC(CTIND_OK, ctind_finding_record_key(finding, 0, &text, &len));
  CHECK(span_equals(text, len, "V9"));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_finding_record_key(finding, 1, &text, &len));
  CHECK(text == NULL && len == 0);
  finding = find_finding(quality, "score_at_least_1", "");
  CHECK(ctind_finding_record_key_count(finding) == 1);
  EXPECT_RC(CTIND_OK, ctind_finding_record_key(finding, 0, &text, &len));
  CHECK(span_equals(text, len, "V8"));
  ctind_quality_destroy(quality);
  quality = NULL;
  /* At most 0 keys: counted, not listed. */
  EXPECT(CTIND_OK, ctind_options_set_max_record_keys(options, 0, &err));
  EXPECT(CTIND_OK, ctind_quality_check(dataset, NULL, options, &quality,
                                       &err));
  finding = find_finding(quality, "invalid_value", "prs_Gender");
  CHECK(finding != NULL && ctind_finding_count(finding) == 1 &&
        ctind_finding_record_key_count(finding) == 0);
  /* No framework: no rule finding. */
  CHECK(find_finding(quality, "score_at_least_1", "") == NULL);
  ctind_quality_destroy(quality);
  quality = NULL;

  /* Errors: a rule on an unknown field, with its place. */
  {
    static const char kBadRule[] =
        "project { id: \"CT-TYPED\" title: \"t\" start_date: \"2025-01-01\" "
        "end_date: \"2025-12-31\" }\n"
        "quality_rules { id: \"r\" table: \"victims\" expression: "
        "\"scor >= 1\" }\n";
    ctind_framework* bad = load_framework(LIT(kBadRule));
    EXPECT(CTIND_INVALID_ARGUMENT,
           ctind_quality_check(dataset, bad, NULL, &out, &err));
    CHECK(out == NULL);
    CHECK(ctind_error_diagnostic_count(err) >= 1 &&
          get_diagnostic(0).line == 2);
    ctind_framework_destroy(bad);
  }
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_max_record_keys(options, -1, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_options_set_max_record_keys(NULL, 1, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_options_set_with_record_keys(NULL, true));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_quality_check(NULL, framework, NULL, &out, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_quality_check(dataset, framework, NULL, NULL, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_quality_to_json(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT, ctind_quality_to_csv(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_quality_to_table(NULL, &data, &len, &err));
  EXPECT(CTIND_INVALID_ARGUMENT,
         ctind_quality_serialize(NULL, CTIND_FORMAT_TEXT, &data, &len, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_quality_finding_count(NULL, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_quality_get_finding(NULL, 0, &finding));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_quality_table_count(NULL, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_quality_table(NULL, 0, &text, &len, &loaded, &rows));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_quality_field_count(NULL, 0, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_quality_field(NULL, 0, 0, &text, &len, &required, &present,
                                &missing, &invalid));
  ctind_quality_destroy(NULL);
  EXPECT(CTIND_OK, ctind_quality_check(dataset, NULL, NULL, &quality, &err));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_quality_table(quality, 1, &text, &len, &loaded, &rows));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_quality_field_count(quality, 1, &count));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_quality_field(quality, 0, 6, &text, &len, NULL, NULL, NULL,
                                NULL));
  EXPECT_RC(CTIND_INVALID_ARGUMENT,
            ctind_quality_get_finding(quality, 1000, &finding));
  EXPECT_RC(CTIND_INVALID_ARGUMENT, ctind_quality_get_finding(quality, 0, NULL));
  ctind_quality_destroy(quality);

  ctind_options_destroy(options);
  ctind_dataset_destroy(dataset);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  drop_error();
}

int main(int argc, char** argv) {
  if (argc > 1) {
    if (strlen(argv[1]) >= sizeof g_dir) {
      fprintf(stderr, "directory name too long\n");
      return 2;
    }
    strcpy(g_dir, argv[1]);
  }
  test_version_and_memory();
  test_error_handle_null();
  test_schema();
  test_framework();
  test_options();
  test_dataset();
  test_compute();
  test_catalog();
  test_lifetimes();
  test_columns();
  test_mapping();
  test_publish();
  test_results_getters();
  test_assess_and_render();
  test_quality();
  drop_error();
  err = NULL;
  printf("%d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
