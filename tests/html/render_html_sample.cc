// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Writes the HTML report of the sample publication (report/html_sample.h)
// to a file, for check_in_chromium.py to open in headless Chromium. The
// unit tests (src/report/html_test.cc) compare the same report with
// tests/golden/html/sample.html.
//
// Usage: render_html_sample OUTPUT.html. Exit status 0 on success, 1 with a
// message on standard error otherwise.

#include <fstream>
#include <iostream>
#include <string>

#include "report/html_sample.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: render_html_sample OUTPUT.html\n";
    return 1;
  }
  absl::StatusOr<ctind::html_sample::Sample> sample = ctind::html_sample::MakeSample();
  if (!sample.ok()) {
    std::cerr << "sample: " << sample.status() << "\n";
    return 1;
  }
  absl::StatusOr<std::string> html = ctind::html_sample::RenderSample(*sample);
  if (!html.ok()) {
    std::cerr << "RenderHtml: " << html.status() << "\n";
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << *html;
  out.close();
  if (!out) {
    std::cerr << "cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
