// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return ctind::cli::Main(args, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "ctind: internal error: " << e.what() << "\n";
    return 70;
  }
}
