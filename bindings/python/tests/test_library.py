# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Finding libctind: CTIND_LIBRARY, the source tree's build/release, the
system loader, and a clear ImportError otherwise. Each case imports the
package in a fresh interpreter."""

import ctypes.util
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import ctind
from ctind import _library  # pylint: disable=protected-access
from conftest import REPO

PACKAGE = pathlib.Path(ctind.__file__).resolve().parent


def run_python(code, env_changes, cwd):
    """(returncode, stdout, stderr) of `code` in a fresh interpreter whose
    environment lacks CTIND_LIBRARY unless `env_changes` sets it."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CTIND_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH")}
    env.update(env_changes)
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True,
                          text=True, check=False)
    return done.returncode, done.stdout.strip(), done.stderr


@pytest.fixture
def fake_tree(tmp_path):
    """A copy of the package inside a directory laid out like ctind's source
    tree (capi/ctind.h, bindings/python/ctind), without a build."""
    shutil.copytree(PACKAGE, tmp_path / "bindings" / "python" / "ctind",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "capi").mkdir()
    (tmp_path / "capi" / "ctind.h").write_text("/* marks a source tree */\n")
    return tmp_path


def real_library():
    return os.path.realpath(ctind.library_path)


def test_loaded_library():
    assert re.fullmatch(r"\d+\.\d+\.\d+", ctind.library_version())
    if os.environ.get("CTIND_LIBRARY"):
        assert ctind.library_path == os.environ["CTIND_LIBRARY"]
    assert ctind.has_function("ctind_compute")
    assert not ctind.has_function("ctind_no_such_function")


def test_versions_agree():
    # The package, the CMake project and the library it loads are one
    # release: ctind/_version.py follows CMakeLists.txt's VERSION.
    cmake = (REPO / "CMakeLists.txt").read_text(encoding="utf-8")
    project_version = re.search(r"project\(ctind\s+VERSION\s+([0-9.]+)", cmake).group(1)
    assert ctind.__version__ == project_version
    assert ctind.library_version() == project_version


def test_explicit_path_that_does_not_load(tmp_path):
    env = {"CTIND_LIBRARY": str(tmp_path / "nope.so"), "PYTHONPATH": str(PACKAGE.parent)}
    code, _, err = run_python("import ctind", env, tmp_path)
    assert code != 0
    assert "ImportError: ctind: cannot load CTIND_LIBRARY=" in err


def test_source_tree_build_release(fake_tree):
    build = fake_tree / "build" / "release" / "capi"
    build.mkdir(parents=True)
    os.symlink(real_library(), build / "libctind.so")
    code, out, err = run_python("import ctind; print(ctind.library_path)",
                                {"PYTHONPATH": str(fake_tree / "bindings" / "python")}, fake_tree)
    assert code == 0, err
    assert out == str(build / "libctind.so")


def test_system_loader(fake_tree, tmp_path):
    if ctypes.util.find_library("ctind"):
        pytest.skip("a libctind is installed system-wide; the loader would find it")
    libdir = tmp_path / "lib"
    libdir.mkdir()
    major = ctind.__version__.split(".")[0]
    os.symlink(real_library(), libdir / f"libctind.so.{major}")
    env = {"PYTHONPATH": str(fake_tree / "bindings" / "python"), "LD_LIBRARY_PATH": str(libdir)}
    code, out, err = run_python("import ctind; print(ctind.library_path)", env, fake_tree)
    assert code == 0, err
    assert out == f"libctind.so.{major}"
    # Nothing anywhere: an ImportError that says what to do.
    env["LD_LIBRARY_PATH"] = str(tmp_path / "empty")
    code, _, err = run_python("import ctind", env, fake_tree)
    assert code != 0
    assert "ctind: libctind not found. Set CTIND_LIBRARY" in err


def test_functions_an_older_library_lacks():
    missing = _library._MissingFunction("ctind_new_thing", "/old/libctind.so")  # pylint: disable=protected-access
    with pytest.raises(NotImplementedError, match="ctind_new_thing is not in /old/libctind.so"):
        missing(1, 2)
