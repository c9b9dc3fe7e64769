"""In Chromium, a management review (issue #15) from the home page, by the
ISO secretary: open «Xem xét của lãnh đạo», create a review, see its inputs
a–f, write (d)–(f), add an output action (refused without a due date),
record it as held (the inputs are kept), try to close it while the action
has nobody responsible (refused), give the action its person, close it.

Our new messages may not be in the catalogs yet: the test finds things by
their classes and data attributes, not by their words."""

from datetime import date
from datetime import timedelta
from playwright.sync_api import expect
from tests.browser import no_sideways_scroll
from tests.review.test_meeting import demo_reviews

import pytest
import transaction


TITLE = "Xem xét của lãnh đạo kiểm thử"
ACTION = "Rà soát quy trình nghiệp vụ của các Vụ"


@pytest.fixture
def reviews(functional):
    demo_reviews(functional["portal"])
    transaction.commit()


def open_section(page, portal_url):
    """Home → the tab «Xem xét của lãnh đạo» (the section's address while
    the tab is not installed)."""
    page.goto(portal_url)
    link = page.locator("#portal-globalnav a[href$='/xem-xet-lanh-dao']")
    if link.count():
        link.first.click()
    else:
        page.goto(f"{portal_url}/xem-xet-lanh-dao")
    page.wait_for_load_state()


def state_of(page) -> str:
    return page.locator(".qms-review-state").get_attribute("data-state")


def step(page, transition, **fields):
    page.locator(f".qms-step[data-transition='{transition}']").click()
    page.wait_for_load_state()
    form = page.locator("form.qms-transition-form")
    for name, value in fields.items():
        form.locator(f"[name='{name}']").fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_a_whole_review(reviews, session, portal_url):
    page = session("iso.secretary")
    open_section(page, portal_url)
    assert page.locator(".qms-review-row").count() == 2
    page.locator(".qms-add-review").click()
    page.wait_for_load_state()
    page.locator("#form-widgets-title").fill(TITLE)
    page.locator("#form-widgets-chair").fill("Thứ trưởng Nguyễn Minh Hồng")
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state()
    review_url = page.url.split("?")[0].removesuffix("/view")
    assert state_of(page) == "draft"

    # The inputs a–f, live; a: last year's two actions.
    for part in "abcdef":
        expect(page.locator(f"#qms-input-{part}")).to_be_visible()
    expect(page.locator(".qms-live-note")).to_be_visible()
    assert page.locator(".qms-previous-action").count() == 2

    # (d)–(f), written beside the figures.
    page.locator("textarea[name='resources']").fill("Đủ cán bộ ISO kiêm nhiệm.")
    page.locator("textarea[name='risks']").fill("Rủi ro chậm ban hành đã giảm.")
    page.locator("textarea[name='improvement_notes']").fill("Số hóa biểu mẫu.")
    page.locator(".qms-save-notes").click()
    page.wait_for_load_state()
    expect(page.locator("textarea[name='risks']")).to_have_value(
        "Rủi ro chậm ban hành đã giảm."
    )

    # An output action: refused without a due date, then added.
    page.locator(".qms-add-action").click()
    page.wait_for_load_state()
    page.locator("#qms-title").fill(ACTION)
    page.locator("button[name='form.button.add']").click()
    page.wait_for_load_state()
    expect(page.locator("#qms-due_date-error")).to_be_visible()
    assert "add-review-action" in page.url
    due = date.today() + timedelta(days=90)
    page.locator("#qms-due_date").fill(due.isoformat())
    page.locator("button[name='form.button.add']").click()
    page.wait_for_load_state()
    row = page.locator(".qms-review-action-row", has_text=ACTION)
    expect(row).to_contain_text(due.strftime("%d/%m/%Y"))
    expect(row.locator(".qms-no-owner")).to_be_visible()

    # Held: the inputs are kept.
    step(page, "hold")
    assert state_of(page) == "held"
    expect(page.locator(".qms-snapshot-note")).to_be_visible()

    # Close refused: the action has nobody responsible.
    step(page, "close", decisions="Duy trì và cải tiến hệ thống.")
    expect(page.locator(".qms-transition-form .alert-danger")).to_contain_text(ACTION)
    page.goto(review_url)
    assert state_of(page) == "held"

    # The action gets its person, then the review closes.
    page.locator(".qms-review-action-row", has_text=ACTION).locator(
        ".qms-edit-action"
    ).click()
    page.wait_for_load_state()
    page.locator("#form-widgets-responsible").select_option("khcn.officer")
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state()
    page.goto(review_url)
    expect(page.locator(".qms-review-action-row", has_text=ACTION)).to_contain_text(
        "Đỗ Thị Mai"
    )
    step(page, "close", decisions="Duy trì và cải tiến hệ thống.")
    assert state_of(page) == "closed"
    expect(page.locator(".portalMessage").first).to_be_visible()
    expect(page.locator("#qms-review-decisions")).to_contain_text(
        "Duy trì và cải tiến hệ thống."
    )

    # Phone width: no sideways scrolling.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert no_sideways_scroll(page)
