// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The generator's random numbers: xoshiro256** seeded through SplitMix64,
// and the few distributions the generator draws from, written with integer
// arithmetic and IEEE 754 basic operations only (+ - * / and sqrt, which
// are exactly rounded) in a fixed order. The standard library's
// distributions and std::log / std::pow are not used: their results are
// implementation-defined, and the same seed must give the same bytes on
// every machine. The library is compiled with -ffp-contract=off so that no
// compiler fuses a multiply and an add (tools/generate/CMakeLists.txt).
//
// Thread safety: an Rng is a value; distinct Rngs may be used from
// distinct threads.

#ifndef CTIND_TOOLS_GENERATE_RANDOM_H_
#define CTIND_TOOLS_GENERATE_RANDOM_H_

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace ctind {
namespace generate {

// SplitMix64's output function: a bijective mix of 64 bits.
constexpr uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Natural logarithm of x > 0 from basic operations only: x = m * 2^e with
// m in [sqrt(1/2), sqrt(2)), then ln(m) = 2 atanh(s), s = (m - 1) / (m + 1),
// by its series (|s| < 0.172, so 12 terms give full double precision).
// Deterministic, not correctly rounded (within a few ulps).
inline double DeterministicLog(double x) {
  int e = 0;
  double m = std::frexp(x, &e);  // exact: x = m * 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752) {
    m *= 2;  // exact
    --e;
  }
  const double s = (m - 1) / (m + 1);
  const double s2 = s * s;
  double sum = 0;
  for (int k = 23; k >= 1; k -= 2) sum = sum * s2 + 1.0 / k;
  return 2 * s * sum + e * 0.69314718055994531;
}

// A stream of random numbers named by (seed, stream, index): every record
// group of the generator (a person with its cases, a training with its
// participants, ...) draws from its own stream, so that it can be drawn
// again, alone and in any order, with the same result. Callers draw at
// most once per expression (the order in which operands and arguments are
// evaluated is unspecified in C++), except where `&&`, `||` or `?:`
// sequence the draws.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream, uint64_t index) {
    uint64_t z = Mix64(seed + 0x9E3779B97F4A7C15ULL) ^ Mix64(stream * 0xD1B54A32D192ED03ULL + 1) ^
                 Mix64(index + 0x632BE59BD9B4E019ULL);
    for (uint64_t& word : state_) {
      z += 0x9E3779B97F4A7C15ULL;
      word = Mix64(z);
    }
  }

  // xoshiro256** (Blackman and Vigna): 64 uniform bits.
  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n), n >= 1 (Lemire's multiply-shift on 32 bits; a bias
  // below 2^-32 n does not matter here).
  uint32_t Below(uint32_t n) {
    return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }
  // Uniform in [lo, hi], lo <= hi.
  int32_t Between(int32_t lo, int32_t hi) {
    return lo + static_cast<int32_t>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // True with probability p.
  bool Chance(double p) { return Uniform() < p; }
  // Exponential with mean `mean`, rounded down to an integer.
  int32_t Exponential(double mean) {
    return static_cast<int32_t>(-mean * DeterministicLog(1.0 - Uniform()));
  }
  // Roughly normal (Irwin-Hall of 4 uniforms): mean `mean`, standard
  // deviation `sd`, never beyond mean +- 3.46 sd.
  double Bell(double mean, double sd) {
    // One draw per statement: the order in which the operands of `+` are
    // evaluated is unspecified, and floating-point addition is not
    // associative.
    double sum = Uniform();
    sum += Uniform();
    sum += Uniform();
    sum += Uniform();
    return mean + (sum - 2.0) * 1.7320508075688772 * sd;
  }

 private:
  static constexpr uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

// A value with an integer weight; picks are proportional to the weights.
template <typename T>
struct Weighted {
  T value;
  uint32_t weight;
};

// One value of `choices` (n >= 1, total weight >= 1) by weight.
template <typename T, size_t N>
const T& Pick(Rng& rng, const Weighted<T> (&choices)[N]) {
  uint32_t total = 0;
  for (const Weighted<T>& c : choices) total += c.weight;
  uint32_t r = rng.Below(total);
  for (const Weighted<T>& c : choices) {
    if (r < c.weight) return c.value;
    r -= c.weight;
  }
  return choices[N - 1].value;
}

}  // namespace generate
}  // namespace ctind

#endif  // CTIND_TOOLS_GENERATE_RANDOM_H_
