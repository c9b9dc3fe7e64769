"""Who may read and change management reviews (issue #15), over real HTTP
(Classic UI page, plone.restapi GET, @search) with the demo reviews: last
year's (closed, with a done and an open action of vp.officer) and this
year's (draft), plus a review of one unit (phapche).

The rules: the secretariat prepares, holds and closes them; the leaders
read them; the heads of the units of the scope read them (the whole bloc:
every unit's heads; a unit's review: that unit's heads and ISO officers);
other staff and anonymous visitors do not. The actions are read by the
secretariat, the leaders and their person responsible."""

from datetime import date
from plone import api
from tests.matrix import check
from tests.matrix import refused
from tests.matrix import Requests
from tests.review.test_meeting import demo_reviews

import pytest
import requests
import transaction


TODAY = date.today()
ROLES = {
    "secretariat": "sec.only",
    "leader": "leader",
    "khcn_head": "khcn.head",
    "phapche_head": "phapche.head",
    "khcn_staff": "khcn.staff",
    "vp_officer": "vp.officer",
    "anonymous": None,
}


@pytest.fixture(scope="class")
def site(functional_class):
    layer = functional_class
    layer.testSetUp()
    try:
        portal = layer["portal"]
        last, this = demo_reviews(portal)
        with api.env.adopt_user(username="iso.secretary"):
            unit = api.content.create(
                container=last.aq_parent,
                type="ManagementReview",
                id="phapche-review",
                title="Xem xét của Vụ Pháp chế",
                meeting_date=TODAY,
                scope="phapche",
                period_start=date(TODAY.year, 1, 1),
                period_end=date(TODAY.year, 12, 31),
            )
        actions = {api.content.get_state(obj=a): a for a in last.objectValues()}
        paths = {
            "last": "/".join(last.getPhysicalPath()[2:]),
            "this": "/".join(this.getPhysicalPath()[2:]),
            "unit": "/".join(unit.getPhysicalPath()[2:]),
            "done_action": "/".join(actions["done"].getPhysicalPath()[2:]),
            "open_action": "/".join(actions["open"].getPhysicalPath()[2:]),
        }
        transaction.commit()
        with requests.Session() as http:
            yield Requests(portal.absolute_url(), http, ROLES), paths, portal
    finally:
        layer.testTearDown()


READERS = {
    "last": {"secretariat", "leader", "khcn_head", "phapche_head"},
    "this": {"secretariat", "leader", "khcn_head", "phapche_head"},
    "unit": {"secretariat", "leader", "phapche_head"},
    "done_action": {"secretariat", "leader"},
    "open_action": {"secretariat", "leader", "vp_officer"},
}


class TestMatrix:
    @pytest.mark.parametrize("role", list(ROLES))
    def test_read(self, site, role):
        requests_, paths, _portal = site
        problems = []
        for name, path in paths.items():
            readable = role in READERS[name]
            for kind, response in (
                ("REST", requests_.call(role, "GET", path)),
                ("page", requests_.call(role, "GET", path, api_call=False)),
            ):
                check(problems, response.status_code < 500, "error", kind, name)
                if readable:
                    check(
                        problems,
                        response.status_code == 200,
                        "not read",
                        kind,
                        name,
                        response.status_code,
                    )
                else:
                    check(
                        problems,
                        refused(response),
                        "not refused",
                        kind,
                        name,
                        response.status_code,
                    )
        found = requests_.call(
            role,
            "GET",
            "@search",
            params={
                "portal_type": ["ManagementReview", "CorrectiveAction"],
                "path": "/plone/xem-xet-lanh-dao",
                "b_size": 100,
            },
        )
        if role == "anonymous":
            check(
                problems, found.status_code in (200, 401), "@search", found.status_code
            )
            items = found.json().get("items", []) if found.status_code == 200 else []
        else:
            items = found.json()["items"]
        listed = {item["@id"].split("/plone/", 1)[-1] for item in items}
        expected = {path for name, path in paths.items() if role in READERS[name]}
        check(
            problems,
            listed == expected,
            "@search lists",
            sorted(listed),
            "expected",
            sorted(expected),
        )
        section = requests_.call(role, "GET", "xem-xet-lanh-dao", api_call=False)
        check(problems, section.status_code < 500, "section error", section.status_code)
        assert not problems, "\n".join(problems)

    def test_rest_shows_the_frozen_inputs(self, site):
        requests_, paths, _portal = site
        body = requests_.call("secretariat", "GET", paths["last"]).json()
        assert body["scope"]["token"] == "bloc"
        assert body["inputs"]["period"]["year"] == TODAY.year - 1
        assert set(body["inputs"]) >= {
            "previous_actions",
            "changes",
            "performance",
            "improvement_findings",
        }
        assert body["period_start"] == f"{TODAY.year - 1}-01-01"
        draft = requests_.call("secretariat", "GET", paths["this"]).json()
        assert draft["inputs"] is None

    @pytest.mark.parametrize("role", ["leader", "khcn_head", "khcn_staff", "anonymous"])
    def test_only_the_secretariat_changes(self, site, role):
        requests_, paths, portal = site
        problems = []
        patched = requests_.call(role, "PATCH", paths["this"], json={"decisions": "X"})
        check(
            problems,
            patched.status_code in (401, 403, 404),
            "PATCH",
            patched.status_code,
        )
        for transition in ("hold",):
            done = requests_.call(
                role, "POST", f"{paths['this']}/@workflow/{transition}"
            )
            check(problems, 400 <= done.status_code < 500, transition, done.status_code)
        added = requests_.call(
            role,
            "POST",
            paths["this"],
            json={
                "@type": "CorrectiveAction",
                "title": "X",
                "kind": "improvement",
                "responsible": "khcn.officer",
                "due_date": TODAY.isoformat(),
            },
        )
        check(problems, added.status_code in (401, 403, 404), "add", added.status_code)
        form = requests_.call(
            role, "GET", f"{paths['this']}/@@add-review-action", api_call=False
        )
        check(problems, refused(form), "add form", form.status_code)
        transaction.begin()
        review = portal.unrestrictedTraverse(paths["this"])
        check(problems, not review.decisions, "changed")
        check(problems, api.content.get_state(obj=review) == "draft", "moved")
        assert not problems, "\n".join(problems)

    def test_secretariat_changes(self, site):
        requests_, paths, portal = site
        patched = requests_.call(
            "secretariat", "PATCH", paths["unit"], json={"resources": "Đủ"}
        )
        assert patched.status_code == 204
        added = requests_.call(
            "secretariat",
            "POST",
            paths["unit"],
            json={
                "@type": "CorrectiveAction",
                "title": "Tập huấn",
                "kind": "improvement",
                "responsible": "phapche.officer",
                "due_date": TODAY.isoformat(),
            },
        )
        assert added.status_code == 201, added.text
        held = requests_.call("secretariat", "POST", f"{paths['unit']}/@workflow/hold")
        assert held.status_code == 200, held.text
        transaction.begin()
        assert portal.unrestrictedTraverse(paths["unit"]).inputs["scope"] == "phapche"
