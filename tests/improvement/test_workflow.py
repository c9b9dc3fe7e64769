"""Nonconformities and corrective actions (issue #13): references, the
workflow's rules, and «revise the procedure» in one step."""

from datetime import date
from datetime import timedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


TODAY = date.today()


def report(portal, as_user, login="khcn.staff", unit="khcn", **fields):
    with as_user(login):
        return api.content.create(
            container=portal["don-vi"][unit]["khac-phuc"],
            type="Nonconformity",
            title=fields.pop("title", "Hồ sơ lưu thiếu phiếu trình"),
            description="Hồ sơ số 12 thiếu phiếu trình có chữ ký lãnh đạo.",
            **fields,
        )


def act(as_user, login, obj, transition, **kwargs):
    """Do the transition as `login` (WorkflowException with our message when
    refused, as the transition form and REST get it)."""
    with as_user(login):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition, **kwargs)
    return api.content.get_state(obj=obj)


def add_action(as_user, nc, login="khcn.officer", **fields):
    values = {
        "title": "Bổ sung bước kiểm tra phiếu trình",
        "kind": "corrective",
        "responsible": "khcn.staff",
        "due_date": TODAY + timedelta(days=10),
        **fields,
    }
    with as_user(login):
        return api.content.create(container=nc, type="CorrectiveAction", **values)


class TestReference:
    def test_every_unit_has_its_register(self, integration):
        for unit in integration["portal"]["don-vi"].objectValues():
            assert unit["khac-phuc"].portal_type == "ImprovementRegister"

    def test_numbered_per_unit_and_year_never_reused(self, integration, as_user):
        portal = integration["portal"]
        first = report(portal, as_user)
        second = report(portal, as_user)
        n1 = int(first.reference.split("/")[0])
        assert first.reference == f"{n1:02d}/{TODAY.year}/KHCN"
        assert second.reference == f"{n1 + 1:02d}/{TODAY.year}/KHCN"
        with as_user("iso.secretary"):
            api.content.transition(obj=second, transition="cancel", comment="Trùng")
        third = report(portal, as_user)
        assert third.reference == f"{n1 + 2:02d}/{TODAY.year}/KHCN"
        assert first.detected_by  # the reporter, unless told

    def test_copy_gets_a_number_of_its_own(self, integration, as_user):
        portal = integration["portal"]
        nc = report(portal, as_user)
        with api.env.adopt_roles(["Manager"]):
            copy = api.content.copy(source=nc, target=nc.aq_parent, safe_id=True)
        assert copy.reference
        assert copy.reference != nc.reference


class TestWorkflow:
    def test_the_whole_loop(self, integration, as_user):
        portal = integration["portal"]
        nc = report(portal, as_user)
        assert api.content.get_state(obj=nc) == "reported"
        with pytest.raises(WorkflowException, match="nguyên nhân|root cause"):
            act(as_user, "khcn.officer", nc, "analyse")
        nc.root_cause = "Quy trình không quy định bước kiểm tra phiếu trình."
        assert act(as_user, "khcn.officer", nc, "analyse") == "analysed"
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.head", nc, "plan")  # no corrective action yet
        action = add_action(as_user, nc)
        assert act(as_user, "khcn.head", nc, "plan") == "in_progress"
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.officer", nc, "complete")  # action still open
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.staff", action, "complete")  # no result
        action.result = "Đã bổ sung bước kiểm tra vào quy trình."
        assert act(as_user, "khcn.staff", action, "complete") == "done"
        assert action.done_on == TODAY
        assert act(as_user, "khcn.officer", nc, "complete") == "pending_verification"
        with pytest.raises(WorkflowException):
            act(as_user, "iso.secretary", nc, "verify")  # no effectiveness
        nc.effectiveness = "not_effective"
        with pytest.raises(WorkflowException, match="reopen|[Mm]ở lại"):
            act(as_user, "iso.secretary", nc, "verify")
        with pytest.raises(WorkflowException):
            act(as_user, "iso.secretary", nc, "reopen")  # no reason
        assert (
            act(as_user, "iso.secretary", nc, "reopen", comment="Vẫn thiếu phiếu.")
            == "in_progress"
        )
        assert nc.effectiveness is None
        act(as_user, "khcn.officer", nc, "complete")
        nc.effectiveness = "effective"
        assert act(as_user, "iso.secretary", nc, "verify") == "closed"
        assert nc.closed_on == TODAY

    @pytest.mark.parametrize(
        ("login", "transition"),
        [
            ("khcn.staff", "analyse"),
            ("vp.officer", "analyse"),
            ("leader", "analyse"),
            ("khcn.officer", "cancel"),
            ("khcn.head", "cancel"),
        ],
    )
    def test_who_may_not(self, integration, as_user, login, transition):
        nc = report(integration["portal"], as_user)
        nc.root_cause = "Nguyên nhân"
        with pytest.raises(WorkflowException):
            act(as_user, login, nc, transition, comment="Lý do")
        assert api.content.get_state(obj=nc) == "reported"

    def test_cancel_needs_a_reason(self, integration, as_user):
        nc = report(integration["portal"], as_user)
        with pytest.raises(WorkflowException):
            act(as_user, "iso.secretary", nc, "cancel")
        assert act(
            as_user, "iso.secretary", nc, "cancel", comment="Không có cơ sở"
        ) == ("cancelled")

    def test_only_the_responsible_or_officers_complete(self, integration, as_user):
        portal = integration["portal"]
        nc = report(portal, as_user)
        action = add_action(as_user, nc, responsible="khcn.head", result="Xong")
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.staff", action, "complete")
        assert act(as_user, "khcn.head", action, "complete") == "done"


class TestRevise:
    def test_revise_the_procedure_in_one_step(self, integration, as_user):
        from qms.intranet.improvement.revise import revise_procedure

        portal = integration["portal"]
        catalog = api.portal.get_tool("portal_catalog")
        procedure = catalog.unrestrictedSearchResults(
            portal_type="Procedure",
            path="/".join(portal["don-vi"]["khcn"].getPhysicalPath()),
            review_state="effective",
        )[0]._unrestrictedGetObject()
        revision = procedure.revision
        nc = report(portal, as_user, procedure=procedure.UID())
        with as_user("khcn.officer"):
            working_copy = revise_procedure(nc)
        assert nc.reference in working_copy.change_note
        (action,) = nc.objectValues()
        assert action.kind == "corrective"
        assert action.revises == procedure.UID()
        working_copy.signed_original_unchanged = True
        act(as_user, "khcn.officer", working_copy, "submit")
        act(as_user, "khcn.head", working_copy, "accept")
        act(as_user, "leader", working_copy, "approve")
        assert procedure.revision == revision + 1
        assert api.content.get_state(obj=action) == "done"
        assert f"{revision + 1}" in action.result
