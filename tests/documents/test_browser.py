"""In Chromium: a procedure from draft to effective, by the right people."""

from qms.intranet.site.demo.files import pdf_bytes
from tests.browser import transition


def test_procedure_from_draft_to_staff_of_another_unit(session, portal_url, tmp_path):
    """An officer creates a procedure with its signed PDF and submits it; the
    head accepts; the leader approves; staff of another unit find and open it."""
    pdf = tmp_path / "qt-10-vp.pdf"
    pdf.write_bytes(pdf_bytes("QT-10/VP ban ky"))

    officer = session("vp.officer")
    officer.goto(f"{portal_url}/don-vi/vp/++add++Procedure")
    officer.locator("#form-widgets-IBasic-title").fill("Quy trình quản lý con dấu")
    officer.locator("#form-widgets-purpose").fill("Quản lý, sử dụng con dấu của Bộ.")
    officer.get_by_role("link", name="Kiểm soát tài liệu").click()
    officer.locator("#form-widgets-IControlledDocument-code").fill("QT-10/VP")
    officer.get_by_role("link", name="Tệp tài liệu").click()
    officer.locator(
        "#form-widgets-IControlledDocument-signed_original-input"
    ).set_input_files(str(pdf))
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert "QT-10/VP" in officer.locator(".qms-header").inner_text()
    assert "Dự thảo" in officer.locator(".qms-state").inner_text()
    url = officer.url.removesuffix("/view")
    transition(officer, "Trình xem xét")
    assert "Chờ xem xét" in officer.locator(".qms-state").inner_text()

    head = session("vp.head")
    head.goto(url)
    transition(head, "Chấp thuận")
    assert "Chờ phê duyệt" in head.locator(".qms-state").inner_text()

    leader = session("leader")
    leader.goto(url)
    transition(leader, "Phê duyệt và ban hành")
    assert "Có hiệu lực" in leader.locator(".qms-state").inner_text()

    staff = session("phapche.staff")
    staff.goto(f"{portal_url}/@@search?SearchableText=QT-10/VP")
    staff.get_by_role("link", name="Quy trình quản lý con dấu").first.click()
    staff.wait_for_load_state()
    assert "QT-10/VP" in staff.locator(".qms-header").inner_text()
    assert "Có hiệu lực" in staff.locator(".qms-state").inner_text()
    download = staff.locator(".qms-files a").first
    assert download.inner_text() == "qt-10-vp.pdf"
    staff.screenshot(path=str(tmp_path / "effective.png"), full_page=True)
