"""Training (issue #16): the demo's section, courses, certificates and
requests; the request's workflow (plan, decline only with a reason);
the record and the competence rules."""

from datetime import date
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet.core.workflow import REASON_REQUIRED
from qms.intranet.training.competence import competence
from qms.intranet.training.competence import holds_certificate
from qms.intranet.training.record import training_record
from tests.improvement.test_workflow import act
from tests.training.helpers import courses
from tests.training.helpers import make_certificate
from tests.training.helpers import make_course
from tests.training.helpers import make_request
from tests.training.helpers import requests_in
from tests.training.helpers import section
from tests.training.helpers import vi
from tests.training.helpers import YEAR

import pytest


class TestDemo:
    def test_section(self, integration):
        folder = section(integration["portal"])
        assert folder.portal_type == "TrainingSection"
        assert folder.Title() == "Đào tạo ISO"
        assert api.content.get_state(obj=folder) == "internal"

    def test_courses_and_certificates(self, integration):
        portal = integration["portal"]
        (awareness,) = courses(portal, "iso_awareness")
        assert "vp.officer" in awareness.participants
        numbers = sorted(c.number for c in awareness.certificates())
        assert numbers == [f"NT-01/{YEAR}", f"NT-02/{YEAR}"]
        (auditors,) = courses(portal, "internal_auditor")
        (cert,) = auditors.certificates()
        assert cert.participant == "auditor"
        assert cert.file.data.startswith(b"%PDF-")
        assert cert.Title().startswith(f"DGNB-01/{YEAR} – Trịnh Văn Kiên")

    def test_requests(self, integration):
        portal = integration["portal"]
        (pending,) = requests_in(portal, "pending")
        assert pending.unit == "phapche"
        (declined,) = requests_in(portal, "declined")
        assert declined.unit == "vp"
        history = declined.workflow_history["qms_training_request_workflow"]
        assert "năm sau" in history[-1]["comments"]

    def test_demo_auditors(self, integration):
        assert holds_certificate("auditor", "internal_auditor")
        assert not holds_certificate("auditor2", "internal_auditor")
        assert not holds_certificate("auditor", "iso_awareness")


class TestWorkflow:
    def test_plan(self, integration, as_user):
        portal = integration["portal"]
        request = make_request(as_user, portal)
        assert api.content.get_state(obj=request) == "pending"
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.officer", request, "plan")
        assert act(as_user, "iso.secretary", request, "plan") == "planned"

    def test_decline_needs_a_reason(self, integration, as_user):
        portal = integration["portal"]
        request = make_request(as_user, portal)
        history = request.workflow_history["qms_training_request_workflow"]
        before = len(history)
        with pytest.raises(WorkflowException) as refused:
            act(as_user, "iso.secretary", request, "decline", comment="  ")
        assert str(refused.value) == vi(REASON_REQUIRED["decline"])
        assert api.content.get_state(obj=request) == "pending"
        assert len(request.workflow_history["qms_training_request_workflow"]) == before
        state = act(
            as_user, "iso.secretary", request, "decline", comment="Không phù hợp."
        )
        assert state == "declined"

    def test_only_the_secretariat_declines(self, integration, as_user):
        request = make_request(as_user, integration["portal"])
        with pytest.raises(WorkflowException):
            act(as_user, "khcn.head", request, "decline", comment="Lý do")
        assert api.content.get_state(obj=request) == "pending"

    def test_title_follows_kind_and_unit(self, integration, as_user):
        request = make_request(as_user, integration["portal"])
        assert "Vụ Khoa học và Công nghệ" in request.Title()


class TestRecord:
    def test_record_of_an_officer(self, integration):
        record = training_record("vp.officer")
        assert record["fullname"].startswith("Lê Thị Lan")
        assert [c["kind"] for c in record["courses"]] == ["iso_awareness"]
        (cert,) = record["certificates"]
        assert cert["number"] == f"NT-01/{YEAR}"
        assert cert["issued_on"] == f"{YEAR}-03-12"
        assert cert["download_url"].endswith("/@@download/file")
        assert record["units"] == [{"id": "vp", "title": "Văn phòng Bộ"}]

    def test_future_course_is_not_attended(self, integration, as_user):
        portal = integration["portal"]
        make_course(
            as_user,
            portal,
            kind="document_control",
            participants=["vp.staff"],
            date=date(YEAR + 1, 1, 1),
        )
        assert training_record("vp.staff")["courses"] == []


class TestCompetence:
    def test_board_of_the_demo(self, integration):
        data = competence()
        units = {row["unit"] for row in data["units"]}
        # vp and khcn have a trained officer; phapche's officer is not trained.
        assert "vp" not in units
        assert "khcn" not in units
        assert "phapche" in units
        assert data["auditors"] == ["auditor2"]

    def test_certificate_makes_a_unit_competent(self, integration, as_user):
        portal = integration["portal"]
        course = make_course(as_user, portal, kind="iso_awareness")
        make_certificate(as_user, course, "phapche.officer")
        units = {row["unit"] for row in competence()["units"]}
        assert "phapche" not in units

    def test_expired_certificate_does_not_count(self, integration, as_user):
        portal = integration["portal"]
        course = make_course(as_user, portal)
        make_certificate(
            as_user,
            course,
            "auditor2",
            issued_on=date(2020, 1, 1),
            valid_until=date(2021, 1, 1),
        )
        assert not holds_certificate("auditor2", "internal_auditor")

    def test_rules_switched_off(self, integration):
        api.portal.set_registry_record("qms.intranet.training.officer_rule", False)
        api.portal.set_registry_record("qms.intranet.training.auditor_rule", False)
        data = competence()
        assert data["units"] == []
        assert data["auditors"] == []
