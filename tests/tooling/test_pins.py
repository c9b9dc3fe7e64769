"""One complete, prerelease-free pin set, shared by pip and buildout."""

from importlib.metadata import distributions
from packaging.utils import canonicalize_name
from pathlib import Path
from tests.conftest import load_script
from tests.conftest import ROOT

import pytest
import sysconfig


@pytest.fixture(scope="module")
def pins_module():
    return load_script("pins")


@pytest.fixture(scope="module")
def pins(pins_module):
    return pins_module.read_pins(ROOT / "constraints.txt")


def test_plone_622(pins):
    assert pins["products-cmfplone"] == "6.2.2"


def test_no_prerelease(pins, pins_module):
    assert [n for n, v in pins.items() if pins_module.is_prerelease(v)] == []


@pytest.mark.parametrize(
    ("version", "expected"),
    [("7.0.0a3", True), ("1.0rc1", True), ("2.0.dev0", True), ("6.2.2", False)],
)
def test_prerelease_detection(pins_module, version, expected):
    assert pins_module.is_prerelease(version) is expected


def test_buildout_versions_match_constraints(pins, pins_module):
    assert pins_module.read_versions_cfg(ROOT / "versions.cfg") == pins


def test_buildout_uses_generated_versions():
    buildout = (ROOT / "buildout.cfg").read_text()
    assert "versions.cfg" in buildout


def test_every_installed_distribution_is_pinned(pins):
    """What the Makefile installed is exactly what constraints.txt says."""
    unpinned, differing = [], []
    site_packages = Path(sysconfig.get_paths()["purelib"])
    # Only what is installed in the virtualenv itself; setuptools' vendored
    # copies (setuptools/_vendor) are not distributions of their own.
    for dist in distributions(path=[str(site_packages)]):
        name = canonicalize_name(dist.metadata["Name"])
        if name in ("qms-intranet", "pip"):
            continue
        if name not in pins:
            unpinned.append(name)
        elif pins[name] != dist.version:
            differing.append(f"{name} {dist.version} != {pins[name]}")
    assert ", ".join(sorted(unpinned)) == ""
    assert ", ".join(sorted(differing)) == ""
