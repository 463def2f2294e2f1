// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ingest/value_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "ctind/date.h"

namespace ctind {
namespace internal {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

constexpr size_t kMaxShownValueBytes = 60;

}  // namespace

absl::StatusOr<ValueParser> ValueParser::Create(const v1::Field& field,
                                                const v1::CodeList* code_list,
                                                const FieldEncoding& encoding) {
  ValueParser p;
  p.field_ = &field;
  p.reveal_values_ = field.role() != v1::IDENTIFIER && field.role() != v1::PERSONAL_TEXT;
  const v1::InputFormat& format = encoding.format;
  if (!format.date_format().empty() && format.date_format() != "%Y-%m-%d") {
    p.date_format_ = format.date_format();
  }
  if (!format.decimal_separator().empty()) p.decimal_separator_ = format.decimal_separator()[0];
  if (!format.multi_value_separator().empty()) p.multi_separator_ = format.multi_value_separator();
  p.true_values_.assign(format.true_values().begin(), format.true_values().end());
  p.false_values_.assign(format.false_values().begin(), format.false_values().end());
  if (p.true_values_.empty()) p.true_values_ = {"true"};
  if (p.false_values_.empty()) p.false_values_ = {"false"};
  for (const std::string& m : format.missing_values()) p.missing_values_.insert(m);
  if (!field.min_date().empty()) {
    if (auto d = Date::ParseIso(field.min_date())) p.min_day_ = d->day_number();
  }
  if (!field.max_date().empty()) {
    if (auto d = Date::ParseIso(field.max_date())) p.max_day_ = d->day_number();
  }
  if (field.type() == v1::CATEGORY) {
    if (code_list == nullptr) {
      return absl::InternalError(absl::StrCat("field '", field.name(), "' has no code list"));
    }
    for (int i = 0; i < code_list->codes_size(); ++i) {
      p.codes_.emplace(code_list->codes(i).value(), i);
      for (const std::string& alias : code_list->codes(i).aliases()) p.codes_.emplace(alias, i);
    }
    // Targets are looked up among the list's own spellings before any
    // recoding is added, so recodings that swap two codes work.
    std::vector<std::pair<std::string_view, CodeIndex>> recoded;
    for (const auto& [value, code] : encoding.recodings) {
      auto it = p.codes_.find(code);
      if (it == p.codes_.end()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "field '", field.name(), "': ", Quoted(code), " is not a code of list '",
            field.code_list(), "'"));
      }
      recoded.emplace_back(value, it->second);
    }
    for (const auto& [value, index] : recoded) p.codes_[std::string(value)] = index;
  } else if (!encoding.recodings.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("field '", field.name(), "': only CATEGORY fields have recoded values"));
  }
  return p;
}

std::string ValueParser::Shown(std::string_view text) const {
  if (!reveal_values_) return "the value";
  if (text.size() > kMaxShownValueBytes) {
    size_t cut = kMaxShownValueBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return absl::StrCat("'", Sv(text.substr(0, cut)), "…'");
  }
  return Quoted(text);
}

bool ValueParser::ParseInt64(std::string_view text, int64_t* out, std::string* why) const {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
  if (ec == std::errc::result_out_of_range) {
    *why = absl::StrCat(Shown(text), " is out of the range of a 64-bit integer");
    return false;
  }
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
    *why = absl::StrCat(Shown(text), " is not an integer");
    return false;
  }
  return true;
}

bool ValueParser::ParseDouble(std::string_view text, double* out, std::string* why) const {
  std::string buffer;
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (decimal_separator_ == ',') {
    if (digits.find('.') != std::string_view::npos) {
      *why = absl::StrCat(Shown(text), " is not a number with decimal comma");
      return false;
    }
    buffer.assign(digits.data(), digits.size());
    std::replace(buffer.begin(), buffer.end(), ',', '.');
    digits = buffer;
  }
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *out,
                                         std::chars_format::general);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
      !std::isfinite(*out)) {
    *why = absl::StrCat(Shown(text), " is not a number");
    return false;
  }
  return true;
}

bool ValueParser::ParseDate(std::string_view text, int32_t* out, std::string* why) const {
  std::optional<Date> date;
  if (date_format_.empty()) {
    date = Date::ParseIso(text);
  } else {
    int32_t y = -1, m = -1, d = -1;
    size_t at = 0;
    bool ok = true;
    for (size_t i = 0; i < date_format_.size() && ok; ++i) {
      const char c = date_format_[i];
      if (c == '%' && i + 1 < date_format_.size()) {
        const char spec = date_format_[++i];
        const size_t width = spec == 'Y' ? 4 : 2;
        int32_t v = 0;
        for (size_t k = 0; k < width; ++k, ++at) {
          if (at >= text.size() || text[at] < '0' || text[at] > '9') {
            ok = false;
            break;
          }
          v = v * 10 + (text[at] - '0');
        }
        (spec == 'Y' ? y : spec == 'm' ? m : d) = v;
      } else {
        ok = at < text.size() && text[at] == c;
        ++at;
      }
    }
    if (ok && at == text.size()) date = Date::FromYmd(y, m, d);
  }
  if (!date) {
    *why = absl::StrCat(Shown(text), " is not a valid date (",
                        date_format_.empty() ? "YYYY-MM-DD" : date_format_, ")");
    return false;
  }
  *out = date->day_number();
  return true;
}

void ValueParser::AppendMissing(Column* column) const {
  column->states.push_back(ValueState::kMissing);
  switch (column->type) {
    case v1::INT64: column->int64s.push_back(0); break;
    case v1::DOUBLE: column->doubles.push_back(0); break;
    case v1::CATEGORY:
      if (column->multi_valued) {
        if (column->offsets.empty()) column->offsets.push_back(0);
        column->offsets.push_back(static_cast<uint32_t>(column->multi_codes.size()));
      } else {
        column->int32s.push_back(-1);
      }
      break;
    default: column->int32s.push_back(-1); break;
  }
}

bool ValueParser::AppendInt64(int64_t value, Column* column, std::string* why) const {
  const bool valid = !((field_->has_min() && static_cast<double>(value) < field_->min()) ||
                       (field_->has_max() && static_cast<double>(value) > field_->max()));
  if (!valid) *why = absl::StrCat(Shown(absl::StrCat(value)), " is outside the field's range");
  column->int64s.push_back(valid ? value : 0);
  column->states.push_back(valid ? ValueState::kPresent : ValueState::kInvalid);
  return valid;
}

bool ValueParser::AppendDouble(double value, Column* column, std::string* why) const {
  bool valid = std::isfinite(value);
  if (!valid) {
    *why = absl::StrCat(reveal_values_ ? absl::StrCat(value) : "the value", " is not a finite number");
  } else if ((field_->has_min() && value < field_->min()) ||
             (field_->has_max() && value > field_->max())) {
    *why = absl::StrCat(Shown(absl::StrCat(value)), " is outside the field's range");
    valid = false;
  }
  column->doubles.push_back(valid ? value : 0);
  column->states.push_back(valid ? ValueState::kPresent : ValueState::kInvalid);
  return valid;
}

bool ValueParser::AppendBool(uint8_t value, Column* column, std::string* why) const {
  const bool valid = value <= 1;
  if (!valid) *why = absl::StrCat("byte ", value, " is not a boolean (0 false / 1 true)");
  column->int32s.push_back(valid ? value : -1);
  column->states.push_back(valid ? ValueState::kPresent : ValueState::kInvalid);
  return valid;
}

bool ValueParser::AppendDay(int32_t days, Column* column, std::string* why) const {
  static const int32_t kFirstDay = Date::FromYmd(Date::kMinYear, 1, 1)->day_number();
  static const int32_t kLastDay = Date::FromYmd(Date::kMaxYear, 12, 31)->day_number();
  bool valid = days >= kFirstDay && days <= kLastDay;
  if (!valid) {
    *why = absl::StrCat(reveal_values_ ? absl::StrCat("day number ", days) : "the value",
                        " is not a date from 0001-01-01 to 9999-12-31");
  } else if ((min_day_ && days < *min_day_) || (max_day_ && days > *max_day_)) {
    *why = absl::StrCat(Shown(Date::FromDayNumber(days).ToIsoString()),
                        " is outside the field's date range");
    valid = false;
  }
  column->int32s.push_back(valid ? days : -1);
  column->states.push_back(valid ? ValueState::kPresent : ValueState::kInvalid);
  return valid;
}

bool ValueParser::Append(std::string_view text, Column* column, std::string* why) {
  if (text.empty() || (!missing_values_.empty() && missing_values_.contains(Sv(text)))) {
    AppendMissing(column);
    return true;
  }
  bool valid = true;
  switch (column->type) {
    case v1::INT64: {
      int64_t v = 0;
      valid = ParseInt64(text, &v, why);
      if (valid && ((field_->has_min() && static_cast<double>(v) < field_->min()) ||
                    (field_->has_max() && static_cast<double>(v) > field_->max()))) {
        *why = absl::StrCat(Shown(text), " is outside the field's range");
        valid = false;
      }
      column->int64s.push_back(valid ? v : 0);
      break;
    }
    case v1::DOUBLE: {
      double v = 0;
      valid = ParseDouble(text, &v, why);
      if (valid && ((field_->has_min() && v < field_->min()) ||
                    (field_->has_max() && v > field_->max()))) {
        *why = absl::StrCat(Shown(text), " is outside the field's range");
        valid = false;
      }
      column->doubles.push_back(valid ? v : 0);
      break;
    }
    case v1::BOOL: {
      int32_t v = -1;
      if (std::find(true_values_.begin(), true_values_.end(), text) != true_values_.end()) v = 1;
      if (std::find(false_values_.begin(), false_values_.end(), text) != false_values_.end()) v = 0;
      valid = v >= 0;
      if (!valid) {
        *why = absl::StrCat(Shown(text), " is not a boolean (",
                            true_values_.front(), " / ", false_values_.front(), ")");
      }
      column->int32s.push_back(v);
      break;
    }
    case v1::DATE: {
      int32_t v = -1;
      valid = ParseDate(text, &v, why);
      if (valid && ((min_day_ && v < *min_day_) || (max_day_ && v > *max_day_))) {
        *why = absl::StrCat(Shown(text), " is outside the field's date range");
        valid = false;
      }
      column->int32s.push_back(valid ? v : -1);
      break;
    }
    case v1::STRING: {
      // Look up before inserting, so a value seen before costs no string.
      auto it = interned_.find(Sv(text));
      if (it == interned_.end()) {
        it = interned_.emplace(std::string(text), static_cast<int32_t>(column->dictionary.size())).first;
        column->dictionary.emplace_back(text);
      }
      column->int32s.push_back(it->second);
      break;
    }
    case v1::CATEGORY: {
      if (!column->multi_valued) {
        auto it = codes_.find(Sv(text));
        valid = it != codes_.end();
        if (!valid) {
          *why = absl::StrCat(Shown(text), " is not a code of list '", field_->code_list(), "'");
        }
        column->int32s.push_back(valid ? it->second : -1);
        break;
      }
      // Multi-valued: keep the valid codes; the value is invalid only when
      // none is valid, but any unknown item is reported.
      scratch_codes_.clear();
      std::string_view rest = text;
      bool any_item = false;
      std::string first_bad;
      while (true) {
        const size_t cut = rest.find(multi_separator_);
        const std::string_view item = TrimSpaces(rest.substr(0, cut));
        if (!item.empty()) {
          any_item = true;
          auto it = codes_.find(Sv(item));
          if (it != codes_.end()) {
            scratch_codes_.push_back(it->second);
          } else if (first_bad.empty()) {
            first_bad = std::string(item);
          }
        }
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + multi_separator_.size());
      }
      std::sort(scratch_codes_.begin(), scratch_codes_.end());
      scratch_codes_.erase(std::unique(scratch_codes_.begin(), scratch_codes_.end()),
                           scratch_codes_.end());
      if (column->offsets.empty()) column->offsets.push_back(0);
      column->multi_codes.insert(column->multi_codes.end(), scratch_codes_.begin(),
                                 scratch_codes_.end());
      column->offsets.push_back(static_cast<uint32_t>(column->multi_codes.size()));
      if (!any_item) {
        column->states.push_back(ValueState::kMissing);
        return true;
      }
      if (!first_bad.empty()) {
        *why = absl::StrCat(Shown(first_bad), " is not a code of list '",
                            field_->code_list(), "'");
        column->states.push_back(scratch_codes_.empty() ? ValueState::kInvalid
                                                        : ValueState::kPresent);
        return false;
      }
      column->states.push_back(ValueState::kPresent);
      return true;
    }
    default:
      valid = false;
      *why = "field has no type";
      column->int32s.push_back(-1);
      break;
  }
  column->states.push_back(valid ? ValueState::kPresent : ValueState::kInvalid);
  return valid;
}

}  // namespace internal
}  // namespace ctind
