"""Units: their groups and local roles, who belongs where, the unit lists
every form offers, and the roles on the Sharing tab."""

from plone import api
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_of_user
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


DEMO_UNITS = {
    "vp",
    "khcn",
    "phapche",
    "khtc",
    "tccb",
    "htqt",
    "buuchinh",
    "cntt",
    "thanhtra",
}


def test_new_unit_gets_its_groups_and_archive(rest):
    created = rest(
        "POST",
        "don-vi",
        "iso.secretary",
        json={"@type": "Department", "id": "htqt2", "title": "Vụ Hợp tác quốc tế 2"},
    )
    assert created.status_code == 201, created.text
    sharing = rest("GET", "don-vi/htqt2/@sharing", "iso.secretary").json()
    entries = {e["id"]: e for e in sharing["entries"]}
    for group, role in (
        ("htqt2-staff", "UnitMember"),
        ("htqt2-officers", "UnitOfficer"),
        ("htqt2-heads", "UnitHead"),
    ):
        assert entries[group]["roles"][role] is True
    assert entries["htqt2-officers"]["title"] == "Cán bộ ISO của Vụ Hợp tác quốc tế 2"
    archive = rest("GET", "don-vi/htqt2/ho-so", "iso.secretary")
    assert archive.status_code == 200
    assert archive.json()["@type"] == "RecordArchive"


def test_staff_cannot_add_a_unit(rest):
    refused = rest(
        "POST",
        "don-vi",
        "vp.officer",
        json={"@type": "Department", "id": "x", "title": "Đơn vị lạ"},
    )
    assert refused.status_code in (401, 403)
    assert rest("GET", "don-vi/x", "iso.secretary").status_code == 404


@pytest.mark.parametrize(
    ("login", "units", "every"),
    [
        ("vp.staff", ["vp"], False),
        ("khcn.officer", ["khcn"], False),
        ("phapche.head", ["phapche"], False),
        ("leader", [], False),
        ("iso.secretary", [], True),
    ],
)
def test_who_belongs_where(integration, login, units, every):
    user = api.user.get(username=login)
    assert units_of_user(user) == units
    assert sees_every_unit(user) is every


@pytest.mark.parametrize("login", ["vp.staff", "khcn.officer", "leader"])
def test_every_unit_is_offered_by_name(integration, as_user, login):
    """The owning-unit select and the filters name every unit, whoever asks."""
    factory = getUtility(IVocabularyFactory, name="qms.intranet.Units")
    with as_user(login):
        terms = {term.value: term.title for term in factory(integration["portal"])}
    assert set(terms) >= DEMO_UNITS
    assert terms["khcn"] == "Vụ Khoa học và Công nghệ"
    assert unit_titles()["vp"] == "Văn phòng Bộ"


def test_sharing_tab_names_our_roles_in_vietnamese(rest):
    sharing = rest(
        "GET", "don-vi/vp/@sharing", "iso.secretary", headers={"Accept-Language": "vi"}
    ).json()
    titles = {role["id"]: role["title"] for role in sharing["available_roles"]}
    for role in ("UnitMember", "UnitOfficer", "UnitHead"):
        assert role in titles
        assert titles[role] != role
