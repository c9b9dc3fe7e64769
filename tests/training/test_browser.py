"""In Chromium, a training request (issue #16), each task by its role,
reached by clicking from the home page: a unit's ISO officer files one
(first without a reason: refused next to the field), the secretariat
declines it (first without a reason: refused) and plans the demo's
pending request of Vụ Pháp chế in the awareness course."""

from pathlib import Path
from playwright.sync_api import expect
from qms.intranet.core.workflow import REASON_REQUIRED
from tests.browser import no_sideways_scroll
from tests.training.helpers import vi

import os


# Screenshots to look at after a run (not asserted).
SHOTS = Path(os.environ.get("QMS_SHOTS", "/tmp/shots"))  # noqa: S108
TOPIC = "Lập và quản lý danh mục hồ sơ điện tử"
REASON = "Hai cán bộ mới được giao kiêm nhiệm công tác ISO."
DECLINE = "Nội dung này đã có trong khóa nhận thức tháng 3; đề nghị dự khóa đó."


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(SHOTS / f"training-{name}.png"), full_page=True)


def state_of(page) -> str:
    return page.locator(".qms-item-meta .badge[data-state]").get_attribute("data-state")


def step(page, transition, **fields):
    """The step's button on the request's page, its form filled and sent."""
    page.locator(f".qms-steps .qms-step[data-transition='{transition}']").click()
    page.wait_for_load_state()
    form = page.locator("form.qms-transition-form")
    for name, value in fields.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("node => node.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_request_declined_and_planned(session, portal_url):
    # The ISO officer of Vụ KHCN: home → «Đào tạo ISO» → «Đề nghị đào tạo».
    officer = session("khcn.officer")
    officer.set_viewport_size({"width": 1366, "height": 900})
    officer.goto(portal_url)
    officer.locator(".qms-home-training .qms-training-section-link").click()
    officer.wait_for_load_state()
    assert officer.url.rstrip("/").endswith("/dao-tao")
    # Another unit's requests are not listed; the demo's courses are.
    expect(officer.locator(".qms-request-row")).to_have_count(0)
    expect(officer.locator(".qms-course-row")).to_have_count(2)
    officer.locator(".qms-add-request").click()
    officer.wait_for_load_state()
    expect(officer.locator("#form-widgets-unit")).to_have_value("khcn")
    officer.locator("#form-widgets-participants").select_option(
        ["khcn.officer", "khcn.staff"]
    )
    officer.locator("#form-widgets-kind").select_option("document_control")
    officer.locator("#form-widgets-topic").fill(TOPIC)
    # Unhappy: no reason.
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert "++add++TrainingRequest" in officer.url
    error = officer.locator("#formfield-form-widgets-reason .invalid-feedback")
    expect(error).to_be_visible()
    officer.locator("#form-widgets-reason").fill(REASON)
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert state_of(officer) == "pending"
    expect(officer.locator(".qms-request-reason")).to_have_text(REASON)
    expect(officer.locator(".qms-steps")).to_have_count(0)
    request_url = officer.url.split("?")[0].removesuffix("/view")

    # The secretariat finds it in «Việc của tôi» and declines it.
    secretary = session("iso.secretary")
    secretary.set_viewport_size({"width": 1366, "height": 900})
    secretary.goto(portal_url)
    tasks = secretary.locator(".qms-task-group[data-kind='training_request_to_plan']")
    tasks.locator(f".qms-task a[href='{request_url}']").first.click()
    secretary.wait_for_load_state()
    assert secretary.url.split("?")[0].removesuffix("/view") == request_url
    step(secretary, "decline")
    expect(secretary.locator("#qms-comment-error")).to_have_text(
        vi(REASON_REQUIRED["decline"])
    )
    shot(secretary, "decline-refused")
    secretary.goto(request_url)
    assert state_of(secretary) == "pending"
    step(secretary, "decline", comment=DECLINE)
    assert state_of(secretary) == "declined"
    expect(secretary.locator(".qms-decline-reason")).to_contain_text(DECLINE)

    # …and plans Vụ Pháp chế's request in the awareness course.
    secretary.goto(f"{portal_url}/dao-tao")
    shot(secretary, "section")
    secretary.locator(
        ".qms-request-row[data-state='pending'] .qms-request-link"
    ).click()
    secretary.wait_for_load_state()
    expect(secretary.locator(".qms-item-meta")).to_contain_text("Vụ Pháp chế")
    secretary.locator(".qms-steps .qms-step[data-transition='plan']").click()
    secretary.wait_for_load_state()
    select = secretary.locator("form.qms-transition-form select[name='course']")
    awareness = select.locator("option", has_text="Nhận thức").first
    select.select_option(awareness.get_attribute("value"))
    secretary.locator("form.qms-transition-form button[type=submit]").click()
    secretary.wait_for_load_state()
    assert state_of(secretary) == "planned"
    expect(secretary.locator(".qms-planned-course")).to_contain_text("Nhận thức")
    shot(secretary, "planned")

    # The officer reads the decline and its reason on the request.
    officer.goto(request_url)
    assert state_of(officer) == "declined"
    expect(officer.locator(".qms-decline-reason")).to_contain_text(DECLINE)
    # At phone width the section reads without sideways scrolling.
    officer.set_viewport_size({"width": 390, "height": 800})
    officer.goto(f"{portal_url}/dao-tao")
    expect(officer.locator(".qms-request-row")).to_have_count(1)
    assert no_sideways_scroll(officer)
    officer.goto(f"{portal_url}/@@training-record")
    assert no_sideways_scroll(officer)
    officer.screenshot(path=str(SHOTS / "training-record-phone.png"), full_page=True)
