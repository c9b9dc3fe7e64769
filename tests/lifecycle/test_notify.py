"""Email notifications (issue #16): each event mails the people who must
act, in Vietnamese, with the link; never the person who acted. Over real
HTTP, to a real SMTP server (aiosmtpd)."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from qms.intranet.lifecycle.acknowledge import audience
from tests.conftest import acting_as
from tests.lifecycle.smtp import free_port

import logging
import os
import pytest
import re
import transaction


TODAY = date.today()
VI = {"Accept-Language": "vi"}
PREFIX = "[QLCL] "
VP_PEOPLE = {"vp.head", "vp.officer", "vp.staff", "auditor"}
EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"  # QT-02/VP, effective


def transition(rest, path, login, name, comment=""):
    body = {"comment": comment} if comment else {}
    response = rest("POST", f"{path}/@workflow/{name}", login, json=body, headers=VI)
    assert response.status_code == 200, response.text
    return response


def path_of(response) -> str:
    return response.json()["@id"].split("/plone/", 1)[1]


def check(inbox, logins, subject, url, *more):
    """Exactly `logins` got one mail each, with this Vietnamese subject and
    the link (and `more` text) in its body; returns the mails."""
    mails = inbox.wait(len(logins))
    assert inbox.recipients() == set(logins), [(m.to, m.subject) for m in mails]
    assert len(mails) == len(logins)
    for mail in mails:
        assert len(mail.to) == 1
        assert mail.subject == PREFIX + subject
        assert url in mail.body
        assert "Kính gửi" in mail.body
        assert "@@personal-information" in mail.body
        for text in more:
            assert text in mail.body
        assert "Hệ thống QLCL" in mail.from_header
        assert mail.sender == "iso@qms.example.vn"
    return mails


def nothing_sent(inbox):
    assert inbox.wait(1, timeout=0.5) == []


def set_property(functional, login, **properties):
    transaction.begin()
    api.user.get(username=login).setMemberProperties(properties)
    transaction.commit()


class TestDocuments:
    def test_submitted_to_the_units_heads(self, smtp, rest, portal_url):
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        check(
            smtp,
            {"vp.head"},
            "Tài liệu chờ xem xét: QT-DRAFT Quy trình draft",
            f"{portal_url}/don-vi/vp/qt-draft",
            "Lê Thị Lan (Cán bộ ISO, Văn phòng Bộ) đã trình tài liệu",
            "Văn phòng Bộ",
        )

    def test_accepted_to_the_leaders(self, smtp, rest, portal_url):
        transition(rest, "don-vi/vp/qt-pending_review", "vp.head", "accept")
        check(
            smtp,
            {"leader"},
            "Tài liệu chờ phê duyệt: QT-PENDING_REVIEW Quy trình pending_review",
            f"{portal_url}/don-vi/vp/qt-pending_review",
        )

    def test_sent_back_to_the_submitter_with_the_reason(self, smtp, rest, portal_url):
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        smtp.clear()
        reason = "Thiếu lưu đồ của quy trình"
        transition(rest, "don-vi/vp/qt-draft", "vp.head", "reject", reason)
        check(
            smtp,
            {"vp.officer"},
            "Tài liệu bị trả lại: QT-DRAFT Quy trình draft",
            f"{portal_url}/don-vi/vp/qt-draft",
            f"Lý do: {reason}",
        )

    def test_first_issue_to_the_audience(self, smtp, rest, portal_url, functional):
        path = "don-vi/vp/qt-pending_approval"
        transition(rest, path, "leader", "approve")
        transaction.begin()
        doc = functional["portal"].unrestrictedTraverse(path)
        assert audience(doc) == VP_PEOPLE
        check(
            smtp,
            VP_PEOPLE,
            "Tài liệu mới ban hành, cần đọc: QT-PENDING_APPROVAL Quy trình "
            "pending_approval",
            f"{portal_url}/{path}",
            "(lần ban hành 1)",
        )

    def test_revision_checked_in_to_the_audience(
        self, smtp, rest, portal_url, functional
    ):
        transaction.begin()
        doc = functional["portal"].unrestrictedTraverse(EFFECTIVE)
        revision = doc.revision
        with acting_as("vp.officer"):
            wc = ICheckinCheckoutPolicy(doc).checkout(doc.aq_parent)
            wc.change_note = "Rút ngắn thời hạn phát hành văn bản đi"
            wc.signed_original_unchanged = True
        copy = "/".join(wc.getPhysicalPath()[2:])
        transaction.commit()
        transition(rest, copy, "vp.officer", "submit")
        transition(rest, copy, "vp.head", "accept")
        smtp.clear()
        rest("POST", f"{copy}/@workflow/approve", "leader", headers=VI)
        transaction.begin()
        doc = functional["portal"].unrestrictedTraverse(EFFECTIVE)
        assert doc.revision == revision + 1
        check(
            smtp,
            VP_PEOPLE,
            "Tài liệu mới ban hành, cần đọc: QT-02/VP Quy trình quản lý văn bản đi",
            f"{portal_url}/{EFFECTIVE}",
            f"(lần ban hành {revision + 1})",
        )
        # the link is the effective document's, not the checked-in copy's
        assert all(copy not in mail.body for mail in smtp.mails)

    def test_withdrawn_to_the_owning_unit(self, smtp, rest, portal_url):
        reason = "Nội dung đã đưa vào quy trình QT-01/VP"
        transition(rest, "don-vi/vp/qt-effective", "iso.secretary", "withdraw", reason)
        check(
            smtp,
            VP_PEOPLE,
            "Tài liệu bị hủy bỏ: QT-EFFECTIVE Quy trình effective",
            f"{portal_url}/don-vi/vp/qt-effective",
            f"Lý do: {reason}",
            f"từ ngày {TODAY:%d/%m/%Y}",
        )


class TestComments:
    def test_comment_to_the_units_officers(self, smtp, rest, portal_url):
        posted = rest(
            "POST",
            f"{EFFECTIVE}/@comments",
            "khcn.staff",
            json={"text": "Đề nghị ghi rõ thời hạn phát hành."},
        )
        assert posted.status_code == 204, posted.text
        check(
            smtp,
            {"vp.officer"},
            "Góp ý mới về tài liệu: QT-02/VP Quy trình quản lý văn bản đi",
            f"{portal_url}/{EFFECTIVE}",
            "Đề nghị ghi rõ thời hạn phát hành.",
            "Hoàng Văn Nam (Vụ KHCN) đã góp ý",
        )

    def test_the_officers_own_comment_is_not_mailed_to_them(self, smtp, rest):
        posted = rest(
            "POST", f"{EFFECTIVE}/@comments", "vp.officer", json={"text": "Ghi chú"}
        )
        assert posted.status_code == 204, posted.text
        nothing_sent(smtp)


REGISTER = "don-vi/khcn/khac-phuc"


def report(rest, login="khcn.staff", **fields):
    created = rest(
        "POST",
        REGISTER,
        login,
        json={
            "@type": "Nonconformity",
            "title": "Phiếu đề xuất thiếu chữ ký",
            "description": "Hai phiếu đề xuất nộp về không có chữ ký.",
            "source": "daily_work",
            "severity": "minor",
            "detected_on": (TODAY - timedelta(days=3)).isoformat(),
            **fields,
        },
    )
    assert created.status_code == 201, created.text
    return created


class TestImprovement:
    def test_nonconformity_to_the_units_officers_and_heads(
        self, smtp, rest, portal_url
    ):
        created = report(rest)
        reference = created.json()["reference"]
        check(
            smtp,
            {"khcn.officer", "khcn.head"},
            f"Sự không phù hợp {reference}: Phiếu đề xuất thiếu chữ ký",
            f"{portal_url}/{path_of(created)}",
            "Hai phiếu đề xuất nộp về không có chữ ký.",
            "Vụ Khoa học và Công nghệ",
        )

    def test_the_reporter_is_not_told(self, smtp, rest):
        report(rest, login="khcn.officer")
        assert smtp.recipients() == {"khcn.head"}

    def test_action_assigned_then_reassigned(self, smtp, rest, portal_url):
        nc = path_of(report(rest))
        smtp.clear()
        due = TODAY + timedelta(days=14)
        added = rest(
            "POST",
            nc,
            "khcn.officer",
            json={
                "@type": "CorrectiveAction",
                "title": "Bổ sung bước kiểm tra chữ ký",
                "kind": "corrective",
                "responsible": "khcn.staff",
                "due_date": due.isoformat(),
            },
        )
        assert added.status_code == 201, added.text
        action = path_of(added)
        subject = "Hành động khắc phục giao cho đồng chí: Bổ sung bước kiểm tra chữ ký"
        check(
            smtp,
            {"khcn.staff"},
            subject,
            f"{portal_url}/{action}",
            f"hạn hoàn thành ngày {due:%d/%m/%Y}",
        )
        # saved again, same person: nothing new
        smtp.clear()
        patched = rest("PATCH", action, "khcn.officer", json={"title": "Bổ sung bước"})
        assert patched.status_code == 204, patched.text
        nothing_sent(smtp)
        # given to someone else: they are told
        patched = rest(
            "PATCH", action, "khcn.officer", json={"responsible": "khcn.head"}
        )
        assert patched.status_code == 204, patched.text
        check(
            smtp,
            {"khcn.head"},
            "Hành động khắc phục giao cho đồng chí: Bổ sung bước",
            f"{portal_url}/{action}",
        )


class TestAudits:
    def test_planned_then_started(self, smtp, rest, portal_url):
        created = rest(
            "POST",
            f"danh-gia-noi-bo/{TODAY.year}",
            "iso.secretary",
            json={
                "@type": "Audit",
                "title": "Đánh giá nội bộ thử Vụ KHCN",
                "audited_units": ["khcn"],
                "lead_auditor": "auditor",
                "auditors": [],
                "start": TODAY.isoformat(),
                "end": (TODAY + timedelta(days=2)).isoformat(),
            },
        )
        assert created.status_code == 201, created.text
        audit, url = path_of(created), created.json()["@id"]
        check(
            smtp,
            {"auditor", "khcn.head"},
            "Kế hoạch đánh giá nội bộ: Đánh giá nội bộ thử Vụ KHCN",
            url,
            "trưởng đoàn: Trịnh Văn Kiên",
            "Vụ Khoa học và Công nghệ",
        )
        # the plan saved with a new member: the team and heads told again
        smtp.clear()
        patched = rest("PATCH", audit, "iso.secretary", json={"auditors": ["auditor2"]})
        assert patched.status_code == 204, patched.text
        check(
            smtp,
            {"auditor", "auditor2", "khcn.head"},
            "Kế hoạch đánh giá nội bộ: Đánh giá nội bộ thử Vụ KHCN",
            url,
            "Đặng Thị Hoa",
        )
        # saved, the plan unchanged: nothing
        smtp.clear()
        patched = rest("PATCH", audit, "iso.secretary", json={"criteria": "ISO 9001"})
        assert patched.status_code == 204, patched.text
        nothing_sent(smtp)
        # the lead auditor starts it
        transition(rest, audit, "auditor", "start")
        check(
            smtp,
            {"auditor2", "khcn.head"},
            "Bắt đầu đánh giá nội bộ: Đánh giá nội bộ thử Vụ KHCN",
            url,
        )
        assert url.startswith(portal_url)


class TestPreferences:
    def test_the_field_in_personal_information(self, functional, http, portal_url):
        assert functional["portal"].portal_memberdata.hasProperty("qms_notifications")
        auth = ("vp.head", "qms-demo")
        page = http.get(f"{portal_url}/@@personal-information", auth=auth)
        assert page.status_code == 200
        for label in ("Thư thông báo", "Gửi ngay", "Gộp một thư mỗi ngày"):
            assert label in page.text
        assert "Không nhận thư" in page.text
        token = re.search(r'name="_authenticator" value="([^"]+)"', page.text)
        fields = dict(
            re.findall(
                r'name="(form\.widgets\.[a-z_]+)"[^>]*value="([^"]*)"', page.text
            )
        )
        saved = http.post(
            f"{portal_url}/@@personal-information",
            auth=auth,
            data={
                **fields,
                "form.widgets.qms_notifications:list": "digest",
                "form.widgets.qms_notifications-empty-marker": "1",
                "_authenticator": token.group(1),
                "form.buttons.save": "Lưu",
            },
        )
        assert saved.status_code == 200
        transaction.begin()
        user = api.user.get(username="vp.head")
        assert user.getProperty("qms_notifications") == "digest"

    def test_off_sends_nothing(self, smtp, rest, functional):
        set_property(functional, "vp.head", qms_notifications="off")
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        nothing_sent(smtp)

    def test_digest_one_mail_from_the_daily_job(
        self, smtp, rest, functional, portal_url
    ):
        from qms.intranet.lifecycle import daily

        set_property(functional, "vp.head", qms_notifications="digest")
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        transition(rest, "he-thong-qlcl/cs-draft", "vp.officer", "submit")
        nothing_sent(smtp)
        transaction.begin()
        daily.run(functional["portal"])
        transaction.commit()
        (mail,) = smtp.to("vp.head")
        assert mail.subject.startswith(f"{PREFIX}Thông báo ngày {TODAY:%d/%m/%Y} (")
        for subject, url in (
            ("Tài liệu chờ xem xét: QT-DRAFT Quy trình draft", "don-vi/vp/qt-draft"),
            (
                "Tài liệu chờ xem xét: CS-DRAFT Chính sách draft",
                "he-thong-qlcl/cs-draft",
            ),
        ):
            assert f". {subject}\r\n" in mail.body
            assert f"{portal_url}/{url}" in mail.body
        # the queue is empty: the next run sends no digest
        smtp.clear()
        transaction.begin()
        daily.run(functional["portal"])
        transaction.commit()
        assert smtp.to("vp.head") == []


class TestDelivery:
    def test_rolled_back_sends_nothing(self, smtp, functional):
        transaction.begin()
        doc = functional["portal"].unrestrictedTraverse("don-vi/vp/qt-draft")
        with acting_as("vp.officer"):
            api.content.transition(obj=doc, transition="submit")
        transaction.abort()
        nothing_sent(smtp)
        with acting_as("vp.officer"):
            api.content.transition(obj=doc, transition="submit")
        transaction.commit()
        assert smtp.recipients() == {"vp.head"}

    def test_mail_settings_follow_the_environment_once(self, smtp, rest, functional):
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        transaction.begin()
        portal = functional["portal"]
        mailhost = portal.MailHost
        assert (mailhost.smtp_host, str(mailhost.smtp_port)) == (
            os.environ["SMTP_HOST"],
            os.environ["SMTP_PORT"],
        )
        assert api.portal.get_registry_record("plone.email_from_address") == (
            "iso@qms.example.vn"
        )
        written = mailhost._p_serial
        transition(rest, "he-thong-qlcl/cs-draft", "vp.officer", "submit")
        transaction.begin()
        assert len(smtp.mails) == 2
        assert portal.MailHost._p_serial == written  # not written again

    def test_without_smtp_host_mails_are_logged(self, no_smtp, rest, caplog):
        caplog.set_level(logging.INFO, logger="qms.intranet.mail")
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        (logged,) = [
            r.getMessage() for r in caplog.records if "vp.head@" in r.getMessage()
        ]
        assert "To: vp.head@qms.example.vn" in logged
        assert (
            "Subject: [QLCL] Tài liệu chờ xem xét: QT-DRAFT Quy trình draft" in logged
        )
        assert "/don-vi/vp/qt-draft" in logged
        assert "đã trình tài liệu" in logged

    def test_a_refusing_server_does_not_undo_the_act(
        self, smtp, rest, monkeypatch, caplog
    ):
        monkeypatch.setenv("SMTP_PORT", str(free_port()))  # nobody listens
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        state = rest("GET", "don-vi/vp/qt-draft", "vp.officer").json()["review_state"]
        assert state == "pending_review"
        refused = [r for r in caplog.records if r.name == "qms.intranet.mail"]
        assert any("vp.head@qms.example.vn" in r.getMessage() for r in refused)

    def test_no_address_skipped_and_logged(self, smtp, rest, functional, caplog):
        set_property(functional, "vp.head", email="")
        transition(rest, "don-vi/vp/qt-draft", "vp.officer", "submit")
        nothing_sent(smtp)
        assert any(
            "vp.head" in r.getMessage() and "no e-mail address" in r.getMessage()
            for r in caplog.records
        )


@pytest.fixture(autouse=True)
def _begin():
    """See what the HTTP requests of the test before committed."""
    transaction.begin()
