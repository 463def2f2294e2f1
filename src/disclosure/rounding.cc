// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "disclosure/rounding.h"

#include <array>

#include "absl/strings/str_cat.h"

namespace ctind {
namespace internal {
namespace {

// Fixed, public keys used only to stretch the publisher's secret into a
// SipHash key: the two halves are the secret's SipHash under each.
constexpr SipKey kStretchLow{0x6374696e642d6b30ULL, 0x726f756e64696e67ULL};   // "ctind-k0" "rounding"
constexpr SipKey kStretchHigh{0x6374696e642d6b31ULL, 0x726f756e64696e67ULL};  // "ctind-k1" "rounding"

}  // namespace

int64_t RoundToBase5(int64_t x) {
  const int64_t q = x / 5, r = x % 5;
  return r >= 3 ? 5 * (q + 1) : 5 * q;
}

absl::StatusOr<KeyedRandomRounding> KeyedRandomRounding::Create(std::string_view secret) {
  if (secret.size() < kMinKeyBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the publisher key for random rounding has ", secret.size(), " bytes; it needs at least ",
        kMinKeyBytes, " (use a random secret kept by the publisher, never stored in the framework)"));
  }
  SipKey key;
  key.k0 = SipHash24(kStretchLow, secret);
  key.k1 = SipHash24(kStretchHigh, secret);
  return KeyedRandomRounding(key);
}

int64_t KeyedRandomRounding::Round(int64_t x, std::string_view identity) const {
  const int64_t q = x / 3, r = x % 3;
  if (r == 0) return x;
  // A draw uniform over {0, 1, 2} (2^64 mod 3 = 1, so the bias is below
  // 2^-63): up when it is below r, which happens with probability r / 3.
  const uint64_t draw = SipHash24(key_, identity) % 3;
  return draw < static_cast<uint64_t>(r) ? 3 * (q + 1) : 3 * q;
}

}  // namespace internal
}  // namespace ctind
