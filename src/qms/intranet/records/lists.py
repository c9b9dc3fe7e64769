"""Record archives and lists: proposing a year's list from last year's and
the unit's procedures, validating its entries, and the effects of the list
and record workflows. Views, services and subscribers call these, so the
rules live once.
"""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import stored
from qms.intranet.core.i18n import translated
from qms.intranet.core.workflow import comment_of
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.core.workflow import require_reason
from qms.intranet.records.content import PERMANENT


ARCHIVE_ID = "ho-so"

register_done_messages(
    "qms_record_list_workflow",
    {
        "submit": _(
            "done_list_submit",
            default="Submitted: the head of the unit reviews and issues the list.",
        ),
        "approve": _(
            "done_list_approve",
            default="The record list is issued: staff file their records into it.",
        ),
        "reject": _(
            "done_list_reject",
            default="Sent back to the unit's ISO officer with your reason.",
        ),
        "amend": _(
            "done_list_amend",
            default="The list is open for amendment; submit it again when done.",
        ),
    },
)
register_done_messages(
    "qms_record_workflow",
    {
        "close": _(
            "done_record_close",
            default="The record is closed: nobody changes it any more; its "
            "retention period runs from today.",
        ),
    },
)
PERMANENT_WORDS = {"permanent", "vĩnh viễn", "vinh vien", "vĩnh viển", "vv"}
DEFAULT_RETENTION = 5


class RecordError(ValueError):
    """Bad input about records; str() is the translated message."""

    def __init__(self, message):
        super().__init__(translated(message))


def ensure_archive(unit):
    """The unit's record archive (/don-vi/<unit>/ho-so) exists."""
    if ARCHIVE_ID not in unit.objectIds():
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=unit, type="RecordArchive", id=ARCHIVE_ID, title="Hồ sơ"
            )
    return unit[ARCHIVE_ID]


def parse_retention(value) -> int | str:
    """Years as a whole number, or PERMANENT ('vĩnh viễn')."""
    text = str(value if value is not None else "").strip().lower()
    if text in PERMANENT_WORDS:
        return PERMANENT
    if text.isdigit() and 0 < int(text) <= 100:
        return int(text)
    raise RecordError(
        _(
            "error_retention",
            default="The retention period «${value}» must be a number of years "
            "(1 to 100) or «vĩnh viễn».",
            mapping={"value": value},
        )
    )


def list_for(archive, year: int):
    return archive.get(str(year))


def propose_entries(unit, year: int) -> list[dict]:
    """Rows for a new list: last year's entries, then the records produced by
    the unit's effective procedures, each heading once."""
    rows, seen = [], set()

    def add(heading, **row):
        key = " ".join(heading.lower().split())
        if heading and key not in seen:
            seen.add(key)
            rows.append({"heading": heading, **row})

    archive = ensure_archive(unit)
    previous = list_for(archive, year - 1)
    if previous is not None:
        for entry in previous.entries or []:
            add(
                entry["heading"],
                code=entry.get("code", ""),
                procedure=entry.get("procedure", ""),
                retention=entry.get("retention", DEFAULT_RETENTION),
                responsible=entry.get("responsible", ""),
                notes=entry.get("notes", ""),
                source="previous",
            )
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Procedure",
        review_state="effective",
        owning_unit=unit.getId(),
        sort_on="document_code",
    ):
        procedure = brain._unrestrictedGetObject()
        for heading in procedure.records or []:
            add(
                heading.strip(),
                code="",
                procedure=procedure.code,
                retention=DEFAULT_RETENTION,
                responsible="",
                notes="",
                source="procedure",
            )
    for number, row in enumerate(rows, start=1):
        row.setdefault("code", "")
        if not row["code"]:
            row["code"] = f"{number:02d}/{unit.getId().upper()}-{year}"
    return rows


def clean_entries(rows: list[dict]) -> list[dict]:
    """Validated entries with stable ids; raises RecordError on bad input."""
    entries = []
    for number, row in enumerate(rows, start=1):
        heading = (row.get("heading") or "").strip()
        if not heading:
            raise RecordError(
                _("error_heading_required", default="Every entry needs a heading.")
            )
        entries.append(
            {
                "id": row.get("id") or f"e{number}",
                "heading": heading,
                "code": (row.get("code") or "").strip(),
                "procedure": (row.get("procedure") or "").strip(),
                "retention": parse_retention(row.get("retention")),
                "responsible": (row.get("responsible") or "").strip(),
                "notes": (row.get("notes") or "").strip(),
            }
        )
    if not entries:
        raise RecordError(
            _("error_no_entries", default="A record list needs at least one entry.")
        )
    return entries


def create_list(unit, year: int, rows: list[dict]):
    """This year's list of `unit`, in draft; nothing is created on bad input."""
    archive = ensure_archive(unit)
    if list_for(archive, year) is not None:
        raise RecordError(
            _(
                "error_list_exists",
                default="The unit already has a record list for ${year}.",
                mapping={"year": year},
            )
        )
    entries = clean_entries(rows)
    return api.content.create(
        container=archive,
        type="RecordList",
        id=str(year),
        title=stored(
            _(
                "record_list_title",
                default="Record list ${year} – ${unit}",
                mapping={"year": year, "unit": unit.Title()},
            )
        ),
        year=year,
        entries=entries,
    )


def list_approved(record_list) -> None:
    """After `approve`: dated; an approved amendment counts up."""
    if record_list.approved_on:
        record_list.amendment = (record_list.amendment or 0) + 1
    record_list.approved_on = date.today()
    record_list.reindexObject()


def record_closed(record) -> None:
    """After `close`: dated; the retention period runs from now."""
    record.closed_on = date.today()
    record.reindexObject()


def list_before_transition(record_list, event):
    """An amendment needs its reason."""
    if event.transition is not None:
        require_reason(event.transition.getId(), comment_of(event))


def list_after_transition(record_list, event):
    if event.transition is not None and event.transition.getId() == "approve":
        list_approved(record_list)


def record_after_transition(record, event):
    if event.transition is not None and event.transition.getId() == "close":
        record_closed(record)


def unit_added(unit, event):
    """A new unit gets its record archive."""
    ensure_archive(unit)
