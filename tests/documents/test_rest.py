"""Document control through plone.restapi over real HTTP: creating each type
with its fields, transitions with comments, history, sharing, search — and
bad input answered with a clear 4xx that changes nothing."""

from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import odt_bytes
from qms.intranet.site.demo.files import pdf_bytes
from tests.conftest import JSON

import base64
import pytest
import re


def upload(data: bytes, filename: str, content_type: str) -> dict:
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


PDF = upload(pdf_bytes("QT-09/VP"), "qt-09-vp.pdf", "application/pdf")
DOCX = upload(
    docx_bytes("QT-09/VP"),
    "qt-09-vp.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


def new_procedure(**fields) -> dict:
    return {
        "@type": "Procedure",
        "title": "Quy trình tiếp công dân",
        "code": "QT-09/VP",
        "kind": "business",
        "owning_unit": "vp",
        "purpose": "Quy định việc tiếp công dân tại trụ sở Bộ.",
        "records": ["Sổ tiếp công dân"],
        "signed_original": PDF,
        "editable_source": DOCX,
        **fields,
    }


def count_code(rest, code):
    found = rest("GET", "@search", "iso.secretary", params={"document_code": code})
    return found.json()["items_total"]


class TestCreate:
    def test_procedure_with_its_fields(self, rest):
        response = rest("POST", "don-vi/vp", "vp.officer", json=new_procedure())
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["code"] == "QT-09/VP"
        assert data["revision"] == 1
        assert data["kind"]["token"] == "business"
        assert data["owning_unit"]["token"] == "vp"
        assert data["review_state"] == "draft"
        assert data["signed_original"]["filename"] == "qt-09-vp.pdf"
        assert data["records"] == ["Sổ tiếp công dân"]

    def test_form_inside_procedure(self, rest):
        rest("POST", "don-vi/vp", "vp.officer", json=new_procedure(id="qt-09"))
        response = rest(
            "POST",
            "don-vi/vp/qt-09",
            "vp.officer",
            json={
                "@type": "ProcedureForm",
                "title": "Phiếu hẹn",
                "code": "BM-01/QT-09/VP",
                "file": upload(
                    odt_bytes("BM"),
                    "bm-01.odt",
                    "application/vnd.oasis.opendocument.text",
                ),
            },
        )
        assert response.status_code == 201, response.text
        assert response.json()["owning_unit"]["token"] == "vp"  # from its procedure

    def test_decision_and_policy_by_secretariat(self, rest):
        decision = rest(
            "POST",
            "he-thong-qlcl",
            "iso.secretary",
            json={
                "@type": "Decision",
                "title": "Quyết định ban hành quy trình",
                "code": "45/QĐ-VP",
                "number_symbol": "45/QĐ-VP",
                "summary": "Ban hành quy trình tiếp công dân",
                "signer": "Nguyễn Minh Hồng",
                "signed_date": "2026-11-20",
                "owning_unit": "vp",
                "signed_original": PDF,
            },
        )
        assert decision.status_code == 201, decision.text
        assert decision.json()["signed_date"] == "2026-11-20"
        policy = rest(
            "POST",
            "he-thong-qlcl",
            "iso.secretary",
            json={
                "@type": "QualityPolicy",
                "title": "Chính sách chất lượng 2027",
                "code": "CSCL-02",
                "owning_unit": "khcn",
                "text": {"data": "<p>Cam kết</p>", "content-type": "text/html"},
            },
        )
        assert policy.status_code == 201, policy.text


class TestBadInput:
    @pytest.mark.parametrize(
        ("fields", "fragment"),
        [
            ({"code": "QT-01/VP"}, "QT-01/VP"),  # used by the demo's procedure
            ({"code": "qt 01 vp"}, "code"),
            ({"code": "QT-01/VP<script>"}, "code"),
            ({"owning_unit": "khong-co"}, "owning_unit"),
            (
                {
                    "signed_original": upload(
                        b"not a pdf at all", "gia.pdf", "application/pdf"
                    )
                },
                "PDF",
            ),
            ({"editable_source": PDF}, "DOCX"),
            (
                {
                    "editable_source": upload(
                        b"PK\x03\x04broken", "hong.docx", "application/zip"
                    )
                },
                "DOCX",
            ),
            ({"review_interval": "mot nam"}, "review_interval"),
        ],
    )
    def test_refused_and_nothing_created(self, rest, fields, fragment):
        before = count_code(rest, fields.get("code", "QT-09/VP"))
        response = rest("POST", "don-vi/vp", "vp.officer", json=new_procedure(**fields))
        assert response.status_code == 400, response.text
        assert fragment.lower() in response.text.lower()
        assert count_code(rest, fields.get("code", "QT-09/VP")) == before

    def test_missing_required_field(self, rest):
        body = new_procedure()
        del body["code"]
        response = rest("POST", "don-vi/vp", "vp.officer", json=body)
        assert response.status_code == 400
        assert "code" in response.text

    def test_duplicate_code_message_is_vietnamese(self, rest):
        response = rest(
            "POST",
            "don-vi/vp",
            "vp.officer",
            json=new_procedure(code="QT-02/VP"),
            headers={"Accept-Language": "vi"},
        )
        assert response.status_code == 400
        assert "đã được sử dụng" in response.json()["message"]

    def test_another_units_folder_refused(self, rest):
        response = rest(
            "POST", "don-vi/khcn", "vp.officer", json=new_procedure(owning_unit="khcn")
        )
        assert response.status_code in (401, 403)
        assert count_code(rest, "QT-09/VP") == 0

    def test_staff_cannot_create(self, rest):
        response = rest("POST", "don-vi/vp", "vp.staff", json=new_procedure())
        assert response.status_code in (401, 403)


class TestWorkflow:
    @pytest.fixture
    def draft(self, rest):
        rest("POST", "don-vi/vp", "vp.officer", json=new_procedure(id="qt-09"))
        return "don-vi/vp/qt-09"

    def test_full_approval_with_comments_and_history(self, rest, draft):
        steps = [("submit", "vp.officer"), ("accept", "vp.head"), ("approve", "leader")]
        for transition, login in steps:
            response = rest(
                "POST",
                f"{draft}/@workflow/{transition}",
                login,
                json={"comment": f"{transition} ok"},
            )
            assert response.status_code == 200, response.text
        doc = rest("GET", draft, "khcn.staff").json()
        assert doc["review_state"] == "effective"
        assert doc["amendment_history"][0]["revision"] == 1
        assert doc["issue_date"]
        history = rest("GET", f"{draft}/@history", "vp.officer").json()
        states = [h.get("review_state") for h in history if h["type"] == "workflow"]
        assert {"pending_review", "pending_approval", "effective"} <= set(states)
        assert "approve ok" in [h.get("comments") for h in history]

    @pytest.mark.parametrize(
        ("transition", "login"),
        [
            ("approve", "leader"),
            ("accept", "vp.head"),
            ("submit", "vp.staff"),
            ("submit", "khcn.officer"),
            ("withdraw", "iso.secretary"),
        ],
    )
    def test_transition_not_allowed(self, rest, draft, transition, login):
        response = rest("POST", f"{draft}/@workflow/{transition}", login, json={})
        assert response.status_code in (400, 401, 403)
        assert rest("GET", draft, "vp.officer").json()["review_state"] == "draft"

    def test_reject_needs_a_comment(self, rest, draft):
        rest("POST", f"{draft}/@workflow/submit", "vp.officer", json={})
        response = rest(
            "POST",
            f"{draft}/@workflow/reject",
            "vp.head",
            json={},
            headers={"Accept-Language": "vi"},
        )
        assert response.status_code == 400
        assert "bắt buộc" in response.json()["error"]["message"]
        assert (
            rest("GET", draft, "vp.officer").json()["review_state"] == "pending_review"
        )
        ok = rest(
            "POST",
            f"{draft}/@workflow/reject",
            "vp.head",
            json={"comment": "Bổ sung phạm vi áp dụng"},
        )
        assert ok.status_code == 200
        assert rest("GET", draft, "vp.officer").json()["review_state"] == "draft"

    def test_withdraw_needs_a_reason(self, rest):
        effective = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"
        response = rest(
            "POST", f"{effective}/@workflow/withdraw", "iso.secretary", json={}
        )
        assert response.status_code == 400
        assert rest("GET", effective, "vp.staff").json()["review_state"] == "effective"


def test_sharing_shows_unit_groups(rest):
    response = rest("GET", "don-vi/vp/@sharing", "iso.secretary")
    assert response.status_code == 200
    entries = {e["id"]: e["roles"] for e in response.json()["entries"]}
    assert entries["vp-officers"]["UnitOfficer"] in (True, "acquired")
    assert entries["vp-heads"]["UnitHead"] in (True, "acquired")
    assert entries["vp-staff"]["UnitMember"] in (True, "acquired")


def test_search_finds_effective_procedure_by_code(rest):
    found = rest(
        "GET", "@search", "phapche.staff", params={"SearchableText": "QT-01/VP"}
    )
    titles = [i["title"] for i in found.json()["items"]]
    assert "Quy trình quản lý văn bản đến" in titles


def test_statistics_follow_the_year(rest):
    """Issuing a new procedure and cancelling one move the year's figures."""
    before = rest("GET", "@qms-statistics", "iso.secretary").json()
    rest("POST", "don-vi/vp", "vp.officer", json=new_procedure(id="qt-09"))
    after_draft = rest("GET", "@qms-statistics", "iso.secretary").json()
    assert after_draft["pending_new"] == before["pending_new"] + 1
    for transition, login in [
        ("submit", "vp.officer"),
        ("accept", "vp.head"),
        ("approve", "leader"),
    ]:
        rest("POST", f"don-vi/vp/qt-09/@workflow/{transition}", login, json={})
    rest(
        "POST",
        "don-vi/vp/quy-trinh-quan-ly-van-ban-di/@workflow/withdraw",
        "iso.secretary",
        json={"comment": "Không còn phù hợp"},
    )
    after = rest("GET", "@qms-statistics", "iso.secretary").json()
    assert after["issued_new"] == before["issued_new"] + 1
    assert after["pending_new"] == before["pending_new"]
    assert after["cancelled"] == before["cancelled"] + 1
    assert after["revised"] == before["revised"]
    assert after["year"] == before["year"]


def test_statistics_refuse_a_bad_year(rest):
    bad = rest(
        "GET",
        "@qms-statistics",
        "iso.secretary",
        params={"year": "nam"},
        headers={"Accept-Language": "vi"},
    )
    assert bad.status_code == 400
    assert "năm" in bad.json()["error"]["message"].lower()


def test_state_menu_refusal_is_shown_and_changes_nothing(http, portal_url, login_as):
    """Plone's generic state form leads to ours; sending back without a
    reason is refused there, next to the field, and changes nothing."""

    doc = f"{portal_url}/don-vi/phapche/quy-trinh-kiem-tra-van-ban-quy-pham-phap-luat"
    auth = login_as("phapche.head")
    form = http.get(f"{doc}/content_status_history?workflow_action=reject", auth=auth)
    assert form.url == f"{doc}/@@qms-transition?transition=reject"
    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text).group(1)
    response = http.post(
        f"{doc}/content_status_modify",
        data={"workflow_action": "reject", "comment": "", "_authenticator": token},
        auth=auth,
    )
    assert response.url.startswith(f"{doc}/@@qms-transition")
    assert "bắt buộc" in response.text
    ours = http.post(
        f"{doc}/@@qms-transition",
        data={
            "transition": "reject",
            "comment": "  ",
            "form.submitted": "1",
            "_authenticator": token,
        },
        auth=auth,
    )
    assert "invalid-feedback" in ours.text
    assert "lý do" in ours.text
    state = http.get(
        f"{portal_url}/++api++/don-vi/phapche/quy-trinh-kiem-tra-van-ban-quy-pham-phap-luat",
        headers=JSON,
        auth=auth,
    ).json()["review_state"]
    assert state == "pending_review"
