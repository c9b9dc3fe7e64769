"""Who may do what to a controlled document, in every state: the full matrix.

Every type × state × role is asserted: View, Modify portal content, adding a
form inside, starting a revision (check-out), and the transitions offered.
The documents are owned by the unit `vp` (see testing.Layer).
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from plone import api
from qms.intranet.testing import DOCUMENT_STATES
from qms.intranet.testing import MATRIX_ROLES

import pytest


TYPES = ("QualityPolicy", "Procedure", "ProcedureForm", "Decision")
ROLES = MATRIX_ROLES
OWN_UNIT = {"vp_staff", "vp_officer", "vp_head"}
EVERYONE = set(ROLES) - {"anonymous"}

# Who sees a document in each state.
VIEW = {
    "draft": OWN_UNIT | {"secretariat", "leader"},
    "pending_review": OWN_UNIT | {"secretariat", "leader"},
    "pending_approval": OWN_UNIT | {"secretariat", "leader"},
    "effective": EVERYONE,
    "obsolete": {"vp_officer", "vp_head", "secretariat"},
}
# Who edits it: the owning unit's officers (and the secretariat) until issued.
MODIFY = {
    "draft": {"vp_officer", "secretariat"},
    "pending_review": {"vp_officer", "secretariat"},
    "pending_approval": {"vp_officer", "secretariat"},
    "effective": set(),
    "obsolete": set(),
}
# Who starts a revision of the effective issue.
REVISE = {"effective": {"vp_officer", "secretariat"}}
TRANSITIONS = {
    "draft": {"submit": {"vp_officer", "secretariat"}},
    "pending_review": {
        "accept": {"vp_head", "secretariat"},
        "reject": {"vp_head", "secretariat"},
    },
    "pending_approval": {
        "approve": {"leader", "secretariat"},
        "reject": {"leader", "secretariat"},
    },
    "effective": {"withdraw": {"secretariat"}},
    "obsolete": {},
}


def expected(portal_type: str, state: str, role: str) -> dict:
    own_workflow = portal_type != "ProcedureForm"  # a form follows its procedure
    return {
        "view": role in VIEW[state],
        "modify": role in MODIFY[state],
        "add_form": portal_type == "Procedure" and role in MODIFY[state],
        "revise": own_workflow and role in REVISE.get(state, set()),
        "transitions": {t for t, roles in TRANSITIONS[state].items() if role in roles}
        if own_workflow
        else set(),
    }


@pytest.fixture
def docs(integration):
    portal = integration["portal"]
    return lambda portal_type, state: _find(portal, portal_type, state)


def _find(portal, portal_type, state):
    section, unit = portal["he-thong-qlcl"], portal["don-vi"]["vp"]
    return {
        "QualityPolicy": lambda: section[f"cs-{state}"],
        "Decision": lambda: section[f"qd-{state}"],
        "Procedure": lambda: unit[f"qt-{state}"],
        "ProcedureForm": lambda: unit[f"qt-{state}"]["bm"],
    }[portal_type]()


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("state", DOCUMENT_STATES)
@pytest.mark.parametrize("portal_type", TYPES)
def test_matrix(docs, as_user, portal_type, state, role):
    obj = docs(portal_type, state)
    wftool = api.portal.get_tool("portal_workflow")
    with as_user(ROLES[role]):
        security = getSecurityManager()
        actual = {
            "view": bool(security.checkPermission("View", obj)),
            "modify": bool(security.checkPermission("Modify portal content", obj)),
            "add_form": portal_type == "Procedure"
            and bool(security.checkPermission("qms.intranet: Add ProcedureForm", obj))
            and bool(security.checkPermission("Add portal content", obj)),
            "revise": bool(security.checkPermission("iterate : Check out content", obj))
            and portal_type != "ProcedureForm",
            "transitions": {t["id"] for t in wftool.getTransitionsFor(obj)},
        }
    assert actual == expected(portal_type, state, role)


@pytest.mark.parametrize(
    ("container", "portal_type", "allowed"),
    [
        ("don-vi/vp", "Procedure", {"vp_officer", "secretariat"}),
        ("don-vi/khcn", "Procedure", {"other_officer", "secretariat"}),
        ("he-thong-qlcl", "Procedure", {"secretariat"}),
        ("he-thong-qlcl", "QualityPolicy", {"secretariat"}),
        ("he-thong-qlcl", "Decision", {"secretariat"}),
        ("don-vi", "Department", {"secretariat"}),
    ],
)
@pytest.mark.parametrize("role", list(ROLES))
def test_who_adds_what_where(
    integration, as_user, container, portal_type, allowed, role
):
    folder = integration["portal"].unrestrictedTraverse(container)
    fti = api.portal.get_tool("portal_types")[portal_type]
    with as_user(ROLES[role]):
        assert fti.isConstructionAllowed(folder) == (role in allowed)


@pytest.mark.parametrize("role", list(ROLES))
def test_sharing_offers_unit_roles_to_secretariat_only(integration, as_user, role):
    """The Sharing tab offers our roles; only the secretariat opens it on a unit."""

    unit = integration["portal"]["don-vi"]["vp"]
    with as_user(ROLES[role]):
        if role != "secretariat":
            with pytest.raises(Unauthorized):
                unit.restrictedTraverse("@@sharing")
            return
        offered = {r["id"] for r in unit.restrictedTraverse("@@sharing").roles()}
    assert {"UnitMember", "UnitOfficer", "UnitHead"} <= offered
