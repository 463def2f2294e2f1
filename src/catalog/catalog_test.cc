// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The catalog as the library carries it (include/ctind/catalog.h): loading
// from texts with every problem located in its file, listing, lookup and
// export on a small hand-written catalog, and the built-in catalog: the
// embedded bytes are the source tree's files, every file loads, every
// computed indicator compiles against the case schema and every export
// validates and compiles.

#include "ctind/catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "catalog/embedded_files.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/schema.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string ReadSourceFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> IdsOf(const std::vector<CatalogIndicator>& indicators) {
  std::vector<std::string> ids;
  for (const CatalogIndicator& i : indicators) ids.push_back(i.id);
  return ids;
}

std::vector<std::string> IdsOf(const v1::Framework& framework) {
  std::vector<std::string> ids;
  for (const v1::Indicator& i : framework.indicators()) ids.push_back(i.id());
  return ids;
}

std::string AllMessages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) absl::StrAppend(&out, d.ToString(), "\n");
  return out;
}

// ---------------------------------------------------------------------------
// A small catalog written for these tests.

constexpr char kSchema[] = R"pb(
  id: "test-case"
  code_lists { id: "gender" codes { value: "Female" } codes { value: "Male" } }
  tables {
    name: "persons"
    fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
    fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
    fields { name: "identified_on" type: DATE required: true }
    key: "person_id"
    person: "person_id"
  }
)pb";

// PROT-01 leaves its pillar to the file's name; PROT-02 is reported.
constexpr char kProtection[] = R"pb(
indicators {
  id: "PROT-01"
  title: "Victims identified"
  level: OUTPUT_INDICATOR
  measure { value { table: "persons" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: "prs_Gender" }
  references { vocabulary: "SDG" code: "16.2.2" }
  references { vocabulary: "IOM-HANDBOOK" }
}
indicators {
  id: "PROT-02"
  title: "Referral mechanism in place"
  pillar: PROTECTION
  level: OUTCOME_INDICATOR
  source: REPORTED
  period { every: YEARLY }
}
)pb";

constexpr char kPrevention[] = R"pb(
indicators {
  id: "PREV-01"
  title: "Women identified"
  pillar: PREVENTION
  level: IMPACT
  measure { value { table: "persons" count: true where: "prs_Gender = 'Female'" } }
  period { by: "identified_on" every: YEARLY }
}
)pb";

class SmallCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Given protection first: the catalog orders files by pillar.
    Diagnostics diagnostics;
    absl::StatusOr<Catalog> loaded = Catalog::FromFiles(
        kSchema, "schema.textproto",
        {{"protection.textproto", kProtection}, {"prevention.textproto", kPrevention}},
        &diagnostics);
    ASSERT_TRUE(loaded.ok()) << loaded.status() << "\n" << AllMessages(diagnostics);
    catalog_ = std::make_unique<Catalog>(*std::move(loaded));
  }
  std::unique_ptr<Catalog> catalog_;
};

TEST_F(SmallCatalogTest, ListsIndicatorsInPillarOrderThenFileOrder) {
  // prevention.textproto comes before protection.textproto (4P order),
  // each file's indicators in their order.
  EXPECT_THAT(IdsOf(catalog_->indicators()), ElementsAre("PREV-01", "PROT-01", "PROT-02"));
}

TEST_F(SmallCatalogTest, SummariesSayWhatTheDefinitionsSay) {
  const CatalogIndicator& prot01 = catalog_->indicators()[1];
  EXPECT_EQ(prot01.id, "PROT-01");
  EXPECT_EQ(prot01.title, "Victims identified");
  // No pillar in the definition: the file is named after protection.
  EXPECT_EQ(prot01.pillar, Pillar::kProtection);
  EXPECT_EQ(prot01.definition->pillar(), v1::PROTECTION);
  EXPECT_EQ(prot01.level, "output");
  EXPECT_TRUE(prot01.computed);
  EXPECT_THAT(prot01.references, ElementsAre("SDG 16.2.2", "IOM-HANDBOOK"));
  EXPECT_EQ(prot01.file, "protection.textproto");
  EXPECT_EQ(prot01.definition->period().by(), "identified_on");

  const CatalogIndicator& prot02 = catalog_->indicators()[2];
  EXPECT_EQ(prot02.level, "outcome");
  EXPECT_FALSE(prot02.computed);
  EXPECT_THAT(prot02.references, IsEmpty());

  const CatalogIndicator& prev01 = catalog_->indicators()[0];
  EXPECT_EQ(prev01.pillar, Pillar::kPrevention);
  EXPECT_EQ(prev01.level, "impact");
  EXPECT_EQ(prev01.file, "prevention.textproto");
}

TEST_F(SmallCatalogTest, KeepsTheSchemaAndItsText) {
  EXPECT_EQ(catalog_->schema().proto().id(), "test-case");
  EXPECT_EQ(catalog_->schema_text(), kSchema);
}

TEST_F(SmallCatalogTest, IndicatorsOfAPillar) {
  EXPECT_THAT(IdsOf(catalog_->IndicatorsOf(Pillar::kProtection)),
              ElementsAre("PROT-01", "PROT-02"));
  EXPECT_THAT(IdsOf(catalog_->IndicatorsOf(Pillar::kPrevention)), ElementsAre("PREV-01"));
  EXPECT_THAT(IdsOf(catalog_->IndicatorsOf(Pillar::kProsecution)), IsEmpty());
}

TEST_F(SmallCatalogTest, FindsByIdAndSuggestsTheClosest) {
  absl::StatusOr<CatalogIndicator> found = catalog_->Find("PROT-02");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->title, "Referral mechanism in place");

  absl::StatusOr<CatalogIndicator> missing = catalog_->Find("PROT-2");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  // PROT-2 is one edit from PROT-02 and PROT-01 two.
  EXPECT_EQ(missing.status().message(),
            "no indicator 'PROT-2' in the catalog; did you mean 'PROT-02'?");
  // Ids are case-sensitive; nothing is near "X".
  EXPECT_EQ(catalog_->Find("prot-01").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(catalog_->Find("X").status().message(), "no indicator 'X' in the catalog");
}

TEST_F(SmallCatalogTest, ExportsEverythingAroundAPlaceholderProject) {
  absl::StatusOr<Framework> exported = catalog_->Export({});
  ASSERT_TRUE(exported.ok()) << exported.status();
  const v1::Framework& fw = exported->proto();
  EXPECT_THAT(IdsOf(fw), ElementsAre("PREV-01", "PROT-01", "PROT-02"));
  EXPECT_EQ(fw.schema_id(), "test-case");
  EXPECT_EQ(fw.project().id(), "FILL-IN");
  EXPECT_THAT(fw.project().title(), HasSubstr("FILL IN"));
  EXPECT_EQ(fw.results_size(), 0);
  // The pillar the catalog filled in travels with the definition.
  EXPECT_EQ(fw.indicators(1).pillar(), v1::PROTECTION);
  EXPECT_TRUE(Plan::Compile(*exported, catalog_->schema()).ok());
}

TEST_F(SmallCatalogTest, ExportsTheSelectedPillarsAndIdsInCatalogOrder) {
  absl::StatusOr<Framework> prevention = catalog_->Export({{Pillar::kPrevention}, {}});
  ASSERT_TRUE(prevention.ok()) << prevention.status();
  EXPECT_THAT(IdsOf(prevention->proto()), ElementsAre("PREV-01"));

  // A pillar plus an id: the union, in catalog order, PREV-01 once.
  absl::StatusOr<Framework> mixed =
      catalog_->Export({{Pillar::kPrevention}, {"PROT-02", "PREV-01"}});
  ASSERT_TRUE(mixed.ok()) << mixed.status();
  EXPECT_THAT(IdsOf(mixed->proto()), ElementsAre("PREV-01", "PROT-02"));
}

TEST_F(SmallCatalogTest, ExportRejectsUnknownIdsAndEmptySelections) {
  absl::StatusOr<Framework> unknown = catalog_->Export({{}, {"PROT-01", "PREV-1"}});
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(unknown.status().message(), HasSubstr("did you mean 'PREV-01'?"));

  absl::StatusOr<Framework> none = catalog_->Export({{Pillar::kProsecution}, {}});
  EXPECT_EQ(none.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(none.status().message(),
            "the catalog holds no indicator of the pillar(s) prosecution");

  EXPECT_EQ(catalog_->Export({{Pillar::kUnspecified}, {}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SmallCatalogTest, ExportTextSaysWhatToFillInAndParsesBack) {
  absl::StatusOr<std::string> text = catalog_->ExportText({{Pillar::kProtection}, {}});
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_TRUE(absl::StartsWith(
      *text, "# A framework of 2 indicators of the ctind catalog (protection),\n"
             "# written against the case schema \"test-case\""))
      << *text;
  EXPECT_THAT(*text, HasSubstr("TO FILL IN"));
  EXPECT_THAT(*text, HasSubstr("id: \"FILL-IN\""));
  Diagnostics diagnostics;
  absl::StatusOr<Framework> back =
      Framework::Parse(*text, ProtoFormat::kText, "export.textproto", &diagnostics);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_THAT(IdsOf(back->proto()), ElementsAre("PROT-01", "PROT-02"));
  EXPECT_TRUE(Plan::Compile(*back, catalog_->schema()).ok());
}

TEST_F(SmallCatalogTest, CopiesShareTheDefinitions) {
  Catalog copy = *catalog_;
  EXPECT_EQ(&copy.indicators(), &catalog_->indicators());
  // A summary outlives the catalog it came from.
  CatalogIndicator kept = catalog_->indicators()[0];
  catalog_.reset();
  EXPECT_EQ(kept.definition->id(), "PREV-01");
}

// ---------------------------------------------------------------------------
// Problems in catalog files: all of them, each in its file.

// Loads `files` over kSchema; expects failure and returns the diagnostics.
Diagnostics LoadFails(const std::vector<CatalogFile>& files) {
  Diagnostics diagnostics;
  absl::StatusOr<Catalog> loaded = Catalog::FromFiles(kSchema, "schema.textproto", files,
                                                      &diagnostics);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasErrors(diagnostics));
  return diagnostics;
}

TEST(CatalogFilesTest, SyntaxErrorIsLocatedInItsFile) {
  // Line 3 lacks the colon after `title`; the string starts at column 9.
  const Diagnostics d = LoadFails({{"protection.textproto",
                                    "indicators {\n"
                                    "  id: \"PROT-01\"\n"
                                    "  title \"Victims\"\n"
                                    "}\n"}});
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].file, "protection.textproto");
  EXPECT_EQ(d[0].line, 3);
  EXPECT_EQ(d[0].column, 9);
}

TEST(CatalogFilesTest, CompileErrorsKeepTheFilesLineNumbers) {
  // The unknown field is on line 5 of the file, whatever the catalog
  // appends to validate it.
  const Diagnostics d =
      LoadFails({{"protection.textproto",
                  "indicators {\n"
                  "  id: \"PROT-01\"\n"
                  "  title: \"Victims\"\n"
                  "  measure { value { table: \"persons\" count_distinct: \"person_id\" } }\n"
                  "  period { by: \"identified\" every: QUARTERLY }\n"
                  "}\n"}});
  const std::string all = AllMessages(d);
  EXPECT_THAT(all, HasSubstr("protection.textproto:5:"));
  EXPECT_THAT(all, HasSubstr("unknown field 'identified'"));
}

TEST(CatalogFilesTest, EveryProblemOfEveryFileIsListed) {
  // prevention.textproto holds a result (line 2); misc.textproto an
  // indicator without a pillar that its name cannot give (line 3: the
  // indicator, as the pillar field is absent) and a second PROT-02.
  const Diagnostics d = LoadFails({
      {"protection.textproto", kProtection},
      {"prevention.textproto",
       "# results are not catalog content\n"
       "results { id: \"G1\" title: \"Goal\" level: GOAL pillar: PREVENTION }\n"},
      {"misc.textproto",
       "indicators { id: \"X-01\" title: \"No pillar\" source: REPORTED "
       "period { every: YEARLY } }\n"
       "indicators { id: \"PROT-02\" title: \"Again\" pillar: PROTECTION source: REPORTED "
       "period { every: YEARLY } }\n"},
  });
  const std::string all = AllMessages(d);
  EXPECT_THAT(all, HasSubstr("prevention.textproto:2:1: results[0]: a catalog file holds only "
                             "indicators, not results"));
  EXPECT_THAT(all, HasSubstr("misc.textproto:1:"));
  EXPECT_THAT(all, HasSubstr("catalog indicator 'X-01' needs a pillar"));
  EXPECT_THAT(all, HasSubstr("misc.textproto:2:"));
  EXPECT_THAT(all, HasSubstr("catalog indicator 'PROT-02' is also defined in "
                             "protection.textproto"));
}

TEST(CatalogFilesTest, ABadSchemaFailsTheCatalog) {
  Diagnostics diagnostics;
  absl::StatusOr<Catalog> loaded =
      Catalog::FromFiles("id: \"s\"\ntables { name: \"t\" key: \"nope\" }\n", "bad.textproto",
                         {}, &diagnostics);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].file, "bad.textproto");
}

TEST(CatalogFilesTest, AnEmptyCatalogExportsNothing) {
  absl::StatusOr<Catalog> empty = Catalog::FromFiles(kSchema, "schema.textproto", {});
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_THAT(empty->indicators(), IsEmpty());
  EXPECT_EQ(empty->Export({}).status().message(), "the catalog holds no indicator");
}

TEST(PillarTest, NamesAndParsing) {
  EXPECT_EQ(PillarName(Pillar::kPrevention), "prevention");
  EXPECT_EQ(PillarName(Pillar::kPartnership), "partnership");
  EXPECT_EQ(PillarName(Pillar::kUnspecified), "");
  EXPECT_EQ(*ParsePillar("Protection"), Pillar::kProtection);
  EXPECT_EQ(*ParsePillar("PROSECUTION"), Pillar::kProsecution);
  EXPECT_EQ(*ParsePillar("partnership"), Pillar::kPartnership);
  absl::StatusOr<Pillar> typo = ParsePillar("protecion");
  EXPECT_EQ(typo.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(typo.status().message(),
            "unknown pillar 'protecion'; did you mean 'protection'? (the pillars are "
            "prevention, protection, prosecution, partnership)");
  EXPECT_FALSE(ParsePillar("").ok());
}

// ---------------------------------------------------------------------------
// The built-in catalog.

const std::string kCatalogDir = CTIND_CATALOG_DIR;

// The indicator files in the source tree, relative to catalog/.
std::set<std::string> SourceIndicatorFiles() {
  std::set<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kCatalogDir + "/indicators")) {
    if (entry.path().extension() == ".textproto") {
      out.insert("indicators/" + entry.path().filename().string());
    }
  }
  return out;
}

TEST(BuiltinCatalogTest, EmbedsTheSourceTreesFilesByteForByte) {
  std::set<std::string> embedded;
  bool schema_seen = false;
  for (size_t i = 0; i < catalog_internal::kEmbeddedFileCount; ++i) {
    const catalog_internal::EmbeddedFile& f = catalog_internal::kEmbeddedFiles[i];
    const std::string name = f.name;
    EXPECT_EQ(f.data[f.size], '\0') << name;
    EXPECT_EQ(std::string(f.data, f.size), ReadSourceFile(kCatalogDir + "/" + name))
        << name << " differs from the source tree: rebuild";
    if (name == "schema.textproto") {
      schema_seen = true;
    } else {
      embedded.insert(name);
    }
  }
  EXPECT_TRUE(schema_seen);
  EXPECT_EQ(embedded, SourceIndicatorFiles());
}

TEST(BuiltinCatalogTest, EveryFileLoadsAndEveryComputedIndicatorCompiles) {
  // The source tree's files through FromFiles, to see every problem at once.
  std::vector<CatalogFile> files;
  for (const std::string& name : SourceIndicatorFiles()) {
    files.push_back({"catalog/" + name, ReadSourceFile(kCatalogDir + "/" + name)});
  }
  Diagnostics diagnostics;
  absl::StatusOr<Catalog> from_source =
      Catalog::FromFiles(ReadSourceFile(kCatalogDir + "/schema.textproto"),
                         "catalog/schema.textproto", files, &diagnostics);
  EXPECT_TRUE(from_source.ok()) << from_source.status() << "\n" << AllMessages(diagnostics);

  absl::StatusOr<Catalog> builtin = Catalog::Builtin();
  ASSERT_TRUE(builtin.ok()) << builtin.status();
  EXPECT_EQ(builtin->schema().proto().id(), "htcds-case");
  EXPECT_EQ(builtin->schema_text(), ReadSourceFile(kCatalogDir + "/schema.textproto"));
  // Each computed indicator on its own, against the case schema.
  for (const CatalogIndicator& indicator : builtin->indicators()) {
    if (!indicator.computed) continue;
    absl::StatusOr<Framework> alone = builtin->Export({{}, {indicator.id}});
    ASSERT_TRUE(alone.ok()) << indicator.id << ": " << alone.status();
    Diagnostics compile;
    EXPECT_TRUE(Plan::Compile(*alone, builtin->schema(), &compile).ok())
        << indicator.id << ":\n"
        << AllMessages(compile);
  }
}

TEST(BuiltinCatalogTest, HoldsEveryIndicatorOfTheFilesWithAPillar) {
  absl::StatusOr<Catalog> builtin = Catalog::Builtin();
  ASSERT_TRUE(builtin.ok()) << builtin.status();
  // Counted independently of the parser: the files open each indicator
  // with "indicators {" at the start of a line.
  size_t expected = 0;
  const std::regex opening("(^|\n)indicators \\{");
  for (const std::string& name : SourceIndicatorFiles()) {
    const std::string text = ReadSourceFile(kCatalogDir + "/" + name);
    expected += std::distance(std::sregex_iterator(text.begin(), text.end(), opening),
                              std::sregex_iterator());
  }
  EXPECT_EQ(builtin->indicators().size(), expected);
  std::set<std::string> ids;
  for (const CatalogIndicator& indicator : builtin->indicators()) {
    EXPECT_NE(indicator.pillar, Pillar::kUnspecified) << indicator.id;
    EXPECT_FALSE(indicator.title.empty()) << indicator.id;
    EXPECT_TRUE(absl::StartsWith(indicator.file, "catalog/indicators/")) << indicator.file;
    EXPECT_TRUE(ids.insert(indicator.id).second) << indicator.id;
    EXPECT_TRUE(builtin->Find(indicator.id).ok()) << indicator.id;
  }
}

TEST(BuiltinCatalogTest, ExportOfEveryPillarValidatesAndCompilesAgainstTheCaseSchema) {
  absl::StatusOr<Catalog> builtin = Catalog::Builtin();
  ASSERT_TRUE(builtin.ok()) << builtin.status();
  if (builtin->indicators().empty()) GTEST_SKIP() << "the catalog has no indicator yet";
  std::vector<CatalogSelection> selections = {{}};
  for (Pillar p : {Pillar::kPrevention, Pillar::kProtection, Pillar::kProsecution,
                   Pillar::kPartnership}) {
    if (!builtin->IndicatorsOf(p).empty()) selections.push_back({{p}, {}});
  }
  for (const CatalogSelection& selection : selections) {
    const std::string what =
        selection.pillars.empty() ? "everything" : std::string(PillarName(selection.pillars[0]));
    absl::StatusOr<std::string> text = builtin->ExportText(selection);
    ASSERT_TRUE(text.ok()) << what << ": " << text.status();
    Diagnostics diagnostics;
    absl::StatusOr<Framework> parsed =
        Framework::Parse(*text, ProtoFormat::kText, "export.textproto", &diagnostics);
    ASSERT_TRUE(parsed.ok()) << what << ": " << parsed.status() << "\n"
                             << AllMessages(diagnostics);
    EXPECT_EQ(parsed->proto().schema_id(), "htcds-case");
    const size_t expected = selection.pillars.empty()
                                ? builtin->indicators().size()
                                : builtin->IndicatorsOf(selection.pillars[0]).size();
    EXPECT_EQ(static_cast<size_t>(parsed->proto().indicators_size()), expected) << what;
    EXPECT_TRUE(Plan::Compile(*parsed, builtin->schema(), &diagnostics).ok())
        << what << ":\n"
        << AllMessages(diagnostics);
  }
}

TEST(BuiltinCatalogTest, LoadsOnceForEveryThread) {
  std::vector<const void*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] {
      absl::StatusOr<Catalog> c = Catalog::Builtin();
      if (c.ok()) seen[i] = &c->indicators();
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_NE(seen[0], nullptr);
  for (const void* p : seen) EXPECT_EQ(p, seen[0]);
}

}  // namespace
}  // namespace ctind
