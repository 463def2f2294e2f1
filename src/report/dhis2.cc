// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The DHIS2 export: a publication's per-period values as dataValueSets
// JSON, placed by a Dhis2Mapping.

#include "report/dhis2.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/number_format.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "model/model_internal.h"
#include "model/proto_io.h"
#include "report/utf8_text.h"

namespace ctind {

bool IsDhis2Uid(std::string_view id) {
  if (id.size() != 11 || !absl::ascii_isalpha(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); });
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = NextCodePoint(text, &pos);
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
          out += absl::StrFormat("\\u%04x", static_cast<uint32_t>(cp));
        } else {
          AppendUtf8(cp, &out);
        }
    }
  }
  out += '"';
  return out;
}

namespace {

using internal::DiagnosticSink;
using internal::Dhis2MappingRep;
using CoordinateList = google::protobuf::RepeatedPtrField<v1::CellCoordinate>;

constexpr char kWithheld[] = "Value withheld to protect individuals (disclosure control).";
constexpr char kUnknown[] = "unknown";

// The cell's coordinates as "dimension=value;…" sorted by dimension, so
// that a mapping may list them in any order.
std::string CellKey(const CoordinateList& cell) {
  std::vector<std::string> parts;
  for (const v1::CellCoordinate& c : cell) {
    parts.push_back(absl::StrCat(c.dimension(), "=", c.value()));
  }
  std::sort(parts.begin(), parts.end());
  return absl::StrJoin(parts, ";");
}

// The dimensions of a cell, sorted and joined by " x ".
std::string DimensionsKey(const CoordinateList& cell) {
  std::vector<std::string> dims;
  for (const v1::CellCoordinate& c : cell) dims.push_back(c.dimension());
  std::sort(dims.begin(), dims.end());
  return absl::StrJoin(dims, " x ");
}

// "2025Q1 prs_Gender=Feminine" or "2025Q1 total".
std::string CellName(const v1::Cell& cell) {
  std::vector<std::string> parts;
  for (const v1::CellCoordinate& c : cell.coordinates()) {
    parts.push_back(absl::StrCat(c.dimension(), "=", c.value()));
  }
  return absl::StrCat(cell.period(), " ", parts.empty() ? "total" : absl::StrJoin(parts, " x "));
}

class MappingValidator {
 public:
  MappingValidator(const v1::Dhis2Mapping& mapping, DiagnosticSink& sink)
      : mapping_(mapping), sink_(sink), uid_(mapping.id_scheme() != v1::DHIS2_CODE) {}

  void Validate() {
    Identifier("data_set", mapping_.data_set(), "data set", false);
    Identifier("org_unit", mapping_.org_unit(), "organisation unit", false);
    Identifier("attribute_option_combo", mapping_.attribute_option_combo(),
               "attribute option combo", false);
    std::map<std::string, int> seen;
    for (int i = 0; i < mapping_.indicators_size(); ++i) {
      const v1::Dhis2IndicatorMapping& ind = mapping_.indicators(i);
      const std::string path = absl::StrCat("indicators[", i, "]");
      if (ind.indicator().empty()) {
        sink_.Error(path + ".indicator", "an entry needs the id of its indicator (indicator)");
      } else if (auto [it, fresh] = seen.emplace(ind.indicator(), i); !fresh) {
        sink_.Error(path + ".indicator",
                    absl::StrCat("indicator ", Quoted(ind.indicator()), " is mapped twice (also in "
                                 "indicators[", it->second, "]); map it once"));
      }
      Identifier(path + ".data_element", ind.data_element(), "data element", true);
      Identifier(path + ".org_unit", ind.org_unit(), "organisation unit", false);
      if (ind.org_unit().empty() && mapping_.org_unit().empty()) {
        sink_.Error(path + ".org_unit",
                    "no organisation unit: set org_unit here or for the whole mapping");
      }
      Identifier(path + ".attribute_option_combo", ind.attribute_option_combo(),
                 "attribute option combo", false);
      if (ind.has_decimals() && (ind.decimals() < 0 || ind.decimals() > 15)) {
        sink_.Error(path + ".decimals", "decimals is 0 to 15");
      }
      std::set<int> types;
      for (int t = 0; t < ind.period_types_size(); ++t) {
        const std::string tpath = absl::StrCat(path, ".period_types[", t, "]");
        const v1::PeriodType type = ind.period_types(t);
        if (type == v1::PERIOD_TYPE_UNSPECIFIED) {
          sink_.Error(tpath, "name a period type, e.g. QUARTERLY");
        } else if (type == v1::CUSTOM) {
          sink_.Error(tpath, "DHIS2 has no custom periods: choose a standard period type");
        } else if (!types.insert(type).second) {
          sink_.Error(tpath, absl::StrCat("period type ", v1::PeriodType_Name(type),
                                          " is listed twice"));
        }
      }
      std::map<std::string, int> cells;
      for (int c = 0; c < ind.cells_size(); ++c) {
        const v1::Dhis2CellMapping& cell = ind.cells(c);
        const std::string cpath = absl::StrCat(path, ".cells[", c, "]");
        std::set<std::string> dims;
        for (int k = 0; k < cell.cell_size(); ++k) {
          const v1::CellCoordinate& coord = cell.cell(k);
          const std::string kpath = absl::StrCat(cpath, ".cell[", k, "]");
          if (coord.dimension().empty()) sink_.Error(kpath + ".dimension", "name the dimension");
          if (coord.value().empty()) {
            sink_.Error(kpath + ".value", "name the value (a code, or \"unknown\")");
          }
          if (!coord.dimension().empty() && !dims.insert(coord.dimension()).second) {
            sink_.Error(kpath + ".dimension", absl::StrCat("dimension ", Quoted(coord.dimension()),
                                                           " appears twice in this cell"));
          }
        }
        const std::string key = CellKey(cell.cell());
        if (auto [it, fresh] = cells.emplace(key, c); !fresh) {
          sink_.Error(cpath, absl::StrCat("cell ", key.empty() ? "total" : Quoted(key),
                                          " is mapped twice (also in cells[", it->second, "])"));
        }
        Identifier(cpath + ".category_option_combo", cell.category_option_combo(),
                   "category option combo", false);
        Identifier(cpath + ".data_element", cell.data_element(), "data element", false);
      }
    }
  }

 private:
  void Identifier(const std::string& path, const std::string& id, const char* what,
                  bool required) {
    if (id.empty()) {
      if (required) sink_.Error(path, absl::StrCat("the ", what, " is required"));
      return;
    }
    if (uid_ && !IsDhis2Uid(id)) {
      sink_.Error(path, absl::StrCat(Quoted(id), " is not a DHIS2 UID (11 characters: a letter, "
                                     "then letters or digits); for codes set id_scheme: "
                                     "DHIS2_CODE"));
    }
  }

  const v1::Dhis2Mapping& mapping_;
  DiagnosticSink& sink_;
  const bool uid_;
};

absl::Status FinishMapping(Dhis2MappingRep* rep, Diagnostics* diagnostics) {
  Diagnostics local;
  DiagnosticSink sink(&rep->source, &local);
  MappingValidator(rep->proto, sink).Validate();
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  return sink.has_errors() ? StatusFromDiagnostics(local) : absl::OkStatus();
}

// Checks the mapping against the report it exports: the same project,
// indicators of the report, cells of their breakdowns.
void CheckAgainstReport(const Dhis2MappingRep& rep, const v1::Report& report,
                        DiagnosticSink& sink) {
  const v1::Dhis2Mapping& m = rep.proto;
  if (!m.project_id().empty() && m.project_id() != report.project_id()) {
    sink.Error("project_id", absl::StrCat("the mapping is written for project ",
                                          Quoted(m.project_id()), " but the report is of project ",
                                          Quoted(report.project_id())));
  }
  std::map<std::string, const v1::IndicatorResult*> results;
  std::vector<std::string> ids;
  for (const v1::IndicatorResult& ir : report.indicators()) {
    results.emplace(ir.indicator_id(), &ir);
    ids.push_back(ir.indicator_id());
  }
  for (int i = 0; i < m.indicators_size(); ++i) {
    const v1::Dhis2IndicatorMapping& ind = m.indicators(i);
    const std::string path = absl::StrCat("indicators[", i, "]");
    auto found = results.find(ind.indicator());
    if (found == results.end()) {
      sink.Error(path + ".indicator",
                 absl::StrCat("the report has no indicator ", Quoted(ind.indicator()),
                              DidYouMean(ind.indicator(), ids)));
      continue;
    }
    const v1::IndicatorResult& ir = *found->second;
    if (ir.cells_size() == 0) continue;  // nothing to check the cells against
    // Values seen per breakdown (dimensions sorted) and dimension.
    std::map<std::string, std::map<std::string, std::set<std::string>>> breakdowns;
    for (const v1::Cell& cell : ir.cells()) {
      if (cell.coordinates_size() == 0) continue;
      auto& dims = breakdowns[DimensionsKey(cell.coordinates())];
      for (const v1::CellCoordinate& c : cell.coordinates()) dims[c.dimension()].insert(c.value());
    }
    std::vector<std::string> breakdown_names;
    for (const auto& [name, dims] : breakdowns) breakdown_names.push_back(name);
    for (int c = 0; c < ind.cells_size(); ++c) {
      const v1::Dhis2CellMapping& cell = ind.cells(c);
      if (cell.cell_size() == 0) continue;  // the total
      const std::string cpath = absl::StrCat(path, ".cells[", c, "]");
      const std::string dims_key = DimensionsKey(cell.cell());
      auto breakdown = breakdowns.find(dims_key);
      if (breakdown == breakdowns.end()) {
        const std::string known =
            breakdown_names.empty() ? "none" : absl::StrJoin(breakdown_names, ", ");
        sink.Error(cpath, absl::StrCat("indicator ", Quoted(ind.indicator()),
                                       " has no breakdown by ", Quoted(dims_key),
                                       DidYouMean(dims_key, breakdown_names),
                                       "; its breakdowns: ", known));
        continue;
      }
      for (int k = 0; k < cell.cell_size(); ++k) {
        const v1::CellCoordinate& coord = cell.cell(k);
        const std::set<std::string>& values = breakdown->second.at(coord.dimension());
        if (coord.value() == kUnknown || values.count(coord.value()) > 0) continue;
        const std::vector<std::string> candidates(values.begin(), values.end());
        sink.Error(absl::StrCat(cpath, ".cell[", k, "].value"),
                   absl::StrCat(Quoted(coord.value()), " is not a value of ",
                                Quoted(coord.dimension()), " in indicator ",
                                Quoted(ind.indicator()), DidYouMean(coord.value(), candidates)));
      }
    }
  }
}

// "1 value" or "3 values", and the verb that follows, for notes.
std::string Counted(int64_t n, const char* noun) {
  return n == 1 ? absl::StrCat("1 ", noun) : absl::StrCat(n, " ", noun, "s");
}
const char* Are(int64_t n) { return n == 1 ? "is" : "are"; }

// Values written with `decimals` digits after the point, or in full.
std::string FormatValue(double value, const v1::Dhis2IndicatorMapping& m) {
  if (!m.has_decimals()) return FormatNumber(value);
  std::string s = FormatFixed(value, m.decimals());
  // -0.4 to no decimals is "-0": zero has no sign.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

class Dhis2Renderer {
 public:
  Dhis2Renderer(const v1::Report& report, const v1::Dhis2Mapping& mapping)
      : report_(report), mapping_(mapping) {
    for (const v1::Dhis2IndicatorMapping& m : mapping_.indicators()) {
      by_indicator_.emplace(m.indicator(), &m);
    }
  }

  DonorDocument Render() {
    std::string out = "{\n";
    if (!mapping_.data_set().empty()) {
      absl::StrAppend(&out, "  \"dataSet\": ", JsonString(mapping_.data_set()), ",\n");
    }
    if (mapping_.id_scheme() == v1::DHIS2_CODE) out += "  \"idScheme\": \"CODE\",\n";
    out += "  \"dataValues\": [";
    for (const v1::IndicatorResult& ir : report_.indicators()) Indicator(ir);
    out += values_.empty() ? "]\n" : "\n" + absl::StrJoin(values_, ",\n") + "\n  ]\n";
    out += "}\n";
    return DonorDocument{std::move(out), std::move(notes_)};
  }

 private:
  void Indicator(const v1::IndicatorResult& ir) {
    const std::string& id = ir.indicator_id();
    std::map<std::string, const v1::ReportPeriod*> periods;
    for (const v1::ReportPeriod& p : ir.periods()) periods.emplace(p.id(), &p);
    auto found = by_indicator_.find(id);
    if (found == by_indicator_.end()) {
      int64_t values = 0;
      for (const v1::Cell& cell : ir.cells()) values += cell.scope() == v1::SCOPE_PERIOD;
      if (values > 0) {
        notes_.push_back(absl::StrCat("indicator ", Quoted(id), " is not in the mapping: ",
                                      Counted(values, "per-period value"), " ", Are(values),
                                      " not exported"));
      }
      return;
    }
    const v1::Dhis2IndicatorMapping& m = *found->second;
    if (ir.cells_size() == 0) {
      notes_.push_back(absl::StrCat("indicator ", Quoted(id),
                                    " has no computed values in the report (its values are "
                                    "entered, not computed): nothing is exported for it"));
      return;
    }
    // The cells exported: those listed, or the total alone.
    std::map<std::string, const v1::Dhis2CellMapping*> cells;
    const v1::Dhis2CellMapping default_total;
    if (m.cells_size() == 0) {
      cells.emplace("", &default_total);
    } else {
      for (const v1::Dhis2CellMapping& c : m.cells()) cells.emplace(CellKey(c.cell()), &c);
    }
    const std::string& org_unit = m.org_unit().empty() ? mapping_.org_unit() : m.org_unit();
    const std::string& aoc = m.attribute_option_combo().empty() ? mapping_.attribute_option_combo()
                                                                : m.attribute_option_combo();
    // Skipped cells by breakdown, with the first one's name.
    std::vector<std::string> unmapped_order;
    std::map<std::string, std::pair<int64_t, std::string>> unmapped;
    int64_t missing = 0;
    int64_t custom = 0;
    for (const v1::Cell& cell : ir.cells()) {
      // Cumulative and life-of-project values have no DHIS2 period; DHIS2
      // aggregates periods itself.
      if (cell.scope() != v1::SCOPE_PERIOD) continue;
      auto period = periods.find(cell.period());
      if (period == periods.end()) continue;
      const v1::PeriodType type = period->second->type();
      if (m.period_types_size() > 0 &&
          std::find(m.period_types().begin(), m.period_types().end(), type) ==
              m.period_types().end()) {
        continue;  // a period type the mapping does not export
      }
      auto target = cells.find(CellKey(cell.coordinates()));
      if (target == cells.end()) {
        const std::string breakdown = cell.breakdown().empty() ? "total" : cell.breakdown();
        auto [it, fresh] = unmapped.emplace(breakdown, std::make_pair(0, CellName(cell)));
        if (fresh) unmapped_order.push_back(breakdown);
        ++it->second.first;
        continue;
      }
      if (type == v1::CUSTOM) {
        ++custom;
        continue;
      }
      if (cell.status() != v1::PRESENT && cell.status() != v1::SUPPRESSED) {
        ++missing;
        continue;
      }
      const v1::Dhis2CellMapping& to = *target->second;
      std::string value = absl::StrCat(
          "    {\"dataElement\": ",
          JsonString(to.data_element().empty() ? m.data_element() : to.data_element()),
          ", \"period\": ", JsonString(cell.period()), ", \"orgUnit\": ", JsonString(org_unit));
      if (!to.category_option_combo().empty()) {
        absl::StrAppend(&value, ", \"categoryOptionCombo\": ",
                        JsonString(to.category_option_combo()));
      }
      if (!aoc.empty()) absl::StrAppend(&value, ", \"attributeOptionCombo\": ", JsonString(aoc));
      std::vector<std::string> comments;
      if (cell.status() == v1::SUPPRESSED) {
        // DHIS2 keeps a data value that has a comment and no value, and
        // replaces a value sent earlier for the same cell.
        value += ", \"value\": \"\"";
        comments.push_back(kWithheld);
      } else {
        absl::StrAppend(&value, ", \"value\": ", JsonString(FormatValue(cell.value(), m)));
        const auto& flags = cell.flags();
        if (std::find(flags.begin(), flags.end(), v1::ROUNDED) != flags.end()) {
          comments.push_back(report_.publication().rounding() == v1::RANDOM_BASE_3
                                 ? "Randomly rounded to a multiple of 3."
                             : report_.publication().rounding() == v1::BASE_5
                                 ? "Rounded to a multiple of 5."
                                 : "Rounded.");
        }
      }
      if (period->second->partial()) {
        comments.push_back(absl::StrCat("Partial period: data up to ", report_.as_of(), "."));
      }
      if (!comments.empty()) {
        absl::StrAppend(&value, ", \"comment\": ", JsonString(absl::StrJoin(comments, " ")));
      }
      value += "}";
      values_.push_back(std::move(value));
    }
    for (const std::string& breakdown : unmapped_order) {
      const auto& [count, first] = unmapped.at(breakdown);
      notes_.push_back(absl::StrCat(
          "indicator ", Quoted(id), ": ", Counted(count, "value"), " of ",
          breakdown == "total" ? "the total" : absl::StrCat("breakdown ", Quoted(breakdown)), " ",
          Are(count), " not exported: the mapping lists none of their cells (first: ", first, ")"));
    }
    if (missing > 0) {
      notes_.push_back(absl::StrCat("indicator ", Quoted(id), ": ",
                                    Counted(missing, "mapped value"), " ", Are(missing),
                                    " missing (no number was computed or entered: no "
                                    "denominator, say, or only a narrative) and not exported"));
    }
    if (custom > 0) {
      notes_.push_back(absl::StrCat("indicator ", Quoted(id), ": ",
                                    Counted(custom, "value"), " of custom periods ", Are(custom),
                                    " not exported: "
                                    "DHIS2 has no identifier for them"));
    }
  }

  const v1::Report& report_;
  const v1::Dhis2Mapping& mapping_;
  std::map<std::string, const v1::Dhis2IndicatorMapping*> by_indicator_;
  std::vector<std::string> values_;
  std::vector<std::string> notes_;
};

}  // namespace

Dhis2Mapping::Dhis2Mapping(std::shared_ptr<const internal::Dhis2MappingRep> rep)
    : rep_(std::move(rep)) {}

absl::StatusOr<Dhis2Mapping> Dhis2Mapping::Parse(std::string_view bytes, ProtoFormat format,
                                                 std::string_view file_name,
                                                 Diagnostics* diagnostics) {
  auto rep = std::make_shared<Dhis2MappingRep>();
  absl::Status status =
      ParseDefinition(bytes, format, file_name, &rep->proto, &rep->source, diagnostics);
  if (!status.ok()) return status;
  status = FinishMapping(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return Dhis2Mapping(std::move(rep));
}

absl::StatusOr<Dhis2Mapping> Dhis2Mapping::FromProto(const v1::Dhis2Mapping& proto,
                                                     Diagnostics* diagnostics) {
  auto rep = std::make_shared<Dhis2MappingRep>();
  rep->proto = proto;
  absl::Status status = FinishMapping(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return Dhis2Mapping(std::move(rep));
}

const v1::Dhis2Mapping& Dhis2Mapping::proto() const { return rep_->proto; }

const std::string& Dhis2Mapping::file_name() const { return rep_->source.file_name(); }

absl::StatusOr<DonorDocument> RenderDhis2(const v1::Report& publication,
                                          const Dhis2Mapping& mapping,
                                          Diagnostics* diagnostics) {
  if (publication.protection() != v1::PUBLISHED) {
    return absl::FailedPreconditionError(
        "the DHIS2 export reads a publication, and this report is not one (protection is not "
        "PUBLISHED): raw results are for the data owner; protect them with disclosure control "
        "first");
  }
  const Dhis2MappingRep& rep = internal::Dhis2MappingAccess::Rep(mapping);
  Diagnostics local;
  DiagnosticSink sink(&rep.source, &local);
  CheckAgainstReport(rep, publication, sink);
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  if (sink.has_errors()) return StatusFromDiagnostics(local);
  return Dhis2Renderer(publication, rep.proto).Render();
}

}  // namespace ctind
