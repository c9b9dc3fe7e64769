"""In real Chromium (Debian's), a staff member logs in through the login form
and lands on the Vietnamese intranet."""

from qms.intranet.demo import DEMO_PASSWORD

import os
import pytest
import shutil


CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: no background connections that would be refused.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def test_login_through_form(page, portal_url, tmp_path):
    page.goto(portal_url)
    # Anonymous: the login form, in Vietnamese.
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("button", name="Đăng nhập").is_visible()
    page.get_by_label("Tên đăng nhập").fill("vp.staff")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    # Logged in: the home page of the intranet.
    assert "Lê Văn Minh" in page.locator("#personaltools-menulink").inner_text()
    body = page.locator("body").inner_text()
    assert "Hệ thống quản lý chất lượng TCVN ISO 9001:2015" in body  # home text
    assert page.get_by_role("link", name="Nội dung").is_visible()  # toolbar
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
