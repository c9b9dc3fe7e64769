"""The inputs of a management review (ISO 9001 clause 9.3.2), gathered from
the data of a period: pure data (a JSON-able dict), no HTML. The review's
page shows them live while the review is in draft; `hold` keeps them on the
review (``review.inputs``) and the page then shows that snapshot. The
yearly report reuses `gather` (keep its name, arguments and keys stable).

``gather(period_start, period_end, scope, review=None) -> dict``:

- ``period``: {"start", "end" (ISO dates), "year"}: the figures counted by
  year (documents, nonconformities, audits, records, objectives) are those
  of the year the period ends in;
- ``scope``: "bloc" or a unit id; ``scope_title``; ``gathered_on`` (ISO
  date and time);
- ``previous_actions`` (9.3.2 a): the output actions of the earlier
  reviews of the same scope (their period ended before this one's):
  {"total", "open", "done", "overdue", "items": [{"uid", "title", "url",
  "review_title", "review_url", "responsible", "responsible_name",
  "due_date", "done_on", "state", "overdue"}]};
- ``changes`` (9.3.2 b): {"documents": {"revised", "cancelled",
  "issued_new", "pending_new", "effective", "urls": {figure: url}},
  "units_added": [{"id", "title", "url", "created"}]};
- ``performance`` (9.3.2 c):
  - ``objectives``: {"available": bool, "rows": [{"key", "title",
    "total", "achieved", "not_achieved", "no_data", "at_risk",
    "on_track"}], "totals": {…same counts}} (objectives.status.year_summary);
  - ``nonconformities``: {"reported", "open", "overdue", "closed",
    "cancelled", "verified_effective", "share_effective", "by_source":
    {source: n}, "url"} (improvement.board.board);
  - ``audits``: {"programme": {title, url, state} or None, "audits",
    "status": {audited, in_progress, planned, not_planned}, "findings":
    {kind: n}, "nonconformities": {"open", "closed"}, "url"}
    (audits.coverage.coverage);
  - ``records``: {"units", "on_time", "late", "in_draft", "missing",
    "deadline", "rows": [{"unit", "unit_title", "list_state",
    "approved_on", "status"}], "url"} (records.board.board); a list is
    on time when approved by ``deadline`` (31 January of the year);
  - ``comments``: {"count", "url"}: comments (góp ý) made in the period on
    the documents the person may see (of the unit, for a unit's review);
- ``improvement_findings`` (9.3.2 f): audit findings of kind
  ``improvement`` made in the period: [{"title", "url", "unit",
  "unit_title", "audit_title", "created"}].

Everything is found with the current person's permissions (the secretariat,
who holds the review, sees every unit): someone who sees less gets smaller
figures, never an error.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from qms.intranet.audits.coverage import coverage
from qms.intranet.audits.coverage import KINDS
from qms.intranet.audits.coverage import STATUSES
from qms.intranet.documents.content import QMS_SECTION
from qms.intranet.documents.listing import Found
from qms.intranet.documents.statistics import FIGURES
from qms.intranet.documents.statistics import year_figures
from qms.intranet.improvement.board import board as improvement_board
from qms.intranet.improvement.board import SUMMED
from qms.intranet.records.board import board as records_board
from qms.intranet.review.content import BLOC
from qms.intranet.review.content import output_actions
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER

import importlib


COUNT_KEYS = ("total", "achieved", "not_achieved", "no_data", "at_risk", "on_track")
ACTION_STATES = ("open", "done")
# A unit's record list of a year is on time when approved by this day.
LIST_DEADLINE = (1, 31)


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, DateTime):
        return value.asdatetime().date().isoformat()
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] or None


def _day(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, DateTime):
        return value.asdatetime().date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _portal_url() -> str:
    return api.portal.get().absolute_url()


def _fullname(user_id: str | None, cache: dict) -> str:
    if not user_id:
        return ""
    if user_id not in cache:
        user = api.user.get(userid=user_id)
        cache[user_id] = (user.getProperty("fullname") if user else "") or user_id
    return cache[user_id]


def scope_title(scope: str | None) -> str:
    """The unit's name, or "" for the bloc (the page says it)."""
    if not scope or scope == BLOC:
        return ""
    return unit_titles().get(scope, scope)


# (a) actions of earlier reviews


def earlier_reviews(period_end: date, scope: str, review=None) -> list:
    """The reviews of `scope` (visible to the person) whose period ended
    before `period_end`, oldest first; `review` itself is left out."""
    found = []
    own = review.UID() if review is not None else None
    for brain in api.content.find(portal_type="ManagementReview"):
        if own == brain.UID:
            continue
        try:
            obj = brain.getObject()
        except (AttributeError, KeyError):
            continue
        end = getattr(obj, "period_end", None)
        if (getattr(obj, "scope", None) or BLOC) != (scope or BLOC):
            continue
        if isinstance(end, date) and end < period_end:
            found.append(obj)
    return sorted(found, key=lambda r: r.period_end)


def action_row(action, review, today: date, names: dict) -> dict:
    """One output action as data."""
    state = api.content.get_state(obj=action, default="open")
    due = getattr(action, "due_date", None)
    overdue = state == "open" and isinstance(due, date) and due < today
    return {
        "uid": action.UID(),
        "title": action.Title(),
        "url": action.absolute_url(),
        "review_title": review.Title(),
        "review_url": review.absolute_url(),
        "responsible": action.responsible or "",
        "responsible_name": _fullname(action.responsible, names),
        "due_date": _iso(due),
        "done_on": _iso(getattr(action, "done_on", None)),
        "state": state,
        "overdue": overdue,
    }


def previous_actions(period_end: date, scope: str, review=None, today=None) -> dict:
    today = today or date.today()
    names: dict = {}
    items = [
        action_row(action, earlier, today, names)
        for earlier in earlier_reviews(period_end, scope, review)
        for action in output_actions(earlier)
    ]
    return {
        "total": len(items),
        "open": sum(item["state"] == "open" for item in items),
        "done": sum(item["state"] == "done" for item in items),
        "overdue": sum(item["overdue"] for item in items),
        "items": items,
    }


# (b) changes


def document_figures(year: int, scope: str) -> dict:
    """The year's procedures revised, cancelled, newly issued, and new ones
    not issued yet (documents.statistics), of the unit for a unit's review."""
    found = None
    if scope and scope != BLOC:
        found = Found(portal_type="Procedure", owning_unit=scope)
    figures = year_figures(year, found=found)
    base = f"{_portal_url()}/{QMS_SECTION}"
    return {
        **{name: figures[name] for name in (*FIGURES, "effective")},
        "urls": {name: f"{base}?figure={name}&year={year}" for name in FIGURES},
    }


def units_added(start: date, end: date, scope: str) -> list[dict]:
    """Units (Department) created in the period."""
    base = f"{_portal_url()}/{UNITS_FOLDER}"
    found = []
    for brain in all_units():
        created = _day(brain.created)
        if created is None or not start <= created <= end:
            continue
        if scope and scope != BLOC and brain.getId != scope:
            continue
        found.append(
            {
                "id": brain.getId,
                "title": brain.Title,
                "url": f"{base}/{brain.getId}",
                "created": created.isoformat(),
            }
        )
    return found


# (c) performance


def _year_summary():
    """objectives.status.year_summary, or None where it is not there."""
    try:
        module = importlib.import_module("qms.intranet.objectives.status")
    except ImportError:
        return None
    return getattr(module, "year_summary", None)


def objectives(year: int, scope: str) -> dict:
    summary_of = _year_summary()
    if summary_of is None:
        return {"available": False, "rows": [], "totals": dict.fromkeys(COUNT_KEYS, 0)}
    try:
        summary = summary_of(year) or {}
    except Exception:  # noqa: BLE001 - a helper's bug must not break the review
        return {"available": False, "rows": [], "totals": dict.fromkeys(COUNT_KEYS, 0)}
    titles = unit_titles()
    keys = list(summary) if scope in (None, "", BLOC) else [scope]
    rows = []
    for key in sorted(keys, key=lambda k: (k != BLOC, titles.get(k, k))):
        counts = summary.get(key) or {}
        rows.append(
            {
                "key": key,
                "title": titles.get(key, "") if key != BLOC else "",
                **{name: int(counts.get(name, 0) or 0) for name in COUNT_KEYS},
            }
        )
    totals = {name: sum(row[name] for row in rows) for name in COUNT_KEYS}
    return {"available": True, "rows": rows, "totals": totals}


def nonconformities(year: int, scope: str) -> dict:
    data = improvement_board(year)
    url = f"{_portal_url()}/@@improvement-board?year={year}"
    if scope and scope != BLOC:
        row = next((r for r in data["items"] if r["unit"] == scope), None)
        if row is None:
            row = dict.fromkeys(SUMMED, 0)
            row.update(share_effective=None, by_source={}, url=url)
        url = row.get("url", url)
        if "?" not in url:
            url = f"{url}?year={year}"
    else:
        row = data["totals"]
    return {
        **{name: row.get(name, 0) for name in SUMMED},
        "share_effective": row.get("share_effective"),
        "by_source": dict(row.get("by_source") or {}),
        "url": url,
    }


def audits(year: int, scope: str) -> dict:
    data = coverage(year)
    programme = data["programme"]
    url = programme["url"] if programme else f"{_portal_url()}/danh-gia-noi-bo"
    if scope and scope != BLOC:
        row = next((r for r in data["items"] if r["unit"] == scope), None)
        if row is None:
            return {
                "programme": programme,
                "audits": 0,
                "status": dict.fromkeys(STATUSES, 0),
                "findings": dict.fromkeys(KINDS, 0),
                "nonconformities": {"open": 0, "closed": 0},
                "url": url,
            }
        return {
            "programme": programme,
            "audits": len(row["audits"]),
            "status": {s: int(row["status"] == s) for s in STATUSES},
            "findings": dict(row["findings"]),
            "nonconformities": dict(row["nonconformities"]),
            "url": url,
        }
    totals = data["totals"]
    return {
        "programme": programme,
        "audits": totals["audits"],
        "status": dict(totals["status"]),
        "findings": dict(totals["findings"]),
        "nonconformities": dict(totals["nonconformities"]),
        "url": url,
    }


def list_status(state: str | None, approved_on, deadline: date) -> str:
    """on_time, late, in_draft or missing."""
    if state is None:
        return "missing"
    if state != "approved":
        return "in_draft"
    day = _day(approved_on)
    return "on_time" if day is not None and day <= deadline else "late"


def records(year: int, scope: str) -> dict:
    data = records_board(year)
    deadline = date(year, *LIST_DEADLINE)
    rows = []
    for row in data["items"]:
        if scope and scope != BLOC and row["unit"] != scope:
            continue
        rows.append(
            {
                "unit": row["unit"],
                "unit_title": row["unit_title"],
                "list_state": row["list_state"],
                "approved_on": row["approved_on"],
                "status": list_status(row["list_state"], row["approved_on"], deadline),
            }
        )
    count = {s: sum(r["status"] == s for r in rows) for s in ("on_time", "late")}
    return {
        "units": len(rows),
        **count,
        "in_draft": sum(r["status"] == "in_draft" for r in rows),
        "missing": sum(r["status"] == "missing" for r in rows),
        "deadline": deadline.isoformat(),
        "rows": rows,
        "url": f"{_portal_url()}/@@record-board?year={year}",
    }


def comments(start: date, end: date, scope: str) -> dict:
    """Comments made in the period that the person may see."""
    catalog = api.portal.get_tool("portal_catalog")
    query = {
        "portal_type": "Discussion Item",
        "created": {
            "query": (DateTime(start.isoformat()), DateTime(end.isoformat()) + 1),
            "range": "min:max",
        },
    }
    if scope and scope != BLOC:
        paths = [b.getPath() for b in catalog(owning_unit=scope)]
        if not paths:
            return {"count": 0, "url": ""}
        query["path"] = {"query": sorted(set(paths)), "depth": -1}
    return {"count": len(catalog(**query)), "url": ""}


# (f) opportunities for improvement found by audits


def improvement_findings(start: date, end: date, scope: str) -> list[dict]:
    query = {
        "portal_type": "AuditFinding",
        "finding_kind": "improvement",
        "created": {
            "query": (DateTime(start.isoformat()), DateTime(end.isoformat()) + 1),
            "range": "min:max",
        },
        "sort_on": "created",
    }
    if scope and scope != BLOC:
        query["owning_unit"] = scope
    titles = unit_titles()
    found = []
    for brain in api.content.find(**query):
        path = brain.getPath().rsplit("/", 1)[0]
        audit = api.content.find(path={"query": path, "depth": 0})
        unit = brain.owning_unit or ""
        found.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "unit": unit,
                "unit_title": titles.get(unit, unit),
                "audit_title": audit[0].Title if audit else "",
                "created": _iso(brain.created),
            }
        )
    return found


def gather(period_start: date, period_end: date, scope: str = BLOC, review=None):
    """The inputs of a review of `scope` over the period (see the module's
    docstring for the keys). `review`: the review they are for, left out of
    the earlier reviews."""
    start, end = _day(period_start), _day(period_end)
    if start is None or end is None:
        raise ValueError("period_start and period_end must be dates")
    scope = scope or BLOC
    year = end.year
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat(), "year": year},
        "scope": scope,
        "scope_title": scope_title(scope),
        "gathered_on": datetime.now().replace(microsecond=0).isoformat(),
        "previous_actions": previous_actions(end, scope, review),
        "changes": {
            "documents": document_figures(year, scope),
            "units_added": units_added(start, end, scope),
        },
        "performance": {
            "objectives": objectives(year, scope),
            "nonconformities": nonconformities(year, scope),
            "audits": audits(year, scope),
            "records": records(year, scope),
            "comments": comments(start, end, scope),
        },
        "improvement_findings": improvement_findings(start, end, scope),
    }
