"""In Chromium (issue #15): the ISO secretary goes from the home page to the
yearly evaluation section, prepares the evaluation of the year, recomputes
it, changes a unit's grade (refused without a reason, next to the field),
submits it and downloads the DOCX report; the leader approves it; on a
phone the evaluation reads without sideways scrolling."""

from datetime import date
from docx import Document
from playwright.sync_api import expect
from qms.intranet.review.evaluation import ensure_evaluation_section
from tests.browser import no_sideways_scroll

import transaction


YEAR = date.today().year


def open_section(page, portal_url):
    """Home → the «Đánh giá hằng năm» tab (registered in actions.xml by the
    site; until then, the section's address)."""
    page.goto(portal_url)
    tab = page.locator("#portal-globalnav a[href$='/danh-gia-hang-nam']")
    if tab.count():
        tab.first.click()
    else:
        page.goto(f"{portal_url}/danh-gia-hang-nam")
    page.wait_for_load_state()


def submit_step(page, transition, comment=""):
    page.locator(f".qms-steps .qms-step[data-transition='{transition}']").click()
    page.wait_for_load_state()
    form = page.locator("form.qms-transition-form")
    if comment:
        form.locator("[name='comment']").fill(comment)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def state_of(page) -> str:
    return page.locator(".qms-evaluation .qms-state").get_attribute("data-state")


def test_the_yearly_evaluation(functional, session, portal_url, tmp_path):
    section = ensure_evaluation_section()
    if str(YEAR) in section.objectIds():  # the demo's: prepare it anew
        section._delObject(str(YEAR))
    transaction.commit()

    secretary = session("iso.secretary")
    open_section(secretary, portal_url)
    secretary.locator(f".qms-create-evaluation[data-year='{YEAR}']").click()
    secretary.wait_for_load_state()
    assert secretary.url.rstrip("/").endswith(f"/danh-gia-hang-nam/{YEAR}")
    assert state_of(secretary) == "draft"
    rows = secretary.locator("#qms-evaluation-rows tbody tr")
    expect(rows).to_have_count(9)

    # «Tính lại»
    secretary.locator(".qms-recompute").click()
    secretary.wait_for_load_state()
    expect(
        secretary.locator(".portalMessage.info, .portalMessage").first
    ).to_be_visible()
    expect(secretary.locator(".qms-computed-on")).to_be_visible()

    # Unhappy: a grade changed without a reason is refused beside the field.
    row = secretary.locator("#qms-evaluation-rows tr[data-unit='phapche']")
    before = row.get_attribute("data-grade")
    wanted = "chua_dat" if before != "chua_dat" else "tot"
    row.locator(".qms-grade-change summary").click()
    row.locator("select[name='grade']").select_option(wanted)
    row.locator("button[name='form.grade']").click()
    secretary.wait_for_load_state()
    row = secretary.locator("#qms-evaluation-rows tr[data-unit='phapche']")
    expect(row.locator(".qms-error")).to_be_visible()
    assert row.get_attribute("data-grade") == before
    # With a reason it is changed and kept in the history.
    row.locator("select[name='grade']").select_option(wanted)
    row.locator("textarea[name='reason']").fill("Chưa khắc phục sự không phù hợp")
    row.locator("button[name='form.grade']").click()
    secretary.wait_for_load_state()
    row = secretary.locator("#qms-evaluation-rows tr[data-unit='phapche']")
    assert row.get_attribute("data-grade") == wanted
    expect(secretary.locator(".qms-grade-log")).to_contain_text(
        "Chưa khắc phục sự không phù hợp"
    )

    # Submitted to the leaders.
    submit_step(secretary, "submit")
    assert state_of(secretary) == "pending"
    expect(secretary.locator(".qms-recompute")).to_have_count(0)

    # The DOCX report.
    with secretary.expect_download() as download:
        secretary.locator(".qms-docx-link").click()
    path = tmp_path / "bao-cao.docx"
    download.value.save_as(path)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert f"năm {YEAR}" in text
    assert "BÁO CÁO" in text

    # The leader approves.
    leader = session("leader")
    open_section(leader, portal_url)
    leader.locator(".qms-evaluation-link").first.click()
    leader.wait_for_load_state()
    submit_step(leader, "approve")
    assert state_of(leader) == "approved"
    expect(leader.locator(".qms-grade-change")).to_have_count(0)
    expect(leader.locator(".qms-steps .qms-step")).to_have_count(0)

    # A phone reads it without sideways scrolling.
    leader.set_viewport_size({"width": 390, "height": 844})
    leader.reload()
    assert no_sideways_scroll(leader)
