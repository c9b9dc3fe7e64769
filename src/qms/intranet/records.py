"""Record lists and records: proposing this year's list, validating its
entries, closing and disposing of records. Views, services and subscribers
call these, so the rules live once.
"""

from AccessControl import Unauthorized
from datetime import date
from datetime import datetime
from persistent.list import PersistentList
from plone import api
from qms.intranet import _
from qms.intranet.content.records import PERMANENT
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate


ARCHIVE_ID = "ho-so"
DISPOSAL_LOG = "qms.intranet.disposals"
PERMANENT_WORDS = {"permanent", "vĩnh viễn", "vinh vien", "vĩnh viển", "vv"}
DEFAULT_RETENTION = 5


class RecordError(ValueError):
    """Bad input about records; str() is the translated message."""

    def __init__(self, message):
        super().__init__(translate(message, context=getRequest()))


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
        title=translate(
            _(
                "record_list_title",
                default="Record list ${year} – ${unit}",
                mapping={"year": year, "unit": unit.Title()},
            ),
            target_language=api.portal.get_default_language(),
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


def dispose(record, reason: str) -> dict:
    """Destroy a closed record whose retention has ended, and log it."""
    if not api.user.has_permission("qms.intranet: Dispose records", obj=record):
        raise Unauthorized("dispose")
    if not (reason or "").strip():
        raise RecordError(
            _("error_disposal_reason", default="Give the reason for the disposal.")
        )
    if not record.retention_ended():
        raise RecordError(
            _(
                "error_retention_running",
                default="The retention period of this record has not ended.",
            )
        )
    user = api.user.get_current()
    entry = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "who": user.getId(),
        "who_name": user.getProperty("fullname", "") or user.getId(),
        "why": reason.strip(),
        "title": record.Title(),
        "path": "/".join(record.getPhysicalPath()),
        "reference_number": record.reference_number or "",
        "retention_ends": record.retention_ends(),
    }
    disposal_log().append(entry)
    parent = record.aq_parent
    record._v_qms_disposing = True
    # Closed records grant "Delete objects" to nobody: remove it directly,
    # after the checks above.
    parent._delObject(record.getId())
    return entry


def disposal_log() -> PersistentList:
    annotations = IAnnotations(api.portal.get())
    if DISPOSAL_LOG not in annotations:
        annotations[DISPOSAL_LOG] = PersistentList()
    return annotations[DISPOSAL_LOG]


def refuse_removal_of_closed(record, event) -> None:
    """Closed records are deleted by disposal only, never otherwise."""
    if getattr(record, "_v_qms_disposing", False):
        return
    if event.newParent is not None:  # a move or rename, not a deletion
        return
    if api.content.get_state(obj=record, default=None) == "closed":
        raise Unauthorized(
            translate(
                _(
                    "error_closed_record",
                    default="A closed record cannot be deleted; the ISO "
                    "secretariat disposes of it when its retention period ends.",
                ),
                context=getRequest(),
            )
        )
