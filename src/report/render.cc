// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/render.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/number_format.h"
#include "ctind/v1/report.pb.h"
#include "model/proto_io.h"
#include "report/csv_writer.h"

namespace ctind {
namespace {

std::string CellName(const v1::Cell& cell) {
  std::vector<std::string> parts;
  for (const v1::CellCoordinate& c : cell.coordinates()) {
    parts.push_back(absl::StrCat(c.dimension(), "=", c.value()));
  }
  return absl::StrJoin(parts, ";");
}

std::string ScopeName(v1::Scope scope) {
  switch (scope) {
    case v1::SCOPE_PERIOD: return "period";
    case v1::SCOPE_CUMULATIVE: return "cumulative";
    case v1::SCOPE_LIFE_OF_PROJECT: return "life_of_project";
    default: return "unspecified";
  }
}

std::string StatusName(v1::ValueStatus status) {
  switch (status) {
    case v1::PRESENT: return "present";
    case v1::MISSING: return "missing";
    case v1::SUPPRESSED: return "suppressed";
    default: return "unspecified";
  }
}

std::string FlagName(int flag) {
  switch (flag) {
    case v1::PARTIAL_PERIOD: return "partial_period";
    case v1::NOT_YET_OBSERVABLE: return "not_yet_observable";
    case v1::NO_DENOMINATOR: return "no_denominator";
    case v1::SUPPRESSED_FLAG: return "suppressed";
    case v1::ROUNDED: return "rounded";
    default: return absl::StrCat("flag_", flag);
  }
}

const v1::ReportPeriod* FindPeriod(const v1::IndicatorResult& ir, const std::string& id) {
  for (const v1::ReportPeriod& p : ir.periods()) {
    if (p.id() == id) return &p;
  }
  return nullptr;
}

// Pads `text` to `width` columns (code points), right-aligned or left.
std::string Pad(const std::string& text, size_t width, bool right) {
  size_t points = 0;
  for (unsigned char c : text) points += (c & 0xC0) != 0x80;
  if (points >= width) return text;
  const std::string fill(width - points, ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

std::string RenderJson(const Results& results) {
  return MessageToJson(results.proto(), /*indent=*/true);
}

std::string RenderCsv(const Results& results) {
  CsvWriter csv;
  for (const char* h : {"indicator_id", "indicator_code", "scope", "period", "period_start",
                        "period_end", "breakdown", "cell", "status", "value", "numerator",
                        "denominator", "units", "flags"}) {
    csv.Text(h);
  }
  csv.EndRow();
  for (const v1::IndicatorResult& ir : results.proto().indicators()) {
    for (const v1::Cell& cell : ir.cells()) {
      csv.Text(ir.indicator_id());
      csv.Text(ir.code());
      csv.Text(ScopeName(cell.scope()));
      csv.Text(cell.period());
      const v1::ReportPeriod* period = FindPeriod(ir, cell.period());
      csv.Text(period != nullptr ? period->start() : "");
      csv.Text(period != nullptr ? period->end() : "");
      csv.Text(cell.breakdown());
      csv.Text(CellName(cell));
      csv.Text(StatusName(cell.status()));
      cell.has_value() ? csv.Number(cell.value()) : csv.Empty();
      cell.has_numerator() ? csv.Number(cell.numerator()) : csv.Empty();
      cell.has_denominator() ? csv.Number(cell.denominator()) : csv.Empty();
      cell.has_units() ? csv.Integer(cell.units()) : csv.Empty();
      std::vector<std::string> flags;
      for (int f : cell.flags()) flags.push_back(FlagName(f));
      csv.Text(absl::StrJoin(flags, ";"));
      csv.EndRow();
    }
  }
  return csv.str();
}

namespace {

// A value as a terminal table shows it: whole numbers as they are, others
// to one decimal (JSON and CSV carry full precision).
std::string FormatForTable(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return FormatNumber(v);
  std::string text = absl::StrFormat("%.1f", v);
  return text == "-0.0" ? "0.0" : text;
}

}  // namespace

std::string RenderTable(const Results& results) {
  const v1::Report& report = results.proto();
  std::string out = absl::StrCat(
      report.protection() == v1::PUBLISHED ? "Published results" : "Raw results (for the data owner; not for publication)",
      ", project ", report.project_id(), ", as of ", report.as_of(), "\n");
  for (const v1::IndicatorResult& ir : report.indicators()) {
    absl::StrAppend(&out, "\n", ir.indicator_id(), "  ", ir.title(), "\n");
    if (ir.cells_size() == 0) {
      absl::StrAppend(&out, "  (no computed values: reported indicator)\n");
      continue;
    }
    // Columns: the periods (per-period scope) and LOP; rows: cells.
    std::vector<std::string> columns;
    for (const v1::ReportPeriod& p : ir.periods()) {
      columns.push_back(p.partial() ? p.id() + "*" : p.id());
    }
    std::vector<std::string> row_names;
    std::map<std::string, size_t> row_index;
    std::map<std::pair<size_t, std::string>, std::string> values;
    for (const v1::Cell& cell : ir.cells()) {
      if (cell.scope() == v1::SCOPE_CUMULATIVE) continue;
      std::string name = cell.coordinates_size() == 0 ? "Total" : "  ";
      for (int i = 0; i < cell.coordinates_size(); ++i) {
        absl::StrAppend(&name, i > 0 ? " x " : "", cell.coordinates(i).dimension(), "=",
                        cell.coordinates(i).value());
      }
      auto [it, inserted] = row_index.emplace(name, row_names.size());
      if (inserted) row_names.push_back(name);
      std::string shown = cell.status() == v1::SUPPRESSED ? "S"
                          : cell.has_value()              ? FormatForTable(cell.value())
                                                          : "-";
      values[{it->second, cell.period()}] = shown;
    }
    size_t name_width = 5;
    for (const std::string& n : row_names) name_width = std::max(name_width, n.size());
    size_t width = 6;
    for (const std::string& c : columns) width = std::max(width, c.size() + 1);
    for (const auto& [key, v] : values) width = std::max(width, v.size() + 1);
    absl::StrAppend(&out, "  ", Pad("", name_width, false));
    for (const std::string& c : columns) absl::StrAppend(&out, " ", Pad(c, width, true));
    out += "\n";
    for (size_t r = 0; r < row_names.size(); ++r) {
      absl::StrAppend(&out, "  ", Pad(row_names[r], name_width, false));
      for (const v1::ReportPeriod& p : ir.periods()) {
        auto it = values.find({r, p.id()});
        absl::StrAppend(&out, " ", Pad(it == values.end() ? "" : it->second, width, true));
      }
      out += "\n";
    }
    if (ir.records_without_period() > 0) {
      absl::StrAppend(&out, "  ", ir.records_without_period(),
                      " records without a valid placing date are in no period\n");
    }
  }
  bool partial = false;
  for (const v1::IndicatorResult& ir : report.indicators()) {
    for (const v1::ReportPeriod& p : ir.periods()) partial = partial || p.partial();
  }
  if (partial) out += "\n* partial period: the as-of date falls before its last day\n";
  if (report.findings_size() > 0) {
    absl::StrAppend(&out, "\nData-quality findings (", report.findings_size(), "):\n");
    for (const v1::Finding& f : report.findings()) {
      absl::StrAppend(&out, "  [", f.rule(), "] ", f.table().empty() ? "" : f.table() + ": ",
                      f.message(), "\n");
    }
  }
  return out;
}

}  // namespace ctind
