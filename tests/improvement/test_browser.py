"""In Chromium, the improvement register (issue #13): each task by its role,
reached by clicking from the home page ("Việc của tôi"), with its unhappy
paths, and checked in its end state (state badge, status message, the row
in the register)."""

from datetime import date
from datetime import timedelta
from playwright.sync_api import expect
from tests.browser import field_error
from tests.browser import go_back
from tests.browser import no_sideways_scroll
from tests.browser import status_message
from tests.browser import step
from tests.browser import transition

import re


KHCN = "Vụ Khoa học và Công nghệ"
# Demo nonconformities of KHCN (site/demo/data.py NONCONFORMITIES)
REPORTED = "Phiếu đề xuất nhiệm vụ thiếu chữ ký của chủ nhiệm"  # reported
ANALYSED = "Biên bản nghiệm thu lưu không đủ thành phần"  # analysed
OVERDUE = "Chậm cập nhật danh mục tiêu chuẩn hiện hành"  # in progress, overdue
REVISED = "Tiêu chuẩn cơ sở ban hành chưa qua lấy ý kiến chuyên gia"  # QT-01/KHCN
KHCN_REFERENCE = re.compile(r"\d{2}/\d{4}/KHCN")


def dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def open_task(page, portal_url, title):
    """From the home page, open a task of "Việc của tôi" by its title."""
    page.goto(portal_url)
    page.locator(".qms-task a", has_text=title).first.click()
    page.wait_for_load_state()


def open_register(page, portal_url):
    """From the home page to KHCN's register: my unit, then its card."""
    page.goto(portal_url)
    page.locator(".qms-my-unit", has_text=KHCN).click()
    page.locator(".qms-unit-improvement-link").click()
    page.wait_for_load_state()


def state_of(page) -> str:
    """The state badge of a nonconformity's or an action's page."""
    return page.locator(".qms-item-meta .badge[data-state]").inner_text()


def register_row(page, title):
    return page.locator(".qms-nc-row", has=page.get_by_role("link", name=title))


def test_the_whole_loop(session, portal_url):
    """Staff report, the officer records the cause and plans, the head
    approves the plan, the person responsible completes the action, the
    officer sends it for verification, the secretariat closes it."""
    today = date.today()
    title = "Sổ giao nhận hồ sơ nghiệm thu không ghi ngày nhận"
    action_title = "Bổ sung cột ngày nhận vào sổ giao nhận hồ sơ"

    # khcn.staff reports it: home → unit → register → «Báo cáo sự không phù hợp»
    staff = session("khcn.staff")
    open_register(staff, portal_url)
    staff.get_by_role("link", name="Báo cáo sự không phù hợp").click()
    staff.wait_for_load_state()
    staff.locator("#form-widgets-IBasic-title").fill(title)
    staff.locator("#form-widgets-IBasic-description").fill(
        "Ba lần giao nhận hồ sơ nghiệm thu trong tháng không ghi ngày nhận."
    )
    staff.locator("#form-widgets-source").select_option("internal_audit")
    staff.locator("#form-widgets-severity").select_option("major")
    assert staff.locator("#form-widgets-detected_on").input_value() == (
        today.isoformat()
    )
    staff.locator("#form-buttons-save").click()
    staff.wait_for_load_state()
    reference = staff.locator(".qms-item-meta .qms-reference").inner_text().strip()
    assert re.fullmatch(rf"\d{{2}}/{today.year}/KHCN", reference), reference
    assert state_of(staff) == "Đã báo cáo"
    what = staff.locator(".qms-fields").first
    expect(what).to_contain_text("Đánh giá nội bộ")
    expect(what).to_contain_text(dmy(today))
    # …and finds it in the register, reported
    staff.locator(".qms-item-meta a", has_text="Sổ theo dõi").click()
    row = register_row(staff, title)
    expect(row).to_contain_text(reference)
    expect(row.locator(".badge[data-state]")).to_have_text("Đã báo cáo")

    # khcn.officer records the cause, from «Việc của tôi»
    officer = session("khcn.officer")
    open_task(officer, portal_url, reference)
    assert state_of(officer) == "Đã báo cáo"
    # Unhappy: no root cause, refused next to the field, nothing changes.
    step(officer, "Ghi nhận nguyên nhân")
    expect(field_error(officer, "root_cause")).to_contain_text("nguyên nhân gốc rễ")
    expect(officer.locator("textarea[name=root_cause]")).to_have_attribute(
        "aria-invalid", "true"
    )
    go_back(officer)
    assert state_of(officer) == "Đã báo cáo"
    step(
        officer,
        "Ghi nhận nguyên nhân",
        root_cause="Mẫu sổ giao nhận không có cột ngày nhận.",
        cause_category="documents",
    )
    assert state_of(officer) == "Đã phân tích nguyên nhân"
    assert "trưởng đơn vị duyệt kế hoạch" in status_message(officer)
    expect(officer.locator(".qms-fields").nth(1)).to_contain_text("Tài liệu")
    nonconformity_url = officer.url.split("?")[0].removesuffix("/view")

    # …and plans a corrective action
    officer.get_by_role("link", name="Thêm hành động").click()
    officer.wait_for_load_state()
    officer.locator("#form-widgets-IBasic-title").fill(action_title)
    officer.locator("#form-widgets-kind").select_option(label="Hành động khắc phục")
    officer.locator("#form-widgets-responsible").select_option("khcn.staff")
    officer.locator("#form-widgets-due_date").fill(
        (today + timedelta(days=14)).isoformat()
    )
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert state_of(officer) == "Đang mở"
    expect(officer.locator(".qms-fields")).to_contain_text("Hoàng Văn Nam (Vụ KHCN)")
    expect(officer.locator(".qms-fields")).to_contain_text(
        dmy(today + timedelta(days=14))
    )
    officer.get_by_role("link", name="Quay lại sự không phù hợp").click()
    officer.wait_for_load_state()
    actions = officer.locator(".qms-action-row")
    expect(actions).to_have_count(1)
    expect(actions).to_contain_text(action_title)
    expect(actions).to_contain_text("Hành động khắc phục")

    # khcn.head approves the plan (the toolbar's state menu)
    head = session("khcn.head")
    open_task(head, portal_url, reference)
    assert head.url.split("?")[0].removesuffix("/view") == nonconformity_url
    transition(head, "Duyệt kế hoạch")
    assert state_of(head) == "Đang khắc phục"
    assert "Đã duyệt kế hoạch" in status_message(head)

    # khcn.staff, responsible, completes the action from «Việc của tôi»
    open_task(staff, portal_url, action_title)
    assert state_of(staff) == "Đang mở"
    # Unhappy: no result, refused next to the field, nothing changes.
    step(staff, "Đánh dấu hoàn thành")
    expect(field_error(staff, "result")).to_contain_text("kết quả")
    go_back(staff)
    assert state_of(staff) == "Đang mở"
    step(
        staff,
        "Đánh dấu hoàn thành",
        result="Đã bổ sung cột ngày nhận; sổ tháng này ghi đủ ngày.",
    )
    assert state_of(staff) == "Đã hoàn thành"
    assert "Hành động đã hoàn thành" in status_message(staff)
    expect(staff.locator(".qms-fields")).to_contain_text("Đã bổ sung cột ngày nhận")
    assert staff.locator(".qms-steps").count() == 0

    # khcn.officer sends it for verification
    open_task(officer, portal_url, reference)
    step(officer, "Chuyển kiểm tra hiệu lực")
    assert state_of(officer) == "Chờ kiểm tra hiệu lực"
    assert "Thư ký ISO" in status_message(officer)

    # iso.secretary verifies
    secretary = session("iso.secretary")
    open_task(secretary, portal_url, reference)
    # Unhappy: «not effective» does not close it, and offers to reopen instead.
    step(
        secretary,
        "Xác nhận và kết thúc",
        effectiveness="not_effective",
        effectiveness_note="Sổ tháng sau vẫn còn một lần thiếu ngày nhận.",
    )
    expect(field_error(secretary, "effectiveness")).to_contain_text("mở lại")
    reopen = secretary.locator(".qms-transition-form").get_by_role(
        "link", name="Mở lại, lấy ghi chú này làm lý do"
    )
    assert "transition=reopen" in reopen.get_attribute("href")
    go_back(secretary)
    assert state_of(secretary) == "Chờ kiểm tra hiệu lực"
    step(
        secretary,
        "Xác nhận và kết thúc",
        effectiveness="effective",
        effectiveness_note="Kiểm tra sổ tháng sau: đủ ngày nhận.",
    )
    assert state_of(secretary) == "Đã kết thúc"
    assert "sự không phù hợp được kết thúc" in status_message(secretary)
    verification = secretary.locator(".qms-fields").nth(2)
    expect(verification).to_contain_text("Có hiệu lực")
    expect(verification).to_contain_text(dmy(today))  # closed on
    expect(secretary.locator(".qms-frozen")).to_be_visible()
    # Frozen: no step, no edit, no new action or evidence.
    for tool in (".qms-steps", ".qms-add-action", ".qms-revise", ".qms-add-file"):
        assert secretary.locator(tool).count() == 0, tool
    assert secretary.locator(".qms-tools a[href$='/edit']").count() == 0
    assert secretary.locator("#edit-zone a", has_text="Biên tập").count() == 0
    secretary.locator(".qms-item-meta a", has_text="Sổ theo dõi").click()
    row = register_row(secretary, title)
    expect(row.locator(".badge[data-state]")).to_have_text("Đã kết thúc")
    expect(row.locator(".qms-action-count")).to_have_text("1/1")


def test_action_due_before_detection_is_refused(session, portal_url):
    """Bad input: an action due before the nonconformity was detected is
    refused on the add form, in Vietnamese, and nothing is created."""
    officer = session("khcn.officer")
    open_register(officer, portal_url)
    officer.get_by_role("link", name=ANALYSED).click()
    officer.wait_for_load_state()
    detected = (
        officer.locator("dt", has_text="Ngày phát hiện")
        .locator("xpath=following-sibling::dd[1]")
        .inner_text()
        .strip()
    )
    day, month, year = (int(part) for part in detected.split("/"))
    expect(officer.locator(".qms-action-row")).to_have_count(1)
    officer.get_by_role("link", name="Thêm hành động").click()
    officer.wait_for_load_state()
    officer.locator("#form-widgets-IBasic-title").fill("Rà soát lại hồ sơ nghiệm thu")
    officer.locator("#form-widgets-responsible").select_option("khcn.staff")
    officer.locator("#form-widgets-due_date").fill(
        (date(year, month, day) - timedelta(days=1)).isoformat()
    )
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    expect(officer.locator("#content")).to_contain_text(
        f"Hạn hoàn thành không được trước ngày phát hiện sự không phù hợp ({detected})"
    )
    officer.locator("#form-buttons-cancel").click()
    officer.wait_for_load_state()
    expect(officer.locator(".qms-action-row")).to_have_count(1)


def test_secretariat_cancels_with_a_reason(session, portal_url):
    secretary = session("iso.secretary")
    secretary.goto(portal_url)
    secretary.get_by_role("link", name="Đơn vị", exact=True).first.click()
    secretary.get_by_role("link", name=KHCN).first.click()
    secretary.locator(".qms-unit-improvement-link").click()
    secretary.get_by_role("link", name=REPORTED).click()
    secretary.wait_for_load_state()
    assert state_of(secretary) == "Đã báo cáo"
    # Unhappy: no reason, refused next to the field, nothing changes.
    step(secretary, "Hủy sự không phù hợp")
    expect(field_error(secretary, "comment")).to_contain_text("lý do")
    go_back(secretary)
    assert state_of(secretary) == "Đã báo cáo"
    step(
        secretary,
        "Hủy sự không phù hợp",
        comment="Trùng với phản ánh đã xử lý tháng trước.",
    )
    assert state_of(secretary) == "Đã hủy"
    assert "Đã hủy" in status_message(secretary)
    expect(secretary.locator(".qms-history")).to_contain_text(
        "Trùng với phản ánh đã xử lý tháng trước."
    )
    assert secretary.locator(".qms-steps").count() == 0
    secretary.locator(".qms-item-meta a", has_text="Sổ theo dõi").click()
    row = register_row(secretary, REPORTED)
    expect(row.locator(".badge[data-state]")).to_have_text("Đã hủy")


def test_officer_revises_the_procedure_from_a_nonconformity(session, portal_url):
    """«Sửa đổi quy trình»: the working copy of QT-01/KHCN names the
    nonconformity in its change note; the nonconformity gets a new action."""
    officer = session("khcn.officer")
    open_task(officer, portal_url, REVISED)
    expect(officer.locator(".qms-fields").first).to_contain_text("QT-01/KHCN")
    expect(officer.locator(".qms-action-row")).to_have_count(1)
    reference = officer.locator(".qms-item-meta .qms-reference").inner_text().strip()
    officer.get_by_role("button", name="Sửa đổi quy trình").click()
    officer.wait_for_load_state()
    assert officer.url.endswith("/edit")
    assert "/don-vi/khcn/" in officer.url
    assert "Đã bắt đầu sửa đổi QT-01/KHCN" in status_message(officer)
    note = officer.locator("#form-widgets-IControlledDocument-change_note")
    assert f"Khắc phục sự không phù hợp {reference}: {REVISED}" in (note.input_value())
    # Back to the nonconformity, through the revision's list of them.
    officer.locator("#form-buttons-cancel").click()
    officer.wait_for_load_state()
    officer.locator(".qms-procedure-nonconformities a", has_text=REVISED).click()
    officer.wait_for_load_state()
    actions = officer.locator(".qms-action-row")
    expect(actions).to_have_count(2)
    # The demo's own first revision is done; the new one is open.
    new = officer.locator(".qms-action-row[data-state='open']")
    expect(new).to_have_count(1)
    expect(new).to_contain_text("Sửa đổi QT-01/KHCN")
    expect(new).to_contain_text("Hành động khắc phục")
    expect(new).to_contain_text("Đỗ Thị Mai")
    expect(new.locator(".badge")).to_have_text("Đang mở")


def test_printable_report_and_pdf(session, portal_url):
    staff = session("khcn.staff")
    open_register(staff, portal_url)
    staff.get_by_role("link", name=OVERDUE).click()
    staff.wait_for_load_state()
    reference = staff.locator(".qms-item-meta .qms-reference").inner_text().strip()
    staff.get_by_role("link", name="In phiếu").click()
    staff.wait_for_load_state()
    body = staff.locator("body").text_content()
    assert "Phiếu xử lý sự không phù hợp".upper() in body.upper()
    assert reference in body
    assert "Phân công cán bộ cập nhật danh mục hằng tháng" in body  # its action
    pdf = staff.get_by_role("link", name="Tải PDF").first
    response = staff.request.get(pdf.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    with staff.expect_download() as download:
        pdf.click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_staff_read_the_register_at_phone_width(browser, portal_url):
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{portal_url}/login")
    page.get_by_label("Tên đăng nhập").fill("khcn.staff")
    page.get_by_label("Mật khẩu").fill("qms-demo")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    page.locator(".qms-my-unit", has_text=KHCN).click()
    page.locator(".qms-unit-improvement-link").click()
    page.wait_for_load_state()
    expect(page.locator(".qms-nc-row").first).to_be_visible()
    assert no_sideways_scroll(page)
    page.get_by_role("link", name=OVERDUE).click()
    page.wait_for_load_state()
    expect(page.locator(".qms-action-row")).to_have_count(1)
    assert no_sideways_scroll(page)
    page.locator(".qms-action-row a").first.click()
    page.wait_for_load_state()
    assert state_of(page) == "Đang mở"
    assert no_sideways_scroll(page)
    context.close()


def test_another_unit_sees_nothing_of_khcn(session, portal_url):
    staff = session("vp.staff")
    staff.goto(portal_url)
    assert staff.locator("a[href*='/don-vi/khcn/khac-phuc']").count() == 0
    staff.get_by_role("link", name="Đơn vị", exact=True).first.click()
    staff.get_by_role("link", name=KHCN).first.click()
    staff.wait_for_load_state()
    expect(staff.locator("h1")).to_contain_text(KHCN)
    assert staff.locator(".qms-unit-improvement").count() == 0
    assert staff.locator("a[href*='/don-vi/khcn/khac-phuc']").count() == 0
    text = staff.locator("body").inner_text()
    assert "error while rendering" not in text
    for title in (REPORTED, OVERDUE, REVISED):
        assert title not in text
    assert not KHCN_REFERENCE.search(text)
