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

/* The one cell of indicator 0 with this scope, period and gender (NULL:
 * the total); NULL when there is none or more than one. */
static const ctind_cell* find_cell(const ctind_results* results,
                                   ctind_scope scope, const char* period,
                                   const char* gender) {
  size_t count = 0, i;
  const ctind_cell* found = NULL;
  int matches = 0;
  if (ctind_results_cell_count(results, 0, &count) != CTIND_OK) return NULL;
  for (i = 0; i < count; ++i) {
    const ctind_cell* cell = NULL;
    const char* text = NULL;
    size_t len = 0;
    if (ctind_results_get_cell(results, 0, i, &cell) != CTIND_OK) return NULL;
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
  drop_error();
  err = NULL;
  printf("%d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
