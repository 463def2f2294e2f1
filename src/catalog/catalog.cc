// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/catalog.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/embedded_files.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ctind/engine.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/schema.pb.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

struct CatalogRep {
  CatalogRep(std::string text, Schema parsed)
      : schema_text(std::move(text)), schema(std::move(parsed)) {}

  std::string schema_text;
  Schema schema;
  std::vector<CatalogIndicator> indicators;
  // Index in `indicators` by id.
  absl::flat_hash_map<std::string, size_t> by_id;
  // Every id, in catalog order, for "did you mean".
  std::vector<std::string> ids;
};

}  // namespace internal

namespace {

constexpr Pillar kPillars[] = {Pillar::kPrevention, Pillar::kProtection, Pillar::kProsecution,
                               Pillar::kPartnership};

// The project every catalog file is validated and compiled under, and that
// an export carries until the project fills in its own. Appended after a
// file's text (fields may come in any order) so that line numbers in
// diagnostics stay the file's own.
constexpr char kPlaceholderProjectId[] = "FILL-IN";
constexpr char kPlaceholderTitle[] = "FILL IN: project title";
constexpr char kPlaceholderDescription[] =
    "Placeholder written by a ctind catalog export: replace the id, title and dates with those "
    "of the project.";
constexpr char kPlaceholderStart[] = "2025-01-01";
constexpr char kPlaceholderEnd[] = "2025-12-31";

v1::Project PlaceholderProject() {
  v1::Project project;
  project.set_id(kPlaceholderProjectId);
  project.set_title(kPlaceholderTitle);
  project.set_description(kPlaceholderDescription);
  project.set_start_date(kPlaceholderStart);
  project.set_end_date(kPlaceholderEnd);
  return project;
}

std::string PlaceholderProjectText() {
  return absl::StrCat("\nproject { id: \"", kPlaceholderProjectId, "\" title: \"",
                      kPlaceholderTitle, "\" start_date: \"", kPlaceholderStart, "\" end_date: \"",
                      kPlaceholderEnd, "\" }\n");
}

std::string LevelName(v1::IndicatorLevel level) {
  switch (level) {
    case v1::IMPACT:
      return "impact";
    case v1::OUTCOME_INDICATOR:
      return "outcome";
    case v1::OUTPUT_INDICATOR:
      return "output";
    case v1::PROCESS:
      return "process";
    case v1::INPUT:
      return "input";
    default:
      return "";
  }
}

// "protection" for "catalog/indicators/protection.textproto".
std::string_view FileStem(std::string_view name) {
  const size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  return name.substr(0, name.find('.'));
}

// The pillar a file is named after; kUnspecified for another name.
Pillar PillarOfFile(std::string_view name) {
  const std::string_view stem = FileStem(name);
  for (Pillar p : kPillars) {
    if (stem == PillarName(p)) return p;
  }
  return Pillar::kUnspecified;
}

// Catalog order of files: the pillars' files in 4P order, then the others
// by name.
bool FileBefore(const CatalogFile* a, const CatalogFile* b) {
  const auto rank = [](const CatalogFile* f) {
    const Pillar p = PillarOfFile(f->name);
    return p == Pillar::kUnspecified ? 5 : static_cast<int>(p);
  };
  if (rank(a) != rank(b)) return rank(a) < rank(b);
  return a->name < b->name;
}

CatalogIndicator Summarise(std::shared_ptr<const v1::Indicator> definition, std::string file) {
  CatalogIndicator out;
  out.id = definition->id();
  out.title = definition->title();
  out.pillar = static_cast<Pillar>(definition->pillar());
  out.level = LevelName(definition->level());
  out.computed = definition->source() != v1::REPORTED;
  for (const v1::ExternalReference& r : definition->references()) {
    std::vector<std::string> parts;
    if (!r.vocabulary().empty()) parts.push_back(r.vocabulary());
    if (!r.code().empty()) parts.push_back(r.code());
    out.references.push_back(absl::StrJoin(parts, " "));
  }
  out.file = std::move(file);
  out.definition = std::move(definition);
  return out;
}

void Append(const Diagnostics& from, Diagnostics* to) {
  if (to != nullptr) to->insert(to->end(), from.begin(), from.end());
}

}  // namespace

std::string_view PillarName(Pillar pillar) {
  switch (pillar) {
    case Pillar::kPrevention:
      return "prevention";
    case Pillar::kProtection:
      return "protection";
    case Pillar::kProsecution:
      return "prosecution";
    case Pillar::kPartnership:
      return "partnership";
    default:
      return "";
  }
}

absl::StatusOr<Pillar> ParsePillar(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> names;
  for (Pillar p : kPillars) {
    if (lower == PillarName(p)) return p;
    names.emplace_back(PillarName(p));
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown pillar ", Quoted(name),
                                                 DidYouMean(lower, names), " (the pillars are ",
                                                 absl::StrJoin(names, ", "), ")"));
}

Catalog::Catalog(std::shared_ptr<const internal::CatalogRep> rep) : rep_(std::move(rep)) {}

absl::StatusOr<Catalog> Catalog::FromFiles(std::string_view schema_text,
                                           std::string_view schema_name,
                                           const std::vector<CatalogFile>& indicator_files,
                                           Diagnostics* diagnostics) {
  absl::StatusOr<Schema> schema =
      Schema::Parse(schema_text, ProtoFormat::kText, schema_name, diagnostics);
  if (!schema.ok()) return schema.status();
  auto rep = std::make_shared<internal::CatalogRep>(std::string(schema_text), *std::move(schema));

  std::vector<const CatalogFile*> files;
  for (const CatalogFile& f : indicator_files) files.push_back(&f);
  std::stable_sort(files.begin(), files.end(), FileBefore);

  // Every problem of every file, so that one run lists them all.
  Diagnostics all;
  // The file defining each id, to name it in a duplicate's diagnostic.
  absl::flat_hash_map<std::string, std::string> file_of_id;
  for (const CatalogFile* file : files) {
    Diagnostics local;
    absl::StatusOr<Framework> parsed = Framework::Parse(
        absl::StrCat(file->text, PlaceholderProjectText()), ProtoFormat::kText, file->name, &local);
    if (!parsed.ok()) {
      if (!HasErrors(local)) {
        Diagnostic d;
        d.message = std::string(parsed.status().message());
        d.file = file->name;
        local.push_back(std::move(d));
      }
      all.insert(all.end(), local.begin(), local.end());
      continue;
    }
    const v1::Framework& fw = parsed->proto();
    internal::DiagnosticSink sink(&internal::ModelAccess::Rep(*parsed).source, &local);
    const auto only_indicators = [&](int count, const char* field) {
      if (count > 0) {
        sink.Error(absl::StrCat(field, "[0]"),
                   absl::StrCat("a catalog file holds only indicators, not ", field));
      }
    };
    only_indicators(fw.results_size(), "results");
    only_indicators(fw.dimensions_size(), "dimensions");
    only_indicators(fw.custom_periods_size(), "custom_periods");
    only_indicators(fw.quality_rules_size(), "quality_rules");
    if (fw.has_disclosure())
      sink.Error("disclosure", "a catalog file holds only indicators, not disclosure");
    if (!fw.schema_id().empty())
      sink.Error("schema_id", "a catalog file holds only indicators, not schema_id");

    const Pillar file_pillar = PillarOfFile(file->name);
    std::vector<std::shared_ptr<const v1::Indicator>> definitions;
    for (int i = 0; i < fw.indicators_size(); ++i) {
      auto definition = std::make_shared<v1::Indicator>(fw.indicators(i));
      const std::string path = absl::StrCat("indicators[", i, "]");
      if (definition->pillar() == v1::PILLAR_UNSPECIFIED) {
        if (file_pillar == Pillar::kUnspecified) {
          sink.Error(absl::StrCat(path, ".pillar"),
                     absl::StrCat("catalog indicator ", Quoted(definition->id()),
                                  " needs a pillar (its file is not named after one)"));
        } else {
          definition->set_pillar(static_cast<v1::Pillar>(file_pillar));
        }
      }
      auto [it, inserted] = file_of_id.emplace(definition->id(), file->name);
      if (!inserted && it->second != file->name) {
        sink.Error(absl::StrCat(path, ".id"),
                   absl::StrCat("catalog indicator ", Quoted(definition->id()),
                                " is also defined in ", it->second));
      }
      definitions.push_back(std::move(definition));
    }
    // Computed indicators must compile against the case schema; the
    // compiler locates its findings in the file.
    (void)Plan::Compile(*parsed, rep->schema, &local);
    const bool file_ok = !HasErrors(local);
    all.insert(all.end(), local.begin(), local.end());
    if (!file_ok) continue;
    for (std::shared_ptr<const v1::Indicator>& definition : definitions) {
      rep->by_id.emplace(definition->id(), rep->indicators.size());
      rep->ids.push_back(definition->id());
      rep->indicators.push_back(Summarise(std::move(definition), file->name));
    }
  }
  Append(all, diagnostics);
  if (HasErrors(all)) return StatusFromDiagnostics(all);
  return Catalog(std::move(rep));
}

absl::StatusOr<Catalog> Catalog::Builtin() {
  static const absl::StatusOr<Catalog>* const kBuiltin = [] {
    std::string_view schema_text;
    std::vector<CatalogFile> files;
    for (size_t i = 0; i < catalog_internal::kEmbeddedFileCount; ++i) {
      const catalog_internal::EmbeddedFile& f = catalog_internal::kEmbeddedFiles[i];
      const std::string_view name(f.name);
      if (name == "schema.textproto") {
        schema_text = std::string_view(f.data, f.size);
      } else {
        files.push_back({absl::StrCat("catalog/", Sv(name)), std::string(f.data, f.size)});
      }
    }
    absl::StatusOr<Catalog> catalog =
        FromFiles(schema_text, "catalog/schema.textproto", files, nullptr);
    if (!catalog.ok()) {
      catalog = absl::InternalError(
          absl::StrCat("the catalog built into ctind is invalid (a defect of this build): ",
                       catalog.status().message()));
    }
    return new absl::StatusOr<Catalog>(std::move(catalog));
  }();
  return *kBuiltin;
}

const Schema& Catalog::schema() const { return rep_->schema; }

std::string_view Catalog::schema_text() const { return rep_->schema_text; }

const std::vector<CatalogIndicator>& Catalog::indicators() const { return rep_->indicators; }

std::vector<CatalogIndicator> Catalog::IndicatorsOf(Pillar pillar) const {
  std::vector<CatalogIndicator> out;
  for (const CatalogIndicator& indicator : rep_->indicators) {
    if (indicator.pillar == pillar) out.push_back(indicator);
  }
  return out;
}

absl::StatusOr<CatalogIndicator> Catalog::Find(std::string_view id) const {
  auto it = rep_->by_id.find(Sv(id));
  if (it == rep_->by_id.end()) {
    return absl::NotFoundError(
        absl::StrCat("no indicator ", Quoted(id), " in the catalog", DidYouMean(id, rep_->ids)));
  }
  return rep_->indicators[it->second];
}

absl::StatusOr<Framework> Catalog::Export(const CatalogSelection& selection) const {
  for (const std::string& id : selection.ids) {
    absl::StatusOr<CatalogIndicator> found = Find(id);
    if (!found.ok()) return found.status();
  }
  for (Pillar p : selection.pillars) {
    if (PillarName(p).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown pillar ", static_cast<int>(p), " in the selection"));
    }
  }
  const bool everything = selection.pillars.empty() && selection.ids.empty();
  v1::Framework proto;
  *proto.mutable_project() = PlaceholderProject();
  proto.set_schema_id(rep_->schema.proto().id());
  for (const CatalogIndicator& indicator : rep_->indicators) {
    const bool chosen =
        everything ||
        std::find(selection.pillars.begin(), selection.pillars.end(), indicator.pillar) !=
            selection.pillars.end() ||
        std::find(selection.ids.begin(), selection.ids.end(), indicator.id) != selection.ids.end();
    if (chosen) *proto.add_indicators() = *indicator.definition;
  }
  if (proto.indicators_size() == 0) {
    std::vector<std::string> pillars;
    for (Pillar p : selection.pillars) pillars.emplace_back(PillarName(p));
    return absl::InvalidArgumentError(
        everything ? std::string("the catalog holds no indicator")
                   : absl::StrCat("the catalog holds no indicator of the pillar(s) ",
                                  absl::StrJoin(pillars, ", ")));
  }
  // The catalog's files were checked when it was loaded; a failure here is
  // a defect of ctind, reported rather than handed out as a framework.
  Diagnostics diagnostics;
  absl::StatusOr<Framework> framework = Framework::FromProto(proto, &diagnostics);
  if (framework.ok()) {
    absl::StatusOr<Plan> plan = Plan::Compile(*framework, rep_->schema, &diagnostics);
    if (!plan.ok()) framework = plan.status();
  }
  if (!framework.ok()) {
    return absl::InternalError(
        absl::StrCat("the exported framework does not validate: ", framework.status().message()));
  }
  return framework;
}

absl::StatusOr<std::string> Catalog::ExportText(const CatalogSelection& selection) const {
  absl::StatusOr<Framework> framework = Export(selection);
  if (!framework.ok()) return framework.status();
  const v1::Framework& proto = framework->proto();
  std::vector<std::string> pillars;
  for (Pillar p : kPillars) {
    for (const v1::Indicator& indicator : proto.indicators()) {
      if (static_cast<Pillar>(indicator.pillar()) == p) {
        pillars.emplace_back(PillarName(p));
        break;
      }
    }
  }
  return absl::StrCat("# A framework of ", proto.indicators_size(), " indicator",
                      proto.indicators_size() == 1 ? "" : "s", " of the ctind catalog (",
                      absl::StrJoin(pillars, ", "), "),\n", "# written against the case schema \"",
                      proto.schema_id(), "\" (`ctind catalog schema` writes it).\n", "#\n",
                      "# TO FILL IN before use:\n", "# - project: the one below (id \"",
                      kPlaceholderProjectId, "\") is a placeholder; set the project's id,\n",
                      "#   title, start_date and end_date, and where they apply\n",
                      "#   fiscal_year_start_month, population_filter, iati_identifier and\n",
                      "#   reporting_org.\n",
                      "# - results: the project's logframe, and each indicator's `result`.\n",
                      "# - each indicator's baseline, targets and responsible party.\n",
                      "# Check it with: ctind validate FILE --schema SCHEMA\n", "#\n",
                      "# proto-file: ctind/v1/framework.proto\n",
                      "# proto-message: ctind.v1.Framework\n",
                      framework->Serialize(ProtoFormat::kText));
}

}  // namespace ctind
