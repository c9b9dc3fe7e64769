"""The register import over real HTTP: who may reach it, bad uploads refused
in Vietnamese next to their field with nothing written, a preview that only
its uploader can import, and the template download."""

from openpyxl import load_workbook
from tests.matrix import refused
from tests.migration.registers import HEADERS
from tests.migration.registers import originals
from tests.migration.registers import xlsx
from tests.migration.registers import zip_of

import io
import pytest
import re


VI = {"Accept-Language": "vi"}
UNIT = "don-vi/vp"
SECTION = "he-thong-qlcl"
ROWS = [("QT-31/VP", "Quy trình tiếp công dân", 2, "10/01/2024", "vp", "Hiệu lực")]


def token(text: str) -> str:
    return re.search(r'name="_authenticator" value="([^"]+)"', text).group(1)


def form_of(http, url, auth):
    page = http.get(f"{url}/@@import-register", auth=auth, headers=VI)
    assert page.status_code == 200
    return token(page.text)


def upload(http, url, auth, sheet=None, files=None, name="so-dang-ky.xlsx"):
    parts = {}
    if sheet is not None:
        parts["register"] = (name, sheet)
    if files is not None:
        parts["files"] = ("tai-lieu.zip", files)
    return http.post(
        f"{url}/@@import-register",
        auth=auth,
        headers=VI,
        data={"form.preview": "1", "_authenticator": form_of(http, url, auth)},
        files=parts or {"register": ("", b"")},
    )


def confirm(http, url, auth, kept: str):
    """Press «Nhập N tài liệu» of the preview kept under `kept`."""
    return http.post(
        f"{url}/@@import-register",
        auth=auth,
        headers=VI,
        data={
            "form.import": "1",
            "token": kept,
            "_authenticator": form_of(http, url, auth),
        },
    )


def codes_in(http, url, auth) -> list:
    found = http.get(
        f"{url}/++api++/@search",
        params={"document_code": "QT-31/VP"},
        auth=auth,
        headers={"Accept": "application/json"},
    )
    return [item["@id"] for item in found.json()["items"]]


@pytest.mark.parametrize(
    ("login", "where", "allowed"),
    [
        (None, UNIT, False),
        ("vp.staff", UNIT, False),
        ("vp.head", UNIT, False),
        ("leader", UNIT, False),
        ("phapche.officer", UNIT, False),
        ("vp.officer", UNIT, True),
        ("vp.officer", SECTION, False),
        ("iso.secretary", UNIT, True),
        ("iso.secretary", SECTION, True),
    ],
)
@pytest.mark.parametrize("view", ["import-register", "register-template"])
def test_who_may_import(http, portal_url, login_as, login, where, allowed, view):
    auth = login_as(login) if login else None
    response = http.get(
        f"{portal_url}/{where}/@@{view}", auth=auth, allow_redirects=False
    )
    assert response.status_code < 500
    assert refused(response) is not allowed, response.status_code
    if allowed:
        assert response.status_code == 200
    page = http.get(f"{portal_url}/{where}", auth=auth, headers=VI)
    assert ("Nhập tài liệu từ sổ đăng ký" in page.text) is allowed


@pytest.mark.parametrize(
    ("sheet", "files", "field", "fragment"),
    [
        (None, None, "register", "Hãy chọn tệp sổ đăng ký"),
        (b"", None, "register", "Bảng tính trống"),
        (b"PK\x03\x04 broken", None, "register", "Không đọc được bảng tính"),
        (xlsx(ROWS), b"not a zip", "files", "không phải tệp ZIP"),
        (xlsx(ROWS, headers=("A", "B")), None, "register", "Không tìm thấy cột"),
    ],
)
def test_bad_uploads_said_next_to_their_field(
    http, portal_url, login_as, sheet, files, field, fragment
):
    auth = login_as("vp.officer")
    response = upload(http, f"{portal_url}/{UNIT}", auth, sheet, files)
    assert response.status_code == 200
    error = re.search(rf'id="qms-{field}-error"[^>]*>([^<]+)<', response.text)
    assert error, response.text[-2000:]
    assert fragment in error.group(1)
    assert codes_in(http, portal_url, auth) == []


def test_preview_then_import_only_by_its_uploader(http, portal_url, login_as):
    unit = f"{portal_url}/{UNIT}"
    officer = login_as("vp.officer")
    preview = upload(http, unit, officer, xlsx(ROWS), zip_of(originals("QT-31/VP")))
    assert preview.status_code == 200
    assert 'data-status="create"' in preview.text
    assert "QT-31-VP.pdf" in preview.text
    assert codes_in(http, portal_url, officer) == []  # a preview writes nothing
    kept = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)

    # The secretariat may import, but not another person's preview.
    secretary = login_as("iso.secretary")
    response = confirm(http, unit, secretary, kept)
    assert "Bản xem trước này không còn" in response.text
    assert codes_in(http, portal_url, officer) == []

    response = confirm(http, unit, officer, kept)
    assert "Đã nhập 1 tài liệu từ so-dang-ky.xlsx" in response.text
    assert codes_in(http, portal_url, login_as("phapche.staff")) == [
        f"{unit}/quy-trinh-tiep-cong-dan"
    ]
    # The same token again creates nothing.
    again = confirm(http, unit, officer, kept)
    assert "Bản xem trước này không còn" in again.text


def test_import_without_authenticator_refused(http, portal_url, login_as):
    response = http.post(
        f"{portal_url}/{UNIT}/@@import-register",
        auth=login_as("vp.officer"),
        data={"form.preview": "1"},
        files={"register": ("a.xlsx", xlsx(ROWS))},
    )
    assert response.status_code == 403


def test_template_download(http, portal_url, login_as):
    response = http.get(
        f"{portal_url}/{UNIT}/@@register-template",
        auth=login_as("vp.officer"),
        headers=VI,
    )
    assert response.status_code == 200
    assert "so-dang-ky-tai-lieu-mau.xlsx" in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Sổ đăng ký", "Hướng dẫn", "Đơn vị"]
    headers = [cell.value for cell in workbook["Sổ đăng ký"][1]]
    assert tuple(headers[:6]) == HEADERS
    guide = [row[1].value for row in workbook["Hướng dẫn"].iter_rows(min_row=2)]
    assert any("dd/mm/yyyy" in text for text in guide)
    units = {
        row[0].value: row[1].value for row in workbook["Đơn vị"].iter_rows(min_row=2)
    }
    assert units["vp"] == "Văn phòng Bộ"
