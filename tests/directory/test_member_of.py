"""People whose groups are read from their `memberOf` attribute, as Active
Directory gives them (issue #19): slapd with the memberof overlay, the
site's setting `member_of` on."""

from plone import api
from tests.conftest import JSON
from tests.directory.conftest import point_at
from tests.directory.slapd import DEMO_PASSWORD
from tests.directory.slapd import Slapd

import pytest
import requests


@pytest.fixture(scope="module")
def slapd():
    server = Slapd(member_of=True)
    server.start()
    yield server
    server.remove()


def groups_of(portal_url, login):
    answer = requests.get(
        f"{portal_url}/++api++/@users/{login}",
        headers=JSON,
        auth=(login, DEMO_PASSWORD),
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return {g["id"] for g in answer.json()["groups"]["items"]}


def test_groups_from_member_of(functional, slapd, portal_url):
    with api.env.adopt_roles(["Manager"]):
        point_at(slapd, member_of=True)
    assert {"qms-auditors", "vp-staff"} <= groups_of(portal_url, "ld.auditor")
    slapd.move("ld.auditor", "GRP-VP-CANBO", "GRP-PHAPCHE-CANBO")
    try:
        groups = groups_of(portal_url, "ld.auditor")
        assert {"qms-auditors", "phapche-staff"} <= groups
        assert "vp-staff" not in groups
    finally:
        slapd.move("ld.auditor", "GRP-PHAPCHE-CANBO", "GRP-VP-CANBO")


def test_unit_from_an_attribute(functional, slapd, portal_url):
    """`ou=khcn = khcn-staff`: the person's own attribute gives the unit."""
    with api.env.adopt_roles(["Manager"]):
        point_at(slapd, member_of=True, group_map="ou=khcn = khcn-staff")
    assert "khcn-staff" in groups_of(portal_url, "ld.iso.secretary")
    assert "khcn-staff" not in groups_of(portal_url, "ld.vp.staff")
