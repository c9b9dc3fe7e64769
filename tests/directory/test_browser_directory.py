"""In Chromium (issue #19): a directory person signs in through the login
form from the home page and finds their unit's content; the ISO secretary
tests the connection, sees the counts, previews a login's units and reads
the error in Vietnamese when the directory is stopped. Staff are refused
the page. Screenshots at 1366 px and 390 px in SCREENSHOTS (or tmp)."""

from pathlib import Path
from playwright.sync_api import expect
from plone import api
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.browser import english_left
from tests.browser import no_sideways_scroll
from tests.directory.conftest import point_at
from tests.directory.slapd import DEMO_PASSWORD as LDAP_PASSWORD
from tests.directory.slapd import PEOPLE_DATA
from tests.matrix import REDIRECTS_TO_REFUSAL

import os
import pytest


WIDTHS = (1366, 390)


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def shoot(page, name):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            assert no_sideways_scroll(page), (name, width)
            page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1366, "height": 900})

    return shoot


def sign_in(page, login, password):
    page.get_by_label("Tên đăng nhập").fill(login)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def test_directory_person_signs_in_and_sees_their_unit(
    directory, page, portal_url, shots
):
    page.goto(portal_url)  # anonymous: the login form
    shots(page, "login")
    sign_in(page, "ld.vp.officer", LDAP_PASSWORD)
    assert "Phạm Thị Oanh" in page.locator("#content-header").inner_text()
    body = page.locator("body").inner_text()
    assert "Việc của tôi" in body
    assert english_left(body) == []
    # their unit, from their directory group GRP-VP-ISO
    page.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Văn phòng Bộ")
    # the unit's draft procedure, which only vp's people see
    expect(page.locator("#content")).to_contain_text("Quy trình draft")
    shots(page, "directory-unit")


def test_secretary_checks_the_directory(directory, session, portal_url, shots):
    page = session("iso.secretary")
    page.goto(portal_url)
    page.locator("#personaltools-menulink").click()
    page.locator("#collapse-personaltools a[href$='@@qms-directory']").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Đăng nhập bằng danh bạ của Bộ")
    expect(page.locator(".qms-directory-summary")).to_contain_text(directory.uri)

    page.get_by_role("button", name="Kiểm tra kết nối").click()
    page.wait_for_load_state()
    result = page.locator(".qms-directory-result")
    expect(result).to_have_class("qms-directory-result alert alert-success")
    people = len(PEOPLE_DATA)
    expect(result).to_contain_text(f"tìm thấy {people} người dùng")
    shots(page, "directory-test")

    page.get_by_label("Tên đăng nhập trong danh bạ").fill("ld.khcn.officer")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_load_state()
    person = page.locator(".qms-directory-person")
    expect(person).to_contain_text("Đỗ Văn Ích")
    expect(person).to_contain_text("GRP-KHCN-ISO")
    expect(person.locator(".qms-directory-qgroups")).to_contain_text("khcn-officers")
    expect(person.locator(".qms-directory-qgroups")).to_contain_text(
        "Vụ Khoa học và Công nghệ"
    )
    assert english_left(page.locator("#content").inner_text()) == []
    shots(page, "directory-preview")

    page.get_by_label("Tên đăng nhập trong danh bạ").fill("ai.do")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_load_state()
    expect(page.locator(".qms-directory-preview-error")).to_contain_text(
        "Không có người dùng nào có tên đăng nhập «ai.do»"
    )

    # the settings form, and back
    page.get_by_role("link", name="Sửa thiết lập").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Thiết lập danh bạ")
    expect(page.get_by_label("Địa chỉ máy chủ danh bạ")).to_have_value(directory.uri)
    # the saved password is not sent to the browser
    assert "ldap-admin" not in page.content()
    assert english_left(page.locator("#content").inner_text()) == []
    shots(page, "directory-settings")
    page.get_by_label("Thời gian chờ (giây)").fill("4")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Đăng nhập bằng danh bạ của Bộ")
    expect(page.locator(".portalMessage")).to_contain_text("Đã lưu thiết lập danh bạ")
    page.get_by_role("link", name="Sửa thiết lập").click()
    page.wait_for_load_state()
    expect(page.get_by_label("Thời gian chờ (giây)")).to_have_value("4")
    page.get_by_role("button", name="Hủy").click()
    page.wait_for_load_state()
    # the password kept: the connection still works
    page.get_by_role("button", name="Kiểm tra kết nối").click()
    page.wait_for_load_state()
    expect(page.locator(".qms-directory-result")).to_have_class(
        "qms-directory-result alert alert-success"
    )

    directory.stop()
    try:
        page.get_by_role("button", name="Kiểm tra kết nối").click()
        page.wait_for_load_state()
        error = page.locator(".qms-directory-result")
        expect(error).to_have_class("qms-directory-result alert alert-danger")
        expect(error).to_contain_text("Không kết nối được máy chủ danh bạ")
        shots(page, "directory-down")
    finally:
        directory.start()


def test_login_form_says_the_directory_is_down(
    functional, own_slapd, page, portal_url, shots
):
    with api.env.adopt_roles(["Manager"]):
        point_at(own_slapd, timeout=3)
    own_slapd.stop()
    page.goto(portal_url)
    sign_in(page, "ld.vp.staff", LDAP_PASSWORD)
    expect(page.locator(".qms-directory-down")).to_contain_text(
        "Danh bạ của Bộ hiện không trả lời"
    )
    assert page.get_by_label("Mật khẩu").is_visible()
    shots(page, "login-directory-down")
    # the site's own accounts still sign in
    sign_in(page, "vp.staff", DEMO_PASSWORD)
    expect(page.locator("#content-header")).to_contain_text("Lê Văn Minh")


@pytest.mark.parametrize("login", ["vp.staff", "vp.head", "leader"])
def test_staff_are_refused_the_page(http, portal_url, login):
    response = http.get(
        f"{portal_url}/@@qms-directory",
        auth=(login, DEMO_PASSWORD),
        allow_redirects=True,
    )
    assert any(r in response.url for r in REDIRECTS_TO_REFUSAL), response.url
    assert "Kiểm tra kết nối" not in response.text
    settings = http.get(
        f"{portal_url}/@@qms-directory-settings",
        auth=(login, DEMO_PASSWORD),
        allow_redirects=True,
    )
    assert any(r in settings.url for r in REDIRECTS_TO_REFUSAL), settings.url


def test_anonymous_gets_the_login_form(http, portal_url):
    response = http.get(f"{portal_url}/@@qms-directory", allow_redirects=True)
    assert "/login" in response.url or "require_login" in response.url


@pytest.mark.parametrize("login", ["iso.secretary", "sec.only"])
def test_the_secretariat_opens_the_page(http, portal_url, login_as, login):
    response = http.get(f"{portal_url}/@@qms-directory", auth=login_as(login))
    assert response.status_code == 200
    assert "Chưa cấu hình danh bạ" in response.text
