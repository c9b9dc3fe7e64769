"""Quality objectives (issue #15): the plan's workflow — submit by the
officers, issue and send back by the head (the leaders for the bloc's),
reasons for sending back and amending, who may."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.objectives.helpers import act
from tests.objectives.helpers import archive
from tests.objectives.helpers import issue
from tests.objectives.helpers import make_plan
from tests.objectives.helpers import YEAR

import pytest


def transitions(as_user, login, obj):
    wftool = api.portal.get_tool("portal_workflow")
    with as_user(login):
        return {t["id"] for t in wftool.getTransitionsFor(obj)}


class TestArchives:
    def test_every_unit_and_the_bloc_have_an_archive(self, integration):
        portal = integration["portal"]
        archive(portal)
        for unit in portal["don-vi"].objectValues():
            assert unit["muc-tieu"].portal_type == "ObjectiveArchive"
        assert portal["he-thong-qlcl"]["muc-tieu"].portal_type == "ObjectiveArchive"

    def test_new_unit_gets_its_archive(self, integration):
        portal = integration["portal"]
        with api.env.adopt_roles(["Manager"]):
            unit = api.content.create(
                container=portal["don-vi"], type="Department", id="moi", title="Vụ Mới"
            )
        assert "muc-tieu" in unit.objectIds()


class TestUnitPlan:
    def test_officer_submits_head_issues(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user)
        assert api.content.get_state(obj=plan) == "draft"
        assert transitions(as_user, "khcn.officer", plan) == {"submit"}
        assert act(as_user, "khcn.officer", plan, "submit") == "pending"
        assert transitions(as_user, "khcn.officer", plan) == set()
        assert transitions(as_user, "khcn.head", plan) == {"issue", "reject"}
        assert act(as_user, "khcn.head", plan, "issue") == "issued"
        assert plan.issued_on is not None
        assert plan.amendment == 0

    def test_other_heads_and_leaders_may_not_issue(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user)
        act(as_user, "khcn.officer", plan, "submit")
        for login in ("vp.head", "leader", "khcn.staff", "khcn.officer", "vp.officer"):
            assert "issue" not in transitions(as_user, login, plan), login
            with pytest.raises(WorkflowException):
                act(as_user, login, plan, "issue")
        assert api.content.get_state(obj=plan) == "pending"

    def test_empty_plan_refused(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user, objectives=0)
        with pytest.raises(WorkflowException, match="mục tiêu|objective"):
            act(as_user, "khcn.officer", plan, "submit")
        assert api.content.get_state(obj=plan) == "draft"

    def test_reject_needs_reason(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user)
        act(as_user, "khcn.officer", plan, "submit")
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.head", plan, "reject", comment="  ")
        assert api.content.get_state(obj=plan) == "pending"
        assert (
            act(as_user, "khcn.head", plan, "reject", comment="Chỉ tiêu quá thấp")
            == "draft"
        )
        history = plan.workflow_history["qms_objective_plan_workflow"]
        assert history[-1]["comments"] == "Chỉ tiêu quá thấp"

    def test_amend_needs_reason_and_counts(self, integration, as_user):
        plan = issue(as_user, make_plan(integration["portal"], as_user))
        assert transitions(as_user, "khcn.head", plan) == set()
        assert transitions(as_user, "khcn.officer", plan) == {"amend"}
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.officer", plan, "amend")
        assert api.content.get_state(obj=plan) == "issued"
        assert (
            act(as_user, "khcn.officer", plan, "amend", comment="Thêm mục tiêu")
            == "draft"
        )
        issue(as_user, plan)
        assert plan.amendment == 1

    def test_objectives_frozen_once_submitted(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user)
        objective = plan["mt-1"]
        add = "qms.intranet: Add QualityObjective"
        with as_user("khcn.officer"):
            assert api.user.has_permission("Modify portal content", obj=objective)
            assert api.user.has_permission(add, obj=plan)
        issue(as_user, plan)
        with as_user("khcn.officer"):
            assert not api.user.has_permission("Modify portal content", obj=objective)
            assert not api.user.has_permission(add, obj=plan)


class TestBlocPlan:
    def test_leaders_issue_the_blocs(self, integration, as_user):
        plan = make_plan(integration["portal"], as_user, unit="bloc")
        assert transitions(as_user, "khcn.officer", plan) == set()
        assert act(as_user, "iso.secretary", plan, "submit") == "pending"
        for login in ("khcn.head", "vp.head"):
            assert transitions(as_user, login, plan) == set(), login
        assert transitions(as_user, "leader", plan) == {"issue", "reject"}
        assert act(as_user, "leader", plan, "issue") == "issued"

    def test_unit_head_refused_with_message(self, integration, as_user):
        """Even a unit head who would hold a role there is refused, in words."""
        plan = make_plan(integration["portal"], as_user, unit="bloc")
        act(as_user, "iso.secretary", plan, "submit")
        with as_user("khcn.head"):
            assert not plan.may_decide()
        with as_user("leader"):
            assert plan.may_decide()
        with as_user("khcn.head"):
            unit_plan = make_plan(
                integration["portal"], as_user, unit="khcn", year=YEAR + 1
            )
        with as_user("leader"):
            assert not unit_plan.may_decide()


def test_plan_without_year_gets_one(integration, as_user):
    container = archive(integration["portal"])
    with as_user("khcn.officer"):
        plan = api.content.create(container=container, type="ObjectivePlan", id="2031")
    assert plan.year == 2031
