"""Bad input changes nothing and says why in Vietnamese: a request without
a reason or for a unit not the requester's, a certificate that is no PDF
nor image, a decline without a reason, a record without a person or of
someone unknown."""

from plone import api
from qms.intranet.core.workflow import REASON_REQUIRED
from qms.intranet.training.content import ITrainingCertificate
from qms.intranet.training.content import NotCertificateFile
from qms.intranet.training.content import NotOwnUnit
from qms.intranet.training.record import NO_USER
from qms.intranet.training.services.training_record.get import NO_USER_PARAM
from tests.training.helpers import vi
from zope.i18nmessageid import Message

import base64
import html
import pytest
import re
import transaction


SECTION = "dao-tao"


def ids(portal, portal_type):
    transaction.begin()
    return sorted(
        o.getId()
        for o in portal.unrestrictedTraverse(SECTION).objectValues()
        if o.portal_type == portal_type
    )


def request_body(**more):
    return {
        "@type": "TrainingRequest",
        "unit": "khcn",
        "participants": ["khcn.staff"],
        "kind": "iso_awareness",
        "reason": "Cán bộ mới",
        **more,
    }


class TestRequest:
    def test_without_a_reason(self, functional, rest):
        portal = functional["portal"]
        before = ids(portal, "TrainingRequest")
        body = request_body()
        del body["reason"]
        response = rest("POST", SECTION, "khcn.officer", json=body)
        assert response.status_code == 400, response.text[:300]
        assert "reason" in response.text
        assert ids(portal, "TrainingRequest") == before

    def test_unit_not_theirs(self, functional, rest):
        portal = functional["portal"]
        before = ids(portal, "TrainingRequest")
        response = rest("POST", SECTION, "khcn.officer", json=request_body(unit="vp"))
        assert response.status_code == 400, response.text[:300]
        assert vi(NotOwnUnit.__doc__) in response.json()["message"]
        assert ids(portal, "TrainingRequest") == before

    def test_own_unit_accepted(self, functional, rest):
        """The reference: the same request for the officer's unit."""
        response = rest("POST", SECTION, "khcn.officer", json=request_body())
        assert response.status_code == 201, response.text[:300]
        assert response.json()["unit"]["token"] == "khcn"

    def test_decline_without_a_reason(self, functional, rest):
        portal = functional["portal"]
        transaction.begin()
        (pending,) = [
            o
            for o in portal[SECTION].objectValues()
            if o.portal_type == "TrainingRequest"
            and api.content.get_state(obj=o) == "pending"
        ]
        path = f"{SECTION}/{pending.getId()}"
        response = rest("POST", f"{path}/@workflow/decline", "iso.secretary", json={})
        assert response.status_code == 400, response.text[:300]
        assert response.json()["error"]["message"] == vi(REASON_REQUIRED["decline"])
        transaction.begin()
        assert api.content.get_state(obj=portal.unrestrictedTraverse(path)) == "pending"


class TestCertificate:
    def _post(self, rest, data: bytes, filename: str):
        course = "dao-tao/" + self.course_id
        return rest(
            "POST",
            course,
            "iso.secretary",
            json={
                "@type": "TrainingCertificate",
                "participant": "khcn.staff",
                "number": "X-01",
                "issued_on": "2026-02-02",
                "file": {
                    "data": base64.b64encode(data).decode(),
                    "encoding": "base64",
                    "filename": filename,
                    "content-type": "application/pdf",
                },
            },
        )

    @pytest.fixture(autouse=True)
    def _course(self, functional):
        transaction.begin()
        section = functional["portal"][SECTION]
        self.course = next(
            o for o in section.objectValues() if o.portal_type == "TrainingCourse"
        )
        self.course_id = self.course.getId()

    def test_not_a_pdf(self, rest):
        before = sorted(self.course.objectIds())
        response = self._post(rest, b"Hello, not a PDF", "fake.pdf")
        assert response.status_code == 400, response.text[:300]
        assert vi(NotCertificateFile.__doc__) in response.json()["message"]
        transaction.begin()
        assert sorted(self.course.objectIds()) == before

    def test_an_image_is_accepted(self, rest):
        png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
        response = self._post(rest, png, "scan.png")
        assert response.status_code == 201, response.text[:300]

    def test_field_check(self, integration):
        from plone.namedfile.file import NamedBlobFile

        field = ITrainingCertificate["file"]
        with pytest.raises(NotCertificateFile):
            field.validate(NamedBlobFile(b"PK\x03\x04 a zip", filename="a.pdf"))


class TestRecordParameters:
    def test_missing_user(self, functional, rest):
        response = rest("GET", "@training-record", "iso.secretary")
        assert response.status_code == 400
        assert response.json()["error"]["message"] == vi(NO_USER_PARAM)

    def test_unknown_user(self, functional, rest):
        response = rest(
            "GET", "@training-record", "iso.secretary", params={"user": "nobody.here"}
        )
        assert response.status_code == 400
        message = vi(Message(NO_USER, mapping={"user": "nobody.here"}))
        assert response.json()["error"]["message"] == message

    def test_page_of_an_unknown_user(self, functional, http, portal_url, login_as):
        response = http.get(
            f"{portal_url}/@@training-record",
            params={"user": "nobody.here"},
            auth=login_as("iso.secretary"),
        )
        assert response.status_code == 400
        assert "nobody.here" in response.text

    def test_page_without_user_is_ones_own(
        self, functional, http, portal_url, login_as
    ):
        response = http.get(
            f"{portal_url}/@@training-record", auth=login_as("vp.officer")
        )
        assert response.status_code == 200
        assert "Lê Thị Lan" in response.text


class TestForms:
    """The Classic UI's add forms: the error next to the field, nothing
    added."""

    def _post(self, http, url, auth, data, files=None):
        form = http.get(url, auth=auth)
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', form.text)
        token = token or re.search(
            r'value="([^"]+)"[^>]*name="_authenticator"', form.text
        )
        data = {**data, "_authenticator": token.group(1), "form.buttons.save": "1"}
        return http.post(url, data=data, files=files, auth=auth, allow_redirects=False)

    def test_request_for_another_unit(self, functional, http, portal_url, login_as):
        portal = functional["portal"]
        before = ids(portal, "TrainingRequest")
        response = self._post(
            http,
            f"{portal_url}/{SECTION}/++add++TrainingRequest",
            login_as("khcn.officer"),
            {
                "form.widgets.unit:list": "vp",
                "form.widgets.participants:list": ["khcn.staff"],
                "form.widgets.kind:list": "other",
                "form.widgets.reason": "Cán bộ mới",
            },
        )
        assert response.status_code == 200
        assert vi(NotOwnUnit.__doc__) in html.unescape(response.text)
        assert ids(portal, "TrainingRequest") == before

    def test_certificate_not_a_pdf(self, functional, http, portal_url, login_as):
        transaction.begin()
        course = next(
            o
            for o in functional["portal"][SECTION].objectValues()
            if o.portal_type == "TrainingCourse"
        )
        before = sorted(course.objectIds())
        response = self._post(
            http,
            f"{course.absolute_url()}/++add++TrainingCertificate",
            login_as("iso.secretary"),
            {
                "form.widgets.participant:list": "khcn.staff",
                "form.widgets.number": "X-02",
                "form.widgets.issued_on": "2026-02-02",
            },
            files={"form.widgets.file": ("scan.pdf", b"not a pdf", "application/pdf")},
        )
        assert response.status_code == 200
        assert vi(NotCertificateFile.__doc__) in html.unescape(response.text)
        transaction.begin()
        assert sorted(course.objectIds()) == before
