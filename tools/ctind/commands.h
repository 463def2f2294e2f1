// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The subcommands of the `ctind` program. Each takes its arguments (after
// the subcommand name) and streams, and returns the process exit code:
// 0 on success, 1 when the input is wrong, 2 for a usage error.

#ifndef CTIND_TOOLS_COMMANDS_H_
#define CTIND_TOOLS_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace ctind::cli {

int Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ctind::cli

#endif  // CTIND_TOOLS_COMMANDS_H_
