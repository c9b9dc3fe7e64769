"""The sdist and the wheel carry every file the package needs at run time."""

from pathlib import Path
from tests.conftest import ROOT

import pytest
import subprocess
import sys
import tarfile
import zipfile


PACKAGE = ROOT / "src" / "qms"


def source_files() -> set[str]:
    """Every file of the package in src/, as a path relative to src/."""
    return {
        str(path.relative_to(ROOT / "src"))
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix not in (".pyc",)
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return out


def test_wheel_carries_every_file(dist):
    wheel = next(dist.glob("qms_intranet-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = source_files() - names
    assert missing == set()
    kinds = {Path(n).suffix for n in names}
    assert {".zcml", ".xml", ".pt", ".json", ".po", ".mo", ".css"} <= kinds


def test_no_namespace_init_in_wheel(dist):
    wheel = next(dist.glob("qms_intranet-*.whl"))
    assert "qms/__init__.py" not in zipfile.ZipFile(wheel).namelist()


def test_sdist_carries_every_file(dist):
    sdist = next(dist.glob("qms_intranet-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        members = [name.split("/", 1)[1] for name in tar.getnames() if "/" in name]
    assert source_files() <= {m.removeprefix("src/") for m in members}
    assert {"README.md", "CHANGES.md", "setup.py", "constraints.txt"} <= set(members)


def test_entry_point_for_autoinclude(dist):
    wheel = next(dist.glob("qms_intranet-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        entry_points = next(n for n in zf.namelist() if n.endswith("entry_points.txt"))
        text = zf.read(entry_points).decode()
    assert "[plone.autoinclude.plugin]" in text
    assert "target = plone" in text
