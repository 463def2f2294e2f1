# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Opens the sample HTML report in headless Chromium and checks what it shows.

Usage: check_in_chromium.py REPORT.html WORK_DIR

1. The DOM as Chromium parsed it (--dump-dom): every chart mark carries the
   state and value worked out by hand from the sample's records
   (src/report/html_sample.h), suppressed marks carry no value, the hostile
   title is text (not markup) and no script, link or image element exists.
2. A screenshot of the first 1280 x 2000 pixels is not blank, and one of the
   whole report shows the charts' bars and hatched suppressed boxes.

Needs Debian's chromium and python3-pil (scripts/setup.sh installs both); if
either is missing the check fails and says so. Chromium runs with the flags of
BUILD-NOTES.md, note 18 (root, no network), a fresh profile each time.
Exit status 0 when every check passes, 1 otherwise.
"""

import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

SETUP_HINT = "run scripts/setup.sh (it installs chromium and python3-pil)"

# The marks of each chart, by svg id, then by mark kind and period or cell:
# (data-state, data-value). Worked out by hand in src/report/html_sample.h.
EXPECTED_MARKS = {
    # PROT-01, distinct persons per quarter: 9 (P01 counted once), 12, Q3's
    # 3 persons withheld, Q4 after the as-of date; targets 8, 10, 10, 12.
    "indicator-1-periods": {
        ("actual", "2025Q1"): ("value", "9"),
        ("actual", "2025Q2"): ("value", "12"),
        ("actual", "2025Q3"): ("suppressed", None),
        ("actual", "2025Q4"): ("missing", None),
        ("target", "2025Q1"): ("value", "8"),
        ("target", "2025Q2"): ("value", "10"),
        ("target", "2025Q3"): ("value", "10"),
        ("target", "2025Q4"): ("value", "12"),
    },
    # PROT-01 by gender over the life of project: 15 Feminine; Masculine (8)
    # and unknown (1) withheld.
    "indicator-1-by-1": {
        ("cell", "prs_Gender=Feminine"): ("value", "15"),
        ("cell", "prs_Gender=Masculine"): ("suppressed", None),
        ("cell", "prs_Gender=unknown"): ("suppressed", None),
    },
    # PROT-02, % referred: Q2 7 of 12 = 700 / 12 at full precision; Q1 (7 of
    # 10) and Q3 (0 of 3) withheld; targets 60.
    "indicator-2-periods": {
        ("actual", "2025Q1"): ("suppressed", None),
        ("actual", "2025Q2"): ("value", "58.333333333333336"),
        ("actual", "2025Q3"): ("suppressed", None),
        ("target", "2025Q1"): ("value", "60"),
        ("target", "2025Q2"): ("value", "60"),
        ("target", "2025Q3"): ("value", "60"),
    },
    # PROT-03, mean days to first service: 56 / 7 = 8, 70 / 7 = 10, Q3 has
    # no days at all (missing); targets 10.
    "indicator-3-periods": {
        ("actual", "2025Q1"): ("value", "8"),
        ("actual", "2025Q2"): ("value", "10"),
        ("actual", "2025Q3"): ("missing", None),
        ("target", "2025Q1"): ("value", "10"),
        ("target", "2025Q2"): ("value", "10"),
        ("target", "2025Q3"): ("value", "10"),
    },
    # PART-01, meetings entered: 3, then 0 (a value), nothing for Q3, Q4 not
    # reached; targets 2. (PREV-01, indicator-4, is narratives: no chart.)
    "indicator-5-periods": {
        ("actual", "2025Q1"): ("value", "3"),
        ("actual", "2025Q2"): ("value", "0"),
        ("actual", "2025Q3"): ("missing", None),
        ("actual", "2025Q4"): ("missing", None),
        ("target", "2025Q1"): ("value", "2"),
        ("target", "2025Q2"): ("value", "2"),
        ("target", "2025Q3"): ("value", "2"),
        ("target", "2025Q4"): ("value", "2"),
    },
}

TITLE = 'Safe <migration> & "return" =1+1'
FORBIDDEN_ELEMENTS = {"script", "link", "img", "iframe", "object", "embed", "migration", "b",
                      "nrm", "risks", "as"}
ACTUAL_BAR_RGB = (0x1F, 0x5F, 0x8B)  # svg .actual in html.cc
HATCH_RGB = (0x6B, 0x6B, 0x6B)  # the hatch pattern's lines


class DomReader(html.parser.HTMLParser):
    """Collects chart marks, element names, the title and mark texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.svg_ids = []  # open <svg> elements
        self.marks = {}  # svg id -> {(kind, key): (state, value)}
        self.mark_text = {}  # (svg id, kind, key) -> text inside the mark
        self.open_marks = []  # stack of (depth of <g>, (svg id, kind, key)) or None
        self.elements = set()
        self.title = None
        self.in_title = False
        self.in_svg_title = 0

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        a = dict(attrs)
        if tag == "svg":
            self.svg_ids.append(a.get("id", ""))
        elif tag == "title" and not self.svg_ids:
            self.in_title = True
            self.title = ""
        elif tag == "title":
            self.in_svg_title += 1
        elif tag == "g":
            classes = a.get("class", "").split()
            if "mark" in classes and self.svg_ids:
                kind = next(c for c in classes if c != "mark")
                key = a.get("data-period", a.get("data-cell"))
                svg = self.svg_ids[-1]
                self.marks.setdefault(svg, {})[(kind, key)] = (a.get("data-state"),
                                                               a.get("data-value"))
                self.open_marks.append((svg, kind, key))
                self.mark_text[(svg, kind, key)] = ""
            else:
                self.open_marks.append(None)

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg_ids:
            self.svg_ids.pop()
        elif tag == "title" and self.in_title:
            self.in_title = False
        elif tag == "title" and self.in_svg_title:
            self.in_svg_title -= 1
        elif tag == "g" and self.open_marks:
            self.open_marks.pop()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.in_svg_title:
            for mark in self.open_marks:
                if mark is not None:
                    self.mark_text[mark] += data


def chromium_binary():
    for name in (os.environ.get("CTIND_CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def run_chromium(chromium, work_dir, *args):
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=work_dir)
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
               *args]
    try:
        result = subprocess.run(command, capture_output=True, timeout=60, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode("utf-8", "replace")[-2000:])
        raise RuntimeError(f"chromium exited with status {result.returncode}: {' '.join(args)}")
    return result.stdout.decode("utf-8")


def near(pixel, rgb, tolerance):
    return all(abs(p - c) <= tolerance for p, c in zip(pixel[:3], rgb))


def check_dom(dom, problems):
    reader = DomReader()
    reader.feed(dom)
    reader.close()
    if reader.title != TITLE:
        problems.append(f"document title is {reader.title!r}, expected {TITLE!r}")
    bad = sorted(reader.elements & FORBIDDEN_ELEMENTS)
    if bad:
        problems.append(f"elements that must not exist: {bad}")
    if set(reader.marks) != set(EXPECTED_MARKS):
        problems.append(f"charts {sorted(reader.marks)}, expected {sorted(EXPECTED_MARKS)}")
    for svg, expected in EXPECTED_MARKS.items():
        actual = reader.marks.get(svg, {})
        if actual != expected:
            for key in sorted(set(actual) | set(expected), key=str):
                if actual.get(key) != expected.get(key):
                    problems.append(f"{svg} {key}: {actual.get(key)}, expected {expected.get(key)}")
        for key, (state, _) in expected.items():
            text = reader.mark_text.get((svg, *key), "")
            if state == "suppressed" and "suppressed" not in text:
                problems.append(f"{svg} {key}: a suppressed mark without the word: {text!r}")
            if state == "suppressed" and any(ch.isdigit() for ch in text):
                problems.append(f"{svg} {key}: a suppressed mark shows a number: {text!r}")
    return reader


def check_screenshots(chromium, report, work_dir, problems):
    from PIL import Image  # checked by main()

    top = os.path.join(work_dir, "top.png")
    run_chromium(chromium, work_dir, f"--screenshot={top}", "--window-size=1280,2000", report)
    with Image.open(top) as image:
        rgb = image.convert("RGB")
        if rgb.size != (1280, 2000):
            problems.append(f"top.png is {rgb.size}, expected (1280, 2000)")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
        if len(colours) < 50:
            problems.append(f"top.png has {len(colours)} colours: blank or unstyled")
        white = max((n for n, c in colours if c == (255, 255, 255)), default=0)
        if white > 0.99 * rgb.size[0] * rgb.size[1]:
            problems.append("top.png is all white")

    # The whole report, taller than it is, to see the charts.
    full = os.path.join(work_dir, "full.png")
    run_chromium(chromium, work_dir, f"--screenshot={full}", "--window-size=1280,9000", report)
    with Image.open(full) as image:
        # (count, colour) per distinct colour: counted in C, not per pixel.
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
    bars = sum(n for n, c in colours if near(c, ACTUAL_BAR_RGB, 8))
    hatch = sum(n for n, c in colours if near(c, HATCH_RGB, 10))
    # Five charts with eleven bars tens of pixels wide and high; three
    # periods and two cells hatched.
    if bars < 20000:
        problems.append(f"full.png: {bars} pixels of the bars' colour, expected at least 20000")
    if hatch < 2000:
        problems.append(f"full.png: {hatch} pixels of the hatching, expected at least 2000")


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: check_in_chromium.py REPORT.html WORK_DIR\n")
        return 1
    report, work_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    chromium = chromium_binary()
    if chromium is None:
        sys.stderr.write(f"FAIL: chromium not found on PATH: {SETUP_HINT}\n")
        return 1
    try:
        import PIL  # noqa: F401
    except ImportError:
        sys.stderr.write(f"FAIL: python3-pil (PIL) not importable by {sys.executable}: "
                         f"{SETUP_HINT}\n")
        return 1
    problems = []
    dom = run_chromium(chromium, work_dir, "--dump-dom", report)
    if "<svg" not in dom:
        problems.append("the DOM dump has no <svg>: the page did not load")
    check_dom(dom, problems)
    check_screenshots(chromium, report, work_dir, problems)
    for p in problems:
        sys.stderr.write(f"FAIL: {p}\n")
    if not problems:
        print(f"ok: {report} in {chromium}: chart marks as expected, screenshots not blank")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
