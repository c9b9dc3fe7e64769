"""Who may do what to record lists and records, in every state: the matrix.

The lists and records belong to the unit `vp` (see testing.Layer): lists of
2023 (draft), 2024 (pending review), 2025 (issued) and, in 2025's list, an
open and a closed record.
"""

from AccessControl import getSecurityManager
from plone import api
from qms.intranet.testing import MATRIX_ROLES
from qms.intranet.testing import RECORD_STATES
from qms.intranet.testing import RECORD_YEARS

import pytest


ROLES = MATRIX_ROLES
OWN_UNIT = {"vp_staff", "vp_officer", "vp_head"}
SEES = OWN_UNIT | {"secretariat"}  # never other units, nor the leaders

LIST_MODIFY = {
    "draft": {"vp_officer", "secretariat"},
    "pending_review": {"secretariat"},
    "approved": set(),
}
LIST_TRANSITIONS = {
    "draft": {"submit": {"vp_officer", "secretariat"}},
    "pending_review": {
        "approve": {"vp_head", "secretariat"},
        "reject": {"vp_head", "secretariat"},
    },
    "approved": {"amend": {"vp_officer", "secretariat"}},
}
RECORD_MODIFY = {"open": OWN_UNIT | {"secretariat"}, "closed": set()}
RECORD_DELETE = {"open": {"vp_officer", "secretariat"}, "closed": set()}
RECORD_DISPOSE = {"open": set(), "closed": {"secretariat"}}
RECORD_TRANSITIONS = {"open": {"close": OWN_UNIT | {"secretariat"}}, "closed": {}}


def check(obj, permission):
    return bool(getSecurityManager().checkPermission(permission, obj))


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("year", list(RECORD_YEARS))
def test_record_list_matrix(integration, as_user, year, role):
    state = RECORD_YEARS[year]
    record_list = integration["portal"]["don-vi"]["vp"]["ho-so"][str(year)]
    wftool = api.portal.get_tool("portal_workflow")
    with as_user(ROLES[role]):
        actual = {
            "view": check(record_list, "View"),
            "modify": check(record_list, "Modify portal content"),
            "file_record": check(record_list, "qms.intranet: Add Record"),
            "transitions": {t["id"] for t in wftool.getTransitionsFor(record_list)},
        }
    assert actual == {
        "view": role in SEES,
        "modify": role in LIST_MODIFY[state],
        "file_record": role in SEES,
        "transitions": {
            t for t, roles in LIST_TRANSITIONS[state].items() if role in roles
        },
    }


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("state", RECORD_STATES)
def test_record_matrix(integration, as_user, state, role):
    record = integration["portal"]["don-vi"]["vp"]["ho-so"]["2025"][f"hs-{state}"]
    wftool = api.portal.get_tool("portal_workflow")
    with as_user(ROLES[role]):
        actual = {
            "view": check(record, "View"),
            "modify": check(record, "Modify portal content"),
            "add_file": check(record, "qms.intranet: Add RecordFile"),
            "delete": check(record, "Delete objects")
            and check(record.aq_parent, "Delete objects"),
            "dispose": check(record, "qms.intranet: Dispose records"),
            "transitions": {t["id"] for t in wftool.getTransitionsFor(record)},
        }
    assert actual == {
        "view": role in SEES,
        "modify": role in RECORD_MODIFY[state],
        "add_file": role
        in RECORD_MODIFY[state] - {"vp_head"}
        | ({"vp_head"} if state == "open" else set()),
        "delete": role in RECORD_DELETE[state],
        "dispose": role in RECORD_DISPOSE[state],
        "transitions": {
            t for t, roles in RECORD_TRANSITIONS[state].items() if role in roles
        },
    }


@pytest.mark.parametrize(
    ("portal_type", "allowed"),
    [("RecordList", {"vp_officer", "secretariat"}), ("Record", SEES)],
)
@pytest.mark.parametrize("role", list(ROLES))
def test_who_adds_in_the_archive(integration, as_user, portal_type, allowed, role):
    archive = integration["portal"]["don-vi"]["vp"]["ho-so"]
    fti = api.portal.get_tool("portal_types")[portal_type]
    with as_user(ROLES[role]):
        assert fti.isConstructionAllowed(archive) == (role in allowed)
