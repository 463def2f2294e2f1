// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "property/generator.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ctind {
namespace property {
namespace {

// The generator's own calendar helpers (the reference has its own).
Date Ymd(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

Date AddMonthsClamped(Date d, int n) {
  const YearMonthDay ymd = d.ToYmd();
  int total = ymd.year * 12 + (ymd.month - 1) + n;
  const int y = total / 12, m = total % 12 + 1;
  return Ymd(y, m, std::min(ymd.day, DaysInMonth(y, m)));
}

Date FirstOfMonth(Date d) {
  const YearMonthDay ymd = d.ToYmd();
  return Ymd(ymd.year, ymd.month, 1);
}

std::string TwoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string DecimalText(double v, char separator) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  // Trim trailing zeros of the fraction ("12.50" → "12.5", "3.00" → "3").
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (separator == ',') std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(engine_) < p; }
  template <class T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int>(v.size()) - 1))];
  }
  template <class T>
  void Shuffle(std::vector<T>* v) {
    std::shuffle(v->begin(), v->end(), engine_);
  }

 private:
  std::mt19937_64 engine_;
};

v1::Field* AddField(v1::Table* t, const std::string& name, v1::FieldType type,
                    v1::FieldRole role = v1::ATTRIBUTE) {
  v1::Field* f = t->add_fields();
  f->set_name(name);
  f->set_type(type);
  if (role != v1::ATTRIBUTE) f->set_role(role);
  return f;
}

const v1::Field* FindField(const v1::Table& t, const std::string& name) {
  for (const v1::Field& f : t.fields()) {
    if (f.name() == name) return &f;
  }
  return nullptr;
}

// What the generator knows of a table to build valid indicators on it.
struct TableInfo {
  std::string name;
  std::vector<std::string> dates;           // flow placing dates
  std::vector<std::string> numeric;         // sum / mean / median / min / max
  std::vector<std::string> distinct;        // count_distinct keys
  std::vector<std::string> dims;            // usable in disaggregate_by
  bool stock = false;                       // has opened_on / closed_on
};

class Generator {
 public:
  Generator(uint64_t seed, const GeneratorOptions& options) : rng_(seed), options_(options) {
    out_.seed = seed;
  }

  GeneratedCase Run() {
    ProjectDates();
    BuildSchema();
    BuildRows();
    BuildFramework();
    out_.as_of = as_of_;
    return std::move(out_);
  }

 private:
  // --- Dates -------------------------------------------------------------

  void ProjectDates() {
    const int year = rng_.Int(2022, 2026);
    switch (rng_.Int(0, 3)) {
      case 0: start_ = Ymd(year, 1, 1).AddDays(rng_.Int(0, 364)); break;
      case 1: start_ = Ymd(year, rng_.Int(1, 12), 1); break;
      case 2: start_ = Ymd(year, rng_.Pick(std::vector<int>{1, 4, 7, 10}), 1); break;
      default: start_ = Ymd(year, 1, 1); break;
    }
    switch (rng_.Int(0, 2)) {
      case 0: last_ = start_.AddDays(rng_.Int(200, 1100) - 1); break;
      case 1: last_ = AddMonthsClamped(start_, rng_.Int(8, 36)).AddDays(-1); break;
      default: {
        const Date m = FirstOfMonth(AddMonthsClamped(start_, rng_.Int(9, 36)));
        last_ = m.AddDays(-1);
        break;
      }
    }
    if (last_ < start_) last_ = start_;
    // Month boundaries (every period type generated starts on a 1st).
    for (Date m = FirstOfMonth(start_.AddDays(-90)); m <= last_.AddDays(60);
         m = AddMonthsClamped(m, 1)) {
      months_.push_back(m);
    }
    std::vector<Date> inside;
    for (Date m : months_) {
      if (m > start_ && m <= last_) inside.push_back(m);
    }
    const int r = rng_.Int(0, 19);
    if (r < 2) {
      as_of_ = start_;
    } else if (r < 5) {
      as_of_ = last_;
    } else if (r < 8 && !inside.empty()) {
      as_of_ = rng_.Pick(inside).AddDays(-1);  // the last day of a month
    } else if (r < 10 && !inside.empty()) {
      as_of_ = rng_.Pick(inside);  // the first day of a month
    } else if (r < 11) {
      as_of_ = last_.AddDays(rng_.Int(1, 120));  // after the project's end
    } else {
      as_of_ = start_.AddDays(rng_.Int(0, last_.day_number() - start_.day_number()));
    }
    if (as_of_ < start_) as_of_ = start_;
    special_ = {start_, start_.AddDays(-1), last_, last_.AddDays(1), as_of_, as_of_.AddDays(1),
                as_of_.AddDays(-7), as_of_.AddDays(-30), as_of_.AddDays(-31),
                AddMonthsClamped(as_of_, -1), AddMonthsClamped(as_of_, -3),
                AddMonthsClamped(as_of_, -12)};
    for (Date m : months_) {
      special_.push_back(m);
      special_.push_back(m.AddDays(-1));
    }
  }

  Date RandomDay() {
    if (rng_.Chance(0.3)) return rng_.Pick(special_);
    const int from = start_.day_number() - 90, to = last_.day_number() + 60;
    return Date::FromDayNumber(rng_.Int(from, to));
  }

  std::string DateText(Date d, const v1::Field& f) {
    const YearMonthDay ymd = d.ToYmd();
    if (f.format().date_format() == "%d/%m/%Y") {
      return TwoDigits(ymd.day) + "/" + TwoDigits(ymd.month) + "/" + std::to_string(ymd.year);
    }
    return d.ToIsoString();
  }

  // A date field's text: mostly `d`, sometimes missing or invalid.
  std::string DateCell(Date d, const v1::Field& f, double missing, double invalid) {
    if (rng_.Chance(missing)) return "";
    if (rng_.Chance(invalid)) {
      const bool dmy = f.format().date_format() == "%d/%m/%Y";
      const std::vector<std::string> bad =
          dmy ? std::vector<std::string>{"31/02/2025", "00/01/2025", "2025-01-15", "1/1/2025", "soon"}
              : std::vector<std::string>{"2025-02-30", "2025-13-01", "2025-1-5", "15/01/2025",
                                         "unknown", "2024-02-29x"};
      return rng_.Pick(bad);
    }
    return DateText(d, f);
  }

  std::string DoubleCell(double quarter_scale, const v1::Field& f, double missing) {
    if (rng_.Chance(missing)) return "";
    const char sep = f.format().decimal_separator() == "," ? ',' : '.';
    if (rng_.Chance(0.03)) return sep == ',' ? "1.5" : "n/a";  // invalid
    double v = rng_.Int(0, static_cast<int>(quarter_scale)) * 0.25;
    if (rng_.Chance(0.1)) v = rng_.Int(0, 99999) / 100.0;  // not exactly representable
    return DecimalText(v, sep);
  }

  // --- Schema ------------------------------------------------------------

  void BuildSchema() {
    v1::Schema& s = out_.schema;
    s.set_id("property-schema");
    v1::CodeList* gender = s.add_code_lists();
    gender->set_id("gender");
    for (const char* c : {"Feminine", "Masculine", "Other"}) gender->add_codes()->set_value(c);
    gender->mutable_codes(0)->add_aliases("F");
    gender->mutable_codes(1)->add_aliases("M");
    v1::CodeList* forms = s.add_code_lists();
    forms->set_id("forms");
    for (const char* c : {"ForcedLabour", "SexualExploitation", "DomesticServitude",
                          "ForcedMarriage", "OtherForm"}) {
      forms->add_codes()->set_value(c);
    }
    v1::CodeList* place = s.add_code_lists();
    place->set_id("place");
    place->add_levels("country");
    place->add_levels("province");
    place->add_levels("district");
    std::vector<std::pair<std::string, std::string>> places = {
        {"X", ""}, {"Y", ""}, {"PA", "X"}, {"PB", "X"}, {"PC", "Y"},
        {"D1", "PA"}, {"D2", "PA"}, {"D3", "PB"}, {"D4", "PC"}};
    if (rng_.Chance(0.3)) rng_.Shuffle(&places);
    for (const auto& [code, parent] : places) {
      v1::Code* c = place->add_codes();
      c->set_value(code);
      if (!parent.empty()) c->set_parent(parent);
    }
    v1::CodeList* service_list = s.add_code_lists();
    service_list->set_id("service_type");
    for (const char* c : {"Medical", "Legal", "Shelter", "Psychosocial"}) {
      service_list->add_codes()->set_value(c);
    }

    // persons
    v1::Table* p = s.add_tables();
    p->set_name("persons");
    p->add_key("record_id");
    p->set_person("person_id");
    AddField(p, "record_id", v1::STRING, v1::IDENTIFIER)->set_required(true);
    AddField(p, "person_id", v1::STRING, v1::IDENTIFIER);
    v1::Field* g = AddField(p, "prs_Gender", v1::CATEGORY);
    g->set_code_list("gender");
    if (rng_.Chance(0.3)) g->mutable_format()->add_missing_values("N/A");
    if (rng_.Chance(0.3)) g->set_column("gender");
    v1::Field* birth = AddField(p, "birth_date", v1::DATE);
    if (rng_.Chance(0.3)) birth->mutable_format()->set_date_format("%d/%m/%Y");
    v1::Field* age = AddField(p, "age", v1::INT64);
    age->set_min(0);
    age->set_max(120);
    v1::Field* forms_field = AddField(p, "exploitation", v1::CATEGORY);
    forms_field->set_code_list("forms");
    forms_field->set_multi_valued(true);
    if (rng_.Chance(0.3)) forms_field->mutable_format()->set_multi_value_separator("|");
    AddField(p, "identified_on", v1::DATE);
    AddField(p, "assisted_on", v1::DATE);
    v1::Field* opened = AddField(p, "opened_on", v1::DATE);
    if (rng_.Chance(0.2)) opened->mutable_format()->set_date_format("%d/%m/%Y");
    AddField(p, "closed_on", v1::DATE);
    AddField(p, "days_to_service", v1::INT64);
    v1::Field* amount = AddField(p, "amount", v1::DOUBLE);
    if (rng_.Chance(0.3)) amount->mutable_format()->set_decimal_separator(",");
    AddField(p, "district", v1::CATEGORY)->set_code_list("place");
    v1::Field* consent = AddField(p, "consent", v1::BOOL);
    if (rng_.Chance(0.4)) {
      consent->mutable_format()->add_true_values("Yes");
      consent->mutable_format()->add_false_values("No");
    }
    AddField(p, "notes", v1::STRING, v1::PERSONAL_TEXT);

    // services, linked to persons
    v1::Table* sv = s.add_tables();
    sv->set_name("services");
    sv->add_key("service_id");
    services_have_person_ = rng_.Chance(0.6);
    if (services_have_person_) sv->set_person("person_id");
    if (rng_.Chance(0.2)) sv->set_sensitivity(v1::NON_SENSITIVE);
    if (rng_.Chance(0.3)) sv->mutable_csv()->set_delimiter(";");
    AddField(sv, "service_id", v1::STRING, v1::IDENTIFIER)->set_required(true);
    AddField(sv, "case_id", v1::STRING, v1::IDENTIFIER);
    if (services_have_person_) AddField(sv, "person_id", v1::STRING, v1::IDENTIFIER);
    v1::Field* provided = AddField(sv, "provided_on", v1::DATE);
    if (rng_.Chance(0.25)) provided->mutable_format()->set_date_format("%d/%m/%Y");
    AddField(sv, "service_type", v1::CATEGORY)->set_code_list("service_type");
    v1::Field* cost = AddField(sv, "cost", v1::DOUBLE);
    if (rng_.Chance(0.3)) cost->mutable_format()->set_decimal_separator(",");
    AddField(sv, "district", v1::CATEGORY)->set_code_list("place");
    v1::Link* link = sv->add_links();
    link->set_name("case");
    link->set_field("case_id");
    link->set_table("persons");
    link->set_parent_field("record_id");
    sv->set_record_date("provided_on");

    // population: yearly reference data
    v1::Table* pop = s.add_tables();
    pop->set_name("population");
    pop->set_sensitivity(v1::NON_SENSITIVE);
    AddField(pop, "year", v1::INT64);
    AddField(pop, "prs_Gender", v1::CATEGORY)->set_code_list("gender");
    AddField(pop, "age", v1::INT64);
    AddField(pop, "population", v1::DOUBLE);

    // Derived dimensions, each in the schema or the framework.
    auto dim = [&](const std::string& id) {
      v1::Dimension* d = rng_.Chance(0.2) ? out_.framework.add_dimensions() : s.add_dimensions();
      d->set_id(id);
      return d;
    };
    auto age_bands = [&](v1::AgeBands* b) {
      const std::vector<std::vector<int>> sets = {{0, 18}, {0, 18, 25, 60}, {5, 18, 60}, {0, 12, 18}, {18}};
      const std::vector<int>& lb = rng_.Pick(sets);
      for (int v : lb) b->add_lower_bounds(v);
      if (rng_.Chance(0.4)) {
        for (size_t i = 0; i < lb.size(); ++i) b->add_labels("band" + std::to_string(i));
      }
    };
    v1::Dimension* age_band = dim("age_band");
    if (rng_.Chance(0.4)) age_band->set_table("persons");
    age_band->mutable_age_band()->set_field("birth_date");
    age_bands(age_band->mutable_age_band()->mutable_bands());
    v1::Dimension* stored = dim("stored_age");
    stored->mutable_age_band()->set_field("age");
    age_bands(stored->mutable_age_band()->mutable_bands());

    auto numeric_bands = [&](const std::string& id, const std::string& field,
                             const std::vector<std::vector<double>>& sets) {
      v1::Dimension* d = dim(id);
      v1::NumericBands* nb = d->mutable_numeric_bands();
      nb->set_expression(field);
      const std::vector<double>& ub = rng_.Pick(sets);
      for (double v : ub) nb->add_upper_bounds(v);
      if (rng_.Chance(0.3)) {
        for (size_t i = 0; i <= ub.size(); ++i) nb->add_labels("nb" + std::to_string(i));
      }
      return d;
    };
    numeric_bands("days_band", "days_to_service", {{7, 30, 90}, {30}, {0, 14.5, 60}});
    numeric_bands("amount_band", "amount", {{10.5, 100}, {50, 200, 400}, {0.25}});
    v1::Dimension* cost_band = numeric_bands("cost_band", "cost", {{20, 100}, {50.5}});
    if (rng_.Chance(0.3)) cost_band->set_table("services");

    auto grouping = [&](const std::string& id, const std::string& field,
                        const std::vector<std::pair<std::string, std::vector<std::string>>>& groups,
                        const std::string& other_member) {
      v1::Dimension* d = dim(id);
      v1::CodeGrouping* g = d->mutable_grouping();
      g->set_field(field);
      for (const auto& [value, members] : groups) {
        v1::CodeGroup* cg = g->add_groups();
        cg->set_value(value);
        for (const std::string& m : members) cg->add_members(m);
      }
      const int variant = rng_.Int(0, 2);
      if (variant == 1) {
        g->add_groups()->set_value("other");
        g->set_other_group("other");
      } else if (variant == 2) {
        v1::CodeGroup* cg = g->add_groups();
        cg->set_value("other");
        cg->add_members(other_member);
      }
    };
    grouping("sex", "prs_Gender", {{"female", {"Feminine"}}, {"male", {"Masculine"}}}, "Other");
    grouping("exp_group", "exploitation",
             {{"labour", {"ForcedLabour", "DomesticServitude"}},
              {"sexual", {"SexualExploitation", "ForcedMarriage"}}},
             "OtherForm");
    for (const char* level : {"country", "province", "district"}) {
      v1::Dimension* d = dim(std::string(level) == "district" ? "district_level" : level);
      d->mutable_hierarchy_level()->set_field("district");
      d->mutable_hierarchy_level()->set_level(level);
    }

    TableInfo persons;
    persons.name = "persons";
    persons.dates = {"identified_on", "identified_on", "identified_on", "assisted_on", "opened_on"};
    persons.numeric = {"age", "days_to_service", "amount"};
    persons.distinct = {"person_id", "person_id", "record_id", "prs_Gender", "district",
                        "identified_on", "age", "consent"};
    persons.dims = {"prs_Gender", "exploitation", "district", "age_band", "stored_age", "sex",
                    "exp_group", "province", "country", "district_level", "days_band",
                    "amount_band"};
    persons.stock = true;
    TableInfo services;
    services.name = "services";
    services.dates = {"provided_on"};
    services.numeric = {"cost"};
    services.distinct = {"case_id", "service_id", "service_type", "provided_on"};
    if (services_have_person_) services.distinct.push_back("person_id");
    services.dims = {"district", "service_type", "province", "country", "district_level",
                     "cost_band"};
    infos_ = {persons, services};
  }

  // --- Rows --------------------------------------------------------------

  const v1::Table& SchemaTable(const std::string& name) const {
    for (const v1::Table& t : out_.schema.tables()) {
      if (t.name() == name) return t;
    }
    std::abort();
  }

  // Writes `rows` (field name → text) of `table` as TableRows, with the
  // columns in a random order and optional columns sometimes left out.
  void Emit(const std::string& table, const std::vector<std::map<std::string, std::string>>& rows,
            const std::set<std::string>& omittable) {
    const v1::Table& t = SchemaTable(table);
    TableRows tr;
    tr.table = table;
    tr.delimiter = t.csv().delimiter().empty() ? ',' : t.csv().delimiter()[0];
    tr.bom = rng_.Chance(0.1);
    tr.crlf = rng_.Chance(0.2);
    std::vector<const v1::Field*> fields;
    for (const v1::Field& f : t.fields()) {
      if (omittable.count(f.name()) && rng_.Chance(0.15)) continue;
      fields.push_back(&f);
    }
    if (rng_.Chance(0.5)) rng_.Shuffle(&fields);
    for (const v1::Field* f : fields) tr.columns.push_back(f->column().empty() ? f->name() : f->column());
    for (const auto& row : rows) {
      std::vector<std::string> cells;
      for (const v1::Field* f : fields) {
        auto it = row.find(f->name());
        cells.push_back(it == row.end() ? "" : it->second);
      }
      tr.rows.push_back(std::move(cells));
    }
    out_.tables.push_back(std::move(tr));
  }

  std::string CodeCell(const std::vector<std::string>& codes, double missing,
                       const std::vector<std::string>& invalid) {
    if (rng_.Chance(missing)) return "";
    if (rng_.Chance(0.05)) return rng_.Pick(invalid);
    return rng_.Pick(codes);
  }

  void BuildRows() {
    const v1::Table& pt = SchemaTable("persons");
    const v1::Field& birth_f = *FindField(pt, "birth_date");
    const v1::Field& opened_f = *FindField(pt, "opened_on");
    const v1::Field& plain_date = *FindField(pt, "identified_on");
    const v1::Field& amount_f = *FindField(pt, "amount");
    const v1::Field& gender_f = *FindField(pt, "prs_Gender");
    const v1::Field& forms_f = *FindField(pt, "exploitation");
    const v1::Field& consent_f = *FindField(pt, "consent");
    const std::string sep =
        forms_f.format().multi_value_separator().empty() ? ";" : forms_f.format().multi_value_separator();
    const std::vector<std::string> forms = {"ForcedLabour", "SexualExploitation", "DomesticServitude",
                                            "ForcedMarriage", "OtherForm"};
    const std::vector<std::string> districts = {"D1", "D2", "D3", "D4", "D1", "D2", "D3",
                                                "D4", "PA", "PC", "X"};

    const int n = rng_.Chance(0.05) ? 0 : rng_.Int(1, 60);
    const int persons_pool = std::max(1, n * 7 / 10);
    std::vector<std::map<std::string, std::string>> persons;
    for (int i = 0; i < n; ++i) {
      std::map<std::string, std::string> r;
      r["record_id"] = "R" + std::to_string(i + 1);
      if (!rng_.Chance(0.04)) r["person_id"] = "P" + std::to_string(rng_.Int(1, persons_pool));
      {
        const int k = rng_.Int(0, 99);
        std::string gv;
        if (k < 33) gv = "Feminine";
        else if (k < 66) gv = "Masculine";
        else if (k < 74) gv = "Other";
        else if (k < 79) gv = "F";
        else if (k < 83) gv = "M";
        else if (k < 91) gv = "";
        else if (k < 94 && gender_f.format().missing_values_size() > 0) gv = "N/A";
        else gv = rng_.Pick(std::vector<std::string>{"female", "X", "NA", "N/A", "Feminine "});
        r["prs_Gender"] = gv;
      }
      const Date identified = RandomDay();
      r["identified_on"] = DateCell(identified, plain_date, 0.08, 0.03);
      if (!rng_.Chance(0.3)) {
        r["assisted_on"] = DateCell(identified.AddDays(rng_.Int(-5, 60)), plain_date, 0.0, 0.02);
      }
      {
        Date b;
        const int k = rng_.Int(0, 9);
        if (k == 0) {
          b = Ymd(rng_.Pick(std::vector<int>{1996, 2000, 2004, 2008, 2012}), 2, 29);
        } else if (k == 1) {
          const YearMonthDay ymd = identified.ToYmd();
          const int y = ymd.year - rng_.Pick(std::vector<int>{5, 12, 17, 18, 25, 60});
          b = Ymd(y, ymd.month, std::min(ymd.day, DaysInMonth(y, ymd.month)));
          if (rng_.Chance(0.3)) b = b.AddDays(rng_.Pick(std::vector<int>{-1, 1}));
        } else if (k == 2) {
          b = identified.AddDays(rng_.Int(-400, 30));  // babies, some born after placement
        } else {
          b = Ymd(rng_.Int(1950, 2021), 1, 1).AddDays(rng_.Int(0, 364));
        }
        r["birth_date"] = DateCell(b, birth_f, 0.1, 0.04);
      }
      {
        const int k = rng_.Int(0, 99);
        if (k < 10) r["age"] = "";
        else if (k < 13) r["age"] = rng_.Pick(std::vector<std::string>{"-3", "abc", "121", "1.5"});
        else r["age"] = std::to_string(rng_.Pick(std::vector<int>{0, 5, 11, 12, 17, 18, 24, 25, 59, 60, 61, 90,
                                                                   rng_.Int(0, 99)}));
      }
      {
        std::string v;
        if (!rng_.Chance(0.1)) {
          const int count = rng_.Int(1, 3);
          for (int c = 0; c < count; ++c) {
            if (c > 0) v += sep;
            v += rng_.Chance(0.05) ? std::string("Unknown") : rng_.Pick(forms);
          }
        }
        r["exploitation"] = v;
      }
      const Date o = RandomDay();
      r["opened_on"] = DateCell(o, opened_f, 0.05, 0.02);
      if (!rng_.Chance(0.3)) {
        const Date c = rng_.Chance(0.06) ? o.AddDays(-rng_.Int(1, 30))
                       : rng_.Chance(0.2) ? rng_.Pick(special_)
                                          : o.AddDays(rng_.Pick(std::vector<int>{0, rng_.Int(0, 500)}));
        r["closed_on"] = DateCell(c, plain_date, 0.0, 0.02);
      }
      {
        const int k = rng_.Int(0, 99);
        if (k < 15) r["days_to_service"] = "";
        else if (k < 18) r["days_to_service"] = "x";
        else r["days_to_service"] = std::to_string(rng_.Pick(std::vector<int>{0, 7, 8, 14, 15, 30, 31, 60, 90, 91,
                                                                               rng_.Int(0, 200)}));
      }
      r["amount"] = DoubleCell(2000, amount_f, 0.15);
      r["district"] = CodeCell(districts, 0.08, {"D9", "pa", "Z"});
      {
        const bool yes_no = consent_f.format().true_values_size() > 0;
        const int k = rng_.Int(0, 9);
        r["consent"] = k < 5 ? (yes_no ? "Yes" : "true") : k < 8 ? (yes_no ? "No" : "false")
                       : k < 9 ? "" : "maybe";
      }
      if (rng_.Chance(0.5)) {
        r["notes"] = rng_.Pick(std::vector<std::string>{"plain", "with, comma", "with \"quotes\"",
                                                        "two\nlines", "semi;colon", " padded "});
      }
      persons.push_back(std::move(r));
    }
    Emit("persons", persons, {"assisted_on", "notes", "consent", "closed_on"});

    const v1::Table& st = SchemaTable("services");
    const v1::Field& provided_f = *FindField(st, "provided_on");
    const v1::Field& cost_f = *FindField(st, "cost");
    const int m = rng_.Chance(0.1) ? 0 : rng_.Int(1, 40);
    std::vector<std::map<std::string, std::string>> services;
    for (int i = 0; i < m; ++i) {
      std::map<std::string, std::string> r;
      r["service_id"] = "S" + std::to_string(i + 1);
      if (n > 0 && !rng_.Chance(0.05)) {
        const auto& parent = persons[static_cast<size_t>(rng_.Int(0, n - 1))];
        r["case_id"] = parent.at("record_id");
        if (services_have_person_) {
          auto it = parent.find("person_id");
          if (it != parent.end()) r["person_id"] = it->second;
        }
      } else {
        r["case_id"] = "R999";
        if (services_have_person_ && rng_.Chance(0.5)) r["person_id"] = "P999";
      }
      r["provided_on"] = DateCell(RandomDay(), provided_f, 0.06, 0.03);
      r["service_type"] =
          CodeCell({"Medical", "Legal", "Shelter", "Psychosocial"}, 0.08, {"Food", "medical"});
      r["cost"] = DoubleCell(800, cost_f, 0.1);
      r["district"] = CodeCell(districts, 0.1, {"D0"});
      services.push_back(std::move(r));
    }
    Emit("services", services, {"district"});

    // Population: rows per year, gender and (sometimes) age.
    std::vector<std::map<std::string, std::string>> population;
    const int first_year = start_.year() - 1;
    const int last_year = std::max(last_.year(), as_of_.year()) + 1;
    const int dropped = rng_.Chance(0.08) ? rng_.Int(first_year + 1, last_year - 1) : -1;
    for (int y = first_year; y <= last_year; ++y) {
      if (y == dropped) continue;
      const bool by_age = rng_.Chance(0.5);
      for (const std::string g : {"Feminine", "Masculine", "Other", "", "F"}) {
        if (!rng_.Chance(g.empty() || g == "F" ? 0.15 : 0.85)) continue;
        std::vector<std::string> ages = {""};
        if (by_age) ages = {"5", "12", "17", "20", "30", "45", "65"};
        for (const std::string& a : ages) {
          if (by_age && rng_.Chance(0.2)) continue;
          std::map<std::string, std::string> r;
          r["year"] = rng_.Chance(0.02) ? "" : std::to_string(y);
          r["prs_Gender"] = g;
          r["age"] = a;
          const int k = rng_.Int(0, 99);
          r["population"] = k < 4 ? "" : k < 7 ? "0" : DecimalText(rng_.Int(1, 40000) * 0.5, '.');
          population.push_back(std::move(r));
        }
      }
    }
    Emit("population", population, {});
  }

  // --- Framework ---------------------------------------------------------

  void Placement(const TableInfo& t, bool allow_stock, v1::Placement* pl, bool* stock,
                 bool* birth_ok) {
    const int k = rng_.Int(0, 99);
    *stock = false;
    if (allow_stock && t.stock && k < 35) {
      *stock = true;
      pl->set_kind(k < 15 ? v1::STOCK_AT_END : v1::STOCK_DURING);
      pl->set_opened("opened_on");
      if (!rng_.Chance(0.1)) pl->set_closed("closed_on");
    } else {
      pl->set_by(rng_.Pick(t.dates));
      if (rng_.Chance(0.1)) pl->set_kind(v1::FLOW);
      if (rng_.Chance(0.3)) {
        if (rng_.Chance(0.6)) {
          pl->mutable_window()->set_days(rng_.Pick(std::vector<int>{0, 1, 7, 30, 90, 365}));
        } else {
          pl->mutable_window()->set_months(rng_.Pick(std::vector<int>{1, 3, 6, 12}));
        }
      }
    }
    *birth_ok = !*stock;
  }

  // A random aggregate function over `t` into `a`; `numeric_only` limits it
  // to the functions a year-placed side supports.
  void Function(const TableInfo& t, v1::Aggregate* a) {
    a->set_table(t.name);
    const int k = rng_.Int(0, 99);
    if (k < 30) {
      a->set_count(true);
    } else if (k < 50) {
      a->set_count_distinct(rng_.Pick(t.distinct));
    } else if (k < 65) {
      a->set_sum(rng_.Pick(t.numeric));
    } else if (k < 80) {
      a->set_mean(rng_.Pick(t.numeric));
    } else if (k < 90) {
      a->set_median(rng_.Pick(t.numeric));
    } else if (k < 95) {
      a->set_min(rng_.Pick(t.numeric));
    } else {
      a->set_max(rng_.Pick(t.numeric));
    }
  }

  void BuildFramework() {
    v1::Framework& fw = out_.framework;
    v1::Project* p = fw.mutable_project();
    p->set_id("PROP");
    p->set_title("property project");
    p->set_start_date(start_.ToIsoString());
    p->set_end_date(last_.ToIsoString());
    const int fiscal = rng_.Pick(std::vector<int>{4, 7, 10});
    p->set_fiscal_year_start_month(fiscal);
    if (options_.filters && rng_.Chance(0.3)) p->set_population_filter(PopulationFilter());
    const int count = rng_.Int(1, 3);
    for (int i = 0; i < count; ++i) Indicator(i, fw.add_indicators());
  }

  void Indicator(int i, v1::Indicator* ind) {
    ind->set_id("I" + std::to_string(i + 1));
    ind->set_title("indicator " + std::to_string(i + 1));
    v1::Placement* pl = ind->mutable_period();
    pl->set_every(rng_.Pick(std::vector<v1::PeriodType>{
        v1::MONTHLY, v1::QUARTERLY, v1::QUARTERLY, v1::SIX_MONTHLY, v1::YEARLY,
        v1::FINANCIAL_YEAR, v1::FINANCIAL_QUARTER, v1::FINANCIAL_QUARTER}));
    const TableInfo& num_t = rng_.Chance(0.75) ? infos_[0] : infos_[1];
    const TableInfo& other_t = num_t.name == "persons" ? infos_[1] : infos_[0];
    bool stock = false, birth_ok = true;
    Placement(num_t, true, pl, &stock, &birth_ok);
    v1::Measure* m = ind->mutable_measure();
    if (rng_.Chance(0.65)) {
      Function(num_t, m->mutable_value());
      if (options_.filters && rng_.Chance(0.3)) m->mutable_value()->set_where(Filter(num_t));
    } else {
      v1::Ratio* r = m->mutable_ratio();
      Function(num_t, r->mutable_numerator());
      v1::Aggregate* den = r->mutable_denominator();
      const int k = rng_.Int(0, 99);
      if (k < 30) {
        // Same table, same placement.
        Function(num_t, den);
      } else if (k < 60) {
        den->set_table("population");
        const int f = rng_.Int(0, 9);
        if (f < 8) den->set_sum("population");
        else if (f < 9) den->set_mean("population");
        else den->set_count(true);
        den->mutable_period()->set_year_field("year");
      } else if (k < 85) {
        // The other table, with its own placement.
        Function(other_t, den);
        bool den_stock = false, den_birth = true;
        Placement(other_t, birth_ok, den->mutable_period(), &den_stock, &den_birth);
        den->mutable_period()->set_every(pl->every());
      } else {
        // The same table, placed by its own (flow) date.
        Function(num_t, den);
        bool den_stock = false, den_birth = true;
        Placement(num_t, false, den->mutable_period(), &den_stock, &den_birth);
      }
      const int f = rng_.Int(0, 9);
      if (f < 5) r->set_factor(100);
      else if (f < 7) r->set_factor(rng_.Pick(std::vector<double>{1000, 100000, 2.5}));
      if (options_.filters && rng_.Chance(0.3)) r->mutable_numerator()->set_where(Filter(num_t));
      if (options_.filters && rng_.Chance(0.2) && den->table() == num_t.name) {
        den->set_where(Filter(num_t));
      }
    }
    if (options_.filters && rng_.Chance(0.3) && !m->has_ratio()) ind->set_where(Filter(num_t));
    if (pl->kind() != v1::STOCK_AT_END && rng_.Chance(0.4)) ind->set_cumulation(v1::CUMULATIVE);
    if (rng_.Chance(0.2)) ind->set_life_of_project(v1::LATEST);
    if (rng_.Chance(0.12)) {
      m->set_relative_change(true);
      ind->mutable_baseline()->set_value(rng_.Pick(std::vector<double>{0, 1, 2.5, 10, 40}));
    } else if (rng_.Chance(0.1)) {
      ind->mutable_baseline()->set_value(3);
    }
    if (rng_.Chance(0.1)) ind->mutable_disclosure()->set_non_sensitive(true);

    std::vector<std::string> dims;
    for (const std::string& d : num_t.dims) {
      if (d == "age_band" && !birth_ok) continue;
      dims.push_back(d);
    }
    const int k = rng_.Int(0, 99);
    const int breakdowns = k < 20 ? 0 : k < 60 ? 1 : k < 85 ? 2 : 3;
    for (int b = 0; b < breakdowns; ++b) {
      v1::Breakdown* br = ind->add_disaggregate_by();
      const int kind = rng_.Int(0, 99);
      const int size = kind < 70 ? 1 : kind < 95 ? 2 : 3;
      std::vector<std::string> pool = dims;
      rng_.Shuffle(&pool);
      for (int d = 0; d < size && d < static_cast<int>(pool.size()); ++d) br->add_dimensions(pool[d]);
    }
    // Declared values (a subset, in a random order) on some one-dimension
    // breakdowns whose dimension the indicator uses nowhere else.
    for (int b = 0; b < ind->disaggregate_by_size(); ++b) {
      v1::Breakdown* br = ind->mutable_disaggregate_by(b);
      if (br->dimensions_size() != 1 || !rng_.Chance(0.3)) continue;
      std::vector<std::string> values = DeclarableValues(br->dimensions(0));
      if (values.empty()) continue;
      int uses = 0;
      for (const v1::Breakdown& other : ind->disaggregate_by()) {
        for (const std::string& d : other.dimensions()) uses += d == br->dimensions(0);
      }
      if (uses != 1) continue;
      rng_.Shuffle(&values);
      values.resize(static_cast<size_t>(rng_.Int(1, static_cast<int>(values.size()))));
      for (const std::string& v : values) br->add_values(v);
    }
  }

  // The values of dimensions whose values are codes or group names.
  std::vector<std::string> DeclarableValues(const std::string& id) const {
    auto codes = [&](const std::string& list) {
      std::vector<std::string> out;
      for (const v1::CodeList& l : out_.schema.code_lists()) {
        if (l.id() != list) continue;
        for (const v1::Code& c : l.codes()) out.push_back(c.value());
      }
      return out;
    };
    if (id == "prs_Gender") return codes("gender");
    if (id == "exploitation") return codes("forms");
    if (id == "district") return codes("place");
    if (id == "service_type") return codes("service_type");
    if (id == "province") return {"PA", "PB", "PC"};
    if (id == "country") return {"X", "Y"};
    if (id == "district_level") return {"D1", "D2", "D3", "D4"};
    for (const auto* dims : {&out_.schema.dimensions(), &out_.framework.dimensions()}) {
      for (const v1::Dimension& d : *dims) {
        if (d.id() != id || !d.has_grouping()) continue;
        std::vector<std::string> out;
        for (const v1::CodeGroup& g : d.grouping().groups()) out.push_back(g.value());
        return out;
      }
    }
    return {};
  }

  // --- Filters (formula subset) -----------------------------------------

  std::string Comparison(const TableInfo& t) {
    auto date_lit = [&]() { return "date(\"" + RandomDay().ToIsoString() + "\")"; };
    const std::vector<std::string> ops = {"=", "!=", "<", "<=", ">", ">=", "==", "<>"};
    if (t.name == "persons") {
      switch (rng_.Int(0, 10)) {
        case 0: return "prs_Gender " + rng_.Pick(std::vector<std::string>{"=", "!="}) + " \"" +
                       rng_.Pick(std::vector<std::string>{"Feminine", "Masculine", "Other"}) + "\"";
        case 1: return "prs_Gender in [\"Feminine\", \"Other\"]";
        case 2: return "district not in [\"D1\", \"PA\"]";
        case 3: return "age " + rng_.Pick(ops) + " " + std::to_string(rng_.Int(0, 60));
        case 4: return "is_missing(" + rng_.Pick(std::vector<std::string>{"age", "closed_on", "prs_Gender",
                                                                          "exploitation"}) + ")";
        case 5: return "days_between(identified_on, assisted_on) " + rng_.Pick(ops) + " " +
                       std::to_string(rng_.Int(0, 40));
        case 6: return "has(exploitation, \"" +
                       rng_.Pick(std::vector<std::string>{"ForcedLabour", "SexualExploitation"}) + "\")";
        case 7: return "identified_on " + rng_.Pick(ops) + " " + date_lit();
        case 8: return "amount " + rng_.Pick(ops) + " " + DecimalText(rng_.Int(0, 400) * 0.5, '.');
        case 9: return "consent = " + std::string(rng_.Chance(0.5) ? "true" : "false");
        default: return "days_to_service in [0, 7, 30]";
      }
    }
    switch (rng_.Int(0, 4)) {
      case 0: return "service_type = \"" + rng_.Pick(std::vector<std::string>{"Medical", "Legal"}) + "\"";
      case 1: return "cost " + rng_.Pick(ops) + " " + std::to_string(rng_.Int(0, 200));
      case 2: return "is_missing(district)";
      case 3: return "provided_on " + rng_.Pick(ops) + " " + date_lit();
      default: return "has(district, \"D2\")";
    }
  }

  std::string Filter(const TableInfo& t, int depth = 0) {
    const int k = rng_.Int(0, 9);
    if (depth >= 2 || k < 5) return Comparison(t);
    if (k < 7) return "(" + Filter(t, depth + 1) + ") and (" + Filter(t, depth + 1) + ")";
    if (k < 9) return Filter(t, depth + 1) + " or " + Filter(t, depth + 1);
    return "not (" + Filter(t, depth + 1) + ")";
  }

  std::string PopulationFilter() {
    return rng_.Pick(std::vector<std::string>{"consent = true", "not (consent = false)",
                                              "is_missing(consent) or consent = true"});
  }

  Rng rng_;
  GeneratorOptions options_;
  GeneratedCase out_;
  Date start_, last_, as_of_;
  std::vector<Date> months_, special_;
  std::vector<TableInfo> infos_;
  bool services_have_person_ = false;
};

}  // namespace

GeneratedCase Generate(uint64_t seed, const GeneratorOptions& options) {
  return Generator(seed, options).Run();
}

std::string ToCsv(const TableRows& t) {
  const std::string eol = t.crlf ? "\r\n" : "\n";
  auto cell = [&](const std::string& s) {
    bool quote = s.empty() ? false : (s.front() == ' ' || s.back() == ' ');
    for (char c : s) {
      if (c == t.delimiter || c == '"' || c == '\n' || c == '\r') quote = true;
    }
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  std::string out = t.bom ? "\xEF\xBB\xBF" : "";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += t.delimiter;
    out += cell(t.columns[i]);
  }
  out += eol;
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += t.delimiter;
      out += cell(row[i]);
    }
    out += eol;
  }
  return out;
}

}  // namespace property
}  // namespace ctind
