"""The audit pages over real HTTP (issue #14): an audit's page, a finding's
page, the checklist's grid form, the «report» step that asks for the
summary, the printable plan and report with their PDFs, and the line on a
nonconformity raised from an audit finding. They use the demo audits of
this year's programme (a closed one of phapche, one of khcn in progress,
a planned one of vp).

Texts of our messages are compared with their translation (the English
default until the catalogs are merged), never with a fixed Vietnamese
string."""

from datetime import date
from plone import api
from qms.intranet.audits.views import CHECKLIST_SAVED
from qms.intranet.audits.views import ROW_BAD_RESULT
from qms.intranet.audits.views import ROW_NEEDS_QUESTION
from qms.intranet.audits.workflow import SUMMARY_REQUIRED
from zope.i18n import translate
from zope.i18nmessageid import Message

import pytest
import re
import transaction


TODAY = date.today()
READERS = ("khcn.staff", "iso.secretary")


def vi(message, **mapping) -> str:
    if mapping:
        message = Message(message, mapping=mapping)
    return translate(message, target_language="vi")


def token(text: str) -> str:
    return re.search(r'name="_authenticator" value="([^"]+)"', text).group(1)


def fresh(obj):
    """`obj` as the server last committed it."""
    transaction.begin()
    return obj


@pytest.fixture
def audits(functional):
    """The demo audits by state, and their findings."""
    portal = functional["portal"]
    programme = portal["danh-gia-noi-bo"][str(TODAY.year)]
    by_state = {api.content.get_state(obj=a): a for a in programme.objectValues()}
    closed = by_state["closed"]
    nc_finding = next(f for f in closed.objectValues() if f.nonconformity)
    with api.env.adopt_roles(["Manager"]):
        nc = api.content.get(UID=nc_finding.nonconformity)
    return {
        "portal": portal,
        "closed": closed,
        "running": by_state["in_progress"],
        "planned": by_state["planned"],
        "nc_finding": nc_finding,
        "nc": nc,
    }


def get(http, login_as, url, login, **kwargs):
    return http.get(url, auth=login_as(login), **kwargs)


class TestAuditPage:
    def test_in_progress_audit(self, http, login_as, audits):
        audit = audits["running"]
        for login in READERS:
            page = get(http, login_as, audit.absolute_url(), login)
            assert page.status_code == 200, login
            text = page.text
            assert audit.Title() in text
            assert 'data-state="in_progress"' in text
            assert "/don-vi/khcn" in text  # the unit, linked
            assert api.user.get(userid="auditor").getProperty("fullname") in text
            assert api.user.get(userid="auditor2").getProperty("fullname") in text
            assert "QT-01/KHCN" in text  # the procedure audited
            assert text.count('class="qms-checklist-row"') == 3
            assert 'data-result="nonconform"' in text
            (finding,) = audit.objectValues()
            assert finding.Title() in text
            assert finding.absolute_url() in text
            assert "@@audit-plan.pdf" in text
            assert "@@audit-report" not in text  # not reported yet
            assert "qms-next-step" in text
        staff = get(http, login_as, audit.absolute_url(), "khcn.staff").text
        assert "@@audit-checklist" not in staff
        assert "++add++AuditFinding" not in staff
        secretary = get(http, login_as, audit.absolute_url(), "iso.secretary").text
        assert "@@audit-checklist" in secretary
        assert "++add++AuditFinding" in secretary
        lead = get(http, login_as, audit.absolute_url(), "auditor").text
        assert "@@audit-checklist" in lead
        assert "transition=report" in lead

    def test_closed_audit_shows_summary_report_and_nc(self, http, login_as, audits):
        audit, nc = audits["closed"], audits["nc"]
        for login in READERS:
            page = get(http, login_as, audit.absolute_url(), login)
            assert page.status_code == 200, login
            text = page.text
            assert 'data-state="closed"' in text
            assert "Điểm mạnh" in text  # the summary
            assert "@@audit-report.pdf" in text
            assert "@@audit-checklist" not in text  # frozen
            assert text.count('class="qms-finding-row"') == 3
        # the secretariat sees the nonconformity it became, with its state
        text = get(http, login_as, audit.absolute_url(), "iso.secretary").text
        assert nc.reference in text
        assert nc.absolute_url() in text

    def test_planned_audit(self, http, login_as, audits):
        page = get(http, login_as, audits["planned"].absolute_url(), "khcn.staff")
        assert page.status_code == 200
        assert 'data-state="planned"' in page.text
        assert "qms-finding-row" not in page.text


class TestFindingPage:
    def test_finding_with_its_audit_and_nc(self, http, login_as, audits):
        finding, nc = audits["nc_finding"], audits["nc"]
        for login in READERS:
            page = get(http, login_as, finding.absolute_url(), login)
            assert page.status_code == 200, login
            text = page.text
            assert finding.Title() in text
            assert finding.description in text
            assert "7.5.3" in text
            assert audits["closed"].absolute_url() in text
        text = get(http, login_as, finding.absolute_url(), "iso.secretary").text
        assert nc.reference in text

    def test_running_finding(self, http, login_as, audits):
        (finding,) = audits["running"].objectValues()
        page = get(http, login_as, finding.absolute_url(), "khcn.staff")
        assert page.status_code == 200
        assert finding.Title() in page.text
        assert "/don-vi/khcn" in page.text


class TestPrintable:
    @pytest.mark.parametrize("key", ["closed", "running", "planned"])
    def test_plan_and_report_pages(self, http, login_as, audits, key):
        audit = audits[key]
        for login in READERS:
            for view in ("audit-plan", "audit-report"):
                page = get(http, login_as, f"{audit.absolute_url()}/@@{view}", login)
                assert page.status_code == 200, (login, view)
                assert audit.Title() in page.text
                assert "qms-sheet-header" in page.text
                assert f"@@{view}.pdf" in page.text

    def test_plan_content(self, http, login_as, audits):
        url = f"{audits['running'].absolute_url()}/@@audit-plan"
        text = get(http, login_as, url, "khcn.staff").text
        assert "Xác định mức độ phù hợp" in text  # the programme's objectives
        assert "TCVN ISO 9001:2015" in text  # criteria
        assert api.user.get(userid="auditor2").getProperty("fullname") in text
        assert "Vụ Khoa học và Công nghệ" in text  # the schedule's unit

    def test_report_content(self, http, login_as, audits):
        url = f"{audits['closed'].absolute_url()}/@@audit-report"
        text = get(http, login_as, url, "iso.secretary").text
        assert "Điểm mạnh" in text
        assert "Hồ sơ thẩm định số 14" in text  # a finding's evidence
        assert audits["nc"].reference in text
        assert "qms-sheet-draft" not in text

    @pytest.mark.parametrize(
        ("view", "prefix"),
        [
            ("audit-plan.pdf", "ke-hoach-danh-gia"),
            ("audit-report.pdf", "bao-cao-danh-gia"),
        ],
    )
    def test_pdfs(self, http, login_as, audits, view, prefix):
        for key in ("closed", "running"):
            audit = audits[key]
            for login in READERS:
                pdf = get(http, login_as, f"{audit.absolute_url()}/@@{view}", login)
                assert pdf.status_code == 200, (key, login)
                assert pdf.content.startswith(b"%PDF")
                assert pdf.headers["Content-Type"].startswith("application/pdf")
                disposition = pdf.headers["Content-Disposition"]
                assert f'filename="{prefix}-{audit.getId()}.pdf"' in disposition


class TestChecklistForm:
    def url(self, audits):
        return f"{audits['running'].absolute_url()}/@@audit-checklist"

    def post(self, http, login_as, audits, rows, login="auditor"):
        form = get(http, login_as, self.url(audits), login)
        assert form.status_code == 200
        data = [("form.submitted", "1"), ("_authenticator", token(form.text))]
        for row in rows:
            for name in ("question", "clause", "procedure", "result", "evidence"):
                data.append((f"rows.{name}:records", row.get(name, "")))
            if row.get("drop"):
                data.append(("rows.drop:records", "1"))
        return http.post(
            self.url(audits), auth=login_as(login), data=data, allow_redirects=False
        )

    def test_form_shows_the_rows(self, http, login_as, audits):
        page = get(http, login_as, self.url(audits), "auditor2")
        assert page.status_code == 200
        assert page.text.count('class="qms-checklist-row"') == 3
        assert page.text.count('class="qms-blank-row"') == 3
        assert "_authenticator" in page.text

    def test_saves_rows_drops_and_adds(self, http, login_as, audits):
        audit = audits["running"]
        rows = [dict(r) for r in audit.checklist]
        rows[0]["drop"] = True
        rows[2]["result"] = "conform"
        rows[2]["evidence"] = "Đã khắc phục."
        rows.append({"question": "Có phân công cán bộ ISO không?", "clause": "5.3"})
        rows.append({})  # a blank row stays out
        saved = self.post(http, login_as, audits, rows)
        assert saved.status_code == 302
        assert saved.headers["Location"].rstrip("/") == audit.absolute_url()
        audit = fresh(audit)
        assert [r["question"] for r in audit.checklist] == [
            rows[1]["question"],
            rows[2]["question"],
            "Có phân công cán bộ ISO không?",
        ]
        assert audit.checklist[1]["result"] == "conform"
        assert audit.checklist[2] == {
            "question": "Có phân công cán bộ ISO không?",
            "clause": "5.3",
            "procedure": "",
            "result": "",
            "evidence": "",
        }
        page = http.get(audit.absolute_url(), auth=login_as("auditor"))
        assert vi(CHECKLIST_SAVED) in page.text

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            ({"question": "", "clause": "8.1"}, ROW_NEEDS_QUESTION),
            ({"question": "Câu hỏi", "result": "maybe"}, ROW_BAD_RESULT),
        ],
    )
    def test_bad_row_refused_nothing_saved(self, http, login_as, audits, bad, message):
        audit = audits["running"]
        before = [dict(r) for r in audit.checklist]
        rows = [dict(r) for r in before]
        rows[1]["evidence"] = "Thay đổi không được lưu"
        rows.append(bad)
        refused = self.post(http, login_as, audits, rows)
        assert refused.status_code == 200
        assert "qms-form-error" in refused.text
        assert vi(message, number=4) in refused.text
        assert "Thay đổi không được lưu" in refused.text  # the rows posted
        assert [dict(r) for r in fresh(audit).checklist] == before

    def test_staff_refused(self, http, login_as, audits):
        audit = audits["running"]
        before = [dict(r) for r in audit.checklist]
        page = http.get(self.url(audits), auth=login_as("khcn.staff"))
        assert page.status_code < 500
        assert 'name="rows.question:records"' not in page.text
        posted = http.post(
            self.url(audits),
            auth=login_as("khcn.staff"),
            data={"form.submitted": "1", "rows.question:records": "X"},
            allow_redirects=False,
        )
        assert posted.status_code in (302, 401, 403)
        if posted.status_code == 302:
            assert "login" in posted.headers["Location"]
        assert [dict(r) for r in fresh(audit).checklist] == before

    def test_post_without_authenticator_refused(self, http, login_as, audits):
        audit = audits["running"]
        before = [dict(r) for r in audit.checklist]
        posted = http.post(
            self.url(audits),
            auth=login_as("auditor"),
            data={"form.submitted": "1", "rows.question:records": "Giả mạo?"},
            allow_redirects=False,
        )
        assert posted.status_code == 403
        assert [dict(r) for r in fresh(audit).checklist] == before

    def test_closed_audit_refused(self, http, login_as, audits):
        url = f"{audits['closed'].absolute_url()}/@@audit-checklist"
        page = http.get(url, auth=login_as("iso.secretary"), allow_redirects=False)
        assert page.status_code in (302, 401, 403)


class TestReportStep:
    def url(self, audits):
        return f"{audits['running'].absolute_url()}/@@qms-transition"

    def test_asks_for_the_summary(self, http, login_as, audits):
        audit = audits["running"]
        audit.summary = "Tóm tắt đang viết dở."
        transaction.commit()
        form = http.get(
            self.url(audits), params={"transition": "report"}, auth=login_as("auditor")
        )
        assert form.status_code == 200
        assert 'name="summary"' in form.text
        assert 'name="comment"' not in form.text
        assert "Tóm tắt đang viết dở." in form.text  # pre-filled

    def test_empty_summary_refused(self, http, login_as, audits):
        audit = audits["running"]
        form = http.get(
            self.url(audits), params={"transition": "report"}, auth=login_as("auditor")
        )
        refused = http.post(
            self.url(audits),
            auth=login_as("auditor"),
            data={
                "transition": "report",
                "form.submitted": "1",
                "_authenticator": token(form.text),
                "summary": "   ",
            },
        )
        assert refused.status_code == 200
        assert "qms-field-error" in refused.text
        assert vi(SUMMARY_REQUIRED) in refused.text
        audit = fresh(audit)
        assert api.content.get_state(obj=audit) == "in_progress"
        assert not audit.summary

    def test_report_with_summary(self, http, login_as, audits):
        audit = audits["running"]
        form = http.get(
            self.url(audits), params={"transition": "report"}, auth=login_as("auditor")
        )
        done = http.post(
            self.url(audits),
            auth=login_as("auditor"),
            data={
                "transition": "report",
                "form.submitted": "1",
                "_authenticator": token(form.text),
                "summary": "Vụ áp dụng phù hợp; một điểm không phù hợp nhẹ.",
            },
            allow_redirects=False,
        )
        assert done.status_code == 302
        audit = fresh(audit)
        assert api.content.get_state(obj=audit) == "reported"
        assert audit.summary == "Vụ áp dụng phù hợp; một điểm không phù hợp nhẹ."
        history = audit.workflow_history["qms_audit_workflow"][-1]
        assert history["comments"] == audit.summary
        page = http.get(audit.absolute_url(), auth=login_as("khcn.staff"))
        assert "@@audit-report.pdf" in page.text

    def test_secretary_may_not_report(self, http, login_as, audits):
        page = http.get(
            self.url(audits),
            params={"transition": "report"},
            auth=login_as("iso.secretary"),
            allow_redirects=False,
        )
        assert page.status_code == 302  # back to the audit: not theirs to do

    def test_programme_gets_the_same_form(self, http, login_as, audits):
        programme = audits["closed"].aq_parent
        page = http.get(
            f"{programme.absolute_url()}/@@qms-transition",
            params={"transition": "nothing"},
            auth=login_as("iso.secretary"),
            allow_redirects=False,
        )
        assert page.status_code == 302


class TestNonconformityViewlet:
    def test_nc_names_the_audit(self, http, login_as, audits):
        nc, finding = audits["nc"], audits["nc_finding"]
        for login in ("phapche.staff", "iso.secretary"):
            page = http.get(nc.absolute_url(), auth=login_as(login))
            assert page.status_code == 200, login
            assert "qms-nc-audit-origin" in page.text, login
            assert audits["closed"].Title() in page.text
            assert finding.absolute_url() in page.text

    def test_other_nc_says_nothing(self, http, login_as, audits):
        register = audits["portal"]["don-vi"]["khcn"]["khac-phuc"]
        with api.env.adopt_roles(["Manager"]):
            others = [
                o
                for o in register.objectValues()
                if o.portal_type == "Nonconformity"
                and not getattr(o, "audit_finding", None)
            ]
        page = http.get(others[0].absolute_url(), auth=login_as("khcn.staff"))
        assert page.status_code == 200
        assert "qms-nc-audit-origin" not in page.text
