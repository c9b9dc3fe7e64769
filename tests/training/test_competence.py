"""The competence rules (ISO 9001 clause 7.2): the board the secretariat
reads, its settings form, the audit team check with certificates, and
"Việc của tôi" for the secretariat; the home and author pages lead to the
records."""

from datetime import date
from plone import api
from qms.intranet.audits.content import team_problems
from qms.intranet.core.tasks import my_tasks
from qms.intranet.training.competence import holds_certificate
from tests.training.helpers import make_certificate
from tests.training.helpers import make_course
from tests.training.helpers import make_request
from zope.i18n import translate

import pytest
import transaction


REQUIRED = "qms.intranet.training.require_auditor_certificate"


def texts(problems) -> list[str]:
    return [translate(p, target_language="vi") for p in problems]


class TestAuditTeam:
    def test_certificate_counts_as_appointed(self, integration, as_user):
        """khcn.staff is not in qms-auditors: refused, until they hold an
        internal auditor certificate."""
        portal = integration["portal"]
        assert len(team_problems("khcn.staff", [], ["phapche"])) == 1
        course = make_course(as_user, portal, participants=["khcn.staff"])
        make_certificate(as_user, course, "khcn.staff")
        assert holds_certificate("khcn.staff", "internal_auditor")
        assert team_problems("khcn.staff", [], ["phapche"]) == []

    def test_independence_still_checked(self, integration, as_user):
        course = make_course(as_user, integration["portal"])
        make_certificate(as_user, course, "khcn.staff")
        (problem,) = texts(team_problems("khcn.staff", [], ["khcn"]))
        assert "9.2.2" in problem

    def test_certificate_required(self, integration):
        """With the setting on, auditor2 (no certificate) is refused by
        name; auditor (certificate) is fine."""
        assert team_problems("auditor2", [], ["khcn"]) == []
        api.portal.set_registry_record(REQUIRED, True)
        (problem,) = texts(team_problems("auditor2", [], ["khcn"]))
        assert "Đặng Thị Hoa" in problem
        assert team_problems("auditor", [], ["khcn"]) == []
        assert len(team_problems("auditor", ["auditor2"], ["khcn"])) == 1

    def test_expired_certificate_refused_when_required(self, integration, as_user):
        api.portal.set_registry_record(REQUIRED, True)
        course = make_course(as_user, integration["portal"])
        make_certificate(
            as_user,
            course,
            "auditor2",
            number="OLD-1",
            issued_on=date(2019, 1, 1),
            valid_until=date(2020, 1, 1),
        )
        assert len(team_problems("auditor2", [], ["khcn"])) == 1


class TestAuditTeamOverREST:
    def test_refused_without_certificate(self, functional, rest):
        api.portal.set_registry_record(REQUIRED, True)
        transaction.commit()
        year = date.today().year
        body = {
            "@type": "Audit",
            "title": "Đánh giá cần chứng chỉ",
            "audited_units": ["vp"],
            "lead_auditor": "auditor2",
            "auditors": [],
            "start": f"{year}-12-01",
            "end": f"{year}-12-02",
            "checklist": [],
        }
        path = f"danh-gia-noi-bo/{year}"
        response = rest("POST", path, "iso.secretary", json=body)
        assert response.status_code == 400, response.text[:300]
        assert "Đặng Thị Hoa" in response.json()["message"]
        body["lead_auditor"] = "auditor"
        body["audited_units"] = ["khcn"]
        response = rest("POST", path, "iso.secretary", json=body)
        assert response.status_code == 201, response.text[:300]


class TestBoard:
    def test_board_for_the_secretariat(self, functional, http, portal_url, login_as):
        response = http.get(f"{portal_url}/@@competence", auth=login_as("sec.only"))
        assert response.status_code == 200
        page = response.text
        assert 'data-unit="phapche"' in page
        assert 'data-unit="vp"' not in page
        assert f'{portal_url}/don-vi/phapche"' in page
        assert "@@training-record?user=phapche.officer" in page
        assert 'data-user="auditor2"' in page
        assert "@@training-record?user=auditor2" in page
        assert 'data-user="auditor"' not in page

    @pytest.mark.parametrize("login", ["vp.officer", "khcn.head", "leader", None])
    def test_board_refused(self, functional, http, portal_url, login_as, login):
        for page in ("@@competence", "@@qms-training-settings"):
            response = http.get(
                f"{portal_url}/{page}",
                auth=login_as(login) if login else None,
                allow_redirects=False,
            )
            assert response.status_code in (302, 401, 403), (page, response.status_code)

    def test_settings_form(self, functional, http, portal_url, login_as):
        response = http.get(
            f"{portal_url}/@@qms-training-settings", auth=login_as("sec.only")
        )
        assert response.status_code == 200
        assert "form.widgets.require_auditor_certificate" in response.text

    def test_linked_from_the_section(self, functional, http, portal_url, login_as):
        page = http.get(f"{portal_url}/dao-tao", auth=login_as("sec.only")).text
        assert f"{portal_url}/@@competence" in page
        page = http.get(f"{portal_url}/dao-tao", auth=login_as("vp.officer")).text
        assert "@@competence" not in page


class TestTasks:
    def _kinds(self, as_user, login):
        with as_user(login):
            return {t.url for t in my_tasks() if t.kind == "training_request_to_plan"}

    def test_secretariat_plans_pending_requests(self, integration, as_user):
        portal = integration["portal"]
        request = make_request(as_user, portal)
        assert request.absolute_url() in self._kinds(as_user, "iso.secretary")
        for login in ("khcn.officer", "khcn.head", "vp.officer", "leader"):
            assert self._kinds(as_user, login) == set(), login
        with as_user("iso.secretary"):
            api.content.transition(obj=request, transition="plan")
        assert request.absolute_url() not in self._kinds(as_user, "iso.secretary")


class TestWaysToTheRecord:
    def test_home_page(self, functional, http, portal_url, login_as):
        page = http.get(portal_url, auth=login_as("vp.officer")).text
        assert f'{portal_url}/dao-tao"' in page
        assert "@@training-record?user=vp.officer" in page
        assert f"{portal_url}/dao-tao/++add++TrainingRequest" in page
        page = http.get(portal_url, auth=login_as("vp.staff")).text
        assert f'{portal_url}/dao-tao"' in page
        assert "++add++TrainingRequest" not in page

    @pytest.mark.parametrize(
        ("login", "shown"),
        [("khcn.officer", True), ("vp.head", True), ("vp.staff", False)],
    )
    def test_author_page(self, functional, http, portal_url, login_as, login, shown):
        """/author/vp.officer: the record for herself, her unit's head; not
        for another member of staff."""
        who = "vp.officer" if login != "khcn.officer" else "khcn.officer"
        response = http.get(f"{portal_url}/author/{who}", auth=login_as(login))
        assert response.status_code == 200
        link = f"@@training-record?user={who}"
        assert (link in response.text) == shown
