// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The three renderings of a QualityReport: the Report proto's JSON, a CSV
// of findings and a text table per table for a terminal.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/number_format.h"
#include "ctind/quality.h"
#include "ctind/v1/report.pb.h"
#include "model/proto_io.h"
#include "report/csv_writer.h"

namespace ctind {
namespace {

std::string SeverityName(v1::Severity severity) {
  switch (severity) {
    case v1::INFO: return "INFO";
    case v1::WARNING: return "WARNING";
    case v1::ERROR: return "ERROR";
    default: return "UNSPECIFIED";
  }
}

// Pads `text` to `width` code points, right-aligned or left.
std::string Pad(const std::string& text, size_t width, bool right) {
  size_t points = 0;
  for (unsigned char c : text) points += (c & 0xC0) != 0x80;
  if (points >= width) return text;
  const std::string fill(width - points, ' ');
  return right ? fill + text : text + fill;
}

std::string Percent(const v1::Finding& f) {
  return f.has_share() ? absl::StrCat(FormatFixed(100 * f.share(), 1), "%") : "";
}

// What a finding is about: its field, or the indicator it concerns.
std::string Subject(const v1::Finding& f) {
  if (!f.field().empty()) return f.field();
  if (!f.indicator_id().empty()) return absl::StrCat("indicator ", f.indicator_id());
  return "";
}

std::string Where(const v1::Finding& f) {
  if (f.file().empty() || f.line() <= 0) return "";
  std::string at = absl::StrCat(f.file(), ":", f.line());
  if (f.column() > 0) absl::StrAppend(&at, ":", f.column());
  return at;
}

void RenderCompleteness(const TableCompleteness& table, std::string* out) {
  size_t name_width = 5;
  for (const FieldCompleteness& f : table.fields) name_width = std::max(name_width, f.field.size());
  size_t width = 7;
  for (const FieldCompleteness& f : table.fields) {
    for (int64_t n : {f.present, f.missing, f.invalid}) width = std::max(width, absl::StrCat(n).size());
  }
  absl::StrAppend(out, "  ", Pad("field", name_width, false));
  for (const char* heading : {"present", "missing", "invalid"}) {
    absl::StrAppend(out, "  ", Pad(heading, width, true));
  }
  absl::StrAppend(out, "  complete\n");
  for (const FieldCompleteness& f : table.fields) {
    absl::StrAppend(out, "  ", Pad(f.field, name_width, false));
    for (int64_t n : {f.present, f.missing, f.invalid}) {
      absl::StrAppend(out, "  ", Pad(absl::StrCat(n), width, true));
    }
    // Complete: the share of rows with a usable (present, valid) value.
    const double share = table.rows > 0 ? 100.0 * static_cast<double>(f.present) /
                                              static_cast<double>(table.rows)
                                        : 0;
    absl::StrAppend(out, "  ", Pad(absl::StrCat(FormatFixed(share, 1), "%"), 8, true),
                    f.required ? "  (required)" : "", "\n");
  }
}

void RenderFindings(const std::vector<const v1::Finding*>& findings, std::string* out) {
  size_t rule_width = 4, subject_width = 5, count_width = 5;
  for (const v1::Finding* f : findings) {
    rule_width = std::max(rule_width, f->rule().size());
    subject_width = std::max(subject_width, Subject(*f).size());
    count_width = std::max(count_width, absl::StrCat(f->count()).size());
  }
  absl::StrAppend(out, "  ", Pad("severity", 8, false), "  ", Pad("rule", rule_width, false), "  ",
                  Pad("about", subject_width, false), "  ", Pad("count", count_width, true), "  ",
                  Pad("share", 6, true), "\n");
  for (const v1::Finding* f : findings) {
    absl::StrAppend(out, "  ", Pad(SeverityName(f->severity()), 8, false), "  ",
                    Pad(f->rule(), rule_width, false), "  ", Pad(Subject(*f), subject_width, false),
                    "  ", Pad(absl::StrCat(f->count()), count_width, true), "  ",
                    Pad(Percent(*f), 6, true), "\n");
    absl::StrAppend(out, "      ", f->message(), "\n");
    const std::string where = Where(*f);
    if (!where.empty()) absl::StrAppend(out, "      first at ", where, "\n");
    if (f->record_keys_size() > 0) {
      absl::StrAppend(out, "      records: ", absl::StrJoin(f->record_keys(), ", "));
      if (f->count() > f->record_keys_size()) {
        absl::StrAppend(out, " (the first ", f->record_keys_size(), " of ", f->count(), ")");
      }
      out->push_back('\n');
    }
  }
}

}  // namespace

std::string RenderQualityJson(const QualityReport& report) {
  return MessageToJson(report.proto(), /*indent=*/true);
}

std::string RenderQualityCsv(const QualityReport& report) {
  CsvWriter csv;
  for (const char* heading : {"table", "field", "rule", "severity", "indicator_id", "count",
                              "share", "file", "line", "column", "message", "record_keys"}) {
    csv.Text(heading);
  }
  csv.EndRow();
  for (const v1::Finding& f : report.proto().findings()) {
    csv.Text(f.table());
    csv.Text(f.field());
    csv.Text(f.rule());
    csv.Text(SeverityName(f.severity()));
    csv.Text(f.indicator_id());
    csv.Integer(f.count());
    if (f.has_share()) {
      csv.Number(f.share());
    } else {
      csv.Empty();
    }
    csv.Text(f.file());
    if (f.line() > 0) {
      csv.Integer(f.line());
    } else {
      csv.Empty();
    }
    if (f.column() > 0) {
      csv.Integer(f.column());
    } else {
      csv.Empty();
    }
    csv.Text(f.message());
    csv.Text(absl::StrJoin(f.record_keys(), "; "));
    csv.EndRow();
  }
  return csv.str();
}

std::string RenderQualityTable(const QualityReport& report) {
  const v1::Report& proto = report.proto();
  std::map<std::string, std::vector<const v1::Finding*>> by_table;
  for (const v1::Finding& f : proto.findings()) by_table[f.table()].push_back(&f);
  std::string out = absl::StrCat("Data quality (for the data owner; not for publication)");
  if (!proto.project_id().empty()) absl::StrAppend(&out, ", project ", proto.project_id());
  if (!proto.as_of().empty()) absl::StrAppend(&out, ", as of ", proto.as_of());
  absl::StrAppend(&out, ": ", proto.findings_size(), " finding",
                  proto.findings_size() == 1 ? "" : "s", "\n");
  std::vector<std::string> not_loaded;
  for (const TableCompleteness& table : report.tables()) {
    if (!table.loaded) {
      not_loaded.push_back(table.table);
      continue;
    }
    absl::StrAppend(&out, "\n", table.table, ": ", table.rows, " record",
                    table.rows == 1 ? "" : "s", "\n");
    RenderCompleteness(table, &out);
    auto it = by_table.find(table.table);
    if (it == by_table.end()) {
      absl::StrAppend(&out, "  no findings\n");
      continue;
    }
    out.push_back('\n');
    RenderFindings(it->second, &out);
  }
  if (!not_loaded.empty()) {
    absl::StrAppend(&out, "\nNot loaded (not checked): ", absl::StrJoin(not_loaded, ", "), "\n");
  }
  return out;
}

}  // namespace ctind
