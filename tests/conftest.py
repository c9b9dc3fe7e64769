"""Shared fixtures: pytest-plone fixtures on our layers, demo accounts, HTTP,
plone.restapi and Chromium."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from contextlib import contextmanager
from pathlib import Path
from playwright.sync_api import sync_playwright
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from pytest_plone import fixtures_factory
from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.testing import FUNCTIONAL_TESTING
from qms.intranet.testing import INTEGRATION_TESTING
from qms.intranet.testing import MATRIX_PASSWORD

import importlib.util
import os
import pytest
import re
import requests
import shutil


pytest_plugins = ["pytest_plone"]

# The repository: scripts/, src/, the Makefile.
ROOT = Path(__file__).resolve().parent.parent
# The version of our profile this checkout brings a site to.
PROFILE_VERSION = re.search(
    r"<version>(\d+)</version>",
    (ROOT / "src/qms/intranet/profiles/default/metadata.xml").read_text(),
).group(1)

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
    """Run as a user of the site (plone.api's adopt_user), or as an anonymous
    visitor (None), then restore the caller."""
    if login is not None:
        with api.env.adopt_user(username=login):
            yield
        return
    previous = getSecurityManager()
    try:
        noSecurityManager()
        yield
    finally:
        setSecurityManager(previous)


@pytest.fixture
def as_user():
    return acting_as


JSON = {"Accept": "application/json"}


@pytest.fixture
def rest(http, portal_url, login_as):
    """rest(method, path, login, headers=None, **kwargs) -> response, through
    plone.restapi (++api++) with the demo account's basic auth."""

    def call(method, path, login, headers=None, **kwargs):
        url = f"{portal_url}/++api++/{path}".rstrip("/")
        return http.request(
            method,
            url,
            headers={**JSON, **(headers or {})},
            auth=login_as(login) if login else None,
            **kwargs,
        )

    return call


def load_script(name: str):
    """Import one of scripts/*.py as a module (they are not a package)."""
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Chromium (Debian's) driven by Playwright.

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: no background connections that would be refused.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def session(browser, portal_url):
    """session(login) -> a page logged in through the login form."""
    contexts = []

    def open_as(login):
        context = browser.new_context(locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{portal_url}/login")
        page.get_by_label("Tên đăng nhập").fill(login)
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()
