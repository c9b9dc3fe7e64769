"""Bad input to the records over real HTTP: refused with a clear 400 (or the
form's message), nothing created — a record list's year and entries, and
record files over the one configurable size limit."""

from plone import api
from qms.intranet.core.files import FileTooLarge
from qms.intranet.records.content import InvalidEntries
from qms.intranet.records.content import InvalidYear
from qms.intranet.site.demo.files import pdf_bytes
from zope.i18n import translate

import base64
import pytest
import re
import transaction


VI = {"Accept-Language": "vi"}
ARCHIVE = "don-vi/phapche/ho-so"
OPEN = "don-vi/vp/ho-so/2025/hs-open"
MB = 1024 * 1024


def vi(message) -> str:
    return translate(message, target_language="vi")


def lists_in(rest):
    items = rest("GET", ARCHIVE, "phapche.officer").json()["items"]
    return sorted(item["@id"].rsplit("/", 1)[-1] for item in items)


class TestRecordList:
    @pytest.mark.parametrize(
        ("fields", "fragment"),
        [
            ({"year": -1}, InvalidYear.__doc__),
            ({"year": 3000}, InvalidYear.__doc__),
            ({"year": "hai nghìn"}, "year"),
            ({"entries": "not a dict"}, InvalidEntries.__doc__),
            ({"entries": "{'heading': 'X'}"}, InvalidEntries.__doc__),
            ({"entries": {"heading": "X"}}, InvalidEntries.__doc__),
            ({"entries": [{"heading": "Thiếu mã"}]}, InvalidEntries.__doc__),
            ({"entries": ["not a dict"]}, InvalidEntries.__doc__),
        ],
    )
    def test_refused_nothing_created(self, rest, fields, fragment):
        before = lists_in(rest)
        body = {
            "@type": "RecordList",
            "title": "Danh mục",
            "year": 2031,
            "entries": [{"id": "e1", "heading": "Hồ sơ", "retention": 5}],
            **fields,
        }
        response = rest("POST", ARCHIVE, "phapche.officer", json=body, headers=VI)
        assert response.status_code == 400, response.text
        message = response.json()["message"]
        assert vi(fragment) in message  # translated once the catalogs are loaded
        assert "Traceback" not in message
        assert lists_in(rest) == before

    def test_good_list_created(self, rest):
        body = {
            "@type": "RecordList",
            "title": "Danh mục",
            "year": 2031,
            "entries": [{"id": "e1", "heading": "Hồ sơ", "retention": 5}],
        }
        response = rest("POST", ARCHIVE, "phapche.officer", json=body)
        assert response.status_code == 201, response.text


def upload(data: bytes, filename: str) -> dict:
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": "application/pdf",
    }


@pytest.fixture(scope="module")
def big_pdf() -> bytes:
    """A 60 MB 'PDF', made once for the module."""
    return pdf_bytes("lon") + b"\0" * (60 * MB)


def items_of(rest, path) -> int:
    return rest("GET", path, "iso.secretary").json()["items_total"]


def post_record_file(rest, data: bytes, filename: str):
    """Add a file to vp's open record over REST, as its staff member."""
    body = {"@type": "RecordFile", "file": upload(data, filename)}
    return rest("POST", OPEN, "vp.staff", json=body, headers=VI)


class TestRecordFileSize:
    def test_rest_refuses_a_60_mb_file(self, rest, big_pdf):
        before = items_of(rest, OPEN)
        response = post_record_file(rest, big_pdf, "lon.pdf")
        assert response.status_code == 400, response.text[:500]
        assert "50 MB" in response.text
        assert items_of(rest, OPEN) == before

    def test_rest_refuses_an_empty_file(self, rest):
        before = items_of(rest, OPEN)
        response = post_record_file(rest, b"", "trong.pdf")
        assert response.status_code == 400, response.text[:500]
        assert items_of(rest, OPEN) == before

    def test_form_refuses_a_60_mb_file(self, http, portal_url, login_as, rest, big_pdf):
        auth = login_as("vp.staff")
        before = items_of(rest, OPEN)
        record = http.get(f"{portal_url}/{OPEN}/@@add-record-file", auth=auth)
        token = re.search(r'name="_authenticator" value="([^"]+)"', record.text)
        response = http.post(
            f"{portal_url}/{OPEN}/@@add-record-file",
            auth=auth,
            data={"form.submitted": "1", "_authenticator": token.group(1)},
            files={"file": ("lon.pdf", big_pdf, "application/pdf")},
            headers=VI,
        )
        assert response.status_code == 200
        assert "qms-field-error" in response.text
        assert "50 MB" in response.text
        assert items_of(rest, OPEN) == before


class TestOneConfigurableLimit:
    """The registry record sets the limit of every file field."""

    @pytest.fixture
    def one_mb(self, functional):
        api.portal.set_registry_record("qms.intranet.max_file_size_mb", 1)
        transaction.commit()
        return pdf_bytes("vua") + b"\0" * (2 * MB)

    def test_rest_says_the_configured_limit(self, rest, one_mb):
        before = items_of(rest, OPEN)
        response = post_record_file(rest, one_mb, "vua.pdf")
        assert response.status_code == 400, response.text[:500]
        assert vi(FileTooLarge().doc()) in response.json()["message"]
        assert "1 MB" in response.text
        assert items_of(rest, OPEN) == before

    def test_form_says_the_configured_limit(
        self, http, portal_url, login_as, rest, one_mb
    ):
        auth = login_as("vp.staff")
        before = items_of(rest, OPEN)
        record = http.get(f"{portal_url}/{OPEN}/@@add-record-file", auth=auth)
        token = re.search(r'name="_authenticator" value="([^"]+)"', record.text)
        response = http.post(
            f"{portal_url}/{OPEN}/@@add-record-file",
            auth=auth,
            data={"form.submitted": "1", "_authenticator": token.group(1)},
            files={"file": ("vua.pdf", one_mb, "application/pdf")},
            headers=VI,
        )
        assert "qms-field-error" in response.text
        assert "1 MB" in response.text
        assert items_of(rest, OPEN) == before
