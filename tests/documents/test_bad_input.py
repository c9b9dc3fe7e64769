"""Bad input to controlled documents, refused with a clear 400 (REST) or the
form's message (Classic UI) and nothing created: an issue number that is
not a number, empty files, a code that differs from a used one only by
spaces, case or Unicode form, files over the one configurable limit."""

from plone import api
from qms.intranet.core.files import EmptyFile
from qms.intranet.core.files import FileTooLarge
from qms.intranet.documents.codes import normalize_code
from qms.intranet.documents.codes import valid_code
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes
from qms.intranet.site.restapi import NotAWholeNumber
from tests.documents.test_rest import new_procedure
from tests.documents.test_rest import upload
from zope.i18n import translate

import pytest
import re
import transaction
import unicodedata


VI = {"Accept-Language": "vi"}
MB = 1024 * 1024
KHCN_TITLE = "Quy trình xây dựng tiêu chuẩn, quy chuẩn kỹ thuật"  # QT-01/KHCN


def vi(message) -> str:
    return translate(message, target_language="vi")


def items(rest, path="don-vi/vp") -> int:
    return rest("GET", path, "iso.secretary").json()["items_total"]


@pytest.fixture
def one_mb(functional):
    """The site's limit set to 1 MB; a 2 MB PDF."""
    api.portal.set_registry_record("qms.intranet.max_file_size_mb", 1)
    transaction.commit()
    return pdf_bytes("lon") + b"\0" * (2 * MB)


class TestCodes:
    @pytest.mark.parametrize(
        "variant",
        [
            "QT-01 /KHCN",
            "QT-01/ KHCN",
            "QT - 01 / KHCN",
            "qt-01/khcn",
            " QT-01/KHCN ",
            "QT-01\u00a0/KHCN",
        ],
    )
    def test_same_code_after_normalising(self, variant):
        assert normalize_code(variant) == normalize_code("QT-01/KHCN")

    def test_unicode_forms_compare_equal(self):
        composed = "Quyết định 5/QĐ-BỘ"
        decomposed = unicodedata.normalize("NFD", composed)
        assert decomposed != composed
        assert normalize_code(decomposed) == normalize_code(composed)

    def test_spaces_inside_a_code_kept(self):
        assert normalize_code("TCVN ISO 9001:2015") == "TCVN ISO 9001:2015"

    def test_valid_code_in_either_form(self):
        code = "123/QĐ-BTTTT"
        assert valid_code(unicodedata.normalize("NFD", code))


class TestRest:
    @pytest.mark.parametrize(
        ("login", "fields", "fragment"),
        [
            ("vp.officer", {"revision": "abc"}, "revision"),
            ("vp.officer", {"revision": 1.5}, "revision"),
            ("iso.secretary", {"revision": "abc"}, "revision"),
            ("vp.officer", {"review_interval": "mười hai"}, "review_interval"),
            (
                "vp.officer",
                {"signed_original": upload(b"", "a.pdf", "application/pdf")},
                "signed_original",
            ),
            (
                "vp.officer",
                {"editable_source": upload(b"", "a.docx", "application/zip")},
                "editable_source",
            ),
        ],
    )
    def test_refused_nothing_created(self, rest, login, fields, fragment):
        before = items(rest)
        response = rest(
            "POST", "don-vi/vp", login, json=new_procedure(**fields), headers=VI
        )
        assert response.status_code == 400, response.text[:500]
        message = response.json()["message"]
        assert fragment in message
        if "revision" in fields or "review_interval" in fields:
            assert vi(NotAWholeNumber.__doc__) in message
        else:
            assert vi(EmptyFile.__doc__) in message
        assert items(rest) == before

    def test_a_good_revision_value_still_accepted(self, rest):
        response = rest(
            "POST", "don-vi/vp", "vp.officer", json=new_procedure(revision=1)
        )
        assert response.status_code == 201, response.text[:500]

    def test_empty_form_file_refused(self, rest):
        rest("POST", "don-vi/vp", "vp.officer", json=new_procedure(id="qt-09"))
        response = rest(
            "POST",
            "don-vi/vp/qt-09",
            "vp.officer",
            json={
                "@type": "ProcedureForm",
                "title": "Phiếu trống",
                "code": "BM-01/QT-09/VP",
                "file": upload(b"", "bm.docx", "application/zip"),
            },
        )
        assert response.status_code == 400, response.text[:500]
        assert items(rest, "don-vi/vp/qt-09") == 0

    @pytest.mark.parametrize(
        "code",
        [
            "QT-01 /KHCN",
            "QT-01/ KHCN",
            unicodedata.normalize("NFD", "QT-01 /KHCN"),
        ],
    )
    def test_code_differing_by_spaces_refused(self, rest, code):
        before = items(rest, "don-vi/khcn")
        response = rest(
            "POST",
            "don-vi/khcn",
            "khcn.officer",
            json=new_procedure(code=code, owning_unit="khcn"),
            headers=VI,
        )
        assert response.status_code == 400, response.text[:500]
        assert KHCN_TITLE in response.json()["message"]
        assert items(rest, "don-vi/khcn") == before

    @pytest.mark.parametrize("field", ["signed_original", "editable_source"])
    def test_file_over_the_configured_limit(self, rest, one_mb, field):
        big = {
            "signed_original": upload(one_mb, "lon.pdf", "application/pdf"),
            "editable_source": upload(
                docx_bytes("x") + b"\0" * (2 * MB), "lon.docx", "application/zip"
            ),
        }[field]
        before = items(rest)
        response = rest(
            "POST", "don-vi/vp", "vp.officer", json=new_procedure(**{field: big})
        )
        assert response.status_code == 400, response.text[:500]
        assert vi(FileTooLarge().doc()) in response.json()["message"]
        assert items(rest) == before


def add_form(http, portal_url, auth, path, type_name, data, files):
    page = http.get(f"{portal_url}/{path}/++add++{type_name}", auth=auth)
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)[1]
    return http.post(
        f"{portal_url}/{path}/++add++{type_name}",
        auth=auth,
        data={"_authenticator": token, "form.buttons.save": "Lưu", **data},
        files=files,
        headers=VI,
    )


def procedure_form(unit: str, code: str) -> dict:
    return {
        "form.widgets.IBasic.title": "Quy trình thử",
        "form.widgets.kind:list": "business",
        "form.widgets.kind-empty-marker": "1",
        "form.widgets.IControlledDocument.code": code,
        "form.widgets.IControlledDocument.owning_unit:list": unit,
        "form.widgets.IControlledDocument.owning_unit-empty-marker": "1",
        "form.widgets.IControlledDocument.review_interval": "12",
    }


def field_error(text: str, field: str) -> str:
    found = re.search(
        rf'id="formfield-form-widgets-{field}".*?</div>\s*</div>', text, re.S
    )
    return found.group(0) if found else ""


def add_khcn_procedure(http, portal_url, login_as, code, signed_original=None):
    """Post the Classic UI's add form of a procedure of khcn as its officer;
    `signed_original` is (file name, bytes)."""
    files = None
    if signed_original is not None:
        name, data = signed_original
        files = {
            "form.widgets.IControlledDocument.signed_original": (
                name,
                data,
                "application/pdf",
            )
        }
    return add_form(
        http,
        portal_url,
        login_as("khcn.officer"),
        "don-vi/khcn",
        "Procedure",
        procedure_form("khcn", code),
        files,
    )


class TestClassicUI:
    def test_good_procedure_added(self, http, portal_url, login_as, rest):
        before = items(rest, "don-vi/khcn")
        response = add_khcn_procedure(
            http, portal_url, login_as, "QT-09/KHCN", ("a.pdf", pdf_bytes("a"))
        )
        assert "++add++" not in response.url, response.url
        assert items(rest, "don-vi/khcn") == before + 1

    def test_code_differing_by_spaces_refused(self, http, portal_url, login_as, rest):
        before = items(rest, "don-vi/khcn")
        response = add_khcn_procedure(http, portal_url, login_as, "QT-01 /KHCN")
        assert response.url.endswith("++add++Procedure")
        assert KHCN_TITLE in response.text
        assert items(rest, "don-vi/khcn") == before

    def test_empty_signed_original_refused(self, http, portal_url, login_as, rest):
        before = items(rest, "don-vi/khcn")
        response = add_khcn_procedure(
            http, portal_url, login_as, "QT-09/KHCN", ("trong.pdf", b"")
        )
        assert response.url.endswith("++add++Procedure")
        error = field_error(response.text, "IControlledDocument-signed_original")
        assert vi(EmptyFile.__doc__) in error
        assert items(rest, "don-vi/khcn") == before

    def test_signed_original_over_the_limit(
        self, http, portal_url, login_as, rest, one_mb
    ):
        before = items(rest, "don-vi/khcn")
        response = add_khcn_procedure(
            http, portal_url, login_as, "QT-09/KHCN", ("lon.pdf", one_mb)
        )
        assert response.url.endswith("++add++Procedure")
        error = field_error(response.text, "IControlledDocument-signed_original")
        assert "1 MB" in error
        assert items(rest, "don-vi/khcn") == before

    def test_form_file_over_the_limit(self, http, portal_url, login_as, rest, one_mb):
        path = "don-vi/vp/qt-draft"
        before = items(rest, path)
        response = add_form(
            http,
            portal_url,
            login_as("vp.officer"),
            path,
            "ProcedureForm",
            {
                "form.widgets.IBasic.title": "Biểu mẫu lớn",
                "form.widgets.IControlledDocument.code": "BM-09/QT-DRAFT",
                "form.widgets.IControlledDocument.review_interval": "12",
            },
            {"form.widgets.file": ("lon.pdf", one_mb, "application/pdf")},
        )
        assert response.url.endswith("++add++ProcedureForm")
        assert "1 MB" in field_error(response.text, "file")
        assert items(rest, path) == before
