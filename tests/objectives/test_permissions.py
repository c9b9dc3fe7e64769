"""Who may read and do what with quality objectives (issue #15), over real
HTTP: the Classic UI pages, plone.restapi and search × the roles.

Built for the class (committed): plans of khcn in draft, pending and issued
(next years: no demo data there), and a draft plan of the bloc, each with
one objective `mt-1`. Drafts (and pending plans) are read by the unit, the
secretariat and the leaders, never by other units; issued plans by every
member of staff; nothing by anonymous visitors. The unit's officers and the
secretariat record measurements, even once the plan is issued; nobody
else."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.matrix import check
from tests.matrix import PortalRequests
from tests.matrix import refused
from tests.objectives.helpers import act
from tests.objectives.helpers import make_plan
from tests.objectives.helpers import YEAR

import pytest
import re
import requests
import transaction


ROLES = {
    "khcn_staff": "khcn.staff",
    "khcn_officer": "khcn.officer",
    "khcn_head": "khcn.head",
    "other_staff": "vp.staff",
    "other_officer": "vp.officer",
    "other_head": "vp.head",
    "secretariat": "sec.only",
    "leader": "leader",
    "anonymous": None,
}
UNIT = {"khcn_staff", "khcn_officer", "khcn_head"}
OVERSIGHT = {"secretariat", "leader"}
STAFF = {role for role, login in ROLES.items() if login}
PER_ROLE = pytest.mark.parametrize("role", list(ROLES))

PLANS = {
    "draft": f"don-vi/khcn/muc-tieu/{YEAR}",
    "pending": f"don-vi/khcn/muc-tieu/{YEAR + 1}",
    "issued": f"don-vi/khcn/muc-tieu/{YEAR + 2}",
    "bloc_draft": f"he-thong-qlcl/muc-tieu/{YEAR}",
}
READERS = {
    "draft": UNIT | OVERSIGHT,
    "pending": UNIT | OVERSIGHT,
    "issued": STAFF,
    "bloc_draft": OVERSIGHT,
}
RECORDERS = {
    "draft": {"khcn_officer", "secretariat"},
    "pending": {"khcn_officer", "secretariat"},
    "issued": {"khcn_officer", "secretariat"},
    "bloc_draft": {"secretariat"},
}


def build(portal):
    def as_user(login):
        return api.env.adopt_user(username=login)

    make_plan(portal, as_user)
    pending = make_plan(portal, as_user, year=YEAR + 1)
    act(as_user, "khcn.officer", pending, "submit")
    issued = make_plan(portal, as_user, year=YEAR + 2)
    act(as_user, "khcn.officer", issued, "submit")
    act(as_user, "khcn.head", issued, "issue")
    make_plan(portal, as_user, unit="bloc")
    processQueue()
    transaction.commit()


class Site(PortalRequests):
    def __init__(self, portal, http):
        super().__init__(portal, http, ROLES)

    def page(self, role, path):
        return self.call(role, "GET", path, api_call=False)

    def token(self, role, path) -> str | None:
        """The form's CSRF token, as the person's browser gets it."""
        response = self.page(role, path)
        found = re.search(r'name="_authenticator" value="([^"]+)"', response.text)
        return found.group(1) if found else None


@pytest.fixture(scope="class")
def site(functional_class):
    layer = functional_class
    layer.testSetUp()
    try:
        portal = layer["portal"]
        build(portal)
        with requests.Session() as http:
            yield Site(portal, http)
    finally:
        layer.testTearDown()


class TestReading:
    @PER_ROLE
    def test_pages_rest_and_search(self, site, role):
        problems = []
        for name, path in PLANS.items():
            may = role in READERS[name]
            for target in (path, f"{path}/mt-1"):
                page = site.page(role, target)
                check(problems, page.status_code < 500, "5xx", target)
                check(
                    problems,
                    (page.status_code == 200) == may,
                    "page",
                    target,
                    page.status_code,
                )
                check(problems, refused(page) == (not may), "page refusal", target)
                rest = site.call(role, "GET", target)
                check(
                    problems,
                    (rest.status_code == 200) == may,
                    "REST",
                    target,
                    rest.status_code,
                )
            found = site.call(
                role,
                "GET",
                "@search",
                params={
                    "portal_type": "QualityObjective",
                    "path.query": f"/plone/{path}",
                },
            ).json()
            count = found.get("items_total", 0)
            check(problems, count == (1 if may else 0), "search", path, count)
            found = site.call(
                role,
                "GET",
                "@search",
                params={
                    "SearchableText": "hồ sơ đúng hạn",
                    "path.query": f"/plone/{path}",
                },
            ).json()
            count = found.get("items_total", 0)
            check(problems, count == (1 if may else 0), "text search", path, count)
        assert not problems, "\n".join(problems)

    @PER_ROLE
    def test_archive_page_lists_only_what_one_may_read(self, site, role):
        page = site.page(role, "don-vi/khcn/muc-tieu")
        if role == "anonymous":
            assert refused(page)
            return
        assert page.status_code == 200
        for name, path in PLANS.items():
            if name == "bloc_draft":
                continue
            year = path.rsplit("/", 1)[-1]
            shown = f'data-year="{year}"' in page.text
            assert shown == (role in READERS[name]), (name, role)

    def test_issued_plan_has_chart_and_badge(self, site):
        page = site.page("other_staff", PLANS["issued"])
        assert '<svg class="qms-objective-chart"' in page.text
        assert 'class="qms-target"' in page.text
        assert "qms-objective-status" in page.text


class TestMeasuring:
    @PER_ROLE
    def test_record_measurement(self, site, role):
        problems = []
        for name, path in PLANS.items():
            objective = f"{path}/mt-1"
            may = role in RECORDERS[name]
            form = site.page(role, f"{objective}/@@record-measurement")
            check(problems, form.status_code < 500, "5xx form", objective)
            check(
                problems,
                (form.status_code == 200) == may,
                "form",
                objective,
                form.status_code,
            )
            token = site.token(role, f"{objective}/@@record-measurement") if may else ""
            before = len(site.get(objective).measurements or [])
            response = site.call(
                role,
                "POST",
                f"{objective}/@@record-measurement",
                api_call=False,
                data={
                    "form.submitted": "1",
                    "period": "Q1",
                    "value": "96,5",
                    "note": "",
                    "_authenticator": token or "",
                },
            )
            check(problems, response.status_code < 500, "5xx post", objective)
            after = site.get(objective).measurements or []
            check(
                problems,
                (len(after) == before + 1) == may,
                "recorded",
                objective,
                role,
                response.status_code,
            )
            if may and len(after) == before + 1:
                check(problems, after[-1]["who"] == ROLES[role], "who", after[-1])
                check(problems, after[-1]["value"] == 96.5, "value", after[-1])
        assert not problems, "\n".join(problems)

    @PER_ROLE
    def test_rest_measurement(self, site, role):
        objective = f"{PLANS['issued']}/mt-1"
        before = len(site.get(objective).measurements or [])
        response = site.call(
            role,
            "POST",
            f"{objective}/@measurements",
            json={"period": "Q2", "value": "91,5", "note": "REST"},
        )
        may = role in RECORDERS["issued"]
        assert response.status_code == (201 if may else 401), response.text
        after = site.get(objective).measurements or []
        assert len(after) == before + (1 if may else 0)
        if may:
            assert response.json()["measurement"]["who"] == ROLES[role]
            assert after[-1]["value"] == 91.5

    def test_rest_bad_measurement_refused(self, site):
        objective = f"{PLANS['issued']}/mt-1"
        before = list(site.get(objective).measurements or [])
        for body, field in (
            ({"period": "Q2", "value": "nhiều"}, "value"),
            ({"period": "Q9", "value": "90"}, "period"),
            ({"period": "Q2"}, "value"),
            ([], None),
        ):
            response = site.call(
                "khcn_officer", "POST", f"{objective}/@measurements", json=body
            )
            assert response.status_code == 400, (body, response.text)
            if field:
                assert response.json()["error"]["field"] == field, response.text
        assert list(site.get(objective).measurements or []) == before

    def test_rest_patch_of_issued_objective_refused(self, site):
        for role in ("khcn_officer", "khcn_head", "secretariat"):
            response = site.call(
                role, "PATCH", f"{PLANS['issued']}/mt-1", json={"target": 1}
            )
            assert response.status_code in (401, 403), role
        assert site.get(f"{PLANS['issued']}/mt-1").target == 95.0


class TestSteps:
    def test_rest_issue_by_the_right_head_only(self, site):
        path = PLANS["pending"]
        for role in ("other_head", "leader", "khcn_officer"):
            response = site.call(role, "POST", f"{path}/@workflow/issue")
            assert 400 <= response.status_code < 500, role
        assert api.content.get_state(obj=site.get(path)) == "pending"
        response = site.call("khcn_head", "POST", f"{path}/@workflow/reject")
        assert response.status_code == 400
        message = response.json()["error"]["message"]
        assert "reason" in message or "lý do" in message, message
        response = site.call("khcn_head", "POST", f"{path}/@workflow/issue")
        assert response.status_code == 200, response.text
        assert api.content.get_state(obj=site.get(path)) == "issued"

    @PER_ROLE
    def test_transition_forms_never_fail(self, site, role):
        for path in PLANS.values():
            for transition in ("submit", "issue", "reject", "amend"):
                response = site.page(
                    role, f"{path}/@@qms-transition?transition={transition}"
                )
                assert response.status_code < 500, (path, transition)
        response = site.page(role, "don-vi/khcn/muc-tieu/@@create-objective-plan")
        assert response.status_code < 500
        assert (response.status_code == 200) == (
            role in {"khcn_officer", "secretariat"}
        )
