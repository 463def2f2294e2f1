// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Writes the donor documents of the sample publication (report/
// donor_sample.h) into a folder, for the tests in this folder to check
// with other tools: sample.iati.xml and escaping.iati.xml, which xmllint
// validates against the IATI 2.03 schema, and sample.dhis2.json, which a
// JSON parser reads.
//
// Usage: render_donor_samples OUTPUT_DIR. Exit status 0 on success, 1 with
// a message on standard error otherwise.

#include <fstream>
#include <iostream>
#include <string>

#include "ctind/render_donor.h"
#include "report/donor_sample.h"

namespace {

bool Write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::cerr << "cannot write " << path << "\n";
  return static_cast<bool>(out);
}

bool RenderIatiSample(const std::string& framework, const std::string& path) {
  absl::StatusOr<ctind::donor_sample::Sample> sample =
      ctind::donor_sample::MakeSample(framework.c_str());
  if (!sample.ok()) {
    std::cerr << "sample: " << sample.status() << "\n";
    return false;
  }
  absl::StatusOr<ctind::DonorDocument> doc =
      ctind::RenderIati(sample->framework, sample->publication);
  if (!doc.ok()) {
    std::cerr << path << ": " << doc.status() << "\n";
    return false;
  }
  return Write(path, doc->text);
}

bool RenderDhis2Sample(const std::string& path) {
  absl::StatusOr<ctind::donor_sample::Sample> sample = ctind::donor_sample::MakeSample();
  if (!sample.ok()) {
    std::cerr << "sample: " << sample.status() << "\n";
    return false;
  }
  absl::StatusOr<ctind::Dhis2Mapping> mapping = ctind::Dhis2Mapping::Parse(
      ctind::donor_sample::kDhis2Mapping, ctind::ProtoFormat::kText, "dhis2.textproto");
  if (!mapping.ok()) {
    std::cerr << "mapping: " << mapping.status() << "\n";
    return false;
  }
  absl::StatusOr<ctind::DonorDocument> doc = ctind::RenderDhis2(sample->publication, *mapping);
  if (!doc.ok()) {
    std::cerr << path << ": " << doc.status() << "\n";
    return false;
  }
  return Write(path, doc->text);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: render_donor_samples OUTPUT_DIR\n";
    return 1;
  }
  const std::string dir = argv[1];
  const bool ok =
      RenderIatiSample(ctind::donor_sample::kFramework, dir + "/sample.iati.xml") &&
      RenderIatiSample(ctind::donor_sample::EscapingFramework(), dir + "/escaping.iati.xml") &&
      RenderDhis2Sample(dir + "/sample.dhis2.json");
  return ok ? 0 : 1;
}
