"""Search that forgives how people type (issue #17), in Chromium, from the
home page's search box as staff do: Telex and VNI with the input method
off, a typo, part of a code, a legal reference as cited; the search page
says how it read the query and marks the words in the snippets; nonsense
finds nothing and says so, never an error."""

from playwright.sync_api import expect
from tests.browser import english_left
from tests.search.test_browser import live_search
from tests.search.test_browser import result_titles

import pytest


OUTGOING = "Quy trình quản lý văn bản đi"


def search_page(page, portal_url, typed):
    """Type in the header's box, then Enter for the search page."""
    page.goto(portal_url)
    found = live_search(page, typed)
    page.locator("#searchGadget").press("Enter")
    page.wait_for_load_state()
    assert "/@@search" in page.url
    return found


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("quy trinhf quarn lys vawn banr ddi", "quy trình quản lý văn bản đi"),
        ("quy tri2nh qua3n ly1 va8n ba3n d9i", "quy trình quản lý văn bản đi"),
        ("quy trinh qaun ly van ban di", "quy trinh quan ly van ban di"),
    ],
    ids=["telex", "vni", "typo"],
)
def test_typed_without_the_input_method_or_with_a_typo(
    session, portal_url, typed, read_as
):
    page = session("vp.staff")
    search_page(page, portal_url, typed)
    assert result_titles(page)[0] == OUTGOING
    reading = page.locator(".qms-reading")
    expect(reading).to_contain_text("Kết quả cho")
    expect(reading.locator("strong")).to_have_text(read_as)
    expect(reading).to_contain_text(typed)
    first = page.locator("li.qms-result").first
    expect(first.locator(".qms-snippet mark").first).to_be_visible()
    assert english_left(page.locator("#content").inner_text()) == []


def test_live_results_read_telex_too(session, portal_url):
    page = session("vp.staff")
    page.goto(portal_url)
    found = live_search(page, "vawn banr ddi")
    expect(found.filter(has_text=OUTGOING).first).to_be_visible()


def test_part_of_a_code_finds_the_procedures_then_their_forms(session, portal_url):
    page = session("khcn.staff")
    search_page(page, portal_url, "QT-02")
    titles = result_titles(page)
    # every unit's procedure 02 first (the code is theirs), then the forms
    # whose codes only contain it
    assert OUTGOING in titles[:3]
    assert "Sổ đăng ký văn bản đi" in titles
    assert titles.index("Sổ đăng ký văn bản đi") > titles.index(OUTGOING)
    expect(page.locator(".qms-reading")).to_have_count(0)  # read as typed


def test_a_legal_reference_as_cited(session, portal_url):
    page = session("vp.staff")
    search_page(page, portal_url, "quyết định 1234")
    assert result_titles(page)[0].startswith("Quyết định công bố Hệ thống")
    page.locator("li.qms-result .qms-result-title").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Quyết định công bố")


@pytest.mark.parametrize("typed", ["xyzqwv bzzt", "qqqqqq", "AND", '"', "*"])
def test_nonsense_finds_nothing_and_says_so(session, portal_url, typed):
    page = session("vp.staff")
    page.goto(f"{portal_url}/@@search")
    page.locator("#qms-search-text").fill(typed)
    page.locator("#qms-search-text").press("Enter")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Tìm kiếm")
    assert result_titles(page) == [] or typed in ("AND", '"', "*")
    if typed.isalpha() and typed != "AND":
        expect(page.locator(".qms-no-results")).to_be_visible()
    expect(page.locator(".qms-reading")).to_have_count(0)
