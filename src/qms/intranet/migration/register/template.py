"""The register template staff download: the columns in their order, two
example rows, how to fill each column, and the units' names."""

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.styles import PatternFill
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.migration.register.sheet import COLUMNS
from qms.intranet.units.groups import all_units

import io


EXAMPLES = (
    (
        "QT-05/VP",
        "Quy trình quản lý văn bản đến",
        3,
        "15/03/2024",
        "vp",
        "Hiệu lực",
        "Quy trình",
        12,
        "Nguyễn Văn A",
        "Trần Thị B",
        "Lê Văn C",
    ),
    (
        "BM-01/QT-05/VP",
        "Sổ đăng ký văn bản đến",
        1,
        "15/03/2024",
        "vp",
        "Hiệu lực",
        "Biểu mẫu",
        "",
        "",
        "",
        "",
    ),
)
GUIDE = (
    (
        "code",
        _(
            "register_guide_code",
            default="Required. Unique; a file of the ZIP named by it (QT-05-VP.pdf) "
            "is its signed original, a DOCX or ODT its editable source.",
        ),
    ),
    ("title", _("register_guide_title", default="Required.")),
    (
        "revision",
        _("register_guide_revision", default="A whole number from 1; 1 when empty."),
    ),
    (
        "issue_date",
        _(
            "register_guide_date",
            default="dd/mm/yyyy; required for an effective or obsolete document.",
        ),
    ),
    (
        "unit",
        _(
            "register_guide_unit",
            default="The unit's short name or name (sheet «Đơn vị»); the unit "
            "whose page you import from when empty.",
        ),
    ),
    (
        "state",
        _(
            "register_guide_state",
            default="Hiệu lực (effective, the default), Dự thảo (draft) or Hết "
            "hiệu lực (obsolete).",
        ),
    ),
    (
        "kind",
        _(
            "register_guide_kind",
            default="Quy trình, Quy trình hệ thống, Biểu mẫu or Quyết định; found "
            "from the code when empty (BM-… a form, …/QĐ-… a decision).",
        ),
    ),
    (
        "review_interval",
        _("register_guide_interval", default="Months, 1 to 60; 12 when empty."),
    ),
    ("drafted_by", _("register_guide_optional", default="Optional.")),
    ("reviewed_by", _("register_guide_optional", default="Optional.")),
    (
        "approved_by",
        _(
            "register_guide_approved_by",
            default="Optional; required for a decision (its signer).",
        ),
    ),
)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def template_bytes(request) -> bytes:
    """The template as an XLSX workbook."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sổ đăng ký"
    sheet.append([names[0] for names in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for row in EXAMPLES:
        sheet.append(list(row))
    for letter, width in zip(  # noqa: B905 - as many as columns
        "ABCDEFGHIJK", (18, 40, 12, 14, 10, 12, 16, 12, 20, 20, 20)
    ):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(
        [
            translated(_("register_guide_column", default="Column"), request),
            translated(_("register_guide_how", default="How to fill it"), request),
        ]
    )
    for key, text in GUIDE:
        guide.append([COLUMNS[key][0], translated(text, request)])
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 100

    units = workbook.create_sheet("Đơn vị")
    units.append(
        [
            translated(_("register_guide_short_name", default="Short name"), request),
            translated(_("register_guide_unit_name", default="Unit"), request),
        ]
    )
    for brain in all_units():
        units.append([brain.getId, brain.Title])
    units.column_dimensions["B"].width = 60

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
