"""In Chromium (issue #16): a member of staff finds a procedure under «Cần
đọc» on the home page, reads it and confirms «Đã đọc và hiểu»; the unit's ISO
officer finds a document due for review under «Việc của tôi», tries to
confirm it without a comment (refused beside the field), then confirms it
«còn phù hợp» and sees the amendment row and the next review date."""

from datetime import date
from pathlib import Path
from playwright.sync_api import expect
from plone import api
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import months_after
from qms.intranet.lifecycle.acknowledge import acknowledged_on
from tests.browser import no_sideways_scroll
from tests.browser import status_message

import os
import pytest
import transaction


DOC = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"  # QT-02/VP
# Screenshots to look at after a run (not asserted).
SHOTS = Path(os.environ.get("QMS_SHOTS", "/tmp/shots"))  # noqa: S108


@pytest.fixture
def doc(functional):
    return functional["portal"].unrestrictedTraverse(DOC)


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"lifecycle-{name}.png"), full_page=True)


def test_staff_acknowledges_from_home(doc, session, portal_url):
    page = session("vp.staff")
    group = page.locator(".qms-task-group[data-kind='document_to_read']")
    assert group.count() == 1
    link = group.locator(".qms-task a", has_text="QT-02/VP")
    assert link.count() == 1
    link.click()
    page.wait_for_load_state()
    box = page.locator(".qms-to-read")
    assert box.is_visible()
    shot(page, "to-read")
    box.locator("button.qms-acknowledge").click()
    page.wait_for_load_state()
    assert "đã đọc và hiểu" in status_message(page).lower()
    assert page.locator(".qms-acknowledged").is_visible()
    assert page.locator(".qms-to-read").count() == 0
    # Back home, it is no longer to read.
    page.goto(portal_url)
    assert (
        page.locator(
            ".qms-task-group[data-kind='document_to_read'] a", has_text="QT-02/VP"
        ).count()
        == 0
    )
    transaction.begin()
    assert acknowledged_on(doc, "vp.staff")


def test_officer_sees_who_has_read(doc, session, portal_url):
    page = session("vp.officer")
    page.goto(f"{portal_url}/{DOC}")
    page.locator(".qms-ack-coverage a").click()
    page.wait_for_load_state()
    unit = page.locator(".qms-ack-unit[data-unit='vp']")
    assert unit.locator(".qms-ack-done", has_text="Phạm Văn Dũng").count() == 1
    assert unit.locator(".qms-ack-missing", has_text="Lê Văn Minh").count() == 1
    shot(page, "coverage")


def test_officer_confirms_review_from_home(doc, session, portal_url):
    old = doc.next_review_date
    rows = len(doc.amendment_history)
    page = session("vp.officer")
    group = page.locator(".qms-task-group[data-kind='document_review_due']")
    group.locator(".qms-task a", has_text="QT-02/VP").click()
    page.wait_for_load_state()
    status = page.locator(".qms-review-status")
    assert status.is_visible()
    status.locator("a.qms-confirm-review").click()
    page.wait_for_load_state()
    shot(page, "confirm-form")
    page.set_viewport_size({"width": 390, "height": 844})
    assert no_sideways_scroll(page)
    shot(page, "confirm-form-390")
    page.set_viewport_size({"width": 1366, "height": 900})
    # Without a comment: refused beside the field, nothing changed.
    page.locator(".qms-confirm-review-form button[type=submit]").click()
    page.wait_for_load_state()
    error = page.locator("#qms-comment-error")
    assert error.is_visible()
    assert "bắt buộc" in error.inner_text()
    transaction.begin()
    assert doc.next_review_date == old
    # With it.
    page.locator("#qms-comment").fill("Đối chiếu Nghị định 30/2020: vẫn phù hợp.")
    page.locator(".qms-confirm-review-form button[type=submit]").click()
    page.wait_for_load_state()
    expected = months_after(old if old > date.today() else date.today(), 12)
    assert format_date(expected) in status_message(page)
    assert page.locator(".qms-review-status").count() == 0
    amendments = page.locator(".qms-amendments tbody tr")
    assert amendments.count() == rows + 1
    assert "không sửa đổi" in amendments.last.inner_text()
    shot(page, "reviewed")
    transaction.begin()
    assert doc.next_review_date == expected


def test_officer_widens_who_must_read(functional, session, portal_url):
    """On a draft, «Ai phải đọc và xác nhận»: the chosen units need at least
    one unit (refused beside the form otherwise), then they are kept."""
    page = session("khcn.officer")
    page.locator(
        ".qms-task-group[data-kind='draft_to_submit'] a", has_text="QT-03/KHCN"
    ).click()
    page.wait_for_load_state()
    page.locator("#contentview-edit a").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Kiểm soát tài liệu").click()
    page.locator("#form-widgets-IAcknowledgement-ack_scope").select_option("units")
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state()
    assert "Biểu mẫu còn lỗi" in page.locator("#content").inner_text()
    page.get_by_role("link", name="Kiểm soát tài liệu").click()
    expect(page.locator("#content")).to_contain_text("Chỉ đơn vị chủ trì»")
    page.locator("#form-widgets-IAcknowledgement-ack_units input[value='vp']").check()
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state()
    shot(page, "widened")
    audience = page.locator(".qms-ack-audience").inner_text()
    assert "Văn phòng Bộ" in audience
    assert "Khoa học" in audience
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(
        document_code="QT-03/KHCN", is_working_copy=False
    )
    assert sorted(brain.ack_units) == ["khcn", "vp"]


def test_staff_chooses_a_daily_digest(functional, session, portal_url):
    """From the personal menu: «Thông tin cá nhân», «Thư thông báo»: one mail
    a day; the choice is kept and the daily job reads it."""
    page = session("vp.staff")
    page.locator(
        "#portal-membertools .dropdown-toggle, #portal-membertools > a"
    ).first.click()
    page.locator("#portal-membertools a[href$='@@personal-preferences']").click()
    page.wait_for_load_state()
    page.locator("a[href$='@@personal-information']").first.click()
    page.wait_for_load_state()
    field = page.locator("#form-widgets-qms_notifications")
    assert field.input_value() == "immediate"
    field.select_option("digest")
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state()
    shot(page, "digest-preference")
    assert page.locator("#form-widgets-qms_notifications").input_value() == "digest"
    transaction.begin()
    user = api.user.get(username="vp.staff")
    assert user.getProperty("qms_notifications") == "digest"
