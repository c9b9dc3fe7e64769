"""Fixtures of the directory tests: a real slapd per module, and the test
site pointed at it through the registry (as the secretariat's settings
page does)."""

from plone import api
from tests.directory.slapd import Slapd

import pytest
import transaction


PREFIX = "qms.intranet.directory"


@pytest.fixture(scope="module")
def slapd():
    server = Slapd()
    server.start()
    yield server
    server.remove()


def point_at(server, **overrides) -> None:
    """Set the site's directory settings to `server` (and commit)."""
    env = server.environment()
    values = {
        "uri": env["QMS_LDAP_URI"],
        "bind_dn": env["QMS_LDAP_BIND_DN"],
        "bind_password": env["QMS_LDAP_BIND_PASSWORD"],
        "users_base": env["QMS_LDAP_USERS_BASE"],
        "groups_base": env["QMS_LDAP_GROUPS_BASE"],
        "group_map": env["QMS_LDAP_GROUP_MAP"].replace("; ", "\n"),
        "timeout": 3,
        **overrides,
    }
    for name, value in values.items():
        api.portal.set_registry_record(f"{PREFIX}.{name}", value)
    transaction.commit()


@pytest.fixture
def directory(functional, slapd):
    """The functional site signing in with `slapd`'s people."""
    with api.env.adopt_roles(["Manager"]):
        point_at(slapd)
    return slapd


def form_login(http, portal_url, login, password):
    """Sign in through the login form (plone.session's cookie): the answer."""
    return http.post(
        f"{portal_url}/login",
        data={
            "__ac_name": login,
            "__ac_password": password,
            "came_from": portal_url,
            "buttons.login": "Đăng nhập",
        },
        timeout=60,
        allow_redirects=False,
    )


@pytest.fixture
def own_slapd():
    """A slapd of this test's own, to stop or pause."""
    server = Slapd()
    server.start()
    yield server
    server.remove()
