"""A scanned original in Chromium: the unit's officer uploads a scan (a PDF
of page images) as a procedure's signed original, from the home page; the
page answers at once and says the text is being recognized; once the
instance's OCR worker has read it, the notice is gone and a staff member
finds the procedure by words that exist only in the scan."""

from playwright.sync_api import expect
from qms.intranet.search import ocr
from tests.browser import add_new
from tests.search.test_browser import result_titles
from tests.search.test_ocr import scan

import pytest
import time


TITLE = "Quy trình thẩm định bản quét"


@pytest.fixture
def scanned(tmp_path):
    path = tmp_path / "ban-goc-quet.pdf"
    path.write_bytes(scan())
    return path


def search_titles(page, portal_url, text) -> list[str]:
    page.goto(f"{portal_url}/@@search")
    page.locator("#qms-search-text").fill(text)
    page.locator("#qms-search-text").press("Enter")
    page.wait_for_load_state()
    return result_titles(page)


def test_officer_uploads_a_scan_and_staff_find_its_words(
    session, portal_url, functional, scanned
):
    assert ocr.available(), "Tesseract is missing: run `make ocr`"
    officer = session("vp.officer")
    officer.goto(portal_url)
    officer.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    add_new(officer, "Quy trình")
    officer.locator("#form-widgets-IBasic-title").fill(TITLE)
    officer.locator("#form-widgets-purpose").fill("Thử bản gốc là bản quét.")
    officer.get_by_role("link", name="Kiểm soát tài liệu").click()
    officer.locator("#form-widgets-IControlledDocument-code").fill("QT-31/VP")
    officer.get_by_role("link", name="Tệp tài liệu").click()
    officer.locator(
        "#form-widgets-IControlledDocument-signed_original-input"
    ).set_input_files(str(scanned))
    started = time.monotonic()
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert time.monotonic() - started < 15  # never waits for the OCR
    expect(officer.locator("h1")).to_contain_text(TITLE)
    expect(officer.locator("#content")).to_contain_text("Đang nhận dạng chữ (OCR)")
    expect(officer.locator("#content")).to_contain_text("ban-goc-quet.pdf")
    # not found by the scan's words yet
    assert TITLE not in search_titles(officer, portal_url, "thẩm định phần trách nhiệm")

    # the instance's worker reads it (the layer's server starts none)
    ocr.start_worker(functional["portal"]._p_jar.db(), interval=0.5)
    try:
        deadline = time.monotonic() + 90
        while TITLE not in search_titles(
            officer, portal_url, "thẩm định phần trách nhiệm"
        ):
            assert time.monotonic() < deadline, "the scan was not read in 90 s"
            time.sleep(1)
    finally:
        ocr.stop_worker()

    officer.locator("li.qms-result .qms-result-title", has_text=TITLE).click()
    officer.wait_for_load_state()
    expect(officer.locator("#content")).not_to_contain_text("Đang nhận dạng chữ")
    # and typed without marks
    assert TITLE in search_titles(officer, portal_url, "hoi dong thong nhat ban hanh")
