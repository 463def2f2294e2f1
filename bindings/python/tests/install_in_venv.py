# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""The ctest `python_venv_install`: installs the package offline into a
fresh virtual environment that sees Debian's numpy and pandas, as
docs/python.md tells users to (BUILD-NOTES.md, note 21), then runs the
pytest suite against the installed copy, outside the source tree.

    python3 install_in_venv.py --work-dir DIR

DIR is emptied first. The package is copied out of the source tree before
pip builds it, so nothing (build/, *.egg-info) is written into the tree.
libctind comes from CTIND_LIBRARY, as for the in-tree suite.
"""

import argparse
import os
import pathlib
import shutil
import subprocess
import sys

BINDINGS = pathlib.Path(__file__).resolve().parents[1]  # bindings/python


def run(command, **kwargs):
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", required=True, type=pathlib.Path)
    args = parser.parse_args()
    work = args.work_dir.resolve()
    if work.exists():
        shutil.rmtree(work)
    source = work / "src"
    shutil.copytree(BINDINGS, source, ignore=shutil.ignore_patterns(
        "tests", "__pycache__", "build", "*.egg-info", "CMakeLists.txt"))
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", venv])
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_FIND_LINKS")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    # Offline: no index, no build isolation (setuptools from Debian).
    run([python, "-m", "pip", "install", "--no-index", "--no-build-isolation", source], env=env,
        cwd=work)
    # The installed copy is the one imported, from outside the source tree.
    env["CTIND_EXPECT_INSTALLED_IN"] = str(venv)
    run([python, "-c", "import ctind, sys; print(ctind.__file__, ctind.__version__, "
                       "ctind.library_version())"], env=env, cwd=work)
    run([python, "-m", "pytest", "-p", "no:cacheprovider", "-q", BINDINGS / "tests"], env=env,
        cwd=work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
