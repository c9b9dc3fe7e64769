"""Who may do what with training (issue #16), over real HTTP through
plone.restapi and the Classic UI: the section, a course, a certificate
(and its file), requests of khcn in each state, and training records ×
the roles.

The rules: every member of staff reads the section, courses and
certificates; anonymous visitors nothing. Only the secretariat adds and
edits courses and certificates. A unit's ISO officers and heads file
requests for their own unit; the requesting unit sees its requests, the
other units do not, the secretariat sees all and alone plans or declines
them. A record is read by its person, the heads of the person's units and
the secretariat.
"""

from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from qms.intranet.site.demo.files import pdf_bytes
from tests.matrix import check
from tests.matrix import check_deletes
from tests.matrix import class_site
from tests.matrix import PortalRequests
from tests.matrix import refused

import base64
import pytest
import requests
import transaction


SECTION = "dao-tao"
COURSE = f"{SECTION}/course-a"
CERTIFICATE = f"{COURSE}/cert-a"
SPARE_COURSE = f"{SECTION}/course-spare"

ROLES = {
    "secretariat": "sec.only",  # QMSSecretary and nothing else
    "khcn_officer": "khcn.officer",
    "khcn_head": "khcn.head",
    "khcn_staff": "khcn.staff",
    "other_officer": "vp.officer",
    "other_staff": "vp.staff",
    "leader": "leader",
    "anonymous": None,
}
AUTHENTICATED = {role for role, login in ROLES.items() if login}
SECRETARIAT = {"secretariat"}
KHCN = {"khcn_officer", "khcn_head", "khcn_staff"}
NOBODY = frozenset()
PER_ROLE = pytest.mark.parametrize("role", list(ROLES))
# The unit each role files its requests for.
UNIT_OF = {"khcn_officer": "khcn", "khcn_head": "khcn", "other_officer": "vp"}


def request_path(state: str) -> str:
    return f"{SECTION}/request-{state}"


REQUEST_STATES = ("pending", "planned", "declined")
# Each object: who reads it, its REST PATCH (field, value) and who may.
OBJECTS = [
    {"type": "TrainingSection", "path": SECTION, "read": AUTHENTICATED, "edit": None},
    {
        "type": "TrainingCourse",
        "path": COURSE,
        "read": AUTHENTICATED,
        "edit": ("organiser", SECRETARIAT),
    },
    {
        "type": "TrainingCertificate",
        "path": CERTIFICATE,
        "read": AUTHENTICATED,
        "edit": ("number", SECRETARIAT),
    },
    *(
        {
            "type": "TrainingRequest",
            "path": request_path(state),
            "state": state,
            "read": SECRETARIAT | KHCN,
            "edit": (
                "topic",
                SECRETARIAT | {"khcn_officer", "khcn_head"}
                if state == "pending"
                else NOBODY,
            ),
        }
        for state in REQUEST_STATES
    ),
]


def build(portal) -> None:
    """A course with a certificate, a spare course, khcn's requests in each
    state; committed."""
    section = portal[SECTION]
    with api.env.adopt_user(username="iso.secretary"):
        for id in ("course-a", "course-spare"):
            api.content.create(
                container=section,
                type="TrainingCourse",
                id=id,
                title=f"Khóa {id}",
                kind="iso_awareness",
                date=date(2026, 1, 5),
                participants=["khcn.staff"],
            )
        api.content.create(
            container=section[COURSE.rsplit("/", 1)[-1]],
            type="TrainingCertificate",
            id="cert-a",
            title="x",
            participant="khcn.staff",
            number="A-01",
            issued_on=date(2026, 1, 6),
            file=NamedBlobFile(pdf_bytes("A-01"), filename="a-01.pdf"),
        )
    wftool = api.portal.get_tool("portal_workflow")
    for state in REQUEST_STATES:
        with api.env.adopt_user(username="khcn.officer"):
            request = api.content.create(
                container=section,
                type="TrainingRequest",
                id=f"request-{state}",
                title="x",
                unit="khcn",
                participants=["khcn.staff"],
                kind="iso_awareness",
                reason="Cán bộ mới",
            )
        if state != "pending":
            with api.env.adopt_user(username="iso.secretary"):
                wftool.doActionFor(
                    request,
                    {"planned": "plan", "declined": "decline"}[state],
                    comment="Lý do",
                )
    transaction.commit()


class Site(PortalRequests):
    """Requests to the site as one role of the matrix."""

    def __init__(self, portal, http: requests.Session):
        super().__init__(portal, http, ROLES)


def where(obj: dict) -> tuple:
    return (obj["type"], obj.get("state", ""), obj["path"])


@pytest.fixture(scope="class")
def built(functional_class):
    with class_site(functional_class, build, Site) as site:
        yield site


class TestReading:
    @PER_ROLE
    def test_view(self, built, role):
        """The page and REST GET of each object."""
        site, problems = built, []
        for obj in OBJECTS:
            for name, response in (
                ("REST GET", site.call(role, "GET", obj["path"])),
                ("page", site.call(role, "GET", obj["path"], api_call=False)),
            ):
                what = (role, name, *where(obj), response.status_code)
                check(problems, response.status_code < 500, "error:", *what)
                if role in obj["read"]:
                    check(problems, response.status_code == 200, "not read:", *what)
                else:
                    check(problems, refused(response), "not refused:", *what)
        assert not problems, "\n".join(problems)

    @PER_ROLE
    def test_listing_and_search(self, built, role):
        """The section's page lists, and @search finds, exactly the
        requests the person may see."""
        site, problems = built, []
        requests_seen = {request_path(s) for s in REQUEST_STATES}
        expected = requests_seen if role in SECRETARIAT | KHCN else set()
        page = site.call(role, "GET", SECTION, api_call=False)
        if role in AUTHENTICATED:
            listed = {p for p in requests_seen if f'{site.url}/{p}"' in page.text}
            check(problems, listed == expected, "section lists", sorted(listed))
            check(problems, f'{site.url}/{COURSE}"' in page.text, "course not listed")
        else:
            check(problems, refused(page), "page not refused", page.status_code)
        found = site.call(
            role,
            "GET",
            "@search",
            params={"path": f"/plone/{SECTION}", "b_size": 1000},
        )
        if role in AUTHENTICATED:
            prefix = f"{site.url}/"
            ids = {item["@id"].removeprefix(prefix) for item in found.json()["items"]}
            check(problems, ids & requests_seen == expected, "@search", sorted(ids))
            check(problems, {COURSE, CERTIFICATE} <= ids, "@search misses course")
            text = site.call(
                role, "GET", "@search", params={"SearchableText": "Khóa course-a"}
            )
            titles = {item["@id"] for item in text.json()["items"]}
            check(problems, f"{site.url}/{COURSE}" in titles, "text search", titles)
        else:
            check(problems, found.status_code == 401, "@search", found.status_code)
        assert not problems, "\n".join(problems)

    @PER_ROLE
    def test_certificate_download(self, built, role):
        response = built.call(
            role, "GET", f"{CERTIFICATE}/@@download/file", api_call=False
        )
        if role in AUTHENTICATED:
            assert response.status_code == 200
            assert response.content.startswith(b"%PDF-")
        else:
            assert refused(response), response.status_code


# Training records: khcn.staff's

RECORD_READERS = {
    "owner": ("khcn.staff", True),
    "secretariat": ("sec.only", True),
    "head_of_unit": ("khcn.head", True),
    "officer_of_unit": ("khcn.officer", False),
    "other_unit_staff": ("vp.staff", False),
    "other_unit_head": ("vp.head", False),
    "leader": ("leader", False),
    "anonymous": (None, False),
}


@pytest.mark.parametrize("reader", list(RECORD_READERS))
def test_training_record(built, reader):
    login, allowed = RECORD_READERS[reader]
    rest = built.call(login, "GET", "@training-record", params={"user": "khcn.staff"})
    page = built.call(
        login, "GET", "@@training-record", api_call=False, params={"user": "khcn.staff"}
    )
    if allowed:
        assert rest.status_code == 200, rest.text[:300]
        data = rest.json()
        assert data["user"] == "khcn.staff"
        assert [c["number"] for c in data["certificates"]] == ["A-01"]
        assert page.status_code == 200
        assert "A-01" in page.text
    else:
        assert rest.status_code in (401, 403), rest.status_code
        assert page.status_code in (401, 403) or refused(page), page.status_code
        assert "A-01" not in page.text
        assert "A-01" not in rest.text


# Writing: a fresh build for each role


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    build(portal)
    with requests.Session() as http:
        yield Site(portal, http)


def _pdf() -> dict:
    return {
        "data": base64.b64encode(pdf_bytes("B-01")).decode(),
        "encoding": "base64",
        "filename": "b-01.pdf",
        "content-type": "application/pdf",
    }


def _edit(site, role, problems) -> None:
    for obj in OBJECTS:
        if obj["edit"] is None:
            continue
        field, editors = obj["edit"]
        value = f"Sửa bởi {role}"
        patched = site.call(role, "PATCH", obj["path"], json={field: value})
        changed = getattr(site.get(obj["path"]), field, None) == value
        what = ("PATCH", field, *where(obj), patched.status_code)
        if role in editors:
            check(problems, patched.status_code == 204 and changed, "not edited", *what)
        else:
            check(problems, patched.status_code in (401, 403), "not refused:", *what)
            check(problems, not changed, "changed:", *what)


def _add(site, role, problems) -> None:
    bodies = {
        SECTION: {
            "TrainingCourse": (
                {
                    "@type": "TrainingCourse",
                    "title": f"Khóa của {role}",
                    "kind": "other",
                    "date": "2026-02-01",
                },
                SECRETARIAT,
            ),
            "TrainingRequest": (
                {
                    "@type": "TrainingRequest",
                    "unit": UNIT_OF.get(role, "khcn"),
                    "participants": ["khcn.staff"],
                    "kind": "iso_awareness",
                    "reason": f"Đề nghị của {role}",
                },
                SECRETARIAT | set(UNIT_OF),
            ),
        },
        COURSE: {
            "TrainingCertificate": (
                {
                    "@type": "TrainingCertificate",
                    "participant": "khcn.staff",
                    "number": f"B-{role}",
                    "issued_on": "2026-02-02",
                    "file": _pdf(),
                },
                SECRETARIAT,
            )
        },
    }
    for path, types in bodies.items():
        for portal_type, (body, allowed) in types.items():
            added = site.call(role, "POST", path, json=body)
            what = ("add", portal_type, "in", path, added.status_code)
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


def _transitions(site, role, problems) -> None:
    path = request_path("pending")
    allowed = {"plan", "decline"} if role in SECRETARIAT else set()
    if role in AUTHENTICATED:
        response = site.call(role, "GET", f"{path}/@workflow")
        offered = (
            {t["@id"].rsplit("/", 1)[-1] for t in response.json()["transitions"]}
            if response.status_code == 200
            else set()
        )
        check(problems, offered == allowed, "offered", sorted(offered))
    for transition in ("plan", "decline"):
        if transition in allowed:
            continue
        response = site.call(
            role,
            "POST",
            f"{path}/@workflow/{transition}",
            json={"comment": "Lý do"},
        )
        what = (transition, path, response.status_code)
        check(problems, 400 <= response.status_code < 500, "not refused:", *what)
    check(problems, site.state(path) == "pending", "moved", site.state(path))
    if allowed:
        response = site.call(
            role, "POST", f"{path}/@workflow/decline", json={"comment": "Lý do"}
        )
        check(problems, response.status_code == 200, "decline refused", response.text)
        check(problems, site.state(path) == "declined", "not declined")


DELETE = {
    SPARE_COURSE: SECRETARIAT,
    request_path("planned"): NOBODY,
}


@PER_ROLE
def test_write(site, role):
    """Edit, add, the transitions, delete."""
    problems = []
    _edit(site, role, problems)
    _add(site, role, problems)
    _transitions(site, role, problems)
    check_deletes(site, role, problems, DELETE)
    assert not problems, "\n".join(problems)
