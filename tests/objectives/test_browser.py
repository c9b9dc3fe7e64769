"""In Chromium, by clicking from the home page: khcn's ISO officer sets this
year's quality objectives, the head issues them, the officer records a
result and sees where the objective stands (issue #15)."""

from datetime import date
from playwright.sync_api import expect
from tests.browser import field_error
from tests.browser import status_message

import transaction


KHCN = "Vụ Khoa học và Công nghệ"
YEAR = date.today().year
OBJECTIVE = "Trả lời kiến nghị của đơn vị đúng hạn"


def no_plan_this_year(portal):
    """The demo may have made khcn's plan of this year: start without it."""
    archive = portal["don-vi"]["khcn"]["muc-tieu"]
    if str(YEAR) in archive.objectIds():
        archive._delObject(str(YEAR))  # an issued plan: nobody deletes it
        transaction.commit()


def badge(page):
    return page.locator(".qms-objective .qms-objective-status")


def test_officer_sets_head_issues_officer_measures(functional, session, portal_url):
    no_plan_this_year(functional["portal"])

    # Home → my unit → its quality objectives → set this year's.
    officer = session("khcn.officer")
    officer.goto(portal_url)
    officer.locator(".qms-my-unit", has_text=KHCN).click()
    officer.wait_for_load_state()
    officer.locator(".qms-unit-objectives-link").click()
    officer.wait_for_load_state()
    officer.locator(".qms-create-plan").click()
    officer.wait_for_load_state()
    assert officer.locator("#qms-year").input_value() == str(YEAR)
    officer.locator(".qms-create-plan-form button[type=submit]").click()
    officer.wait_for_load_state()
    assert officer.url.rstrip("/").endswith(f"/don-vi/khcn/muc-tieu/{YEAR}")
    plan_url = officer.url
    assert officer.locator(".qms-plan-state").get_attribute("data-state") == "draft"

    # Add an objective; unhappy: without its target it is refused.
    officer.locator(".qms-add-objective").click()
    officer.wait_for_load_state()
    officer.locator("#form-widgets-objective").fill(OBJECTIVE)
    officer.locator("#form-widgets-indicator").fill(
        "Tỷ lệ kiến nghị được trả lời đúng hạn"
    )
    officer.locator("#form-widgets-frequency").select_option("yearly")
    officer.locator("#form-widgets-actions").fill("Theo dõi hạn trả lời hằng tuần.")
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert "++add++QualityObjective" in officer.url
    expect(officer.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    officer.locator("#form-widgets-target").fill("95")
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert officer.url.startswith(plan_url)
    expect(officer.locator(".qms-objective h2")).to_have_text(OBJECTIVE)
    expect(officer.locator(".qms-objective-chart")).to_be_visible()
    assert badge(officer).get_attribute("data-status") == "on_track"

    # Submit it to the head.
    officer.locator(".qms-steps .qms-step[data-transition=submit]").click()
    officer.wait_for_load_state()
    officer.locator("form.qms-transition-form button[type=submit]").click()
    officer.wait_for_load_state()
    assert officer.locator(".qms-plan-state").get_attribute("data-state") == "pending"
    assert officer.locator(".qms-add-objective").count() == 0

    # The head finds it in "Việc của tôi"; unhappy: sending back needs a reason.
    head = session("khcn.head")
    head.goto(portal_url)
    head.locator(f".qms-task a[href='{plan_url}']").first.click()
    head.wait_for_load_state()
    head.locator(".qms-steps .qms-step[data-transition=reject]").click()
    head.wait_for_load_state()
    head.locator("form.qms-transition-form button[type=submit]").click()
    head.wait_for_load_state()
    expect(field_error(head, "comment")).to_be_visible()
    head.goto(plan_url)
    assert head.locator(".qms-plan-state").get_attribute("data-state") == "pending"
    head.locator(".qms-steps .qms-step[data-transition=issue]").click()
    head.wait_for_load_state()
    head.locator("form.qms-transition-form button[type=submit]").click()
    head.wait_for_load_state()
    assert head.locator(".qms-plan-state").get_attribute("data-state") == "issued"
    assert head.locator(".qms-record-measurement").count() == 0

    # The officer records a result; unhappy: a word is not a number.
    officer.goto(plan_url)
    officer.locator(".qms-record-measurement").click()
    officer.wait_for_load_state()
    officer.locator("#qms-value").fill("tám mươi")
    officer.locator(".qms-measurement-form button[type=submit]").click()
    officer.wait_for_load_state()
    expect(officer.locator("#qms-value-error")).to_contain_text("tám mươi")
    officer.locator("#qms-value").fill("80,5")
    officer.locator("#qms-note").fill("Hai kiến nghị trả lời chậm")
    officer.locator(".qms-measurement-form button[type=submit]").click()
    officer.wait_for_load_state()
    assert officer.url.startswith(plan_url)
    assert "80,5" in status_message(officer)
    assert badge(officer).get_attribute("data-status") == "at_risk"
    expect(officer.locator(".qms-measurements .qms-value")).to_contain_text("80,5")
    expect(officer.locator(".qms-objective-chart .qms-missed")).to_have_count(1)
