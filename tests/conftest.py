"""Shared fixtures: pytest-plone fixtures on our layers, demo accounts, HTTP."""

from contextlib import contextmanager
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from pytest_plone import fixtures_factory
from qms.intranet.demo import DEMO_PASSWORD
from qms.intranet.testing import FUNCTIONAL_TESTING
from qms.intranet.testing import INTEGRATION_TESTING
from qms.intranet.testing import MATRIX_PASSWORD

import pytest
import requests


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture(scope="session")
def distribution_name() -> str:
    return "qms"


@pytest.fixture
def portal_url(functional) -> str:
    """Address of the site served over real HTTP by the functional layer."""
    return functional["portal"].absolute_url()


@pytest.fixture
def http():
    """A fresh HTTP session that follows no redirects unless asked."""
    with requests.Session() as session:
        yield session


@pytest.fixture
def login_as():
    """Credentials of a demo account (or the site owner) for basic auth."""

    def credentials(login: str) -> tuple[str, str]:
        if login == SITE_OWNER_NAME:
            return (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        if login == "sec.only":
            return (login, MATRIX_PASSWORD)
        return (login, DEMO_PASSWORD)

    return credentials


@contextmanager
def acting_as(login: str | None):
    """Run as a user of the site (None: anonymous), then restore the caller."""
    from AccessControl.SecurityManagement import getSecurityManager
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from AccessControl.SecurityManagement import setSecurityManager
    from plone import api

    previous = getSecurityManager()
    try:
        if login is None:
            noSecurityManager()
        else:
            acl = api.portal.get().acl_users
            newSecurityManager(None, acl.getUser(login).__of__(acl))
        yield
    finally:
        setSecurityManager(previous)


@pytest.fixture
def as_user():
    return acting_as


def load_script(name: str):
    """Import one of scripts/*.py as a module (they are not a package)."""
    from pathlib import Path

    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
