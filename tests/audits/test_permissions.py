"""Who may do what with internal audits (issue #14), over real HTTP through
plone.restapi and the Classic UI: programmes (draft, approved), audits
(planned, in progress, reported, closed) and their findings × the roles.

`build` makes, in process, a draft programme of next year and, in this
year's approved demo programme, an audit of khcn in each state (lead
auditor `auditor`, auditor `auditor2`), each but the planned one with a
finding. Reading is checked once for the class; writing (edit, add,
delete, each transition) on a fresh build for each role. Each test collects
every mismatch and reports them together.

The rules: every member of staff reads programmes, audits and findings;
anonymous visitors nothing. The secretariat drafts the programme and plans
the audits (units, dates, team, criteria: «Plan audit»); the leaders or the
secretariat approve the programme. The lead auditor may edit the audit
while planned or in progress; the team while in progress (checklist,
findings); start: the lead auditor or the secretariat; report: the lead
auditor only; close: the secretariat only; nothing changes once reported or
closed. The team is independent (ISO 9001 clause 9.2.2 c).
"""

from datetime import date
from datetime import timedelta
from plone import api
from tests.matrix import check
from tests.matrix import check_deletes
from tests.matrix import class_site
from tests.matrix import PortalRequests
from tests.matrix import refused

import pytest
import requests
import transaction


TODAY = date.today()
SECTION = "danh-gia-noi-bo"
PROGRAMME = f"{SECTION}/{TODAY.year}"
DRAFT_PROGRAMME = f"{SECTION}/{TODAY.year + 1}"
SPARE_PROGRAMME = f"{SECTION}/{TODAY.year - 1}"

ROLES = {
    "secretariat": "sec.only",  # QMSSecretary and nothing else
    "leader": "leader",
    "khcn_staff": "khcn.staff",
    "khcn_officer": "khcn.officer",
    "khcn_head": "khcn.head",
    "lead_auditor": "auditor",  # lead of the audits built here, vp staff
    "auditor": "auditor2",  # in their team, phapche staff
    "other_staff": "vp.staff",  # in no team
    "anonymous": None,
}
AUTHENTICATED = {role for role, login in ROLES.items() if login}
SECRETARIAT = {"secretariat"}
TEAM = {"lead_auditor", "auditor"}
NOBODY = frozenset()
PER_ROLE = pytest.mark.parametrize("role", list(ROLES))


def audit_path(state: str) -> str:
    return f"{PROGRAMME}/audit-{state}"


def finding_path(state: str) -> str:
    return f"{audit_path(state)}/finding"


# Each object: its REST PATCH (field, value) and who may, the types added
# in it and by whom, the transitions and by whom, the plan fields (Plan
# audit: the secretariat only).
OBJECTS = [
    {
        "type": "AuditProgramme",
        "state": "draft",
        "path": DRAFT_PROGRAMME,
        "edit": ("objectives", SECRETARIAT),
        "add": {"Audit": SECRETARIAT},
        "transitions": {"approve": {"leader", "secretariat"}},
    },
    {
        "type": "AuditProgramme",
        "state": "approved",
        "path": PROGRAMME,
        "edit": ("objectives", NOBODY),
        "add": {"Audit": SECRETARIAT},
        "transitions": {},
    },
    {
        "type": "Audit",
        "state": "planned",
        "path": audit_path("planned"),
        "edit": ("summary", SECRETARIAT | {"lead_auditor"}),
        "plan": SECRETARIAT,
        "add": {"AuditFinding": NOBODY},
        "transitions": {"start": {"lead_auditor", "secretariat"}},
    },
    {
        "type": "Audit",
        "state": "in_progress",
        "path": audit_path("in_progress"),
        "edit": ("summary", SECRETARIAT | TEAM),
        "plan": SECRETARIAT,
        "add": {"AuditFinding": SECRETARIAT | TEAM},
        "transitions": {"report": {"lead_auditor"}},
    },
    {
        "type": "Audit",
        "state": "reported",
        "path": audit_path("reported"),
        "edit": ("summary", NOBODY),
        "plan": NOBODY,
        "add": {"AuditFinding": NOBODY},
        "transitions": {"close": SECRETARIAT},
    },
    {
        "type": "Audit",
        "state": "closed",
        "path": audit_path("closed"),
        "edit": ("summary", NOBODY),
        "plan": NOBODY,
        "add": {"AuditFinding": NOBODY},
        "transitions": {},
    },
]
for _state, _editors in (
    ("in_progress", SECRETARIAT | TEAM),
    ("reported", NOBODY),
    ("closed", NOBODY),
):
    OBJECTS.append(
        {
            "type": "AuditFinding",
            "state": f"of an audit {_state}",
            "path": finding_path(_state),
            "edit": ("evidence", _editors),
            "add": {},
            "transitions": None,
        }
    )
TRANSITIONS_OF = {
    "AuditProgramme": ("approve",),
    "Audit": ("start", "report", "close"),
}
# DELETE of something made for it (untouched by the transitions tried
# before): path -> who may. An audit that ran is evidence of the programme
# (ISO 9001 clause 9.2.2 f): its team never deletes it.
RUNNING_SPARE = f"{PROGRAMME}/audit-running-spare"
DELETE = {
    # a planned audit in the draft programme
    f"{DRAFT_PROGRAMME}/audit-spare": SECRETARIAT,
    # a finding of an audit in progress; one of a reported audit
    f"{RUNNING_SPARE}/finding-spare": SECRETARIAT | TEAM,
    f"{audit_path('reported')}/finding-spare": NOBODY,
    # audits that run or ran
    RUNNING_SPARE: SECRETARIAT,
    audit_path("closed"): NOBODY,
    # the approved programme
    PROGRAMME: NOBODY,
}


# Building


def _finding(audit, id="finding"):
    with api.env.adopt_user(username="auditor2"):
        api.content.create(
            container=audit,
            type="AuditFinding",
            id=id,
            title="Sổ theo dõi cập nhật chậm",
            kind="observation",
            unit="khcn",
            description="Sổ theo dõi cập nhật chậm hai ngày.",
            evidence="Sổ năm nay.",
        )


def _audit(container, id, start):
    with api.env.adopt_user(username="iso.secretary"):
        return api.content.create(
            container=container,
            type="Audit",
            id=id,
            title=f"Đánh giá kiểm thử {id}",
            audited_units=["khcn"],
            lead_auditor="auditor",
            auditors=["auditor2"],
            start=start,
            end=start + timedelta(days=2),
            criteria="TCVN ISO 9001:2015",
        )


def _do(login, obj, transition):
    with api.env.adopt_user(username=login):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition)


def build(portal) -> None:
    """Everything of OBJECTS and DELETE, committed."""
    section, programme = portal[SECTION], portal.unrestrictedTraverse(PROGRAMME)
    with api.env.adopt_user(username="iso.secretary"):
        for year in (TODAY.year + 1, TODAY.year - 1):
            api.content.create(
                container=section, type="AuditProgramme", id=str(year), year=year
            )
    _audit(section[str(TODAY.year + 1)], "audit-spare", TODAY + timedelta(days=40))
    _audit(programme, "audit-planned", TODAY + timedelta(days=10))
    for state in ("in_progress", "reported", "closed", "running-spare"):
        audit = _audit(programme, f"audit-{state}", TODAY - timedelta(days=1))
        _do("auditor", audit, "start")
        _finding(audit)
        _finding(audit, "finding-spare")
        audit.summary = "Đơn vị áp dụng phù hợp."
        if state in ("reported", "closed"):
            _do("auditor", audit, "report")
        if state == "closed":
            _do("iso.secretary", audit, "close")
        audit.reindexObject()
    transaction.commit()


class Site(PortalRequests):
    """Requests to the site as one role of the matrix."""

    def __init__(self, portal, http: requests.Session):
        super().__init__(portal, http, ROLES)


def where(obj: dict) -> tuple:
    return (obj["type"], f"({obj['state']})", obj["path"])


# Reading


@pytest.fixture(scope="class")
def built(functional_class):
    with class_site(functional_class, build, Site) as site:
        yield site


class TestReading:
    @PER_ROLE
    def test_view(self, built, role):
        """The page, REST GET and the @search listing: every member of
        staff, not anonymous visitors."""
        site, problems = built, []
        visible = role in AUTHENTICATED
        for obj in OBJECTS:
            for name, response in (
                ("REST GET", site.call(role, "GET", obj["path"])),
                ("page", site.call(role, "GET", obj["path"], api_call=False)),
            ):
                what = (role, name, *where(obj), response.status_code)
                if visible:
                    check(problems, response.status_code == 200, "not read:", *what)
                else:
                    check(problems, refused(response), "not refused:", *what)
        listed = site.call(
            role,
            "GET",
            "@search",
            params={
                "path": f"/plone/{SECTION}",
                "portal_type": ["AuditProgramme", "Audit", "AuditFinding"],
                "b_size": 1000,
            },
        )
        if visible:
            prefix = f"{site.url}/"
            found = {
                item["@id"].removeprefix(prefix) for item in listed.json()["items"]
            }
            missing = {obj["path"] for obj in OBJECTS} - found
            check(problems, not missing, role, "@search misses", sorted(missing))
        else:
            check(problems, listed.status_code == 401, "@search", listed.status_code)
        assert not problems, "\n".join(problems)


# Writing: a fresh build for each role


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    build(portal)
    with requests.Session() as http:
        yield Site(portal, http)


def _new(portal_type: str, role: str) -> dict:
    if portal_type == "Audit":
        return {
            "@type": "Audit",
            "title": f"Đánh giá của {role}",
            "audited_units": ["khcn"],
            "lead_auditor": "auditor",
            "auditors": ["auditor2"],
            "start": (TODAY + timedelta(days=50)).isoformat(),
            "end": (TODAY + timedelta(days=51)).isoformat(),
        }
    return {
        "@type": "AuditFinding",
        "title": f"Phát hiện của {role}",
        "kind": "observation",
        "unit": "khcn",
        "description": "Sổ theo dõi cập nhật chậm.",
    }


def _edit_and_add(site, role, problems) -> None:
    for obj in OBJECTS:
        field, editors = obj["edit"]
        value = f"Sửa bởi {role}"
        patched = site.call(role, "PATCH", obj["path"], json={field: value})
        changed = getattr(site.get(obj["path"]), field, None) == value
        what = ("PATCH", field, *where(obj), patched.status_code)
        if role in editors:
            check(
                problems, patched.status_code == 204 and changed, "not edited:", *what
            )
        else:
            check(problems, patched.status_code in (401, 403), "not refused:", *what)
            check(problems, not changed, "changed:", *what)
        if "plan" in obj:
            # plan fields: ignored or refused for all but the secretariat
            start = (TODAY + timedelta(days=90)).isoformat()
            end = (TODAY + timedelta(days=91)).isoformat()
            for body in ({"start": start, "end": end}, {"criteria": value}):
                patched = site.call(role, "PATCH", obj["path"], json=body)
                audit = site.get(obj["path"])
                changed = (
                    audit.start.isoformat() == start
                    if "start" in body
                    else audit.criteria == value
                )
                what = ("PATCH", *body, *where(obj), patched.status_code)
                check(problems, patched.status_code < 500, "error:", *what)
                if role in obj["plan"]:
                    check(problems, changed, "plan field not changed:", *what)
                else:
                    check(problems, not changed, "plan field changed:", *what)
        for portal_type, allowed in obj["add"].items():
            added = site.call(role, "POST", obj["path"], json=_new(portal_type, role))
            what = ("add", portal_type, "in", *where(obj), added.status_code)
            if role in allowed:
                check(
                    problems,
                    added.status_code == 201,
                    "not added:",
                    *what,
                    added.text[:300],
                )
            else:
                check(problems, added.status_code in (401, 403), "not refused:", *what)


def _offered(site, role, path) -> set:
    response = site.call(role, "GET", f"{path}/@workflow")
    if response.status_code != 200:
        return set()
    return {t["@id"].rsplit("/", 1)[-1] for t in response.json()["transitions"]}


def _transitions(site, role, problems) -> None:
    """@workflow offers exactly the allowed transitions; every other one is
    refused and changes nothing; the allowed one is done."""
    for obj in OBJECTS:
        if obj["transitions"] is None:
            continue
        allowed = {t for t, roles in obj["transitions"].items() if role in roles}
        before = site.state(obj["path"])
        if role in AUTHENTICATED:
            offered = _offered(site, role, obj["path"])
            check(problems, offered == allowed, "offered", sorted(offered), *where(obj))
        for transition in TRANSITIONS_OF[obj["type"]]:
            if transition in allowed:
                continue
            response = site.call(
                role, "POST", f"{obj['path']}/@workflow/{transition}", json={}
            )
            what = (transition, *where(obj), response.status_code)
            check(problems, 400 <= response.status_code < 500, "not refused:", *what)
        for transition in allowed:
            response = site.call(
                role, "POST", f"{obj['path']}/@workflow/{transition}", json={}
            )
            what = (transition, *where(obj), response.status_code, response.text[:300])
            check(problems, response.status_code == 200, "refused:", *what)
        moved = site.state(obj["path"]) != before
        check(problems, moved == bool(allowed), "moved" if moved else "stayed", obj)


@PER_ROLE
def test_write(site, role):
    """Edit, plan fields, add; the transitions; delete."""
    problems = []
    _edit_and_add(site, role, problems)
    _transitions(site, role, problems)
    check_deletes(site, role, problems, DELETE)
    assert not problems, "\n".join(problems)


# Independence of the team (ISO 9001 clause 9.2.2 c), over REST


class TestIndependence:
    @pytest.fixture(scope="class")
    def site(self, functional_class):
        layer = functional_class
        layer.testSetUp()
        try:
            with requests.Session() as http:
                yield Site(layer["portal"], http)
        finally:
            layer.testTearDown()

    def _post(self, site, **values):
        body = {
            "@type": "Audit",
            "title": "Đánh giá độc lập",
            "audited_units": ["vp"],
            "lead_auditor": "auditor2",
            "auditors": [],
            "start": (TODAY + timedelta(days=60)).isoformat(),
            "end": (TODAY + timedelta(days=61)).isoformat(),
            # sent, so that the answer is about the team (see test_write:
            # a POST without it is refused)
            "checklist": [],
            **values,
        }
        return site.call("secretariat", "POST", PROGRAMME, json=body)

    def _titles(self, site) -> list:
        return sorted(a.Title() for a in site.get(PROGRAMME).objectValues())

    def test_lead_auditor_of_the_audited_unit(self, site):
        before = self._titles(site)
        response = self._post(site, lead_auditor="auditor")  # vp staff
        assert response.status_code == 400, response.text[:500]
        assert "9.2.2" in response.text
        assert self._titles(site) == before

    def test_lead_auditor_not_appointed(self, site):
        before = self._titles(site)
        response = self._post(site, lead_auditor="khcn.staff")
        assert response.status_code == 400, response.text[:500]
        assert "qms-auditors" in response.text
        assert self._titles(site) == before

    def test_end_before_start(self, site):
        before = self._titles(site)
        response = self._post(
            site,
            start=(TODAY + timedelta(days=10)).isoformat(),
            end=(TODAY + timedelta(days=9)).isoformat(),
        )
        assert response.status_code == 400, response.text[:500]
        assert self._titles(site) == before

    def test_independent_team_accepted(self, site):
        """The reference: the same audit with an independent team."""
        response = self._post(site, title="Đánh giá độc lập hợp lệ")
        assert response.status_code == 201, response.text[:500]
        path = response.json()["@id"].removeprefix(f"{site.url}/")
        audit = site.get(path)
        planned = (audit.lead_auditor, list(audit.audited_units or ()), audit.start)
        assert planned == ("auditor2", ["vp"], TODAY + timedelta(days=60))

    def test_adding_an_auditor_of_the_audited_unit(self, site):
        """The vp demo audit (lead auditor2): `auditor` is vp staff."""
        path = f"{PROGRAMME}/danh-gia-noi-bo-van-phong-bo"
        response = site.call(
            "secretariat", "PATCH", path, json={"auditors": ["auditor"]}
        )
        assert response.status_code == 400, response.text[:500]
        assert "9.2.2" in response.text
        assert list(site.get(path).auditors or ()) == []
