// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Rounding of published counts (SEMANTICS.md, "Disclosure control"), applied
// after suppression: conventional rounding to base 5, or unbiased random
// rounding to base 3 keyed by a secret publisher key, so that a cell's
// rounding is a deterministic function of the key and the cell's identity.

#ifndef CTIND_DISCLOSURE_ROUNDING_H_
#define CTIND_DISCLOSURE_ROUNDING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "disclosure/keyed_hash.h"

namespace ctind {
namespace internal {

// The nearest multiple of 5 to a count `x` ≥ 0; the half-way point rounds
// up (x = 5q + r goes up when r ≥ 2.5, i.e. r ≥ 3 for whole counts).
int64_t RoundToBase5(int64_t x);

// Random rounding to base 3, keyed. For x = 3q + r (x ≥ 0, r in {0, 1, 2})
// the result is 3q + 3 with probability r / 3 and 3q otherwise, so the
// expected result is x; multiples of 3 (0 included) are unchanged. The
// "random" draw is SipHash-2-4 of the figure's identity under the key, so
// the same key and identity always round the same way and, without the
// key, the draws cannot be predicted.
class KeyedRandomRounding {
 public:
  // The smallest accepted secret: shorter keys could be guessed, and a
  // guessed key undoes the rounding.
  static constexpr size_t kMinKeyBytes = 16;

  // InvalidArgument when `secret` is shorter than kMinKeyBytes. The
  // secret is stretched to a 128-bit SipHash key (any length is used in
  // full).
  static absl::StatusOr<KeyedRandomRounding> Create(std::string_view secret);

  // The rounded value of count `x` ≥ 0 whose identity is `identity` (see
  // FigureIdentity in publish.cc: indicator, period, scope, breakdown,
  // coordinates and which figure).
  int64_t Round(int64_t x, std::string_view identity) const;

 private:
  explicit KeyedRandomRounding(SipKey key) : key_(key) {}
  SipKey key_;
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_ROUNDING_H_
