"""In real Chromium (Debian's), a staff member logs in through the login form
and lands on the Vietnamese intranet."""

from qms.intranet.demo import DEMO_PASSWORD

import os
import pytest
import re
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


@pytest.fixture
def session(browser, portal_url):
    """session(login) -> a page logged in through the login form."""
    contexts = []

    def open_as(login):
        context = browser.new_context(locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{portal_url}/login")
        page.get_by_label("Tên đăng nhập").fill(login)
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()


def transition(page, label):
    """Choose a transition in the toolbar's state menu."""
    page.locator("#plone-contentmenu-workflow > a").click()
    page.locator("#plone-contentmenu-workflow").get_by_text(label, exact=True).click()
    page.wait_for_load_state()


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
    assert "Lê Văn Minh" in page.locator("#personaltools-menulink").inner_text()
    body = page.locator("body").inner_text()
    assert "Hệ thống quản lý chất lượng TCVN ISO 9001:2015" in body  # home text
    assert page.get_by_role("link", name="Nội dung", exact=True).is_visible()  # toolbar
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


def test_procedure_from_draft_to_staff_of_another_unit(session, portal_url, tmp_path):
    """An officer creates a procedure with its signed PDF and submits it; the
    head accepts; the leader approves; staff of another unit find and open it."""
    from qms.intranet.demo.files import pdf_bytes

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


def test_officer_creates_this_years_record_list_and_head_issues_it(session, portal_url):
    """The record list is proposed from the unit's procedures: the officer
    adjusts it and submits, the head issues it, and the board shows it."""
    officer = session("phapche.officer")
    officer.goto(f"{portal_url}/don-vi/phapche/ho-so")
    officer.locator(".qms-create-list").click()
    officer.wait_for_load_state()
    headings = officer.locator("input[name='rows.heading:records']")
    assert headings.first.input_value() == "Hồ sơ thẩm định văn bản quy phạm pháp luật"
    officer.locator("input[name='rows.retention:records']").first.fill("10")
    officer.locator("input[name='rows.responsible:records']").first.fill(
        "phapche.staff"
    )
    officer.locator(".qms-blank-row input[name='rows.heading:records']").first.fill(
        "Sổ theo dõi văn bản đến"
    )
    officer.locator(".qms-blank-row input[name='rows.retention:records']").first.fill(
        "vĩnh viễn"
    )
    officer.locator(".qms-entries-form button[type='submit']").click()
    officer.wait_for_load_state()
    entries = officer.locator(".qms-entries").inner_text()
    assert "Hồ sơ thẩm định văn bản quy phạm pháp luật" in entries
    assert "10 năm" in entries
    assert "vĩnh viễn" in entries
    transition(officer, "Trình xem xét")
    url = officer.url.removesuffix("/view")

    head = session("phapche.head")
    head.goto(url)
    transition(head, "Ban hành danh mục")
    assert (
        head.locator(".qms-list-meta [data-state]").get_attribute("data-state")
        == "approved"
    )

    secretary = session("iso.secretary")
    secretary.goto(f"{portal_url}/@@record-board")
    row = secretary.locator("tr[data-unit='phapche']")
    assert "Đã ban hành" in row.inner_text()


# English labels of Plone's Classic UI that a Vietnamese screen must not show.
ENGLISH_LABELS = (
    "Log in",
    "Log out",
    "Contents",
    "Sharing",
    "History",
    "Actions",
    "Add new",
    "State:",
    "Display",
    "Personal Preferences",
    "Dashboard",
    "Site Setup",
    "Save",
    "Cancel",
    "Search results",
    "Advanced search",
    "Welcome!",
    "You are here",
    "Home",
    "Edit",
    "View",
    "Delete",
    "Rename",
    "Copy",
    "Paste",
    "Change workflow state",
    "Comment",
    "Portlets",
    "Default",
    "Settings",
    "Title",
    "Summary",
    "Description",
    "Full Name",
    "Email",
    "Language",
    "Time zone",
    "Powered by Plone",
    "Required",
    "Back to top",
)
SCREENS = (
    ("vp.officer", ""),
    ("vp.officer", "/don-vi/vp"),
    ("vp.officer", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di"),
    ("vp.officer", "/don-vi/vp/++add++Procedure"),
    ("vp.officer", "/don-vi/vp/ho-so"),
    ("vp.officer", "/@@search?SearchableText=quy+trinh"),
    ("vp.officer", "/@@personal-information"),
    ("iso.secretary", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/edit"),
    ("iso.secretary", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/@@sharing"),
    ("iso.secretary", "/don-vi/vp/folder_contents"),
    ("iso.secretary", "/don-vi/vp/quy-trinh-quan-ly-van-ban-den/@@historyview"),
)


def english_left(text: str) -> list[str]:
    return [
        label
        for label in ENGLISH_LABELS
        if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)
    ]


@pytest.mark.parametrize("login", sorted({login for login, _path in SCREENS}))
def test_no_english_left(session, portal_url, login):
    """Every screen an editor and the secretariat use, the state menu open."""
    page = session(login)
    found = {}
    for path in [path for who, path in SCREENS if who == login]:
        page.goto(f"{portal_url}{path}")
        page.wait_for_load_state()
        menu = page.locator(
            "#plone-contentmenu-workflow > a[data-bs-toggle='dropdown']"
        )
        if menu.count():
            menu.click()
        left = english_left(page.locator("body").inner_text())
        if left:
            found[path] = left
    assert found == {}
