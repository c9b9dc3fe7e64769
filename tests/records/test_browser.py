"""In Chromium: a unit's record list, proposed, adjusted, submitted, issued."""

from tests.browser import transition


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
