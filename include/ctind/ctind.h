// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The C++ API of ctind's core (source-stable, not ABI-stable; programs that
// need a stable ABI use the C API in <ctind.h> of the shared library).

#ifndef CTIND_CTIND_H_
#define CTIND_CTIND_H_

#include "ctind/assess.h"
#include "ctind/catalog.h"
#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/diagnostic.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/publish.h"
#include "ctind/quality.h"
#include "ctind/render.h"
#include "ctind/render_donor.h"
#include "ctind/render_html.h"
#include "ctind/version.h"

#endif  // CTIND_CTIND_H_
