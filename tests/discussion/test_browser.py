"""In Chromium: góp ý from the home page, by clicking, as each role."""

from playwright.sync_api import expect
from tests.browser import open_phone_menu


EFFECTIVE_TITLE = "Quy trình quản lý văn bản đi"
OBSOLETE = "don-vi/vp/quy-trinh-to-chuc-hoi-nghi-hoi-thao"
DRAFT = "don-vi/khcn/quy-trinh-danh-gia-ket-qua-nhiem-vu-khoa-hoc"


def open_procedure(page, portal_url, title=EFFECTIVE_TITLE, unit="Văn phòng Bộ"):
    """Home page -> Đơn vị -> the unit -> the procedure, by clicking."""
    page.goto(portal_url)
    open_phone_menu(page)
    page.locator("#portal-globalnav").get_by_role("link", name="Đơn vị").click()
    page.wait_for_load_state()
    page.locator("#content").get_by_role("link", name=unit).first.click()
    page.wait_for_load_state()
    page.locator("#content").get_by_role("link", name=title).first.click()
    page.wait_for_load_state()


def send_comment(page, text):
    page.locator("#form-widgets-comment-text").fill(text)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_load_state()


def comment(page, text):
    return page.locator(".qms-comment", has_text=text)


def no_overflow(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_comment_moderated_by_the_units_officer(session, portal_url):
    # (a) staff of another unit comments and sees it waiting
    staff = session("khcn.staff")
    open_procedure(staff, portal_url)
    assert "Gửi góp ý" in staff.locator("#commenting legend").inner_text()
    assert "Nội dung góp ý" in staff.locator("#commenting label").first.inner_text()
    send_comment(staff, "Đề nghị bổ sung mẫu sổ đăng ký văn bản đi điện tử.")
    mine = comment(staff, "Đề nghị bổ sung mẫu sổ")
    assert mine.locator(".qms-comment-state").inner_text() == "Chờ duyệt"
    assert mine.locator(".qms-comment-acts").count() == 0
    assert "đang chờ" in staff.locator(".portalMessage").first.inner_text()

    other = session("phapche.staff")
    open_procedure(other, portal_url)
    assert comment(other, "Đề nghị bổ sung mẫu sổ").count() == 0

    # (b) the officer finds the queue by clicking and approves
    officer = session("vp.officer")
    officer.goto(portal_url)
    officer.locator("#portal-globalnav").get_by_role("link", name="Đơn vị").click()
    officer.locator("#content").get_by_role("link", name="Văn phòng Bộ").first.click()
    officer.wait_for_load_state()
    officer.locator(".qms-moderation-link").get_by_role(
        "link", name="Kiểm duyệt góp ý"
    ).click()
    officer.wait_for_load_state()
    assert officer.url.endswith("@@qms-moderation")
    item = officer.locator(".qms-moderation-item", has_text="Đề nghị bổ sung mẫu sổ")
    approve = item.get_by_role("button", name="Duyệt", exact=True)
    reject = item.locator("summary", has_text="Từ chối")
    assert "btn-success" in approve.get_attribute("class")
    assert "btn-outline-danger" in reject.get_attribute("class")
    approve.click()
    officer.wait_for_load_state()
    assert "Đã duyệt góp ý" in officer.locator(".portalMessage").first.inner_text()
    assert officer.locator(".qms-moderation-item", has_text="mẫu sổ").count() == 0

    other.reload()
    shown = comment(other, "Đề nghị bổ sung mẫu sổ")
    assert shown.count() == 1
    assert shown.locator(".qms-comment-state").count() == 0


def test_empty_comment_and_rejection(session, portal_url):
    # (c) an empty comment is refused next to the field
    staff = session("phapche.staff")
    open_procedure(staff, portal_url)
    staff.get_by_role("button", name="Gửi góp ý").click()
    error = staff.locator("#formfield-form-widgets-comment-text")
    expect(error).to_contain_text("Hãy nhập nội dung góp ý")
    # blank (spaces only) passes the browser, not the server
    send_comment(staff, "   ")
    error = staff.locator("#formfield-form-widgets-comment-text")
    assert "Hãy nhập nội dung góp ý" in error.inner_text()
    send_comment(staff, "Quảng cáo không liên quan")

    # the officer rejects it on the document, after confirming
    officer = session("vp.officer")
    open_procedure(officer, portal_url)
    item = comment(officer, "Quảng cáo không liên quan")
    item.locator("summary", has_text="Từ chối").click()
    assert "ẩn" in item.locator(".qms-confirm form").first.inner_text()
    item.get_by_role("button", name="Xác nhận: Từ chối").click()
    officer.wait_for_load_state()
    assert "Đã từ chối" in officer.locator(".portalMessage").first.inner_text()
    assert comment(officer, "Quảng cáo không liên quan").count() == 0
    staff.reload()
    assert comment(staff, "Quảng cáo không liên quan").count() == 0


def test_no_comment_form_on_obsolete_or_draft(session, portal_url):
    # (d) the secretariat (also Site Administrator) sees both documents
    secretary = session("iso.secretary")
    for path in (OBSOLETE, DRAFT):
        secretary.goto(f"{portal_url}/{path}")
        assert secretary.locator("h1").count()
        assert secretary.locator("#commenting").count() == 0, path
        assert secretary.locator("#form-widgets-comment-text").count() == 0


def test_reading_and_commenting_on_a_phone(browser, portal_url, session, tmp_path):
    staff = session("khcn.staff")
    staff.set_viewport_size({"width": 390, "height": 844})
    open_procedure(staff, portal_url)
    assert no_overflow(staff)
    send_comment(staff, "Góp ý trên điện thoại: nên có sơ đồ quy trình.")
    assert comment(staff, "Góp ý trên điện thoại").is_visible()
    assert no_overflow(staff)
    staff.screenshot(path=str(tmp_path / "phone-staff.png"), full_page=True)

    officer = session("vp.officer")
    officer.set_viewport_size({"width": 390, "height": 844})
    open_procedure(officer, portal_url)
    assert (
        comment(officer, "Góp ý trên điện thoại")
        .locator(".qms-comment-acts")
        .is_visible()
    )
    assert no_overflow(officer)
    officer.goto(f"{portal_url}/@@qms-moderation")
    assert no_overflow(officer)
