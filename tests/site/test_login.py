"""In real Chromium (Debian's), a staff member logs in through the login form
and lands on the Vietnamese intranet."""

from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.browser import english_left


def test_login_through_form(page, portal_url, tmp_path):
    page.goto(portal_url)
    # Anonymous: the login form, in Vietnamese.
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("button", name="Đăng nhập").is_visible()
    page.get_by_label("Tên đăng nhập").fill("vp.staff")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    assert english_left(page.locator("body").inner_text()) == []
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert english_left(page.locator("body").inner_text()) == []
    # Logged in: the home page of the intranet.
    assert "Lê Văn Minh" in page.locator("#content-header").inner_text()
    body = page.locator("body").inner_text()
    assert "Việc của tôi" in body  # the home page of a logged-in person
    assert page.locator("#edit-zone").count() == 0  # no editing toolbar for staff
    assert page.get_by_role("heading", name="Việc của tôi").is_visible()
    assert page.get_by_placeholder("Tìm kiếm").is_visible()
    assert page.get_by_label("Tên đăng nhập").count() == 0
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)


def test_wrong_password_stays_on_form(page, portal_url):
    page.goto(portal_url + "/login")
    page.get_by_label("Tên đăng nhập").fill("vp.staff")
    page.get_by_label("Mật khẩu").fill("khong-dung")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert page.get_by_label("Mật khẩu").is_visible()
    assert "Lê Văn Minh" not in page.locator("body").inner_text()
