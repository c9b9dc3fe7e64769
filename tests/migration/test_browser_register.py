"""In Chromium: a unit's ISO officer brings in the unit's register — a
damaged spreadsheet refused next to its field, the preview with every row's
problems, the import, and the effective procedure staff then read."""

from playwright.sync_api import expect
from qms.intranet.site.demo.files import docx_bytes
from tests.browser import no_sideways_scroll
from tests.migration.registers import originals
from tests.migration.registers import xlsx
from tests.migration.registers import zip_of


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS = [
    (
        "QT-41/VP",
        "Quy trình quản lý tài sản công",
        2,
        "20/06/2023",
        "Văn phòng Bộ",
        "Hiệu lực",
    ),
    ("BM-01/QT-41/VP", "Sổ theo dõi tài sản", 1, "20/06/2023", "vp", "Hiệu lực"),
    ("QT-42/VP", "Quy trình quản lý kho", 1, "", "vp", "Dự thảo"),
    ("QT-43/VP", "Quy trình thiếu bản gốc", 1, "01/02/2024", "vp", "Hiệu lực"),
    ("QT-02/VP", "Quy trình quản lý văn bản đi", 1, "01/01/2024", "vp", "Hiệu lực"),
]


def spreadsheet(data: bytes, name="so-dang-ky-vp.xlsx") -> dict:
    return {"name": name, "mimeType": XLSX, "buffer": data}


def test_officer_brings_in_the_units_register(session, portal_url):
    officer = session("vp.officer")
    officer.goto(portal_url)
    officer.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    officer.get_by_role("link", name="Nhập tài liệu từ sổ đăng ký").click()
    expect(officer.locator("h1")).to_have_text("Nhập tài liệu từ sổ đăng ký")

    # The template is one click away.
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Tải bảng mẫu (XLSX)").click()
    assert download.value.suggested_filename == "so-dang-ky-tai-lieu-mau.xlsx"

    # A damaged spreadsheet: said next to the field, nothing else happens.
    officer.locator("#qms-register").set_input_files(
        spreadsheet(b"PK\x03\x04 hong", name="hong.xlsx")
    )
    officer.get_by_role("button", name="Kiểm tra và xem trước").click()
    expect(officer.locator("#qms-register-error")).to_contain_text(
        "Không đọc được bảng tính"
    )

    # The real register and its files.
    files = {
        **originals("QT-41/VP"),
        "BM-01-QT-41-VP.docx": docx_bytes("So theo doi tai san"),
    }
    officer.locator("#qms-register").set_input_files(spreadsheet(xlsx(ROWS)))
    officer.locator("#qms-files").set_input_files(
        {
            "name": "tai-lieu-vp.zip",
            "mimeType": "application/zip",
            "buffer": zip_of(files),
        }
    )
    officer.get_by_role("button", name="Kiểm tra và xem trước").click()
    summary = officer.locator(".qms-register-summary")
    expect(summary).to_contain_text("3 tài liệu sẽ được tạo")
    expect(summary).to_contain_text("1 đã có trên mạng nội bộ")
    expect(summary).to_contain_text("1 dòng có vấn đề")
    refused = officer.locator("tr[data-code='QT-43/VP']")
    expect(refused).to_have_attribute("data-status", "refused")
    expect(refused).to_contain_text("Không có bản gốc đã ký (PDF)")
    expect(officer.locator("tr[data-code='QT-02/VP']")).to_contain_text(
        "Đã có trên mạng nội bộ"
    )
    expect(officer.locator("tr[data-code='QT-41/VP']")).to_contain_text("QT-41-VP.pdf")
    officer.set_viewport_size({"width": 390, "height": 844})
    assert no_sideways_scroll(officer)
    officer.set_viewport_size({"width": 1366, "height": 900})

    officer.get_by_role("button", name="Nhập 3 tài liệu").click()
    message = officer.locator(".portalMessage")
    expect(message).to_contain_text("Đã nhập 3 tài liệu từ so-dang-ky-vp.xlsx")
    expect(message).to_contain_text("2 dòng không nhập")

    # Staff of another unit read the effective procedure, with its issue.
    staff = session("phapche.staff")
    staff.goto(f"{portal_url}/don-vi/vp")
    staff.get_by_role("link", name="Quy trình quản lý tài sản công").click()
    page = staff.locator("#content")
    expect(page).to_contain_text("QT-41/VP")
    amendments = staff.locator(".qms-amendments")
    expect(amendments).to_contain_text("20/06/2023")
    expect(amendments).to_contain_text("nhập từ sổ đăng ký so-dang-ky-vp.xlsx")
    expect(staff.locator(".qms-forms")).to_contain_text("Sổ theo dõi tài sản")

    # The draft stays the unit's own.
    staff.goto(f"{portal_url}/don-vi/vp")
    expect(staff.locator("#content")).not_to_contain_text("Quy trình quản lý kho")
    officer.goto(f"{portal_url}/don-vi/vp")
    expect(officer.locator("#content")).to_contain_text("Quy trình quản lý kho")
