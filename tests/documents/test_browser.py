"""In Chromium, every task of document control, each by its role, reached by
clicking from the home page ("Việc của tôi"), with its unhappy paths, and
checked in its end state."""

from playwright.sync_api import expect
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes
from tests.browser import add_new
from tests.browser import no_sideways_scroll
from tests.browser import status_message
from tests.browser import transition

import pytest


EFFECTIVE_VP = "Quy trình quản lý văn bản đi"  # QT-02/VP, effective in the demo


def open_task(page, portal_url, title):
    """From the home page, open a task of "Việc của tôi" by its title."""
    page.goto(portal_url)
    page.locator(".qms-task a", has_text=title).first.click()
    page.wait_for_load_state()


def state_of(page) -> str:
    return page.locator(".qms-state").inner_text()


@pytest.fixture
def files(tmp_path):
    pdf = tmp_path / "qt-10-vp.pdf"
    pdf.write_bytes(pdf_bytes("QT-10/VP ban ky"))
    docx = tmp_path / "qt-10-vp.docx"
    docx.write_bytes(docx_bytes("QT-10/VP ban mem"))
    form = tmp_path / "bm-01-qt-10-vp.docx"
    form.write_bytes(docx_bytes("Mau so theo doi con dau"))
    return {"pdf": pdf, "docx": docx, "form": form}


def test_officer_creates_a_procedure_with_files_and_a_form(session, portal_url, files):
    officer = session("vp.officer")
    officer.goto(portal_url)
    officer.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    add_new(officer, "Quy trình")
    officer.locator("#form-widgets-IBasic-title").fill("Quy trình quản lý con dấu")
    officer.locator("#form-widgets-purpose").fill("Quản lý, sử dụng con dấu của Bộ.")
    officer.get_by_role("link", name="Kiểm soát tài liệu").click()
    code = officer.locator("#form-widgets-IControlledDocument-code")
    # Unhappy: a code another document uses is refused, nothing is created.
    code.fill("QT-02/VP")
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert "Biểu mẫu còn lỗi" in officer.locator("#content").inner_text()
    officer.get_by_role("link", name="Kiểm soát tài liệu").click()
    expect(officer.locator("#content")).to_contain_text("QT-02/VP đã")
    officer.locator("#form-widgets-IControlledDocument-code").fill("QT-10/VP")
    officer.get_by_role("link", name="Tệp tài liệu").click()
    officer.locator(
        "#form-widgets-IControlledDocument-signed_original-input"
    ).set_input_files(str(files["pdf"]))
    officer.locator(
        "#form-widgets-IControlledDocument-editable_source-input"
    ).set_input_files(str(files["docx"]))
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    assert "QT-10/VP" in officer.locator(".qms-header").inner_text()
    assert "Dự thảo" in state_of(officer)
    files_box = officer.locator(".qms-files").inner_text()
    assert "qt-10-vp.pdf" in files_box
    assert "qt-10-vp.docx" in files_box
    procedure_url = officer.url.removesuffix("/view")

    # Its form (biểu mẫu)
    add_new(officer, "Biểu mẫu")
    officer.locator("#form-widgets-IBasic-title").fill("Sổ theo dõi con dấu")
    officer.locator("#form-widgets-file-input").set_input_files(str(files["form"]))
    officer.get_by_role("link", name="Kiểm soát tài liệu").click()
    officer.locator("#form-widgets-IControlledDocument-code").fill("BM-01/QT-10/VP")
    officer.locator("#form-buttons-save").click()
    officer.wait_for_load_state()
    officer.goto(procedure_url)
    expect(officer.locator(".qms-forms")).to_contain_text("BM-01/QT-10/VP")

    transition(officer, "Trình xem xét")
    assert "Trình xem xét" in status_message(officer) or "lãnh đạo đơn vị" in (
        status_message(officer)
    )
    assert "Chờ xem xét" in state_of(officer)


def test_head_sends_back_with_a_reason(session, portal_url):
    head = session("vp.head")
    open_task(head, portal_url, "Quy trình pending_review")
    assert "Chờ xem xét" in state_of(head)
    # Unhappy: no reason, refused next to the field, nothing changes.
    transition(head, "Trả lại")
    feedback = head.locator(".qms-transition-form .invalid-feedback")
    expect(feedback).to_contain_text("lý do")
    head.goto(head.url.split("/@@qms-transition")[0])
    assert "Chờ xem xét" in state_of(head)
    transition(head, "Trả lại", comment="Bổ sung bước kiểm tra trước khi ban hành.")
    assert "Dự thảo" in state_of(head)
    assert "lý do" in status_message(head)


def test_head_accepts_and_leader_approves(session, portal_url):
    head = session("vp.head")
    open_task(head, portal_url, "Chính sách pending_review")
    transition(head, "Chấp thuận")
    assert "Chờ phê duyệt" in state_of(head)
    url = head.url

    leader = session("leader")
    open_task(leader, portal_url, "Chính sách pending_review")
    assert leader.url == url
    transition(leader, "Phê duyệt và ban hành")
    assert "Có hiệu lực" in state_of(leader)
    assert "Lần ban hành" in leader.locator(".qms-header").inner_text()
    expect(leader.locator(".qms-amendments")).to_contain_text("1")


def test_revision_with_change_note_and_new_signed_original(session, portal_url, files):
    officer = session("vp.officer")
    officer.goto(portal_url)
    officer.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    officer.get_by_role("link", name=EFFECTIVE_VP).first.click()
    officer.locator("#plone-contentmenu-actions > a").click()
    officer.locator("#plone-contentmenu-actions").get_by_text(
        "Soạn bản sửa đổi", exact=True
    ).click()
    officer.wait_for_load_state()
    expect(officer.locator("h1")).to_contain_text("Soạn bản sửa đổi")
    officer.get_by_role("button", name="Soạn bản sửa đổi").click()
    officer.wait_for_load_state()
    expect(officer.locator(".alert-warning").first).to_contain_text("bản sửa đổi")
    revision_url = officer.url.split("?")[0].removesuffix("/view")

    # The unit page marks both the revision and the issue it will replace.
    officer.goto(portal_url)
    officer.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    badges = officer.locator(".qms-revision-badge").all_inner_texts()
    assert "Bản sửa đổi đang soạn" in badges
    assert "Sửa đổi lần 2 đang soạn" in badges

    # Unhappy: submitting without saying what changed is refused on the form.
    officer.goto(revision_url)
    transition(officer, "Trình xem xét")
    expect(officer.locator(".qms-transition-form .invalid-feedback")).to_be_visible()
    officer.locator("textarea[name=change_note]").fill(
        "Rút ngắn thời hạn phát hành văn bản đi."
    )
    officer.locator(".qms-transition-form button[type=submit]").click()
    officer.wait_for_load_state()
    assert "Chờ xem xét" in state_of(officer)

    # Staff keep reading the effective issue and see a revision is coming.
    staff = session("vp.staff")
    staff.goto(portal_url)
    staff.locator(".qms-my-unit", has_text="Văn phòng Bộ").click()
    staff.get_by_role("link", name=EFFECTIVE_VP).first.click()
    expect(staff.locator(".qms-revision-in-progress")).to_contain_text("lần 2")

    head = session("vp.head")
    open_task(head, portal_url, EFFECTIVE_VP)
    transition(head, "Chấp thuận")

    leader = session("leader")
    open_task(leader, portal_url, EFFECTIVE_VP)
    # Unhappy: approving a revision asks for the new signed original.
    transition(leader, "Phê duyệt và ban hành")
    expect(leader.locator(".qms-transition-form .invalid-feedback")).to_contain_text(
        "bản gốc"
    )
    leader.locator("input[name=signed_original]").set_input_files(str(files["pdf"]))
    leader.locator(".qms-transition-form button[type=submit]").click()
    leader.wait_for_load_state()
    assert "Có hiệu lực" in state_of(leader)
    assert "2" in leader.locator(".qms-header").inner_text()
    assert "qt-10-vp.pdf" in leader.locator(".qms-files").inner_text()
    expect(leader.locator(".qms-amendments")).to_contain_text("Rút ngắn thời hạn")


def test_secretariat_withdraws_with_a_reason(session, portal_url):
    secretary = session("iso.secretary")
    secretary.goto(portal_url)
    secretary.get_by_role("link", name="Đơn vị", exact=True).first.click()
    secretary.get_by_role("link", name="Văn phòng Bộ").first.click()
    secretary.get_by_role("link", name=EFFECTIVE_VP).first.click()
    transition(secretary, "Hủy bỏ tài liệu")
    expect(secretary.locator(".qms-transition-form .invalid-feedback")).to_contain_text(
        "lý do"
    )
    expect(
        secretary.locator(".qms-transition-form a", has_text="Quay lại")
    ).to_be_visible()
    secretary.locator("textarea[name=comment]").fill("Được thay thế bởi quy trình mới.")
    secretary.locator(".qms-transition-form button[type=submit]").click()
    secretary.wait_for_load_state()
    assert "Hết hiệu lực" in state_of(secretary)
    expect(secretary.locator(".qms-obsolete")).to_contain_text("Được thay thế")


@pytest.mark.parametrize("width", [1366, 390])
def test_staff_find_read_and_download(browser, portal_url, width):
    context = browser.new_context(
        locale="vi-VN", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{portal_url}/login")
    page.get_by_label("Tên đăng nhập").fill("phapche.staff")
    page.get_by_label("Mật khẩu").fill("qms-demo")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert page.locator("#edit-zone").count() == 0  # no editing toolbar for staff
    page.locator(".qms-quick-links a", has_text="Hệ thống quản lý chất lượng").click()
    page.wait_for_load_state()
    assert no_sideways_scroll(page)
    page.get_by_role("link", name=EFFECTIVE_VP).first.click()
    page.wait_for_load_state()
    assert "Có hiệu lực" in state_of(page)
    assert no_sideways_scroll(page)
    with page.expect_download() as download:
        page.locator(".qms-files a", has_text=".pdf").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    context.close()
