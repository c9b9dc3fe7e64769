"""In Chromium, by clicking from the home page: a staff member files a record
with a file and downloads it, an officer prepares this year's and next
year's lists, a head issues a list, the secretariat reads the board of
another year; the reading pages checked at phone width too."""

from datetime import date
from qms.intranet.site.demo.files import pdf_bytes
from qms.intranet.testing import RECORD_YEARS
from tests.browser import english_left

import pytest


YEAR = date.today().year
# vp's issued list of an earlier year (testing.Layer)
ISSUED_YEAR = next(y for y, state in RECORD_YEARS.items() if state == "approved")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def no_sideways_scroll(page) -> None:
    """At 390 px the page does not scroll sideways; back to desktop after."""
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(150)
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    page.set_viewport_size(DESKTOP)
    assert width <= inner, f"{page.url}: {width}px wide at {inner}px"


def open_unit(page, portal_url, unit_title):
    """Home → "Đơn vị" in the global navigation → the unit."""
    page.set_viewport_size(DESKTOP)
    page.goto(portal_url)
    page.locator("#portal-globalnav").get_by_role("link", name="Đơn vị").click()
    page.wait_for_load_state()
    page.locator("#content").get_by_role("link", name=unit_title, exact=True).click()
    page.wait_for_load_state()


def click(page, locator):
    locator.click()
    page.wait_for_load_state()


def test_staff_files_a_record_with_a_file_and_downloads_it(session, portal_url):
    staff = session("khcn.staff")
    open_unit(staff, portal_url, "Vụ Khoa học và Công nghệ")
    box = staff.locator(".qms-unit-records")
    assert box.locator(f"[data-year='{YEAR}']").get_attribute("data-state") == (
        "approved"
    )
    click(staff, box.locator(f"[data-year='{YEAR}'] a").first)
    assert staff.url.rstrip("/").endswith(f"/don-vi/khcn/ho-so/{YEAR}")
    no_sideways_scroll(staff)

    click(staff, staff.locator(".qms-record-list .qms-actions .btn-primary").first)
    staff.locator("#form-widgets-IBasic-title").fill("Hồ sơ họp rà soát tháng 11")
    entry = staff.locator("#form-widgets-entry")
    entry.select_option(index=2)
    heading = entry.locator("option:checked").inner_text()
    click(staff, staff.locator("#form-buttons-save"))
    assert "Hồ sơ họp rà soát tháng 11" in staff.locator("h1").inner_text()
    assert heading.split(" ", 1)[-1] in staff.locator(".qms-record").inner_text()

    # an empty file is refused next to the field; nothing is stored
    staff.locator(".qms-add-file input[type=file]").set_input_files(
        {"name": "trong.pdf", "mimeType": "application/pdf", "buffer": b""}
    )
    click(staff, staff.locator(".qms-add-file button[type=submit]"))
    assert staff.locator(".qms-add-file .qms-field-error").is_visible()
    assert staff.locator(".qms-add-file input.is-invalid").count() == 1
    click(staff, staff.locator(".qms-add-file .btn-link"))
    assert staff.locator(".qms-record-files li").count() == 0

    staff.locator(".qms-add-file input[type=file]").set_input_files(
        {
            "name": "Biên bản họp.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf_bytes("Biên bản"),
        }
    )
    click(staff, staff.locator(".qms-add-file button[type=submit]"))
    assert "Biên bản họp.pdf" in staff.locator(".portalMessage").first.inner_text()
    files = staff.locator(".qms-record-files a.qms-file-link")
    assert files.inner_text() == "Biên bản họp.pdf"
    no_sideways_scroll(staff)

    click(staff, files)
    assert staff.url.endswith("/bien-ban-hop.pdf")
    assert staff.locator(".qms-filename").inner_text() == "Biên bản họp.pdf"
    no_sideways_scroll(staff)
    with staff.expect_download() as download:
        staff.locator(".qms-download").click()
    with open(download.value.path(), "rb") as data:
        assert data.read().startswith(b"%PDF")
    click(staff, staff.locator(".qms-record-file .btn-link"))
    assert "Hồ sơ họp rà soát tháng 11" in staff.locator("h1").inner_text()


def test_officer_prepares_this_and_next_years_lists(session, portal_url):
    officer = session("phapche.officer")
    open_unit(officer, portal_url, "Vụ Pháp chế")
    click(officer, officer.locator(".qms-unit-records-link"))
    no_sideways_scroll(officer)
    buttons = officer.locator(".qms-create-lists a")
    assert [b.get_attribute("data-year") for b in buttons.all()] == [
        str(YEAR),
        str(YEAR + 1),
    ]
    click(officer, officer.locator(".qms-create-list"))
    headings = officer.locator("input[name='rows.heading:records']")
    first = headings.first.input_value()
    no_sideways_scroll(officer)

    # a bad retention period is refused next to the form, nothing created
    officer.locator("input[name='rows.retention:records']").first.fill("năm năm")
    click(officer, officer.locator(".qms-entries-form button[type='submit']"))
    assert "vĩnh viễn" in officer.locator(".qms-form-error").inner_text()
    # every heading left empty: refused too
    for field in headings.all():
        field.fill("")
    click(officer, officer.locator(".qms-entries-form button[type='submit']"))
    assert officer.locator(".qms-form-error").is_visible()
    click(officer, officer.locator(".qms-entries-form .btn-link"))
    assert officer.locator(".qms-archive-lists").count() == 0

    click(officer, officer.locator(".qms-create-list"))
    click(officer, officer.locator(".qms-entries-form button[type='submit']"))
    assert officer.url.rstrip("/").endswith(f"/don-vi/phapche/ho-so/{YEAR}")
    assert officer.locator(".qms-list-meta [data-state]").get_attribute(
        "data-state"
    ) == ("draft")

    click(officer, officer.locator(".qms-record-list .qms-actions .btn-link"))
    click(officer, officer.locator(".qms-create-next-list"))
    # next year's proposal starts from this year's list
    assert (
        officer.locator("input[name='rows.heading:records']").first.input_value()
        == first
    )
    click(officer, officer.locator(".qms-entries-form button[type='submit']"))
    assert officer.url.rstrip("/").endswith(f"/don-vi/phapche/ho-so/{YEAR + 1}")
    click(officer, officer.locator(".qms-record-list .qms-actions .btn-link"))
    years = officer.locator(".qms-archive-lists tbody tr")
    assert [r.get_attribute("data-year") for r in years.all()] == [
        str(YEAR + 1),
        str(YEAR),
    ]
    assert officer.locator(".qms-create-lists").count() == 0


def test_head_issues_a_list_and_a_reason_is_required_to_send_back(session, portal_url):
    officer = session("vp.officer")
    open_unit(officer, portal_url, "Văn phòng Bộ")
    click(officer, officer.locator(f".qms-unit-records [data-year='{YEAR}'] a").first)
    click(officer, officer.locator(".qms-step[data-transition='submit']"))
    click(officer, officer.locator(".qms-transition-form button[type='submit']"))
    assert officer.locator(".qms-list-meta [data-state]").get_attribute(
        "data-state"
    ) == ("pending_review")

    head = session("vp.head")
    open_unit(head, portal_url, "Văn phòng Bộ")
    click(head, head.locator(f".qms-unit-records [data-year='{YEAR}'] a").first)
    assert head.locator(".qms-record-list .qms-actions a[href*='@@edit']").count() == 0
    # sending back without a reason is refused next to the field
    click(head, head.locator(".qms-step[data-transition='reject']"))
    click(head, head.locator(".qms-transition-form button[type='submit']"))
    assert head.locator(".qms-transition-form .is-invalid").count() == 1
    click(head, head.locator(".qms-transition-form a.btn, .qms-transition a").last)
    assert head.locator(".qms-list-meta [data-state]").get_attribute("data-state") == (
        "pending_review"
    )

    click(head, head.locator(".qms-step[data-transition='approve']"))
    click(head, head.locator(".qms-transition-form button[type='submit']"))
    assert head.locator(".qms-list-meta [data-state]").get_attribute("data-state") == (
        "approved"
    )
    assert not english_left(head.locator("#content").inner_text())


def test_secretariat_reads_another_years_board_and_follows_a_row(session, portal_url):
    secretary = session("iso.secretary")
    secretary.set_viewport_size(DESKTOP)
    secretary.goto(portal_url)
    click(
        secretary,
        secretary.locator("#portal-globalnav").get_by_role(
            "link", name="Danh mục hồ sơ"
        ),
    )
    assert f"{YEAR}" in secretary.locator("h1").inner_text()
    no_sideways_scroll(secretary)
    secretary.locator("#qms-board-year").select_option(str(ISSUED_YEAR))
    click(secretary, secretary.locator(".qms-year-picker button[type=submit]"))
    assert f"{ISSUED_YEAR}" in secretary.locator("h1").inner_text()
    row = secretary.locator("tr[data-unit='khcn']")
    assert (
        row.locator(".qms-board-state")
        .get_attribute("href")
        .endswith("/don-vi/khcn/ho-so")
    )  # no list that year: the unit's archive
    no_sideways_scroll(secretary)
    click(secretary, secretary.locator("tr[data-unit='vp'] .qms-board-unit"))
    assert secretary.url.rstrip("/").endswith(f"/don-vi/vp/ho-so/{ISSUED_YEAR}")
    assert secretary.locator(".qms-list-meta [data-state]").get_attribute(
        "data-state"
    ) == ("approved")
    no_sideways_scroll(secretary)


@pytest.mark.parametrize("login", ["khcn.staff", "khcn.head"])
def test_reading_pages_fit_a_phone(session, portal_url, login):
    page = session(login)
    open_unit(page, portal_url, "Vụ Khoa học và Công nghệ")
    no_sideways_scroll(page)
    click(page, page.locator(".qms-unit-records-link"))
    no_sideways_scroll(page)
    click(page, page.locator(".qms-archive-lists a").first)
    no_sideways_scroll(page)
    click(page, page.locator(".qms-entries a").first)
    no_sideways_scroll(page)
