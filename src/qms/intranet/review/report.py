"""The year's report «Báo cáo tình hình duy trì, áp dụng và cải tiến HTQLCL
năm YYYY» (issue #15): every figure of the year (figures.year_figures) with
the evaluation's texts and grades, as a page with links to the items behind
each number (@@yearly-report?year=), as JSON (GET @yearly-report) and as an
editable DOCX (@@yearly-report.docx?year=) made with docxtpl from a
template the secretariat may replace: a File `mau-bao-cao.docx` in
/danh-gia-hang-nam, else the bundled templates/bao-cao-nam.docx; and as ODT
(@@yearly-report.odt?year=), the DOCX converted by Debian's LibreOffice
when it is installed.

For the ISO secretariat and the leaders; anyone else is told it is theirs.
"""

from datetime import date
from io import BytesIO
from pathlib import Path
from plone import api
from plone.memoize.view import memoize
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_label
from qms.intranet.core.views import YearPage
from qms.intranet.review import figures
from qms.intranet.review.evaluation import GRADE_TITLES
from qms.intranet.review.evaluation import is_leader
from qms.intranet.review.evaluation import number
from qms.intranet.review.evaluation import SECTION_ID
from qms.intranet.units.groups import sees_every_unit

import logging
import shutil
import subprocess
import tempfile


logger = logging.getLogger("qms.intranet.review")

TEMPLATE = Path(__file__).parent / "templates" / "bao-cao-nam.docx"
TEMPLATE_ID = "mau-bao-cao.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

NOT_ENTITLED = _(
    "yearly_report_not_entitled",
    default="The yearly report and the steering committee's dashboard are for "
    "the ISO secretariat and the ministry's leaders. The documents of your "
    "unit are in the QMS section.",
)
REPORT_TITLE = _(
    "yearly_report_title",
    default="Report on maintaining, applying and improving the QMS in ${year}",
)
AUDIT_STATUS = {
    "audited": _("audit_status_audited", default="Audited"),
    "in_progress": _("audit_status_in_progress", default="Audit in progress"),
    "planned": _("audit_status_planned", default="Audit planned"),
    "not_planned": _("audit_status_not_planned", default="Not planned"),
}
DOCUMENT_TITLES = {
    "revised": _("dashboard_revised", default="Procedures revised"),
    "cancelled": _("dashboard_cancelled", default="Procedures cancelled"),
    "issued_new": _("dashboard_issued_new", default="New procedures issued"),
    "pending_new": _(
        "dashboard_pending_new", default="New procedures drafted, not issued yet"
    ),
}

LIST_STATES = {
    None: _("record_list_none", default="No record list"),
}


def entitled() -> bool:
    """The secretariat and the leaders read the report and the dashboard."""
    if api.user.is_anonymous():
        return False
    return sees_every_unit() or is_leader()


def evaluation_of(year: int):
    """The evaluation of `year` the person may see, or None."""
    for brain in api.content.find(portal_type="YearlyEvaluation", id=str(year)):
        try:
            return brain.getObject()
        except Exception:  # noqa: BLE001
            return None
    return None


def report_data(year: int) -> dict:
    """Every figure of the year, the evaluation's texts and grades."""
    data = figures.year_figures(year)
    evaluation = evaluation_of(year)
    grades = {}
    texts = {"direction": "", "difficulties": "", "proposals": ""}
    if evaluation is not None:
        for row in evaluation.get_rows():
            grades[row["unit"]] = {
                "grade": row["grade"],
                "points": row["points"],
                "possible": row["possible"],
                "percent": row["percent"],
            }
        texts = {name: getattr(evaluation, name, "") or "" for name in texts}
    data["evaluation"] = (
        {
            "url": evaluation.absolute_url(),
            "state": api.content.get_state(obj=evaluation, default=""),
            "grades": grades,
            **texts,
        }
        if evaluation is not None
        else None
    )
    return data


def _text(message) -> str:
    return translated(message)


def docx_context(data: dict) -> dict:
    """What the DOCX template reads (see make_default_template)."""
    today = date.today()
    year = data["year"]
    evaluation = data.get("evaluation") or {}
    grades = evaluation.get("grades") or {}
    docs = {row["unit"]: row for row in data["documents"]["items"]}
    ncs = {row["unit"]: row for row in data["nonconformities"]["items"]}
    lists = {row["unit"]: row for row in data["record_lists"]["items"]}
    audits = {row["unit"]: row for row in data["audits"]["items"]}
    objectives = data["objectives"]["items"]
    annex = []
    for index, unit in enumerate(data["units"], start=1):
        uid = unit["id"]
        doc = docs.get(uid, {})
        record = lists.get(uid, {})
        grade = grades.get(uid)
        objective = objectives.get(uid) or {}
        nc = ncs.get(uid, {})
        annex.append(
            {
                "no": index,
                "unit": unit["title"],
                "revised": doc.get("revised", 0),
                "cancelled": doc.get("cancelled", 0),
                "issued_new": doc.get("issued_new", 0),
                "pending_new": doc.get("pending_new", 0),
                "record_list": format_date(
                    date.fromisoformat(record["approved_on"][:10])
                )
                if record.get("approved_on")
                else _text(LIST_STATES[None])
                if not record.get("list_state")
                else _text(state_label(record["list_state"], "RecordList")),
                "audit": _text(
                    AUDIT_STATUS.get(
                        audits.get(uid, {}).get("status"), AUDIT_STATUS["not_planned"]
                    )
                ),
                "nc": f"{nc.get('closed', 0)}/{nc.get('reported', 0)}",
                "objectives": (
                    f"{objective.get('achieved', 0)}/{objective.get('total', 0)}"
                    if objective
                    else ""
                ),
                "points": f"{number(grade['points'])}/{grade['possible']}"
                if grade
                else "",
                "grade": _text(GRADE_TITLES[grade["grade"]]) if grade else "",
            }
        )
    audit_totals = data["audits"]["totals"]
    return {
        "year": year,
        "day": f"{today.day:02d}",
        "month": f"{today.month:02d}",
        "year_now": today.year,
        "direction": evaluation.get("direction") or "",
        "difficulties": evaluation.get("difficulties") or "",
        "proposals": evaluation.get("proposals") or "",
        "doc": data["documents"]["totals"],
        "doc_rows": [
            {**row, "no": i}
            for i, row in enumerate(data["documents"]["items"], start=1)
        ],
        "programme": (data["audits"]["programme"] or {}).get("title", ""),
        "audits": [
            {
                "title": audit["title"],
                "dates": " – ".join(
                    format_date(date.fromisoformat(day))
                    for day in (audit["start"], audit["end"])
                    if day
                ),
            }
            for audit in data["audits"]["audits"]
        ],
        "audit": audit_totals,
        "reviews": [
            {
                "title": review["title"],
                "date": format_date(date.fromisoformat(review["date"])),
            }
            for review in data["management_reviews"]
        ],
        "nc": data["nonconformities"]["totals"],
        "objectives": data["objectives"]["totals"],
        "objectives_available": data["objectives"]["available"],
        "records": data["record_lists"]["totals"],
        "annex": annex,
    }


def template_bytes() -> bytes:
    """The secretariat's template (File mau-bao-cao.docx in the section),
    else the bundled one."""
    portal = api.portal.get()
    section = portal.get(SECTION_ID)
    if section is not None and TEMPLATE_ID in section.objectIds():
        blob = getattr(section[TEMPLATE_ID], "file", None)
        if blob is not None and blob.data:
            return blob.data
    return TEMPLATE.read_bytes()


def render_docx(data: dict) -> bytes:
    from docxtpl import DocxTemplate

    context = docx_context(data)
    try:
        document = DocxTemplate(BytesIO(template_bytes()))
        document.render(context, autoescape=True)
    except Exception:  # noqa: BLE001 - a broken replacement: the bundled one
        logger.exception("the report template could not be used")
        document = DocxTemplate(str(TEMPLATE))
        document.render(context, autoescape=True)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


ODT_TYPE = "application/vnd.oasis.opendocument.text"
NO_ODT = _(
    "yearly_report_no_odt",
    default="The report cannot be made as ODT on this server (LibreOffice is "
    "not installed): download the DOCX, which LibreOffice opens too.",
)


def soffice() -> str | None:
    """LibreOffice's command, when Debian's libreoffice-writer is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_odt(docx: bytes, timeout: int = 90) -> bytes:
    """The DOCX converted to ODT by LibreOffice, headless, with a profile of
    its own (two conversions at once do not share a lock); RuntimeError when
    it fails or takes longer than `timeout` seconds."""
    command = soffice()
    if command is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="qms-odt-") as work:
        folder = Path(work)
        (folder / "bao-cao.docx").write_bytes(docx)
        try:
            subprocess.run(  # noqa: S603 - our own arguments, no shell
                [
                    command,
                    f"-env:UserInstallation=file://{folder / 'profile'}",
                    "--headless",
                    "--convert-to",
                    "odt",
                    "--outdir",
                    str(folder),
                    str(folder / "bao-cao.docx"),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise RuntimeError(f"LibreOffice could not convert: {error}") from error
        result = folder / "bao-cao.odt"
        if not result.exists():
            raise RuntimeError("LibreOffice made no ODT")
        return result.read_bytes()


class YearlyReportView(YearPage):
    """@@yearly-report?year=: every figure with links to the items behind
    it, the evaluation's grades, «Tải báo cáo (DOCX)»."""

    def entitled(self) -> bool:
        return entitled()

    @memoize
    def data(self) -> dict:
        return report_data(self.year())

    def title(self) -> str:
        from zope.i18nmessageid import Message

        return translated(
            Message(REPORT_TITLE, mapping={"year": self.year()}), self.request
        )

    def year_options(self) -> list[int]:
        this = date.today().year
        return sorted(set(range(this - 4, this + 1)) | {self.year()}, reverse=True)

    def annex(self) -> list[dict]:
        return docx_context(self.data())["annex"]

    def fmt(self, iso: str | None) -> str:
        return format_date(date.fromisoformat(iso[:10])) if iso else ""

    def figure_title(self, figure: str) -> str:
        return translated(DOCUMENT_TITLES[figure], self.request)

    def status_title(self, status: str) -> str:
        return translated(AUDIT_STATUS.get(status, status), self.request)

    def links(self) -> dict:
        portal = api.portal.get().absolute_url()
        year = self.year()
        return {
            "docx": f"{portal}/@@yearly-report.docx?year={year}",
            "odt": f"{portal}/@@yearly-report.odt?year={year}" if soffice() else "",
            "json": f"{portal}/@yearly-report?year={year}",
            "dashboard": f"{portal}/@@qms-dashboard?year={year}",
            "section": f"{portal}/{SECTION_ID}",
            "form": f"{portal}/@@yearly-report",
        }


class YearlyReportDocx(YearlyReportView):
    """@@yearly-report.docx?year=: the report to edit in Word."""

    def __call__(self):
        response = self.request.response
        if not self.entitled():
            response.setStatus(403)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translated(NOT_ENTITLED, self.request)
        body = render_docx(self.data())
        response.setHeader("Content-Type", DOCX_TYPE)
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="bao-cao-htqlcl-{self.year()}.docx"',
        )
        response.setHeader("Content-Length", str(len(body)))
        return body


class YearlyReportOdt(YearlyReportView):
    """@@yearly-report.odt?year=: the report for LibreOffice (the DOCX
    converted); without LibreOffice on the server, a sentence saying to
    take the DOCX (404: the link is not offered then)."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        if not self.entitled():
            response.setStatus(403)
            return translated(NOT_ENTITLED, self.request)
        try:
            body = to_odt(render_docx(self.data()))
        except RuntimeError:
            logger.exception("the report could not be made as ODT")
            response.setStatus(404)
            return translated(NO_ODT, self.request)
        response.setHeader("Content-Type", ODT_TYPE)
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="bao-cao-htqlcl-{self.year()}.odt"',
        )
        response.setHeader("Content-Length", str(len(body)))
        return body


# The bundled template, made once with python-docx (make_default_template)


def make_default_template(path: Path = TEMPLATE) -> None:  # pragma: no cover
    """Write the bundled template: a Vietnamese administrative report
    (national motto, number and place-date line, title, sections I–VII,
    signature block, recipients) and an annex table per unit."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm
    from docx.shared import Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after = Pt(6)

    def para(text="", bold=False, italic=False, align=None, size=None, indent=True):
        p = document.add_paragraph()
        if align is not None:
            p.alignment = align
        elif indent:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        return p

    def cell_text(
        cell, text, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=13
    ):
        cell.text = ""
        p = cell.paragraphs[0]
        p.alignment = align
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size)
        return p

    header = document.add_table(rows=2, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_text(header.cell(0, 0), "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\n", size=13)
    header.cell(0, 0).paragraphs[0].add_run("BAN CHỈ ĐẠO ISO").bold = True
    cell_text(
        header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", bold=True, size=13
    )
    header.cell(0, 1).paragraphs[0].add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    cell_text(header.cell(1, 0), "Số:      /BC-BCĐISO", size=13)
    cell_text(
        header.cell(1, 1),
        "Hà Nội, ngày {{ day }} tháng {{ month }} năm {{ year_now }}",
        italic=True,
        size=13,
    )
    para("BÁO CÁO", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(
        "Tình hình duy trì, áp dụng và cải tiến Hệ thống quản lý chất lượng "
        "theo TCVN ISO 9001:2015 năm {{ year }}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    para(
        "Thực hiện Quyết định số 19/2014/QĐ-TTg và Quyết định số 101/QĐ-TTg của "
        "Thủ tướng Chính phủ, Ban Chỉ đạo ISO báo cáo tình hình duy trì, áp dụng "
        "và cải tiến Hệ thống quản lý chất lượng (HTQLCL) của khối cơ quan Bộ năm "
        "{{ year }} như sau:"
    )
    para("I. CÔNG TÁC CHỈ ĐẠO, DUY TRÌ HỆ THỐNG", bold=True, indent=False)
    para("{{ direction }}")
    para("II. TÀI LIỆU CỦA HỆ THỐNG", bold=True, indent=False)
    para(
        "Trong năm {{ year }}, các đơn vị đã rà soát, sửa đổi, cải tiến "
        "{{ doc.revised }} quy trình nghiệp vụ; hủy bỏ {{ doc.cancelled }} quy trình "
        "không còn phù hợp; xây dựng, ban hành và áp dụng {{ doc.issued_new }} quy "
        "trình mới; {{ doc.pending_new }} quy trình mới đã dự thảo, chưa ban hành."
    )
    docs = document.add_table(rows=4, cols=6)
    docs.style = "Table Grid"
    for i, title in enumerate(
        ("TT", "Đơn vị", "Sửa đổi", "Hủy bỏ", "Ban hành mới", "Dự thảo chưa ban hành")
    ):
        cell_text(docs.cell(0, i), title, bold=True)
    cell_text(docs.cell(1, 0), "{%tr for r in doc_rows %}")
    for i, key in enumerate(
        (
            "{{ r.no }}",
            "{{ r.unit_title }}",
            "{{ r.revised }}",
            "{{ r.cancelled }}",
            "{{ r.issued_new }}",
            "{{ r.pending_new }}",
        )
    ):
        cell_text(
            docs.cell(2, i),
            key,
            align=WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER,
        )
    cell_text(docs.cell(3, 0), "{%tr endfor %}")
    total = docs.add_row()
    for i, key in enumerate(
        (
            "",
            "Tổng cộng",
            "{{ doc.revised }}",
            "{{ doc.cancelled }}",
            "{{ doc.issued_new }}",
            "{{ doc.pending_new }}",
        )
    ):
        cell_text(total.cells[i], key, bold=True)
    para("III. ĐÁNH GIÁ NỘI BỘ VÀ XEM XÉT CỦA LÃNH ĐẠO", bold=True, indent=False)
    para(
        "{% if programme %}Chương trình đánh giá nội bộ: {{ programme }}. Đã tiến "
        "hành {{ audit.audits }} cuộc đánh giá; {{ audit.audited }}/{{ audit.units }} "
        "đơn vị đã được đánh giá; {{ audit.findings }} phát hiện.{% else %}Trong năm "
        "chưa có chương trình đánh giá nội bộ.{% endif %}"
    )
    para("{%p for a in audits %}")
    para("- {{ a.title }} ({{ a.dates }}).")
    para("{%p endfor %}")
    para(
        "{% if reviews %}Cuộc họp xem xét của lãnh đạo đã tổ chức:{% else %}Trong "
        "năm chưa tổ chức cuộc họp xem xét của lãnh đạo.{% endif %}"
    )
    para("{%p for m in reviews %}")
    para("- {{ m.title }}, ngày {{ m.date }}.")
    para("{%p endfor %}")
    para("IV. SỰ KHÔNG PHÙ HỢP VÀ HÀNH ĐỘNG KHẮC PHỤC", bold=True, indent=False)
    para(
        "Trong năm phát hiện {{ nc.reported }} sự không phù hợp; đã khắc phục, đóng "
        "{{ nc.closed }} (trong đó {{ nc.verified_effective }} được xác nhận hiệu "
        "quả ngay lần kiểm tra đầu); còn {{ nc.open }} đang xử lý, {{ nc.overdue }} "
        "quá hạn; hủy {{ nc.cancelled }}."
    )
    para("V. MỤC TIÊU CHẤT LƯỢNG", bold=True, indent=False)
    para(
        "{% if objectives_available %}Tổng số {{ objectives.total }} mục tiêu chất "
        "lượng: {{ objectives.achieved }} đạt, {{ objectives.not_achieved }} không "
        "đạt, {{ objectives.no_data }} chưa có số liệu.{% else %}Chưa có số liệu "
        "theo dõi mục tiêu chất lượng.{% endif %}"
    )
    para("VI. LẬP DANH MỤC HỒ SƠ", bold=True, indent=False)
    para(
        "{{ records.lists_established }}/{{ records.units }} đơn vị đã ban hành "
        "danh mục hồ sơ năm {{ year }}; {{ records.lists_in_draft }} đơn vị đang "
        "dự thảo; {{ records.units_without_list }} đơn vị chưa lập."
    )
    para("VII. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", bold=True, indent=False)
    para("1. Khó khăn, vướng mắc", bold=True, indent=False)
    para("{{ difficulties }}")
    para("2. Đề xuất, kiến nghị", bold=True, indent=False)
    para("{{ proposals }}")
    sign = document.add_table(rows=1, cols=2)
    cell_text(
        sign.cell(0, 0),
        "Nơi nhận:\n- Lãnh đạo Bộ (để báo cáo);\n"
        "- Các đơn vị thuộc khối cơ quan Bộ;\n- Lưu: VT, KHCN.",
        align=WD_ALIGN_PARAGRAPH.LEFT,
        size=11,
    )
    cell_text(sign.cell(0, 1), "TM. BAN CHỈ ĐẠO ISO\nTRƯỞNG BAN", bold=True)
    document.add_page_break()
    para("PHỤ LỤC", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(
        "Kết quả duy trì, áp dụng HTQLCL của các đơn vị năm {{ year }}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    columns = (
        ("TT", "{{ u.no }}"),
        ("Đơn vị", "{{ u.unit }}"),
        (
            "Quy trình sửa đổi / hủy / mới / dự thảo",
            "{{ u.revised }} / {{ u.cancelled }} / {{ u.issued_new }}"
            " / {{ u.pending_new }}",
        ),
        ("Danh mục hồ sơ", "{{ u.record_list }}"),
        ("Đánh giá nội bộ", "{{ u.audit }}"),
        ("SKPH đã đóng / phát hiện", "{{ u.nc }}"),
        ("Mục tiêu đạt / tổng", "{{ u.objectives }}"),
        ("Điểm", "{{ u.points }}"),
        ("Xếp loại", "{{ u.grade }}"),
    )
    annex = document.add_table(rows=4, cols=len(columns))
    annex.style = "Table Grid"
    for i, (title, value) in enumerate(columns):
        cell_text(annex.cell(0, i), title, bold=True, size=11)
        cell_text(annex.cell(2, i), value, size=11)
    cell_text(annex.cell(1, 0), "{%tr for u in annex %}", size=11)
    cell_text(annex.cell(3, 0), "{%tr endfor %}", size=11)
    document.save(str(path))
