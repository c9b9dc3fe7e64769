"""Coverage of a year's internal audit programme (issue #14, ISO 9001
clause 9.2.2 a): for each unit of the site, the audits of the year that
cover it, whether it has been audited, the findings made there by kind and
the nonconformities they became, open or closed. The programme's page and
`GET @audit-coverage` read it.

Found with the current person's permissions (restricted searches only).
Findings may be many: they are counted from the indexes (qms_year,
owning_unit, finding_kind, finding_nc_state) by intersecting record ids,
without loading a brain. Audits are few (one or two a unit a year): their
brains give title, state and dates, the audited_units index their units,
and the audit itself only its lead auditor (not kept in the catalog).
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from datetime import date
from plone import api
from qms.intranet.audits.vocabularies import FINDING_KINDS
from qms.intranet.core.catalog import as_set
from qms.intranet.core.catalog import found_rids
from qms.intranet.core.catalog import index
from qms.intranet.core.catalog import indexed_rids
from qms.intranet.core.i18n import translated
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import UNITS_FOLDER


KINDS = tuple(value for value, _label in FINDING_KINDS)
# A unit's status: the furthest any of its audits of the year has gone.
STATUSES = ("audited", "in_progress", "planned", "not_planned")
AUDITED_STATES = frozenset({"reported", "closed"})
# A linked nonconformity in one of these states is no longer open.
CLOSED_NC_STATES = frozenset({"closed", "cancelled"})


def _iso(value) -> str | None:
    """A date (or Zope DateTime) as YYYY-MM-DD."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "ISO8601"):
        return value.ISO8601()[:10]
    return None


def _fullname(user_id: str | None, cache: dict) -> str:
    """The person's full name (their id when they are gone)."""
    if not user_id:
        return ""
    if user_id not in cache:
        user = api.user.get(userid=user_id)
        cache[user_id] = (user.getProperty("fullname") if user else "") or user_id
    return cache[user_id]


def programme_info(year: int) -> dict | None:
    """The programme of `year` the person may see: title, url, state."""
    for brain in api.content.find(portal_type="AuditProgramme", qms_year=year):
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "state": brain.review_state,
            "year": year,
        }
    return None


def _lead_auditor(brain) -> str | None:
    """The audit's lead auditor: the one thing the catalog does not keep
    (audit_team holds the team without order)."""
    try:
        return brain.getObject().lead_auditor
    except Exception:  # noqa: BLE001 - gone or hidden: the row still shows
        return None


def year_audits(catalog, year: int) -> list[dict]:
    """The audits of the year's programme the person may see, by start."""
    units_index = index(catalog, "audited_units")._unindex
    names = {}
    found = []
    for brain in api.content.find(portal_type="Audit", qms_year=year, sort_on="start"):
        lead = _lead_auditor(brain)
        found.append(
            {
                "uid": brain.UID,
                "title": brain.Title,
                "url": brain.getURL(),
                "state": brain.review_state,
                "start": _iso(brain.start),
                "end": _iso(brain.end),
                "units": sorted(units_index.get(brain.getRID()) or ()),
                "lead_auditor": {"id": lead, "fullname": _fullname(lead, names)},
            }
        )
    return found


def unit_status(audits: list[dict]) -> str:
    """How far the unit's audits of the year have gone."""
    states = {audit["state"] for audit in audits}
    if states & AUDITED_STATES:
        return "audited"
    if "in_progress" in states:
        return "in_progress"
    if "planned" in states:
        return "planned"
    return "not_planned"


def _nc_sets(catalog, findings: IISet) -> tuple[IISet, IISet]:
    """Among `findings`, those whose nonconformity is open and closed (a
    finding that became none is not indexed in finding_nc_state)."""
    opened, closed = [], []
    for state, rids in index(catalog, "finding_nc_state")._index.items():
        (closed if state in CLOSED_NC_STATES else opened).append(as_set(rids))
    return (
        intersection(findings, multiunion(opened)),
        intersection(findings, multiunion(closed)),
    )


def _unit_row(catalog, brain, audits, findings, sets, portal_url) -> dict:
    """The row of one unit."""
    unit = brain.getId
    own = [audit for audit in audits if unit in audit["units"]]
    in_unit = intersection(findings, indexed_rids(catalog, "owning_unit", unit))
    return {
        "unit": unit,
        "unit_title": brain.Title,
        "url": f"{portal_url}/{UNITS_FOLDER}/{unit}",
        "status": unit_status(own),
        "audits": own,
        "findings": {kind: len(intersection(in_unit, sets[kind])) for kind in KINDS},
        "nonconformities": {
            "open": len(intersection(in_unit, sets["nc_open"])),
            "closed": len(intersection(in_unit, sets["nc_closed"])),
        },
    }


def _totals(rows: list[dict], audits: list[dict]) -> dict:
    return {
        "units": len(rows),
        "audits": len(audits),
        "status": {
            status: sum(row["status"] == status for row in rows) for status in STATUSES
        },
        "findings": {
            kind: sum(row["findings"][kind] for row in rows) for kind in KINDS
        },
        "nonconformities": {
            name: sum(row["nonconformities"][name] for row in rows)
            for name in ("open", "closed")
        },
    }


def coverage(year: int | None = None) -> dict:
    """The coverage of `year` (this year by default) for the current person:
    {"year", "programme", "kinds", "audits", "items": [row per unit],
    "totals"}."""
    year = year or date.today().year
    catalog = api.portal.get_tool("portal_catalog")
    portal_url = api.portal.get().absolute_url()
    programme = programme_info(year)
    audits = year_audits(catalog, year) if programme is not None else []
    findings = IISet()
    if programme is not None:
        findings = found_rids(catalog, portal_type="AuditFinding", qms_year=year)
    sets = {kind: indexed_rids(catalog, "finding_kind", kind) for kind in KINDS}
    sets["nc_open"], sets["nc_closed"] = _nc_sets(catalog, findings)
    rows = [
        _unit_row(catalog, brain, audits, findings, sets, portal_url)
        for brain in all_units()
    ]
    return {
        "year": year,
        "programme": programme,
        "kinds": [
            {"id": value, "title": translated(label)} for value, label in FINDING_KINDS
        ],
        "audits": audits,
        "items": rows,
        "totals": _totals(rows, audits),
    }
