"""«Kế hoạch đánh giá» and «Báo cáo đánh giá»: an audit's plan and report
in the Vietnamese administrative layout (the issuing body and the national
motto side by side, the place and date, the title, numbered sections, the
signature), as pages to print (@@audit-plan, @@audit-report) and as PDFs
(@@audit-plan.pdf, @@audit-report.pdf). Pages and PDFs read the same data
(plan_data, report_data), translated for the request.

The PDFs use the fonts and helpers of improvement/report.py (DejaVu Sans,
shipped with the package: every Vietnamese letter, nothing needed from the
machine)."""

from datetime import date
from plone import api
from Products.Five.browser import BrowserView
from qms.intranet import _
from qms.intranet.audits.content import IAudit
from qms.intranet.audits.content import programme_of
from qms.intranet.audits.views import checklist_rows
from qms.intranet.audits.views import date_range
from qms.intranet.audits.views import finding_rows
from qms.intranet.audits.views import NOT_CHECKED
from qms.intranet.audits.views import procedure_links
from qms.intranet.audits.views import REPORTED_STATES
from qms.intranet.audits.views import STYLES
from qms.intranet.audits.views import team_names
from qms.intranet.audits.vocabularies import RESULTS
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.improvement.report import _para
from qms.intranet.improvement.report import _register_fonts
from qms.intranet.improvement.report import build_pdf
from qms.intranet.improvement.report import FONT
from qms.intranet.improvement.report import FONT_BOLD
from qms.intranet.units.groups import unit_titles
from zope.i18nmessageid import Message

import re
import unicodedata


EMPTY = "—"
PLAN_TITLE = _("heading_audit_plan_print", default="Internal audit plan")
REPORT_TITLE = _("heading_audit_report_print", default="Internal audit report")
ISSUER = _("report_issuer", default="ISO steering committee")
MOTTO_COUNTRY = _("motto_country", default="SOCIALIST REPUBLIC OF VIETNAM")
MOTTO = _("motto_independence", default="Independence - Freedom - Happiness")
DATE_LINE = _("report_date_line", default="Day ${day} month ${month} year ${year}")
DRAFT = _(
    "report_audit_draft",
    default="Draft: the audit has not been reported yet.",
)


def t(message, request) -> str:
    return translated(message, request)


def field(name, request) -> str:
    return t(IAudit[name].title, request)


def programme_text(audit, name) -> str:
    programme = programme_of(audit)
    return (getattr(programme, name, None) or "").strip() if programme else ""


def header(audit, request, title) -> dict:
    """What every sheet starts with: issuer, motto, date line, title."""
    today = date.today()
    return {
        "system": api.portal.get().Title(),
        "issuer": t(ISSUER, request),
        "motto_country": t(MOTTO_COUNTRY, request),
        "motto": t(MOTTO, request),
        "date_line": t(
            Message(
                DATE_LINE,
                mapping={
                    "day": f"{today.day:02d}",
                    "month": f"{today.month:02d}",
                    "year": today.year,
                },
            ),
            request,
        ),
        "title": t(title, request),
        "subtitle": audit.Title(),
        "reference": audit.getId(),
        "sign_hint": t(
            _("signature_hint", default="(signature and full name)"), request
        ),
        "printed_on": t(
            _(
                "report_printed_on",
                default="Printed on ${date}",
                mapping={"date": format_date(today)},
            ),
            request,
        ),
    }


def heading(number, message, request) -> str:
    return f"{number}. {t(message, request)}"


def lead_signature(audit, request) -> dict:
    return {
        "role": t(_("signature_lead_auditor", default="Lead auditor"), request),
        "name": team_names(audit)["lead"],
    }


def team_table(audit, request) -> dict:
    team = team_names(audit)
    lead = t(_("role_lead_auditor", default="Lead auditor"), request)
    member = t(_("role_auditor", default="Auditor"), request)
    people = [(team["lead"], lead)] + [(name, member) for name in team["auditors"]]
    return {
        "head": [
            t(_("col_number", default="No."), request),
            t(_("col_full_name", default="Full name"), request),
            t(_("col_team_role", default="Role in the team"), request),
        ],
        "rows": [[str(n), name, role] for n, (name, role) in enumerate(people, 1)],
        "widths": [0.1, 0.55, 0.35],
        "empty": EMPTY,
    }


def schedule_table(audit, request) -> dict:
    titles, lead = unit_titles(), team_names(audit)["lead"]
    units = audit.audited_units or ()
    return {
        "head": [
            t(_("col_number", default="No."), request),
            field("audited_units", request),
            t(_("label_audit_dates", default="Dates"), request),
            field("lead_auditor", request),
        ],
        "rows": [
            [str(n), titles.get(uid, uid), date_range(audit), lead]
            for n, uid in enumerate(units, 1)
        ],
        "widths": [0.08, 0.42, 0.25, 0.25],
        "empty": EMPTY,
    }


def scope_text(audit, request) -> str:
    """The programme's scope, then the units and procedures of this audit."""
    titles = unit_titles()
    units = ", ".join(titles.get(u, u) for u in audit.audited_units or ())
    procedures = ", ".join(p["title"] for p in procedure_links(audit.procedures))
    lines = [programme_text(audit, "scope")]
    lines.append(f"{field('audited_units', request)}: {units or EMPTY}")
    if procedures:
        lines.append(f"{field('procedures', request)}: {procedures}")
    return "\n".join(line for line in lines if line)


def plan_data(audit, request) -> dict:
    """The plan: objectives, scope, criteria, team, schedule."""
    texts = [programme_text(audit, "criteria"), (audit.criteria or "").strip()]
    criteria = "\n".join(dict.fromkeys(text for text in texts if text))
    return {
        **header(audit, request, PLAN_TITLE),
        "kind": "plan",
        "sections": [
            {
                "heading": heading(
                    1, _("label_audit_objectives", default="Objectives"), request
                ),
                "text": programme_text(audit, "objectives") or EMPTY,
            },
            {
                "heading": heading(2, _("label_audit_scope", default="Scope"), request),
                "text": scope_text(audit, request),
            },
            {
                "heading": heading(
                    3, _("label_audit_criteria", default="Audit criteria"), request
                ),
                "text": criteria or EMPTY,
            },
            {
                "heading": heading(
                    4, _("heading_audit_team", default="Audit team"), request
                ),
                "table": team_table(audit, request),
            },
            {
                "heading": heading(
                    5, _("label_audit_schedule", default="Schedule"), request
                ),
                "table": schedule_table(audit, request),
            },
        ],
        "signatures": [lead_signature(audit, request)],
    }


def findings_table(audit, request) -> dict:
    rows = [
        [
            str(n),
            row["kind_title"],
            row["unit"],
            row["clause"] or EMPTY,
            "\n".join(part for part in (row["title"], row["description"]) if part),
            row["evidence"] or EMPTY,
            (row["nc"] or {}).get("reference") or EMPTY,
        ]
        for n, row in enumerate(finding_rows(audit, request), 1)
    ]
    return {
        "head": [
            t(_("col_number", default="No."), request),
            t(_("label_finding_kind", default="Kind of finding"), request),
            t(_("label_finding_unit", default="Unit"), request),
            t(_("col_checklist_clause", default="Clause"), request),
            t(_("label_finding_description", default="Finding"), request),
            t(_("label_finding_evidence", default="Evidence"), request),
            t(_("col_nc_reference", default="Nonconformity"), request),
        ],
        "rows": rows,
        "widths": [0.05, 0.15, 0.13, 0.09, 0.27, 0.16, 0.15],
        "empty": t(
            _("audit_no_findings", default="No finding has been recorded yet."),
            request,
        ),
    }


def checklist_counts(audit, request) -> list[tuple[str, str]]:
    """How many checklist questions got each result."""
    rows = checklist_rows(audit, request)
    counts = [
        (t(label, request), str(sum(r["result"] == value for r in rows)))
        for value, label in RESULTS
    ]
    counts.append((t(NOT_CHECKED, request), str(sum(not r["result"] for r in rows))))
    return counts


def general_rows(audit, request) -> list[tuple[str, str]]:
    titles, team = unit_titles(), team_names(audit)
    procedures = procedure_links(audit.procedures)
    units = ", ".join(titles.get(u, u) for u in audit.audited_units or ())
    return [
        (field("audited_units", request), units or EMPTY),
        (t(_("label_audit_dates", default="Dates"), request), date_range(audit)),
        (field("lead_auditor", request), team["lead"] or EMPTY),
        (field("auditors", request), ", ".join(team["auditors"]) or EMPTY),
        (field("criteria", request), (audit.criteria or "").strip() or EMPTY),
        (
            field("procedures", request),
            ", ".join(p["title"] for p in procedures) or EMPTY,
        ),
    ]


def report_data(audit, request) -> dict:
    """The report: general information, checklist results, findings,
    strengths and conclusions (the summary), the lead auditor's signature."""
    state = api.content.get_state(obj=audit, default="")
    return {
        **header(audit, request, REPORT_TITLE),
        "kind": "report",
        "draft": t(DRAFT, request) if state not in REPORTED_STATES else "",
        "sections": [
            {
                "heading": heading(
                    1,
                    _("report_section_general", default="General information"),
                    request,
                ),
                "rows": general_rows(audit, request),
            },
            {
                "heading": heading(
                    2,
                    _("report_section_checklist", default="Checklist results"),
                    request,
                ),
                "rows": checklist_counts(audit, request),
            },
            {
                "heading": heading(
                    3, _("heading_audit_findings", default="Findings"), request
                ),
                "table": findings_table(audit, request),
            },
            {
                "heading": heading(
                    4,
                    _(
                        "report_section_conclusions",
                        default="Strengths and conclusions",
                    ),
                    request,
                ),
                "text": (audit.summary or "").strip() or EMPTY,
            },
        ],
        "signatures": [lead_signature(audit, request)],
    }


def file_name(audit, prefix: str) -> str:
    """bao-cao-danh-gia-<id>.pdf: ASCII, no slashes."""
    name = unicodedata.normalize("NFKD", audit.getId())
    name = name.encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
    return f"{prefix}-{name or 'audit'}.pdf"


def _styles() -> dict:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("qa", fontName=FONT, fontSize=10, leading=13)
    small = ParagraphStyle("qa-small", parent=base, fontSize=8.5, leading=11)
    bold = ParagraphStyle("qa-bold", parent=base, fontName=FONT_BOLD)
    return {
        "base": base,
        "small": small,
        "small_bold": ParagraphStyle("qa-sb", parent=small, fontName=FONT_BOLD),
        "bold": bold,
        "center": ParagraphStyle("qa-c", parent=base, alignment=TA_CENTER),
        "center_bold": ParagraphStyle("qa-cb", parent=bold, alignment=TA_CENTER),
        "right": ParagraphStyle("qa-r", parent=base, alignment=TA_RIGHT),
        "hint": ParagraphStyle("qa-h", parent=small, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "qa-t",
            parent=bold,
            alignment=TA_CENTER,
            fontSize=14,
            leading=18,
            spaceBefore=8,
            spaceAfter=2,
        ),
        "section": ParagraphStyle(
            "qa-s", parent=bold, fontSize=11, leading=14, spaceBefore=9, spaceAfter=3
        ),
    }


def _header_story(data, styles, width) -> list:
    """Issuer and motto side by side, then the date line and the title."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Spacer
    from reportlab.platypus import Table

    left = [
        Paragraph(_para(data["system"]), styles["center"]),
        Paragraph(f"<u>{_para(data['issuer'])}</u>", styles["center_bold"]),
    ]
    right = [
        Paragraph(_para(data["motto_country"]), styles["center_bold"]),
        Paragraph(f"<u>{_para(data['motto'])}</u>", styles["center_bold"]),
    ]
    story = [
        Table(
            [[left, right]],
            colWidths=[width * 0.42, width * 0.58],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        ),
        Spacer(1, 2 * mm),
        Paragraph(f"<i>{_para(data['date_line'])}</i>", styles["right"]),
        Paragraph(_para(data["title"].upper()), styles["title"]),
        Paragraph(_para(data["subtitle"]), styles["center"]),
    ]
    if data.get("draft"):
        story.append(Paragraph(f"<i>{_para(data['draft'])}</i>", styles["center"]))
    return story


def _section_story(part, styles, width) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table
    from reportlab.platypus import TableStyle

    grid = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    story = [Paragraph(_para(part["heading"]), styles["section"])]
    if "text" in part:
        story.append(Paragraph(_para(part["text"]), styles["base"]))
    elif "rows" in part:
        cells = [
            [
                Paragraph(_para(k), styles["small_bold"]),
                Paragraph(_para(v), styles["base"]),
            ]
            for k, v in part["rows"]
        ]
        story.append(Table(cells, colWidths=[width * 0.3, width * 0.7], style=grid))
    elif not part["table"]["rows"]:
        story.append(Paragraph(_para(part["table"]["empty"]), styles["base"]))
    else:
        table = part["table"]
        cells = [[Paragraph(_para(c), styles["small_bold"]) for c in table["head"]]]
        cells += [
            [Paragraph(_para(c), styles["small"]) for c in r] for r in table["rows"]
        ]
        style = TableStyle([*grid, ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)])
        widths = [width * w for w in table["widths"]]
        story.append(Table(cells, colWidths=widths, repeatRows=1, style=style))
    return story


def _signature_story(data, styles, width) -> list:
    """The signatures on the right, as Vietnamese documents sign."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Spacer
    from reportlab.platypus import Table

    blocks = [
        [
            Paragraph(_para(s["role"]), styles["center_bold"]),
            Paragraph(_para(data["sign_hint"]), styles["hint"]),
            Spacer(1, 18 * mm),
            Paragraph(_para(s["name"]), styles["center_bold"]),
        ]
        for s in data["signatures"]
    ]
    cols = max(len(blocks), 1)
    row = [""] * (2 - cols) + blocks if cols < 2 else blocks
    return [
        Spacer(1, 4 * mm),
        KeepTogether(
            [
                Paragraph(_para(data["printed_on"]), styles["right"]),
                Table([row], colWidths=[width / len(row)] * len(row)),
            ]
        ),
    ]


def render_pdf(data: dict) -> bytes:
    """The plan or the report as an A4 PDF."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    _register_fonts()
    styles, width = _styles(), A4[0] - 40 * mm
    story = _header_story(data, styles, width)
    for part in data["sections"]:
        story += _section_story(part, styles, width)
    story += _signature_story(data, styles, width)

    return build_pdf(
        story,
        title=f"{data['title']} – {data['subtitle']}",
        author=data["issuer"],
        creator=data["system"],
        margins=(25, 15),
    )


class _Sheet(BrowserView):
    """A sheet to print from the browser (template print.pt)."""

    styles = STYLES
    pdf_view = ""

    def data(self) -> dict:
        raise NotImplementedError

    def pdf_url(self) -> str:
        return f"{self.context.absolute_url()}/@@{self.pdf_view}"


class PlanView(_Sheet):
    pdf_view = "audit-plan.pdf"

    def data(self) -> dict:
        return plan_data(self.context, self.request)


class ReportView(_Sheet):
    pdf_view = "audit-report.pdf"

    def data(self) -> dict:
        return report_data(self.context, self.request)


class _PDF(BrowserView):
    """A sheet as a PDF download."""

    prefix = ""

    def data(self) -> dict:
        raise NotImplementedError

    def __call__(self):
        body = render_pdf(self.data())
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        name = file_name(self.context, self.prefix)
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        response.setHeader("Content-Length", str(len(body)))
        response.setHeader("Cache-Control", "private, no-store")
        return body


class PlanPDF(_PDF):
    prefix = "ke-hoach-danh-gia"

    def data(self) -> dict:
        return plan_data(self.context, self.request)


class ReportPDF(_PDF):
    prefix = "bao-cao-danh-gia"

    def data(self) -> dict:
        return report_data(self.context, self.request)
