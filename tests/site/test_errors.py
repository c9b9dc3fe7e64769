"""Errors that must answer a clean 4xx (or the page) with a clear Vietnamese
message, and change nothing: the public logo, the password-reset form with
no mail server, malformed JSON to plone.restapi, refused transitions.

Messages are compared with their Vietnamese translation from our catalog
(`vi`), so the tests name the message each refusal must give."""

from plone import api
from qms.intranet.site import errors
from qms.intranet.site import restapi
from zope.i18n import translate
from zope.i18nmessageid import Message

import html
import pytest
import transaction


VI = {"Accept-Language": "vi"}


def vi(message, **mapping) -> str:
    if mapping:
        message = Message(message, mapping=mapping)
    return translate(message, target_language="vi")


class TestSiteLogo:
    def test_anonymous_gets_the_logo(self, http, portal_url):
        response = http.get(f"{portal_url}/@@site-logo")
        assert response.status_code == 200, response.status_code
        assert response.headers["Content-Type"].startswith("image/svg+xml")
        assert b"<svg" in response.content

    def test_staff_get_the_logo(self, http, portal_url, login_as):
        response = http.get(f"{portal_url}/@@site-logo", auth=login_as("vp.staff"))
        assert response.status_code == 200, response.status_code


class TestPasswordReset:
    def reset(self, http, portal_url, userid):
        return http.post(
            f"{portal_url}/mail_password",
            data={"userid": userid, "form.submitted": "1"},
            headers=VI,
        )

    def test_no_mail_server_says_so(self, http, portal_url):
        response = self.reset(http, portal_url, "vp.staff")
        assert response.status_code == 200, response.status_code
        assert 'name="userid"' in response.text  # the form again
        assert vi(errors.MAIL_NOT_CONFIGURED) in html.unescape(response.text)

    def test_mail_server_down_says_so(self, http, portal_url, functional):
        api.portal.set_registry_record("plone.email_from_address", "iso@bo.gov.vn")
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", 9)  # nothing listens
        transaction.commit()
        reset_tool = functional["portal"].portal_password_reset
        before = len(reset_tool._requests)
        response = self.reset(http, portal_url, "vp.staff")
        assert response.status_code == 200, response.status_code
        assert vi(errors.MAIL_NOT_SENT) in html.unescape(response.text)
        transaction.begin()
        assert len(reset_tool._requests) == before  # no reset request kept

    def test_unknown_user_told_on_the_page(self, http, portal_url):
        response = self.reset(http, portal_url, "khong.co.ai")
        assert response.status_code == 200, response.status_code
        assert 'id="qms-mail-password-error"' in response.text


class TestMalformedJSON:
    @pytest.mark.parametrize(
        ("method", "path", "body"),
        [
            ("POST", "don-vi/vp", b'{"title": '),
            ("PATCH", "don-vi/vp/qt-draft", b'{"title": '),
            ("POST", "don-vi/vp", b'["not", "an", "object"]'),
            ("POST", "don-vi/vp/qt-draft/@workflow/submit", b"{,}"),
        ],
    )
    def test_answers_400_in_vietnamese(self, rest, method, path, body):
        before = rest("GET", "don-vi/vp/qt-draft/@workflow", "vp.officer").json()
        items = rest("GET", "don-vi/vp", "vp.officer").json()["items_total"]
        response = rest(
            method,
            path,
            "vp.officer",
            data=body,
            headers={"Content-Type": "application/json", **VI},
        )
        assert response.status_code == 400, response.text
        error = response.json()
        assert error["type"] == "BadRequest"
        assert error["message"] == vi(errors.MALFORMED_JSON)
        assert "traceback" not in error
        after = rest("GET", "don-vi/vp/qt-draft/@workflow", "vp.officer").json()
        assert after == before
        assert rest("GET", "don-vi/vp", "vp.officer").json()["items_total"] == items

    def test_good_json_still_works(self, rest):
        response = rest(
            "PATCH", "don-vi/vp/qt-draft", "vp.officer", json={"title": "Tên mới"}
        )
        assert response.status_code == 204, response.text


class TestRefusedTransition:
    @pytest.mark.parametrize(
        ("doc", "transition", "login", "state", "status"),
        [
            ("qt-effective", "approve", "vp.staff", "effective", 400),
            ("qt-draft", "reject", "leader", "draft", 400),
            ("qt-pending_review", "submit", "leader", "pending_review", 400),
            ("qt-pending_approval", "withdraw", "vp.officer", "pending_approval", 400),
            ("qt-draft", "khong-co", "vp.officer", "draft", 400),
            ("qt-draft", "submit", "vp.staff", "draft", 403),
            ("qt-pending_approval", "approve", "vp.head", "pending_approval", 403),
        ],
    )
    def test_refused_nothing_changed(self, rest, doc, transition, login, state, status):
        path = f"don-vi/vp/{doc}"
        before = rest("GET", f"{path}/@workflow", "iso.secretary").json()
        response = rest(
            "POST",
            f"{path}/@workflow/{transition}",
            login,
            json={"comment": "Lý do"},
            headers=VI,
        )
        assert response.status_code == status, response.text
        message = response.json()["error"]["message"]
        template = (
            restapi.TRANSITION_NOT_ALLOWED
            if status == 403
            else restapi.TRANSITION_NOT_POSSIBLE
        )
        prefix = vi(template, transition="@", state="@").split("@")[0]
        assert message.startswith(prefix), message
        assert "${" not in message
        after = rest("GET", f"{path}/@workflow", "iso.secretary").json()
        assert after["state"]["id"] == state
        assert after["history"] == before["history"]

    def test_allowed_transition_still_works(self, rest):
        response = rest(
            "POST",
            "don-vi/vp/qt-draft/@workflow/submit",
            "vp.officer",
            json={"comment": "Trình"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["review_state"] == "pending_review"
