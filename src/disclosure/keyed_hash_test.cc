// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// SipHash-2-4 against the test vectors of its specification (Aumasson and
// Bernstein, 2012): key 00 01 … 0f, messages 00 01 … (n − 1).

#include "disclosure/keyed_hash.h"

#include <string>

#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

SipKey SpecKey() {
  std::array<uint8_t, 16> bytes;
  for (int i = 0; i < 16; ++i) bytes[i] = static_cast<uint8_t>(i);
  return SipKey::FromBytes(bytes);
}

std::string SpecMessage(int n) {
  std::string m;
  for (int i = 0; i < n; ++i) m.push_back(static_cast<char>(i));
  return m;
}

TEST(SipHash24Test, SpecificationVectors) {
  // Appendix A of the paper: the 15-byte message.
  EXPECT_EQ(SipHash24(SpecKey(), SpecMessage(15)), 0xa129ca6149be45e5ULL);
  // The reference implementation's first vector: the empty message.
  EXPECT_EQ(SipHash24(SpecKey(), SpecMessage(0)), 0x726fdb47dd0e0e31ULL);
}

TEST(SipHash24Test, KeyWordsAreLittleEndian) {
  const SipKey key = SpecKey();
  EXPECT_EQ(key.k0, 0x0706050403020100ULL);
  EXPECT_EQ(key.k1, 0x0f0e0d0c0b0a0908ULL);
}

TEST(SipHash24Test, EveryByteAndTheLengthCount) {
  const SipKey key = SpecKey();
  const std::string base = SpecMessage(20);
  const uint64_t h = SipHash24(key, base);
  // Changing any byte, or appending a zero byte (which only the length in
  // the last word tells apart), changes the hash.
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    EXPECT_NE(SipHash24(key, changed), h) << i;
  }
  EXPECT_NE(SipHash24(key, base + std::string(1, '\0')), h);
  // A different key gives a different hash.
  SipKey other = key;
  other.k1 ^= 1;
  EXPECT_NE(SipHash24(other, base), h);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
