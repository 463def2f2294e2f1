// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#include "formula/evaluator.h"
#include "gtest/gtest.h"
