"""The demo quality objectives (issue #15): this year's plans of vp (issued,
on track), khcn (issued, an objective at risk), phapche (draft) and the
bloc (issued by the leaders), measured by the officers."""

from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue
from qms.intranet.objectives.status import status_of
from qms.intranet.objectives.status import year_summary
from qms.intranet.site.demo.objectives import create_objectives

import pytest


YEAR = date.today().year


@pytest.fixture
def demo(integration):
    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        create_objectives(portal)
        create_objectives(portal)  # twice: nothing more
    processQueue()
    return portal


def plan(portal, unit):
    if unit == "bloc":
        return portal["he-thong-qlcl"]["muc-tieu"][str(YEAR)]
    return portal["don-vi"][unit]["muc-tieu"][str(YEAR)]


def test_states(demo):
    states = {
        unit: api.content.get_state(obj=plan(demo, unit))
        for unit in ("vp", "khcn", "phapche", "bloc")
    }
    assert states == {
        "vp": "issued",
        "khcn": "issued",
        "phapche": "draft",
        "bloc": "issued",
    }


def test_statuses(demo):
    vp = {status_of(o) for o in plan(demo, "vp").objectives()}
    assert vp == {"on_track"}
    khcn = [status_of(o) for o in plan(demo, "khcn").objectives()]
    assert "at_risk" in khcn
    bloc = {status_of(o) for o in plan(demo, "bloc").objectives()}
    assert bloc == {"on_track"}


def test_measured_by_the_officers(demo):
    rows = [r for o in plan(demo, "vp").objectives() for r in o.measurements]
    assert rows
    assert {r["who"] for r in rows} == {"vp.officer"}
    bloc = [r for o in plan(demo, "bloc").objectives() for r in o.measurements]
    assert {r["who"] for r in bloc} == {"iso.secretary"}
    assert not [r for o in plan(demo, "phapche").objectives() for r in o.measurements]


def test_issued_by_the_deciders(demo):
    history = plan(demo, "bloc").workflow_history["qms_objective_plan_workflow"]
    assert history[-1]["actor"] == "leader"
    history = plan(demo, "khcn").workflow_history["qms_objective_plan_workflow"]
    assert history[-1]["actor"] == "khcn.head"


def test_summary_of_the_demo(demo):
    with api.env.adopt_user(username="iso.secretary"):
        summary = year_summary(YEAR)
    assert set(summary) >= {"vp", "khcn", "phapche", "bloc"}
    assert summary["khcn"]["at_risk"] >= 1
    assert summary["vp"]["on_track"] == summary["vp"]["total"] == 2
