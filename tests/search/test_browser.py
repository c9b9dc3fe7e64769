"""Searching in Chromium, as staff do: from the home page's search box (live
results as they type, Enter for the full page), filters, page 2, opening a
result and downloading its file; and the same at phone width (390 px)
without sideways scrolling."""

from playwright.sync_api import expect
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.browser import english_left
from tests.browser import open_phone_menu

import pytest
import re


LIVE = ".livesearch-results"


def live_search(page, text):
    """Type in the header's search box; the live results drop down."""
    box = page.locator("#searchGadget")
    box.fill("")
    box.press_sequentially(text, delay=30)
    expect(box).to_have_value(text)
    expect(page.locator(LIVE)).to_be_visible()
    return page.locator(f"{LIVE} .search-result")


def result_titles(page) -> list[str]:
    return page.locator("li.qms-result .qms-result-title").all_inner_texts()


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(
    ("typed", "live_title", "live_description"),
    [
        ("biên bản", "Quy trình xem xét của lãnh đạo", None),
        ("bien ban", "Quy trình xem xét của lãnh đạo", None),
        ("QT-02/VP", "Quy trình quản lý văn bản đi", None),
        (
            "01/KHCN",
            "01/KHCN.pdf",
            "Tệp hồ sơ · Vụ Khoa học và Công nghệ · Hồ sơ soát xét tài liệu quý I",
        ),
        (
            "BM-01",
            "Sổ đăng ký văn bản đi",
            "Biểu mẫu · Văn phòng Bộ · Quy trình quản lý văn bản đi",
        ),
    ],
)
def test_search_box_then_search_page(
    session, portal_url, typed, live_title, live_description
):
    page = session("khcn.staff")
    page.goto(portal_url)
    found = live_search(page, typed)
    hit = found.filter(has_text=live_title).first
    expect(hit).to_be_visible()
    if live_description:
        expect(hit.locator(".description")).to_have_text(live_description)
    page.locator("#searchGadget").press("Enter")
    page.wait_for_load_state()
    assert "/@@search" in page.url
    expect(page.locator("h1")).to_have_text("Tìm kiếm")
    expect(page.locator("#qms-search-text")).to_have_value(typed)
    assert live_title in result_titles(page)
    assert english_left(page.locator("#content").inner_text()) == []


def test_filters(session, portal_url):
    page = session("khcn.staff")
    page.goto(portal_url)
    live_search(page, "quy")
    page.locator("#searchGadget").press("Enter")
    page.wait_for_load_state()
    everything = result_titles(page)
    assert len(everything) == 20  # a full first page; the filters narrow it
    assert "Quy trình quản lý văn bản đi" in everything

    form = page.locator("form.qms-search")
    form.get_by_label("Loại").select_option(label="Tệp hồ sơ")
    form.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_load_state()
    assert result_titles(page) == ["03/KHCN.pdf"]
    # no state badge on files; each names its record
    expect(page.locator("li.qms-result .qms-state")).to_have_count(0)
    expect(page.locator("li.qms-result .qms-parent").first).to_contain_text("Hồ sơ:")
    expect(form.get_by_label("Loại")).to_have_value("RecordFile")

    form.get_by_label("Loại").select_option(label="Hồ sơ")
    form.get_by_label("Trạng thái").select_option(label="Đã kết thúc")
    form.get_by_label("Đơn vị").select_option(label="Vụ Khoa học và Công nghệ")
    form.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_load_state()
    assert result_titles(page) == ["Hồ sơ soát xét tài liệu quý I"]
    expect(page.locator("li.qms-result .qms-state")).to_have_text(["Đã kết thúc"])

    form.get_by_label("Trạng thái").select_option(label="Mọi trạng thái")
    form.get_by_label("Năm").fill("2020")
    form.get_by_label("Năm").press("Enter")
    page.wait_for_load_state()
    assert result_titles(page) == []
    expect(page.locator(".qms-no-results")).to_be_visible()


def test_page_two(session, portal_url):
    page = session("iso.secretary")
    page.goto(portal_url)
    live_search(page, "quy")
    page.locator("#searchGadget").press("Enter")
    page.wait_for_load_state()
    first = result_titles(page)
    assert len(first) == 20
    page.locator(".pagination").get_by_role("link", name="2", exact=True).click()
    page.wait_for_load_state()
    assert "b_start:int=20" in page.url
    second = result_titles(page)
    assert second
    assert not set(second) & set(first)
    expect(page.locator(".qms-count")).to_have_text(re.compile(r"^\d+ kết quả$"))


def test_open_result_and_download(session, portal_url):
    page = session("khcn.staff")
    page.goto(portal_url)
    live_search(page, "01/KHCN")
    page.locator("#searchGadget").press("Enter")
    page.wait_for_load_state()
    # a record's file downloads straight from the results
    item = page.locator("li.qms-result", has_text="01/KHCN.pdf")
    with page.expect_download() as download:
        item.get_by_role("link", name="Tải về").click()
    assert download.value.suggested_filename == "01-KHCN.pdf"
    # its record opens from the result
    item.locator(".qms-parent a").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Hồ sơ soát xét tài liệu quý I")

    # a form: open the result, download its file from its page
    page.goto(portal_url)
    live_search(page, "BM-01")
    page.locator("#searchGadget").press("Enter")
    page.wait_for_load_state()
    page.locator(
        "li.qms-result .qms-result-title", has_text="Sổ đăng ký văn bản đi"
    ).click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Sổ đăng ký văn bản đi")
    with page.expect_download() as download:
        page.locator("#content a[href*='@@download/file']").first.click()
    assert download.value.suggested_filename == "bm-01-qt-02-vp.docx"


@pytest.fixture
def phone(browser, portal_url):
    """A 390 px wide page, logged in as khcn.staff."""
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{portal_url}/login")
    page.get_by_label("Tên đăng nhập").fill("khcn.staff")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    yield page
    context.close()


def test_phone_width(phone, portal_url):
    page = phone
    page.goto(portal_url)
    assert no_sideways_scroll(page)
    # the header's search box is in the menu
    assert open_phone_menu(page)
    box = page.locator("#searchGadget")
    expect(box).to_be_visible()
    button = page.locator("#searchGadget_form .searchButton")
    box_size, button_size = box.bounding_box(), button.bounding_box()
    assert box_size["width"] >= 150
    assert button_size["y"] < box_size["y"] + box_size["height"]  # same line
    found = live_search(page, "QT-02/VP")
    # the procedure, and its forms (their codes contain it)
    expect(found.filter(has_text="Quy trình quản lý văn bản đi").first).to_be_visible()
    assert no_sideways_scroll(page)
    box.press("Enter")
    page.wait_for_load_state()
    assert "Quy trình quản lý văn bản đi" in result_titles(page)
    assert no_sideways_scroll(page)
    # the page's own box and button share a line; filters stack
    query = page.locator("#qms-search-text").bounding_box()
    submit = page.locator("form.qms-search button[type=submit]").bounding_box()
    assert abs(query["y"] - submit["y"]) < 4
    assert submit["height"] < 60  # one line of text
    kind = page.locator("form.qms-search [name=portal_type]").bounding_box()
    unit = page.locator("form.qms-search [name=owning_unit]").bounding_box()
    assert unit["y"] > kind["y"]
    # a long query with codes and many results still fits
    page.locator("#qms-search-text").fill("ho so 30/2020/NĐ-CP")
    page.locator("#qms-search-text").press("Enter")
    page.wait_for_load_state()
    assert no_sideways_scroll(page)
    page.locator("#qms-search-text").fill("quy")
    page.locator("#qms-search-text").press("Enter")
    page.wait_for_load_state()
    assert len(result_titles(page)) > 5
    assert no_sideways_scroll(page)
    # reading a result
    page.locator(
        "li.qms-result .qms-result-title", has_text="Quy trình quản lý văn bản đi"
    ).click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Quy trình quản lý văn bản đi")
    assert no_sideways_scroll(page)
