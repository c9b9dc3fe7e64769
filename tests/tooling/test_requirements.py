"""Every distribution our code, ZCML and profiles use directly is declared in
setup.py's install_requires: an installed wheel (or buildout) gets exactly
what it declares, and a site that needs more does not start.

Read from the installed qms.intranet's metadata, so the check is on what pip
and buildout see."""

from importlib import metadata
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from tests.conftest import ROOT

import ast
import functools
import pytest
import re
import sys


PACKAGE = ROOT / "src" / "qms" / "intranet"
# Used only by the tests and `make i18n`: they belong to the `test` extra.
DEVELOPMENT_FILES = {"testing.py", "locales/__main__.py"}
# ZCML attributes that name Python objects or packages.
DOTTED_ATTRIBUTES = (
    "package",
    "for",
    "provides",
    "class",
    "factory",
    "handler",
    "manager",
    "layer",
    "component",
    "interface",
)


@functools.cache
def module_owners() -> dict[str, str]:
    """Importable module name -> the distribution that installs it."""
    owners = {}
    for dist in metadata.distributions():
        for file in dist.files or ():
            parts = file.parts
            if not parts or parts[0].endswith((".dist-info", ".egg-info")):
                continue
            if file.name == "__init__.py":
                module = ".".join(parts[:-1])
            elif file.suffix == ".py" or file.suffix == ".so":
                module = ".".join((*parts[:-1], file.name.split(".")[0]))
            else:
                continue
            owners.setdefault(module, canonicalize_name(dist.metadata["Name"]))
    return owners


def owner(dotted: str) -> str | None:
    """The distribution of the longest importable prefix of `dotted`."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        found = module_owners().get(".".join(parts[:end]))
        if found:
            return found
    return None


def imported_modules(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def used_names() -> dict[str, set[str]]:
    """Dotted names our runtime code uses -> the files using them."""
    used: dict[str, set[str]] = {}

    def add(name, path):
        if name.split(".")[0] in sys.stdlib_module_names or name.startswith("qms."):
            return
        used.setdefault(name, set()).add(str(path.relative_to(PACKAGE)))

    for path in PACKAGE.rglob("*.py"):
        if str(path.relative_to(PACKAGE)) in DEVELOPMENT_FILES:
            continue
        for name in imported_modules(path.read_text(encoding="utf-8")):
            add(name, path)
    attribute = re.compile(rf'\b(?:{"|".join(DOTTED_ATTRIBUTES)})="([^"]+)"')
    for path in PACKAGE.rglob("*.zcml"):
        for value in attribute.findall(path.read_text(encoding="utf-8")):
            for name in value.split():
                if not name.startswith(".") and "." in name:
                    add(name, path)
    for path in (PACKAGE / "profiles").rglob("metadata.xml"):
        for name in re.findall(r"profile-([\w.]+):", path.read_text()):
            add(name, path)
    return used


def declared(extra: str | None = None) -> set[str]:
    names = set()
    for line in metadata.requires("qms.intranet") or ():
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is None or (extra and marker.evaluate({"extra": extra})):
            names.add(canonicalize_name(requirement.name))
    return names


def test_every_distribution_used_is_declared():
    missing = {}
    for name, files in sorted(used_names().items()):
        dist = owner(name)
        assert dist is not None, f"{name} (used in {sorted(files)}) is not installed"
        if dist != "qms-intranet" and dist not in declared():
            missing.setdefault(dist, set()).update(files)
    assert missing == {}, f"used but not in install_requires: {missing}"


@pytest.mark.parametrize(
    "name",
    [
        "plone.app.iterate.interfaces",
        "plone.app.discussion",
        "Products.DCWorkflow.interfaces.IAfterTransitionEvent",
        "dateutil.relativedelta",
    ],
)
def test_finds_the_distribution_of_a_name(name):
    """The check itself sees namespace packages and renamed distributions."""
    assert owner(name) in declared()


def test_development_tools_are_in_the_test_extra():
    for path in DEVELOPMENT_FILES:
        source = (PACKAGE / path).read_text(encoding="utf-8")
        for name in imported_modules(source):
            if name.split(".")[0] in sys.stdlib_module_names or name.startswith("qms."):
                continue
            dist = owner(name)
            assert dist in declared("test") | declared(), (path, name, dist)
