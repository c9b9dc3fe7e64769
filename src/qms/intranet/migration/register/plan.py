"""What a register will create, row by row, before anything is written; and
the import itself.

Every row is checked against the site as the person sees it: a malformed or
repeated code, an unknown unit or one that is not theirs, a missing or
unusable file, a bad date or number. A row whose code is already in the site
is left alone, so importing the same register twice creates nothing twice.
"""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from plone.namedfile.file import NamedBlobFile
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import months_after
from qms.intranet.core.files import is_pdf
from qms.intranet.core.files import office_kind
from qms.intranet.core.i18n import stored
from qms.intranet.core.workflow import HISTORY_LABELS
from qms.intranet.documents.codes import CODE_PATTERN
from qms.intranet.documents.codes import documents_with_code
from qms.intranet.documents.codes import normalize_code
from qms.intranet.documents.content import QMS_SECTION
from qms.intranet.documents.workflow import WORKFLOW_ID
from qms.intranet.migration.register.bundle import Bundle
from qms.intranet.migration.register.bundle import parts
from qms.intranet.migration.register.sheet import Sheet
from qms.intranet.search import fold
from qms.intranet.units.content import IDepartment
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import UNITS_FOLDER

import re


IMPORT_PERMISSION = "qms.intranet: Import register"
ACTION = "import"
HISTORY_LABELS[ACTION] = _("history_imported", default="Imported from a register")

# kind -> (portal type, procedure kind, label, add permission)
KINDS = {
    "business": (
        "Procedure",
        "business",
        _("kind_business", default="Business procedure"),
        "qms.intranet: Add Procedure",
    ),
    "system": (
        "Procedure",
        "system",
        _("kind_system", default="System procedure"),
        "qms.intranet: Add Procedure",
    ),
    "form": (
        "ProcedureForm",
        None,
        _("kind_form", default="Form"),
        "qms.intranet: Add ProcedureForm",
    ),
    "decision": (
        "Decision",
        None,
        _("kind_decision", default="Decision"),
        "qms.intranet: Add Decision",
    ),
}
# What people write in the «Loại» column (folded) -> kind.
KIND_WORDS = {
    "quy trinh": "business",
    "quy trinh nghiep vu": "business",
    "qt": "business",
    "business": "business",
    "business procedure": "business",
    "procedure": "business",
    "quy trinh he thong": "system",
    "system": "system",
    "system procedure": "system",
    "bieu mau": "form",
    "bm": "form",
    "form": "form",
    "quyet dinh": "decision",
    "qd": "decision",
    "decision": "decision",
}
# What people write in the «Trạng thái» column (folded) -> workflow state.
STATE_WORDS = {
    "hieu luc": "effective",
    "co hieu luc": "effective",
    "dang hieu luc": "effective",
    "con hieu luc": "effective",
    "ban hanh": "effective",
    "da ban hanh": "effective",
    "effective": "effective",
    "du thao": "draft",
    "dang du thao": "draft",
    "dang soan thao": "draft",
    "draft": "draft",
    "het hieu luc": "obsolete",
    "huy bo": "obsolete",
    "da huy": "obsolete",
    "da huy bo": "obsolete",
    "obsolete": "obsolete",
    "cancelled": "obsolete",
}
ISSUED_STATES = ("effective", "obsolete")
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
# Codes of decisions: 123/QĐ-BTTTT, 12/QĐ-VP.
DECISION_CODE = re.compile(r"/Q[ĐD]\b")


@dataclass
class Row:
    """One row of the register and what will be done with it."""

    number: int
    code: str = ""
    title: str = ""
    kind: str = "business"
    unit: str = ""
    revision: int = 1
    issue_date: date | None = None
    state: str = "effective"
    review_interval: int = 12
    drafted_by: str = ""
    reviewed_by: str = ""
    approved_by: str = ""
    parent: str = ""  # a form's procedure code
    files: dict = field(default_factory=dict)  # field name -> bundle Member
    problems: list = field(default_factory=list)
    existing_url: str = ""  # the document already in the site
    exists: bool = False
    created_url: str = ""

    @property
    def status(self) -> str:
        """'create', 'exists' (left alone) or 'refused' (its problems)."""
        if self.problems:
            return "refused"
        return "exists" if self.exists else "create"


@dataclass
class Plan:
    rows: list[Row]
    unmatched: list[str]  # files of the ZIP no row uses

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)


def _problem(row: Row, message) -> None:
    row.problems.append(message)


def _text(cells: dict, key: str) -> str:
    value = cells.get(key)
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def parse_date(value) -> date | None:
    """A date from an Excel date or dd/mm/yyyy text; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _number(value, low: int, high: int) -> int:
    """A whole number in [low, high] from a cell; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    number = int(str(value).strip()) if not isinstance(value, int) else value
    if not low <= number <= high:
        raise ValueError(value)
    return number


def _unit_index() -> dict[str, str]:
    """Unit id and folded name -> unit id."""
    index = {}
    for brain in all_units():
        index[fold(brain.getId)] = brain.getId
        index[fold(brain.Title)] = brain.getId
    return index


def _kind(row: Row, cells: dict) -> None:
    text = _text(cells, "kind")
    if text:
        kind = KIND_WORDS.get(fold(text))
        if kind is None:
            _problem(
                row,
                _(
                    "register_problem_kind",
                    default="Unknown kind «${kind}»: write Quy trình, Quy trình hệ "
                    "thống, "
                    "Biểu mẫu or Quyết định.",
                    mapping={"kind": text},
                ),
            )
            return
        row.kind = kind
    elif row.code.startswith("BM"):
        row.kind = "form"
    elif DECISION_CODE.search(row.code):
        row.kind = "decision"
    if row.kind == "form":
        row.parent = row.code.split("/", 1)[1] if "/" in row.code else ""


def _read_row(number: int, cells: dict, default_unit: str, units: dict) -> Row:
    """The row's values, and the problems of each value taken alone."""
    row = Row(number=number)
    raw_code = _text(cells, "code")
    row.code = normalize_code(raw_code)
    row.title = _text(cells, "title")
    if not row.code:
        _problem(
            row, _("register_problem_no_code", default="The code (mã hiệu) is missing.")
        )
    elif not CODE_PATTERN.match(row.code):
        _problem(
            row,
            _(
                "register_problem_code",
                default="The code «${code}» is not a document code: capital letters, "
                "digits "
                "and - . / : only, for example QT-01/VP.",
                mapping={"code": raw_code},
            ),
        )
    if not row.title:
        _problem(row, _("register_problem_no_title", default="The title is missing."))
    _kind(row, cells)

    unit_text = _text(cells, "unit")
    row.unit = units.get(fold(unit_text), "") if unit_text else default_unit
    if unit_text and not row.unit:
        _problem(
            row,
            _(
                "register_problem_unit",
                default="There is no unit «${unit}»: write the unit's name or short "
                "name "
                "as on the intranet (sheet «Đơn vị» of the template).",
                mapping={"unit": unit_text},
            ),
        )
    elif not row.unit:
        _problem(
            row, _("register_problem_no_unit", default="The unit (đơn vị) is missing.")
        )

    state_text = _text(cells, "state")
    if state_text:
        state = STATE_WORDS.get(fold(state_text))
        if state is None:
            _problem(
                row,
                _(
                    "register_problem_state",
                    default="Unknown state «${state}»: write Hiệu lực, Dự thảo or "
                    "Hết hiệu lực.",
                    mapping={"state": state_text},
                ),
            )
        else:
            row.state = state

    if cells.get("revision") not in (None, ""):
        try:
            row.revision = _number(cells["revision"], 1, 999)
        except (TypeError, ValueError):
            _problem(
                row,
                _(
                    "register_problem_revision",
                    default="The issue number «${value}» is not a whole number from 1.",
                    mapping={"value": _text(cells, "revision")},
                ),
            )
    if cells.get("review_interval") not in (None, ""):
        try:
            row.review_interval = _number(cells["review_interval"], 1, 60)
        except (TypeError, ValueError):
            _problem(
                row,
                _(
                    "register_problem_interval",
                    default="The review interval «${value}» is not a number of "
                    "months from "
                    "1 to 60.",
                    mapping={"value": _text(cells, "review_interval")},
                ),
            )

    if cells.get("issue_date") not in (None, ""):
        try:
            row.issue_date = parse_date(cells["issue_date"])
        except ValueError:
            _problem(
                row,
                _(
                    "register_problem_date",
                    default="The issue date «${value}» is not a date: write it as "
                    "dd/mm/yyyy.",
                    mapping={"value": _text(cells, "issue_date")},
                ),
            )
        else:
            if row.issue_date > date.today():
                _problem(
                    row,
                    _(
                        "register_problem_future_date",
                        default="The issue date ${value} is after today.",
                        mapping={"value": row.issue_date.strftime("%d/%m/%Y")},
                    ),
                )
    elif row.state in ISSUED_STATES:
        _problem(
            row,
            _(
                "register_problem_no_date",
                default="The issue date is missing: an issued document needs it.",
            ),
        )

    for key in ("drafted_by", "reviewed_by", "approved_by"):
        setattr(row, key, _text(cells, key))
    if row.kind == "decision" and not row.approved_by:
        _problem(
            row,
            _(
                "register_problem_signer",
                default="A decision needs its signer: write it in the column «Người "
                "phê duyệt».",
            ),
        )
    return row


def _container_problem(row: Row, site, context) -> None:
    """May this person create the row's document where it belongs?"""
    if row.kind == "form":
        return  # checked with its procedure
    folder = container_of(row, site)
    permission = KINDS[row.kind][3]
    allowed = folder is not None and api.user.has_permission(permission, obj=folder)
    if not allowed and row.kind in ("system", "decision"):
        _problem(
            row,
            _(
                "register_problem_section",
                default="Only the ISO secretariat brings in system procedures and "
                "decisions.",
            ),
        )
        return
    unit = site[UNITS_FOLDER].get(row.unit) if row.unit else None
    if unit is not None and not api.user.has_permission(IMPORT_PERMISSION, obj=unit):
        _problem(
            row,
            _(
                "register_problem_other_unit",
                default="The document belongs to ${unit}: you bring in documents of "
                "your "
                "own unit only.",
                mapping={"unit": unit.Title()},
            ),
        )


def container_of(row: Row, site):
    """Where a row's procedure or decision is kept: a unit's business
    procedures in its folder, the rest in the QMS section."""
    if row.kind == "business":
        return site[UNITS_FOLDER].get(row.unit)
    return site.get(QMS_SECTION)


def _existing(code: str):
    """The document using `code` (whoever may see it), or None."""
    found = documents_with_code(code)
    return found[0] if found else None


def _slot(row: Row, member) -> str | None:
    """The field a file of the row goes to, or None for a kind that fits none."""
    if row.kind == "form":
        return "file"
    return {
        "pdf": "signed_original",
        "docx": "editable_source",
        "odt": "editable_source",
    }.get(member.kind)


def _files(row: Row, members: list) -> None:
    """Take the row's signed original, editable source (or a form's file:
    its editable file rather than a PDF of it)."""
    for member in members:
        if member.problem is not None:
            row.problems.append(member.problem)
            continue
        slot = _slot(row, member)
        if slot is None:
            _problem(
                row,
                _(
                    "register_problem_file_kind",
                    default="The file ${name} is neither the signed original (PDF) "
                    "nor the "
                    "editable source (DOCX, ODT).",
                    mapping={"name": member.name},
                ),
            )
            continue
        taken = row.files.get(slot)
        if (
            taken is not None
            and row.kind == "form"
            and "pdf" in (taken.kind, member.kind)
        ):
            if member.kind != "pdf":
                row.files[slot] = member
            continue
        if taken is not None:
            _problem(
                row,
                _(
                    "register_problem_two_files",
                    default="Two files for one place: ${first} and ${second}. Keep "
                    "one.",
                    mapping={"first": taken.name, "second": member.name},
                ),
            )
            continue
        row.files[slot] = member


def _usable(member, bundle: Bundle) -> bool:
    """Is the file what its name says (a PDF, a real Office document)?"""
    if member.kind == "pdf":
        with bundle.archive.open(member.path) as handle:
            return is_pdf(_Data(handle.read(8)))
    return office_kind(_Data(bundle.read(member))) == member.kind


def _file_problems(row: Row, bundle: Bundle) -> None:
    """Files must be what their name says; issued documents need theirs."""
    for slot, member in list(row.files.items()):
        if not _usable(member, bundle):
            _problem(
                row,
                _(
                    "register_problem_broken_file",
                    default="The file ${name} is damaged or is not the kind its name "
                    "says.",
                    mapping={"name": member.name},
                ),
            )
            del row.files[slot]
    example = "-".join(parts(row.code))
    if row.kind == "form" and "file" not in row.files:
        _problem(
            row,
            _(
                "register_problem_no_form_file",
                default="No file of this form in the ZIP (name it by the code, for "
                "example "
                "${name}.docx).",
                mapping={"name": example},
            ),
        )
    elif (
        row.kind != "form"
        and row.state in ISSUED_STATES
        and "signed_original" not in row.files
    ):
        _problem(
            row,
            _(
                "register_problem_no_original",
                default="No signed original (PDF) in the ZIP for this issued "
                "document (name "
                "it by the code, for example ${name}.pdf).",
                mapping={"name": example},
            ),
        )


class _Data:
    """Bytes as a file value, for the checks of core.files."""

    def __init__(self, data: bytes):
        self.data = data


def make_plan(sheet: Sheet, bundle: Bundle, context) -> Plan:
    """Read and check every row; nothing is written."""
    site = api.portal.get()
    default_unit = context.getId() if IDepartment.providedBy(context) else ""
    units = _unit_index()
    rows = [
        _read_row(number, cells, default_unit, units) for number, cells in sheet.rows
    ]
    first_of = {}
    for row in rows:
        if not row.code:
            continue
        if row.code in first_of:
            _problem(
                row,
                _(
                    "register_problem_duplicate",
                    default="The code ${code} is also on row ${row}.",
                    mapping={"code": row.code, "row": first_of[row.code].number},
                ),
            )
            continue
        first_of[row.code] = row
        brain = _existing(row.code)
        if brain is not None:
            row.exists = True
            if api.user.has_permission("View", obj=brain._unrestrictedGetObject()):
                row.existing_url = brain.getURL()
    by_code = first_of  # a repeated code's first row is the one imported
    matched = bundle.match(list(by_code))
    for row in rows:
        if row.problems or row.exists:
            continue
        _container_problem(row, site, context)
        if row.kind == "form":
            _parent_problem(row, by_code)
        _files(row, matched.get(row.code, []))
        if not row.problems:
            _file_problems(row, bundle)
    used = {m.path for row in rows for m in row.files.values()}
    unmatched = sorted(
        [m.name for m in bundle.members if m.path not in used and not m.code]
        + bundle.ignored
    )
    return Plan(rows=rows, unmatched=unmatched)


def _parent_problem(row: Row, by_code: dict) -> None:
    """A form goes into its procedure: in this register or in the site."""
    in_sheet = by_code.get(row.parent)
    if in_sheet is not None and in_sheet.kind in ("business", "system"):
        if in_sheet.status == "refused":
            _problem(
                row,
                _(
                    "register_problem_parent_refused",
                    default="Its procedure ${code} (row ${row}) cannot be brought in: "
                    "correct that row first.",
                    mapping={"code": row.parent, "row": in_sheet.number},
                ),
            )
        return
    brain = _existing(row.parent) if row.parent else None
    if brain is None or brain.portal_type != "Procedure":
        _problem(
            row,
            _(
                "register_problem_no_parent",
                default="The procedure of this form (${code}) is neither in the "
                "register "
                "nor on the intranet.",
                mapping={"code": row.parent or "?"},
            ),
        )
        return
    procedure = brain._unrestrictedGetObject()
    if not api.user.has_permission(KINDS["form"][3], obj=procedure):
        _problem(
            row,
            _(
                "register_problem_parent_not_yours",
                default="You may not add forms to the procedure ${code}.",
                mapping={"code": row.parent},
            ),
        )


def run(plan: Plan, bundle: Bundle, *, source: str) -> list:
    """Create the documents of the rows to create (procedures before their
    forms); each says in its history it was imported, from which file and
    by whom. Returns the created objects."""
    site = api.portal.get()
    created = {}
    order = sorted(
        (row for row in plan.rows if row.status == "create"),
        key=lambda row: row.kind == "form",
    )
    for row in order:
        if _existing(row.code) is not None:
            continue  # brought in meanwhile
        if row.kind == "form":
            if row.parent in created:
                container = created[row.parent][1]
            else:
                container = _existing(row.parent)._unrestrictedGetObject()
        else:
            container = container_of(row, site)
        created[row.code] = (row, _create(row, container, bundle, source))
    # States last: an effective procedure takes no new forms. Forms have no
    # workflow of their own: they are read as their procedure is.
    for row, obj in created.values():
        if row.kind != "form":
            _set_state(obj, row, source)
        row.created_url = obj.absolute_url()
    return [obj for _row, obj in created.values()]


def _importer_name() -> str:
    user = api.user.get_current()
    return user.getProperty("fullname", "") or user.getId()


def _create(row: Row, container, bundle: Bundle, source: str):
    portal_type, procedure_kind, _label, _permission = KINDS[row.kind]
    fields = {
        "title": row.title,
        "code": row.code,
        "revision": row.revision,
        "owning_unit": row.unit,
        "drafted_by": row.drafted_by or None,
        "reviewed_by": row.reviewed_by or None,
        "approved_by": row.approved_by or None,
        "review_interval": row.review_interval,
        "issue_date": row.issue_date,
        "effective_from": row.issue_date,
    }
    if procedure_kind:
        fields["kind"] = procedure_kind
    if row.kind == "decision":
        fields.update(
            number_symbol=row.code,
            summary=row.title,
            signer=row.approved_by,
            signed_date=row.issue_date,
        )
    for slot, member in row.files.items():
        fields[slot] = NamedBlobFile(bundle.read(member), filename=member.name)
    if row.state in ISSUED_STATES and row.issue_date:
        fields["next_review_date"] = months_after(row.issue_date, row.review_interval)
        fields["amendment_history"] = [
            {
                "revision": row.revision,
                "date": row.issue_date.isoformat(),
                "changes": stored(
                    _(
                        "amendment_imported",
                        default="Issue ${revision}, brought in from the register "
                        "${file} by ${user} on ${date}.",
                        mapping={
                            "revision": row.revision,
                            "file": source,
                            "user": _importer_name(),
                            "date": format_date(date.today()),
                        },
                    )
                ),
                "approved_by": row.approved_by,
            }
        ]
    return api.content.create(
        container=container, type=portal_type, safe_id=True, **fields
    )


def _set_state(obj, row: Row, source: str) -> None:
    """The row's state, with a history entry saying it was imported: the
    document was reviewed and approved before the intranet, not here."""
    wftool = api.portal.get_tool("portal_workflow")
    user = api.user.get_current()
    wftool.setStatusOf(
        WORKFLOW_ID,
        obj,
        {
            "action": ACTION,
            "actor": user.getId(),
            "time": DateTime(),
            "review_state": row.state,
            "comments": stored(
                _(
                    "history_imported_comment",
                    default="Brought in from the register ${file}, row ${row}.",
                    mapping={"file": source, "row": row.number},
                )
            ),
        },
    )
    wftool.getWorkflowById(WORKFLOW_ID).updateRoleMappingsFor(obj)
    obj.reindexObject()
