"""«Phiếu xử lý sự không phù hợp»: the printable report of a nonconformity,
as a page to print from the browser (@@nonconformity-report) and as a PDF
to download (@@nonconformity-report.pdf). Both read the same rows
(report_data), translated for the request.

The PDF is written with reportlab in DejaVu Sans (fonts/, with its licence):
a TrueType font with every Vietnamese letter, shipped with the package so
that the report needs nothing from the machine it runs on."""

from datetime import date
from io import BytesIO
from pathlib import Path
from plone import api
from Products.Five.browser import BrowserView
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_label
from qms.intranet.core.views import fullname
from qms.intranet.improvement.content import ICorrectiveAction
from qms.intranet.improvement.content import INonconformity
from qms.intranet.improvement.views import last_actor
from qms.intranet.improvement.views import path_of
from qms.intranet.improvement.views import procedure_link
from qms.intranet.improvement.views import STYLES
from qms.intranet.improvement.vocabularies import ACTION_KINDS
from qms.intranet.improvement.vocabularies import CAUSE_CATEGORIES
from qms.intranet.improvement.vocabularies import EFFECTIVENESS
from qms.intranet.improvement.vocabularies import label_of
from qms.intranet.improvement.vocabularies import SEVERITIES
from qms.intranet.improvement.vocabularies import SOURCES
from qms.intranet.units.groups import unit_of
from xml.sax.saxutils import escape

import re
import unicodedata


FONTS = Path(__file__).parent / "fonts"
FONT, FONT_BOLD = "QMSDejaVuSans", "QMSDejaVuSans-Bold"

REPORT_TITLE = _("report_nc_title", default="Nonconformity handling form")
EMPTY = "—"


def t(message, request) -> str:
    return translated(message, request)


def report_data(nc, request) -> dict:
    """The report's parts, translated: header, numbered sections (rows of
    label and value, or a table), signature blocks."""
    unit = unit_of(nc)
    field = lambda name: t(INonconformity[name].title, request)  # noqa: E731
    action_field = lambda name: t(ICorrectiveAction[name].title, request)  # noqa: E731
    procedure = procedure_link(nc.procedure)
    catalog = api.portal.get_tool("portal_catalog")
    actions = []
    for number, brain in enumerate(
        catalog(
            portal_type="CorrectiveAction",
            path={"query": path_of(nc), "depth": 1},
            sort_on="due_date",
        ),
        start=1,
    ):
        action = brain.getObject()
        actions.append(
            [
                str(number),
                brain.Title,
                t(label_of(ACTION_KINDS, brain.action_kind), request),
                fullname(brain.responsible or ""),
                format_date(brain.due_date),
                format_date(getattr(action, "done_on", None)) or EMPTY,
                (getattr(action, "result", None) or "").strip() or EMPTY,
            ]
        )
    state = api.content.get_state(obj=nc, default="")
    heading = lambda number, message: f"{number}. {t(message, request)}"  # noqa: E731
    return {
        "title": t(REPORT_TITLE, request),
        "system": api.portal.get().Title(),
        "unit": unit.Title() if unit is not None else "",
        "reference": nc.reference or "",
        "reference_label": t(INonconformity["reference"].title, request),
        "nc_title": nc.Title(),
        "state": t(state_label(state), request),
        "state_label": t(_("col_state", default="State"), request),
        "sections": [
            {
                "heading": heading(1, _("report_section_nc", default="Nonconformity")),
                "rows": [
                    (
                        t(
                            _("label_nc_what_happened", default="What happened"),
                            request,
                        ),
                        nc.Description() or EMPTY,
                    ),
                    (field("source"), t(label_of(SOURCES, nc.source), request)),
                    (field("severity"), t(label_of(SEVERITIES, nc.severity), request)),
                    (field("detected_on"), format_date(nc.detected_on) or EMPTY),
                    (field("detected_by"), nc.detected_by or EMPTY),
                    (field("procedure"), procedure["title"] if procedure else EMPTY),
                    (field("clause"), nc.clause or EMPTY),
                ],
            },
            {
                "heading": heading(
                    2, _("report_section_correction", default="Correction")
                ),
                "rows": [(field("correction"), nc.correction or EMPTY)],
            },
            {
                "heading": heading(3, _("fieldset_nc_analysis", default="Cause")),
                "rows": [
                    (field("root_cause"), nc.root_cause or EMPTY),
                    (
                        field("cause_category"),
                        t(label_of(CAUSE_CATEGORIES, nc.cause_category), request)
                        if nc.cause_category
                        else EMPTY,
                    ),
                ],
            },
            {
                "heading": heading(
                    4,
                    _("heading_corrective_actions", default="Corrective actions"),
                ),
                "table": {
                    "head": [
                        t(_("col_number", default="No."), request),
                        t(_("col_action", default="Action"), request),
                        action_field("kind"),
                        action_field("responsible"),
                        action_field("due_date"),
                        action_field("done_on"),
                        action_field("result"),
                    ],
                    "rows": actions,
                    "empty": t(
                        _("nc_no_actions", default="No action has been planned yet."),
                        request,
                    ),
                },
            },
            {
                "heading": heading(
                    5, _("fieldset_nc_verification", default="Verification")
                ),
                "rows": [
                    (
                        field("effectiveness"),
                        t(label_of(EFFECTIVENESS, nc.effectiveness), request)
                        if nc.effectiveness
                        else EMPTY,
                    ),
                    (field("effectiveness_note"), nc.effectiveness_note or EMPTY),
                    (field("closed_on"), format_date(nc.closed_on) or EMPTY),
                ],
            },
        ],
        "signatures": [
            {
                "role": t(_("signature_detected_by", default="Detected by"), request),
                "name": nc.detected_by or "",
            },
            {
                "role": t(_("signature_head", default="Head of the unit"), request),
                "name": last_actor(nc, "plan"),
            },
            {
                "role": t(
                    _("signature_iso_secretary", default="ISO secretary"), request
                ),
                "name": last_actor(nc, "verify"),
            },
        ],
        "sign_hint": t(
            _("signature_hint", default="(signature and full name)"), request
        ),
        "printed_on": t(
            _(
                "report_printed_on",
                default="Printed on ${date}",
                mapping={"date": format_date(date.today())},
            ),
            request,
        ),
    }


def file_name(nc) -> str:
    """phieu-xu-ly-su-khong-phu-hop-01-2026-KHCN.pdf: ASCII, no slashes."""
    reference = unicodedata.normalize("NFKD", nc.reference or nc.getId())
    reference = reference.encode("ascii", "ignore").decode()
    reference = re.sub(r"[^A-Za-z0-9]+", "-", reference).strip("-")
    return f"phieu-xu-ly-su-khong-phu-hop-{reference or 'nc'}.pdf"


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)


def _para(text: str) -> str:
    """Plain text as reportlab paragraph markup (escaped, lines kept)."""
    return escape(str(text)).replace("\n", "<br/>")


def render_pdf(data: dict) -> bytes:
    """The report as an A4 PDF."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Spacer
    from reportlab.platypus import Table
    from reportlab.platypus import TableStyle

    _register_fonts()
    base = ParagraphStyle("qms", fontName=FONT, fontSize=10, leading=13)
    small = ParagraphStyle("qms-small", parent=base, fontSize=8.5, leading=11)
    bold = ParagraphStyle("qms-bold", parent=base, fontName=FONT_BOLD)
    small_bold = ParagraphStyle("qms-small-bold", parent=small, fontName=FONT_BOLD)
    center = ParagraphStyle("qms-center", parent=base, alignment=TA_CENTER)
    center_bold = ParagraphStyle("qms-center-bold", parent=bold, alignment=TA_CENTER)
    title = ParagraphStyle(
        "qms-title",
        parent=center_bold,
        fontSize=15,
        leading=19,
        spaceBefore=6,
        spaceAfter=4,
    )
    section = ParagraphStyle(
        "qms-section", parent=bold, fontSize=11, leading=14, spaceBefore=10
    )
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    width = A4[0] - 36 * mm

    story = [
        Table(
            [
                [
                    Paragraph(_para(data["system"]), small),
                    Paragraph(
                        f"{_para(data['reference_label'])}: "
                        f"<b>{_para(data['reference'])}</b>",
                        ParagraphStyle("r", parent=base, alignment=2),
                    ),
                ],
                [Paragraph(f"<b>{_para(data['unit'])}</b>", base), ""],
            ],
            colWidths=[width * 0.6, width * 0.4],
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
        Spacer(1, 4 * mm),
        Paragraph(_para(data["title"].upper()), title),
        Paragraph(_para(data["nc_title"]), center),
        Paragraph(f"{_para(data['state_label'])}: {_para(data['state'])}", center),
        Spacer(1, 2 * mm),
    ]
    for part in data["sections"]:
        story.append(Paragraph(_para(part["heading"]), section))
        story.append(Spacer(1, 1.5 * mm))
        if "rows" in part:
            story.append(
                Table(
                    [
                        [
                            Paragraph(_para(label), small_bold),
                            Paragraph(_para(value), base),
                        ]
                        for label, value in part["rows"]
                    ],
                    colWidths=[width * 0.3, width * 0.7],
                    style=grid,
                )
            )
            continue
        table = part["table"]
        if not table["rows"]:
            story.append(Paragraph(_para(table["empty"]), base))
            continue
        widths = [0.05, 0.21, 0.12, 0.15, 0.13, 0.13, 0.21]
        story.append(
            Table(
                [[Paragraph(_para(cell), small_bold) for cell in table["head"]]]
                + [
                    [Paragraph(_para(cell), small) for cell in row]
                    for row in table["rows"]
                ],
                colWidths=[width * w for w in widths],
                repeatRows=1,
                style=TableStyle(
                    [
                        *grid.getCommands(),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ]
                ),
            )
        )
    signatures = data["signatures"]
    story.append(Spacer(1, 3 * mm))
    story.append(
        KeepTogether(
            [
                Paragraph(
                    _para(data["printed_on"]),
                    ParagraphStyle("d", parent=small, alignment=2),
                ),
                Spacer(1, 2 * mm),
                Table(
                    [
                        [Paragraph(_para(s["role"]), center_bold) for s in signatures],
                        [
                            Paragraph(
                                _para(data["sign_hint"]),
                                ParagraphStyle("h", parent=small, alignment=TA_CENTER),
                            )
                            for _s in signatures
                        ],
                        ["", "", ""],
                        [Paragraph(_para(s["name"]), center) for s in signatures],
                    ],
                    colWidths=[width / 3] * 3,
                    rowHeights=[None, None, 15 * mm, None],
                    style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
                ),
            ]
        )
    )

    return build_pdf(
        story,
        title=f"{data['title']} {data['reference']}",
        author=data["unit"],
        subject=data["nc_title"],
        creator=data["system"],
    )


def build_pdf(story, *, title, author, creator, subject="", margins=(18, 18)):
    """An A4 PDF of reportlab's `story`, its title and page number at the
    foot of each page; `margins`: left and right, in millimetres."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    left, right = margins

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawString(left * mm, 10 * mm, title[:110])
        canvas.drawRightString(A4[0] - right * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    out = BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=left * mm,
        rightMargin=right * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=author,
        subject=subject,
        creator=creator,
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


class ReportView(BrowserView):
    """The report as a page of its own, to print from the browser."""

    styles = STYLES

    def data(self) -> dict:
        return report_data(self.context, self.request)

    def pdf_url(self) -> str:
        return f"{self.context.absolute_url()}/@@nonconformity-report.pdf"


class ReportPDF(BrowserView):
    """The report as a PDF download."""

    def __call__(self):
        body = render_pdf(report_data(self.context, self.request))
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{file_name(self.context)}"'
        )
        response.setHeader("Content-Length", str(len(body)))
        response.setHeader("Cache-Control", "private, no-store")
        return body
