"""The year's figures of the whole QMS, as the steering committee reads them
(issue #15): documents (the article's four figures, per unit and in total),
internal audits and management reviews held, nonconformities, objectives,
record lists and comments. The evaluation's criteria, the yearly report
(page, JSON and DOCX) and the dashboard all read `year_figures`.

Each part is read from the concept that owns it (documents.statistics,
audits.coverage, improvement.board, records.board, objectives.status), with
the permissions of the person asking: the secretariat and the leaders see
every unit. A concept that is missing (objectives, management reviews) gives
an empty part, never an error.
"""

from datetime import date
from plone import api
from qms.intranet.core.dates import as_day
from qms.intranet.documents.content import QMS_SECTION
from qms.intranet.documents.listing import Found
from qms.intranet.documents.listing import rids_of
from qms.intranet.documents.statistics import figure_query
from qms.intranet.documents.statistics import FIGURES as DOCUMENT_FIGURES
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import UNITS_FOLDER
from urllib.parse import urlencode

import logging


logger = logging.getLogger("qms.intranet.review")

DOCUMENT_FIGURE_IDS = tuple(
    DOCUMENT_FIGURES
)  # revised, cancelled, issued_new, pending_new


def portal_url() -> str:
    return api.portal.get().absolute_url()


def units() -> list[tuple[str, str]]:
    """(id, title) of every unit, by title."""
    return [(brain.getId, brain.Title) for brain in all_units()]


# Documents


def document_link(figure: str, year: int, unit: str = "") -> str:
    """The QMS section's list of the documents behind a figure."""
    params = {"figure": figure, "year": year}
    if unit:
        params["unit"] = unit
    return f"{portal_url()}/{QMS_SECTION}?{urlencode(params)}"


def steering_committee() -> bool:
    """The secretariat and the leaders count every unit's documents,
    obsolete and drafts included (the leaders may not open those: the
    links lead to the lists they may read)."""
    if api.user.is_anonymous():
        return False
    roles = set(api.user.get_current().getRoles())
    return sees_every_unit() or "QMSLeader" in roles


def procedures() -> Found:
    """The procedures counted: all of them for the steering committee,
    those the person may see for anyone else."""
    if not steering_committee():
        return Found(portal_type="Procedure")
    catalog = api.portal.get_tool("portal_catalog")
    found = Found.__new__(Found)
    found.catalog = catalog._catalog
    found.rids = rids_of(catalog.unrestrictedSearchResults(portal_type="Procedure"))
    return found


def document_figures(year: int) -> dict:
    """The four figures of procedures per unit and in total:
    {"items": [{unit, unit_title, revised, cancelled, issued_new,
    pending_new, links}], "totals": {...}, "links": {...}}."""
    visible = procedures()
    rows = []
    for unit, title in units():
        mine = visible.narrowed(owning_unit=unit)
        counts = {
            figure: len(mine.where(**_without_type(figure_query(figure, year))))
            for figure in DOCUMENT_FIGURE_IDS
        }
        rows.append(
            {
                "unit": unit,
                "unit_title": title,
                **counts,
                "links": {
                    figure: document_link(figure, year, unit)
                    for figure in DOCUMENT_FIGURE_IDS
                },
            }
        )
    totals = {
        figure: len(visible.where(**_without_type(figure_query(figure, year))))
        for figure in DOCUMENT_FIGURE_IDS
    }
    return {
        "items": rows,
        "totals": totals,
        "links": {
            figure: document_link(figure, year) for figure in DOCUMENT_FIGURE_IDS
        },
    }


def _without_type(query: dict) -> dict:
    return {k: v for k, v in query.items() if k != "portal_type"}


# Procedures due for review


def review_figures(year: int) -> dict:
    """unit -> {"due", "reviewed"}: procedures whose periodic review fell in
    `year` (next review date in the year, or revised or reviewed without
    revision in the year) and those reviewed (revised, or confirmed still
    suitable, in the year)."""
    end = date(year, 12, 31)
    catalog = api.portal.get_tool("portal_catalog")
    events_of = catalog._catalog.getIndex("qms_events")._unindex
    found = {}
    for brain in api.content.find(
        portal_type="Procedure", review_state=("effective", "obsolete")
    ):
        unit = brain.owning_unit
        if not unit:
            continue
        row = found.setdefault(unit, {"due": 0, "reviewed": 0})
        events = events_of.get(brain.getRID()) or ()
        if f"revised:{year}" in events or f"reviewed:{year}" in events:
            row["due"] += 1
            row["reviewed"] += 1
            continue
        if brain.review_state != "effective":
            continue
        next_review = as_day(brain.next_review_date)
        if next_review and next_review <= end and next_review.year == year:
            row["due"] += 1
    return found


# Audits and management reviews


def audit_figures(year: int) -> dict:
    """The coverage of the year's audit programme (audits.coverage)."""
    from qms.intranet.audits.coverage import coverage

    data = coverage(year)
    return {
        "programme": data["programme"],
        "audits": [
            {
                "title": audit["title"],
                "url": audit["url"],
                "state": audit["state"],
                "start": audit["start"],
                "end": audit["end"],
                "units": audit["units"],
            }
            for audit in data["audits"]
        ],
        "items": [
            {
                "unit": row["unit"],
                "unit_title": row["unit_title"],
                "status": row["status"],
                "findings": sum(row["findings"].values()),
                "nc_open": row["nonconformities"]["open"],
                "nc_closed": row["nonconformities"]["closed"],
            }
            for row in data["items"]
        ],
        "totals": {
            "units": data["totals"]["units"],
            "audits": data["totals"]["audits"],
            "audited": data["totals"]["status"]["audited"],
            "findings": sum(data["totals"]["findings"].values()),
            "nc_open": data["totals"]["nonconformities"]["open"],
            "nc_closed": data["totals"]["nonconformities"]["closed"],
        },
        "url": data["programme"]["url"] if data["programme"] else "",
    }


def _iso(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "ISO8601"):
        return value.ISO8601()[:10]
    return None


def management_reviews(year: int) -> list[dict]:
    """The management reviews held in `year` (none when the type is not
    there or none was held)."""
    found = []
    try:
        brains = api.content.find(portal_type="ManagementReview")
    except Exception:  # noqa: BLE001 - the type may not exist yet
        return found
    for brain in brains:
        try:
            held = brain.getObject().date
        except Exception:  # noqa: BLE001
            held = None
        day = _iso(held)
        if day and int(day[:4]) == year:
            found.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "date": day,
                    "state": brain.review_state,
                }
            )
    return sorted(found, key=lambda item: item["date"])


# Nonconformities, record lists, objectives, comments


def nonconformity_figures(year: int) -> dict:
    from qms.intranet.improvement.board import board
    from qms.intranet.improvement.board import register_url

    data = board(year)
    keys = ("reported", "open", "overdue", "closed", "cancelled", "verified_effective")
    return {
        "items": [
            {
                "unit": row["unit"],
                "unit_title": row["unit_title"],
                "url": f"{register_url(row['unit'])}?year={year}",
                **{key: row[key] for key in keys},
            }
            for row in data["items"]
        ],
        "totals": {key: data["totals"][key] for key in keys},
        "url": f"{portal_url()}/@@improvement-board?year={year}",
    }


def record_list_figures(year: int) -> dict:
    from qms.intranet.records.board import board

    data = board(year)
    return {
        "items": [
            {
                "unit": row["unit"],
                "unit_title": row["unit_title"],
                "list_state": row["list_state"],
                "approved_on": row["approved_on"],
                "entries": row["entries"],
                "records": row["records"],
            }
            for row in data["items"]
        ],
        "totals": {
            key: data["totals"][key]
            for key in (
                "units",
                "lists_established",
                "lists_in_draft",
                "units_without_list",
            )
        },
        "url": f"{portal_url()}/@@record-board?year={year}",
    }


OBJECTIVE_KEYS = ("total", "achieved", "not_achieved", "no_data", "at_risk", "on_track")


def objective_figures(year: int) -> dict:
    """objectives.status.year_summary(year), when the objectives are there:
    {"available", "items": {unit or "bloc": counts}, "totals"}."""
    try:
        from qms.intranet.objectives.status import year_summary
    except ImportError:
        return {
            "available": False,
            "items": {},
            "totals": dict.fromkeys(OBJECTIVE_KEYS, 0),
        }
    try:
        summary = year_summary(year) or {}
    except Exception:  # noqa: BLE001 - never a 5xx for a missing part
        logger.exception("objectives of %s", year)
        summary = {}
    items = {
        key: {name: int(value.get(name, 0) or 0) for name in OBJECTIVE_KEYS}
        for key, value in summary.items()
        if isinstance(value, dict)
    }
    totals = {name: sum(row[name] for row in items.values()) for name in OBJECTIVE_KEYS}
    return {"available": True, "items": items, "totals": totals}


def _reply_to(brain):
    """The id of the comment a comment answers (None for a first one)."""
    try:
        return getattr(brain._unrestrictedGetObject(), "in_reply_to", None)
    except Exception:  # noqa: BLE001 - gone: counted as a first comment
        return None


def comment_figures(year: int) -> dict:
    """unit -> {"comments", "answered"}: the comments made in `year` on the
    unit's documents (first comments, not replies), and those that got a
    reply or were moderated (no longer pending)."""
    catalog = api.portal.get_tool("portal_catalog")
    start = date(year, 1, 1)
    end = date(year, 12, 31)
    from DateTime import DateTime

    brains = catalog.searchResults(
        portal_type="Discussion Item",
        created={
            "query": (
                DateTime(start.isoformat()),
                DateTime(f"{end.isoformat()} 23:59:59"),
            ),
            "range": "min:max",
        },
    )
    owner = catalog._catalog.getIndex("owning_unit")._unindex
    uids = catalog._catalog.uids
    per_document = {}
    for brain in brains:
        path = brain.getPath()
        document = path.split("/++conversation++")[0]
        per_document.setdefault(document, []).append(brain)
    found = {}
    for document, comments in per_document.items():
        rid = uids.get(document)
        unit = owner.get(rid) if rid is not None else None
        if not unit:
            continue
        # in_reply_to is not in the catalog: the comments of the document's
        # year are woken (a few per document)
        replies = {brain.getPath(): _reply_to(brain) for brain in comments}
        replied = {str(value) for value in replies.values() if value}
        row = found.setdefault(unit, {"comments": 0, "answered": 0})
        for brain in comments:
            if replies[brain.getPath()]:
                continue
            row["comments"] += 1
            comment_id = brain.getPath().rsplit("/", 1)[-1]
            if comment_id in replied or brain.review_state not in ("pending", None):
                row["answered"] += 1
    return found


# All of it


def year_figures(year: int | None = None) -> dict:
    """Every figure of `year` for the report, the page and the JSON."""
    year = year or date.today().year
    documents = document_figures(year)
    return {
        "year": year,
        "documents": documents,
        "audits": audit_figures(year),
        "management_reviews": management_reviews(year),
        "nonconformities": nonconformity_figures(year),
        "objectives": objective_figures(year),
        "record_lists": record_list_figures(year),
        "units": [{"id": unit, "title": title} for unit, title in units()],
        "links": {
            "qms_section": f"{portal_url()}/{QMS_SECTION}",
            "units": f"{portal_url()}/{UNITS_FOLDER}",
        },
    }
