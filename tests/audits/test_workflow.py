"""Internal audits (issue #14): the programme and audit workflows, the
independence of the team, findings that become nonconformities, and the
rules of close."""

from datetime import date
from datetime import timedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet.audits.content import IAudit
from qms.intranet.audits.content import team_problems
from tests.improvement.test_workflow import act

import pytest


TODAY = date.today()


def programme(portal):
    return portal["danh-gia-noi-bo"][str(TODAY.year)]


def plan(portal, as_user, units=("phapche",), lead="auditor", auditors=(), **more):
    """A planned audit of this year's (approved) demo programme."""
    values = {
        "title": "Đánh giá kiểm thử",
        "audited_units": list(units),
        "lead_auditor": lead,
        "auditors": list(auditors),
        "start": TODAY,
        "end": TODAY + timedelta(days=2),
        **more,
    }
    with as_user("iso.secretary"):
        return api.content.create(container=programme(portal), type="Audit", **values)


def finding(as_user, audit, login="auditor", kind="minor_nc", unit="phapche", **more):
    with as_user(login):
        return api.content.create(
            container=audit,
            type="AuditFinding",
            title=more.pop("title", "Hồ sơ thiếu phiếu theo dõi"),
            kind=kind,
            unit=unit,
            description="Hồ sơ số 3 thiếu phiếu theo dõi.",
            **more,
        )


class TestDemo:
    def test_section_programme_and_audits_in_every_state(self, integration):
        portal = integration["portal"]
        section = portal["danh-gia-noi-bo"]
        assert section.portal_type == "AuditSection"
        prog = programme(portal)
        assert api.content.get_state(obj=prog) == "approved"
        assert prog.Title() == f"Chương trình đánh giá nội bộ năm {TODAY.year}"
        states = sorted(api.content.get_state(obj=a) for a in prog.objectValues())
        assert states == ["closed", "in_progress", "planned"]

    def test_auditors_group(self, integration):
        members = {u.getId() for u in api.user.get_users(groupname="qms-auditors")}
        assert {"auditor", "auditor2"} <= members


class TestIndependence:
    def test_member_of_audited_unit_refused(self, integration):
        (problem,) = team_problems("auditor", [], ["vp", "khcn"])
        assert problem.mapping["unit"] == "VP"
        assert "9.2.2" in api.portal.translate(problem, lang="vi")

    def test_outside_auditors_group_refused(self, integration):
        problems = team_problems("phapche.officer", ["auditor"], ["khcn"])
        assert len(problems) == 1
        assert problems[0].mapping["name"].startswith("Bùi Văn Sơn")

    def test_independent_team_accepted(self, integration):
        assert team_problems("auditor", ["auditor2"], ["khcn"]) == []

    def test_start_refused_when_team_not_independent(self, integration, as_user):
        audit = plan(integration["portal"], as_user, units=("vp",), lead="auditor2")
        audit.auditors = ["auditor"]  # set past the form, as a changed group would
        with pytest.raises(WorkflowException, match="9.2.2"):
            act(as_user, "iso.secretary", audit, "start")
        assert api.content.get_state(obj=audit) == "planned"


class TestWorkflow:
    def test_start_report_close(self, integration, as_user):
        portal = integration["portal"]
        audit = plan(portal, as_user)
        assert IAudit.providedBy(audit)
        assert act(as_user, "auditor", audit, "start") == "in_progress"
        major = finding(as_user, audit, kind="major_nc", clause="8.5.1")
        observation = finding(as_user, audit, kind="observation")
        with pytest.raises(WorkflowException, match="tóm tắt|summary"):
            act(as_user, "auditor", audit, "report")
        audit.summary = "Đơn vị áp dụng phù hợp; một điểm không phù hợp nặng."
        assert act(as_user, "auditor", audit, "report") == "reported"

        with as_user("iso.secretary"):
            nc = api.content.get(UID=major.nonconformity)
        assert nc.aq_parent.getId() == "khac-phuc"
        assert nc.aq_parent.aq_parent.getId() == "phapche"
        assert (nc.source, nc.severity, nc.clause) == (
            "internal_audit",
            "major",
            "8.5.1",
        )
        assert nc.audit_finding == major.UID()
        assert observation.nonconformity is None
        assert api.content.get_state(obj=nc) == "reported"

        with pytest.raises(WorkflowException, match=nc.reference):
            act(as_user, "iso.secretary", audit, "close")
        nc.root_cause = "Chưa hướng dẫn"
        act(as_user, "phapche.officer", nc, "analyse")
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=major.UID())
        assert brain.getObject().nonconformity == nc.UID()
        assert catalog.unrestrictedSearchResults(
            UID=major.UID(), finding_nc_state="analysed"
        )
        assert act(as_user, "iso.secretary", audit, "close") == "closed"

    def test_only_the_lead_auditor_reports(self, integration, as_user):
        audit = plan(integration["portal"], as_user, auditors=["auditor2"])
        audit.audited_units = ["khcn"]
        act(as_user, "iso.secretary", audit, "start")
        audit.summary = "Tóm tắt"
        for login in ("auditor2", "iso.secretary"):
            with pytest.raises(WorkflowException):
                act(as_user, login, audit, "report")
        assert api.content.get_state(obj=audit) == "in_progress"

    def test_start_refused_after_end_date(self, integration, as_user):
        audit = plan(
            integration["portal"],
            as_user,
            start=TODAY - timedelta(days=5),
            end=TODAY - timedelta(days=1),
        )
        with pytest.raises(WorkflowException, match="(?i)đã qua|passed"):
            act(as_user, "auditor", audit, "start")

    def test_start_refused_in_draft_programme(self, integration, as_user):
        portal = integration["portal"]
        with as_user("iso.secretary"):
            draft = api.content.create(
                container=portal["danh-gia-noi-bo"],
                type="AuditProgramme",
                id="2030",
                year=2030,
            )
            audit = api.content.create(
                container=draft,
                type="Audit",
                title="Đánh giá 2030",
                audited_units=["phapche"],
                lead_auditor="auditor",
                start=TODAY,
                end=TODAY + timedelta(days=1),
            )
        assert draft.getId() == "2030"
        with pytest.raises(WorkflowException, match="phê duyệt|approved"):
            act(as_user, "auditor", audit, "start")
