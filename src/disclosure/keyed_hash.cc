// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "disclosure/keyed_hash.h"

#include <cstddef>

namespace ctind {
namespace internal {
namespace {

uint64_t RotateLeft(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

// Eight bytes from `p` as a little-endian word, whatever the host order.
uint64_t LittleEndianWord(const unsigned char* p, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= static_cast<uint64_t>(p[i]) << (8 * i);
  return w;
}

struct SipState {
  uint64_t v0, v1, v2, v3;

  void Round() {
    v0 += v1;
    v1 = RotateLeft(v1, 13);
    v1 ^= v0;
    v0 = RotateLeft(v0, 32);
    v2 += v3;
    v3 = RotateLeft(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = RotateLeft(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = RotateLeft(v1, 17);
    v1 ^= v2;
    v2 = RotateLeft(v2, 32);
  }

  // Compression of one message word: c = 2 rounds.
  void Compress(uint64_t m) {
    v3 ^= m;
    Round();
    Round();
    v0 ^= m;
  }
};

}  // namespace

SipKey SipKey::FromBytes(const std::array<uint8_t, 16>& bytes) {
  SipKey key;
  key.k0 = LittleEndianWord(bytes.data(), 8);
  key.k1 = LittleEndianWord(bytes.data() + 8, 8);
  return key;
}

uint64_t SipHash24(const SipKey& key, std::string_view message) {
  // Initialisation: the key xored with the ASCII of "somepseudorandomlygeneratedbytes".
  SipState s{key.k0 ^ 0x736f6d6570736575ULL, key.k1 ^ 0x646f72616e646f6dULL,
             key.k0 ^ 0x6c7967656e657261ULL, key.k1 ^ 0x7465646279746573ULL};
  const auto* bytes = reinterpret_cast<const unsigned char*>(message.data());
  const size_t n = message.size();
  const size_t whole = n - n % 8;
  for (size_t i = 0; i < whole; i += 8) s.Compress(LittleEndianWord(bytes + i, 8));
  // The last word: the remaining bytes, and the length modulo 256 in the
  // most significant byte.
  const uint64_t last = LittleEndianWord(bytes + whole, n % 8) | (static_cast<uint64_t>(n & 0xff) << 56);
  s.Compress(last);
  // Finalisation: d = 4 rounds.
  s.v2 ^= 0xff;
  for (int i = 0; i < 4; ++i) s.Round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace internal
}  // namespace ctind
