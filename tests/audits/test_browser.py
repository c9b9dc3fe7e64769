"""In Chromium, a whole internal audit (issue #14), each task by its role,
reached by clicking from the home page: the secretariat plans it (a team
that is not independent refused), the lead auditor starts it, an auditor
fills the checklist (a row without a question refused) and records a
finding, the lead auditor reports it (not without a summary), the
secretariat cannot close it before the unit has analysed the
nonconformity it raised, the unit's officer does, the secretariat closes."""

from datetime import date
from datetime import timedelta
from playwright.sync_api import expect
from tests.browser import field_error
from tests.browser import go_back
from tests.browser import no_sideways_scroll
from tests.browser import status_message
from tests.browser import step
from tests.improvement.test_browser import open_task

import re


TITLE = "Đánh giá bổ sung Vụ Khoa học và Công nghệ"
FINDING = "Sổ theo dõi nhiệm vụ không ghi ngày giao"


def state_of(page) -> str:
    return page.locator(".qms-item-meta .badge[data-state]").first.inner_text()


def open_programme(page, portal_url):
    """Home → tab «Đánh giá nội bộ» → this year's programme."""
    page.goto(portal_url)
    page.locator("#portal-globalnav").get_by_role(
        "link", name="Đánh giá nội bộ"
    ).click()
    page.wait_for_load_state()
    page.locator(".qms-programme-link", has_text=str(date.today().year)).click()
    page.wait_for_load_state()


def test_a_whole_audit(session, portal_url):
    today = date.today()

    # The secretariat plans the audit in this year's programme.
    secretary = session("iso.secretary")
    open_programme(secretary, portal_url)
    expect(secretary.locator(".qms-not-planned").first).to_be_visible()
    secretary.locator(".qms-add-audit").click()
    secretary.wait_for_load_state()
    secretary.locator("#form-widgets-title").fill(TITLE)
    units = secretary.locator("#formfield-form-widgets-audited_units")
    units.get_by_label("Văn phòng Bộ").check()
    units.get_by_label("Vụ Khoa học và Công nghệ").check()
    secretary.locator("#form-widgets-start").fill(today.isoformat())
    secretary.locator("#form-widgets-end").fill((today + timedelta(days=3)).isoformat())
    secretary.locator("#form-widgets-lead_auditor").select_option("auditor2")
    team = secretary.locator("#formfield-form-widgets-auditors")
    team.get_by_label(re.compile("Trịnh Văn Kiên")).check()
    # Unhappy: `auditor` is staff of Văn phòng Bộ, an audited unit.
    secretary.locator("#form-buttons-save").click()
    secretary.wait_for_load_state()
    expect(secretary.locator(".alert-danger, .invalid-feedback").first).to_contain_text(
        "9.2.2"
    )
    assert "++add++Audit" in secretary.url
    units = secretary.locator("#formfield-form-widgets-audited_units")
    units.get_by_label("Văn phòng Bộ").uncheck()
    secretary.locator("#form-buttons-save").click()
    secretary.wait_for_load_state()
    assert state_of(secretary) == "Đã lập kế hoạch"
    expect(secretary.locator("#qms-plan")).to_contain_text("Trịnh Văn Kiên")
    expect(secretary.locator("#qms-plan")).to_contain_text(today.strftime("%d/%m/%Y"))
    audit_url = secretary.url.split("?")[0].removesuffix("/view")

    # The lead auditor starts it from «Việc của tôi».
    lead = session("auditor2")
    open_task(lead, portal_url, TITLE)
    assert lead.url.split("?")[0].removesuffix("/view") == audit_url
    step(lead, "Bắt đầu đánh giá")
    assert state_of(lead) == "Đang đánh giá"
    assert "Đã bắt đầu cuộc đánh giá" in status_message(lead)

    # An auditor fills the checklist and records a finding.
    auditor = session("auditor")
    open_task(auditor, portal_url, TITLE)
    auditor.locator(".qms-edit-checklist").click()
    auditor.wait_for_load_state()
    blank = auditor.locator("tr.qms-blank-row").first
    blank.locator("select").select_option("nonconform")
    auditor.locator("button[name=save]").click()
    auditor.wait_for_load_state()
    expect(auditor.locator(".qms-form-error")).to_contain_text("câu hỏi")
    # the row posted is shown again, to complete
    blank = auditor.locator("tbody tr").first
    expect(blank.locator("select")).to_have_value("nonconform")
    blank.locator("textarea[name='rows.question:records']").fill(
        "Sổ theo dõi nhiệm vụ có ghi đủ ngày giao không?"
    )
    blank.locator("input[name='rows.clause:records']").fill("7.5.3")
    blank.locator("select").select_option("nonconform")
    blank.locator("textarea[name='rows.evidence:records']").fill("Sổ năm nay.")
    auditor.locator("button[name=save]").click()
    auditor.wait_for_load_state()
    assert "Đã lưu bảng kiểm tra" in status_message(auditor)
    row = auditor.locator(".qms-checklist-row", has_text="ngày giao")
    expect(row).to_contain_text("Không phù hợp")
    auditor.locator(".qms-add-finding").click()
    auditor.wait_for_load_state()
    auditor.locator("#form-widgets-title").fill(FINDING)
    auditor.locator("#form-widgets-kind").select_option("minor_nc")
    auditor.locator("#form-widgets-unit").select_option("khcn")
    auditor.locator("#form-widgets-clause").fill("7.5.3")
    auditor.locator("#form-widgets-description").fill(
        "Sổ theo dõi nhiệm vụ không ghi ngày giao cho ba nhiệm vụ."
    )
    auditor.locator("#form-buttons-save").click()
    auditor.wait_for_load_state()
    expect(auditor.locator("h1")).to_contain_text(FINDING)
    # «Đánh giá của tôi» leads to the audited unit's documents and records.
    auditor.goto(f"{portal_url}/@@my-audits")
    card = auditor.locator(".qms-my-audit", has_text=TITLE)
    expect(card.locator(".qms-unit-records")).to_be_visible()
    assert no_sideways_scroll(auditor)

    # The lead auditor reports: not without a summary.
    lead.goto(audit_url)
    expect(lead.locator(".qms-finding-row", has_text=FINDING)).to_be_visible()
    step(lead, "Gửi báo cáo đánh giá")
    expect(field_error(lead, "summary")).to_be_visible()
    go_back(lead)
    assert state_of(lead) == "Đang đánh giá"
    step(
        lead,
        "Gửi báo cáo đánh giá",
        summary="Vụ áp dụng hệ thống phù hợp; một điểm không phù hợp nhẹ.",
    )
    assert state_of(lead) == "Đã gửi báo cáo"
    nc_link = lead.locator(".qms-finding-row", has_text=FINDING).locator(
        ".qms-finding-nc"
    )
    reference = nc_link.inner_text().strip()
    assert re.fullmatch(rf"\d{{2}}/{today.year}/KHCN", reference), reference

    # The secretariat cannot close it before the unit analyses it.
    open_task(secretary, portal_url, TITLE)
    step(secretary, "Kết thúc đánh giá")
    expect(
        secretary.locator(".qms-transition-form, .alert-danger").first
    ).to_contain_text(reference)
    go_back(secretary)
    assert state_of(secretary) == "Đã gửi báo cáo"

    # The unit's officer records the cause of the nonconformity it raised.
    officer = session("khcn.officer")
    open_task(officer, portal_url, reference)
    expect(officer.locator("body")).to_contain_text(
        "Phát hiện trong cuộc đánh giá nội bộ"
    )
    step(officer, "Ghi nhận nguyên nhân", root_cause="Mẫu sổ không có cột ngày giao.")
    assert state_of(officer) == "Đã phân tích nguyên nhân"

    # Now the secretariat closes the audit.
    secretary.goto(audit_url)
    step(secretary, "Kết thúc đánh giá")
    assert state_of(secretary) == "Đã kết thúc"
    assert "Đã kết thúc cuộc đánh giá" in status_message(secretary)
    # …and the report prints and downloads.
    with secretary.expect_download() as download:
        secretary.locator(".qms-report-pdf").click()
    assert download.value.suggested_filename.endswith(".pdf")
