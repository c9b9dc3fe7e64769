"""The year's figures other concepts read (`year_summary`), the indexer, and
what quality objectives ask of people in «Việc của tôi» (issue #15)."""

from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue
from qms.intranet.objectives import tasks as objective_tasks
from qms.intranet.objectives.measurements import record
from qms.intranet.objectives.status import COUNT_KEYS
from qms.intranet.objectives.status import year_summary
from qms.intranet.objectives.tasks import ObjectiveTasks
from tests.objectives.helpers import act
from tests.objectives.helpers import issue
from tests.objectives.helpers import make_plan

import pytest


PAST = 2020  # a year over, without demo plans


@pytest.fixture
def past_plans(integration, as_user):
    """khcn's issued plan of 2020 (one achieved, one not, one never
    measured) and vp's draft plan of 2020 (one objective)."""
    portal = integration["portal"]
    plan = issue(as_user, make_plan(portal, as_user, year=PAST, objectives=3))
    with as_user("khcn.officer"):
        record(plan["mt-1"], "Q4", "96")
        record(plan["mt-2"], "Q4", "50")
    make_plan(portal, as_user, unit="vp", year=PAST)
    processQueue()
    return plan


class TestYearSummary:
    def test_counts_by_unit_and_status(self, past_plans, as_user):
        with as_user("sec.only"):
            summary = year_summary(PAST)
        assert set(summary) == {"khcn", "vp"}
        assert summary["khcn"] == {
            "total": 3,
            "achieved": 1,
            "not_achieved": 1,
            "no_data": 1,
            "at_risk": 0,
            "on_track": 0,
        }
        assert summary["vp"]["total"] == 1
        assert summary["vp"]["no_data"] == 1
        assert set(summary["vp"]) == set(COUNT_KEYS)

    def test_with_the_users_permissions(self, past_plans, as_user):
        """vp's draft is not khcn's to see; anonymous sees none."""
        with as_user("khcn.staff"):
            assert set(year_summary(PAST)) == {"khcn"}
        with as_user(None):
            assert year_summary(PAST) == {}

    def test_bloc(self, integration, as_user):
        portal = integration["portal"]
        issue(as_user, make_plan(portal, as_user, unit="bloc", year=PAST), "bloc")
        with as_user("vp.staff"):
            assert year_summary(PAST)["bloc"]["total"] == 1

    def test_empty_year(self, integration, as_user):
        with as_user("sec.only"):
            assert year_summary(1999) == {}

    def test_index(self, past_plans):
        catalog = api.portal.get_tool("portal_catalog")
        found = {
            b.getId: b.objective_status
            for b in catalog.unrestrictedSearchResults(
                portal_type="QualityObjective", qms_year=PAST, owning_unit="khcn"
            )
        }
        assert found == {"mt-1": "achieved", "mt-2": "not_achieved", "mt-3": "no_data"}
        assert {
            b.getId
            for b in catalog.unrestrictedSearchResults(objective_status="achieved")
        } >= {"mt-1"}


def kinds(as_user, login):
    with as_user(login):
        return [(t.kind, t.url) for t in ObjectiveTasks().tasks()]


class TestTasks:
    def test_submit_then_issue(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user, year=date.today().year + 5)
        url = plan.absolute_url()
        assert ("objective_plan_to_submit", url) in kinds(as_user, "khcn.officer")
        assert ("objective_plan_to_submit", url) not in kinds(as_user, "vp.officer")
        assert not [k for k, u in kinds(as_user, "khcn.head") if u == url]
        act(as_user, "khcn.officer", plan, "submit")
        processQueue()
        assert ("objective_plan_to_issue", url) in kinds(as_user, "khcn.head")
        assert ("objective_plan_to_issue", url) not in kinds(as_user, "vp.head")
        assert ("objective_plan_to_issue", url) not in kinds(as_user, "leader")
        assert not [k for k, u in kinds(as_user, "khcn.officer") if u == url]

    def test_bloc_plan_to_the_leaders(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user, unit="bloc", year=2040)
        act(as_user, "iso.secretary", plan, "submit")
        processQueue()
        url = plan.absolute_url()
        assert ("objective_plan_to_issue", url) in kinds(as_user, "leader")
        assert ("objective_plan_to_issue", url) not in kinds(as_user, "khcn.head")

    def test_measurement_due(self, integration, as_user, monkeypatch):
        year = 2041
        monkeypatch.setattr(objective_tasks, "today", lambda: date(year, 5, 1))
        plan = issue(as_user, make_plan(integration["portal"], as_user, year=year))
        url = f"{plan['mt-1'].absolute_url()}/@@record-measurement?period=Q1"
        assert ("objective_to_measure", url) in kinds(as_user, "khcn.officer")
        assert ("objective_to_measure", url) not in kinds(as_user, "khcn.head")
        assert ("objective_to_measure", url) not in kinds(as_user, "vp.officer")
        with as_user("khcn.officer"):
            record(plan["mt-1"], "Q1", "96")
        assert ("objective_to_measure", url) not in kinds(as_user, "khcn.officer")

    def test_anonymous_none(self, integration, as_user):
        with as_user(None):
            assert ObjectiveTasks().tasks() == []
