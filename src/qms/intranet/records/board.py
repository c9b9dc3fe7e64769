"""The completeness board of record lists: per unit and year, whether the list
is established (and when), its entries with no record yet, records filed
outside any entry, and records whose retention ends this year.

Counted from the catalog's indexes (set intersections and their lengths),
never by loading a record's brain or waking its object, so it stays fast
with tens of thousands of records. Each person
counts what they may see: the secretariat every unit, a head their own.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from datetime import date
from plone import api
from qms.intranet.core.catalog import found_rids
from qms.intranet.core.catalog import indexed_rids
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import units_of_user


COLUMNS = (
    "unit",
    "unit_title",
    "list_state",
    "approved_on",
    "entries",
    "entries_without_records",
    "records",
    "records_outside_entries",
    "retention_ends_this_year",
)
SORTABLE = set(COLUMNS)


def visible_units() -> list[tuple[str, str]]:
    """(id, title) of the units the current person reports on."""
    units = [(brain.getId, brain.Title) for brain in all_units()]
    if sees_every_unit():
        return units
    mine = set(units_of_user())
    return [(uid, title) for uid, title in units if uid in mine]


def board(year: int | None = None, sort_on: str = "unit_title", reverse=False) -> dict:
    """Counted from the catalog's indexes: the records the person may see are
    one restricted search per figure, cut per unit and per entry by set
    intersections of the owning_unit and record_entry indexes; only the lists'
    brains (one a unit) are loaded."""
    year = year or date.today().year
    catalog = api.portal.get_tool("portal_catalog")
    lists = {
        b.owning_unit: b
        for b in catalog.searchResults(portal_type="RecordList", record_year=year)
    }
    records = found_rids(catalog, portal_type="Record", record_year=year)
    ending = found_rids(catalog, portal_type="Record", retention_ends=date.today().year)
    rows = []
    for unit, title in visible_units():
        brain = lists.get(unit)
        entries = set(brain.record_entries or []) if brain is not None else set()
        in_unit = indexed_rids(catalog, "owning_unit", unit)
        unit_records = intersection(records, in_unit) if records else IISet()
        filed = {
            key: len(
                intersection(unit_records, indexed_rids(catalog, "record_entry", key))
            )
            for key in entries
        }
        rows.append(
            {
                "unit": unit,
                "unit_title": title,
                "list_state": brain.review_state if brain is not None else None,
                "approved_on": brain.approved_on.isoformat()
                if brain is not None and brain.approved_on
                else None,
                "entries": len(entries),
                "entries_without_records": sum(1 for n in filed.values() if not n),
                "records": len(unit_records),
                # filed under no entry ("none") or an entry not in the list
                "records_outside_entries": len(unit_records) - sum(filed.values()),
                "retention_ends_this_year": len(intersection(ending, in_unit))
                if ending
                else 0,
            }
        )
    key = sort_on if sort_on in SORTABLE else "unit_title"
    rows.sort(key=lambda r: (r[key] is None, r[key] or 0), reverse=reverse)
    totals = {
        "units": len(rows),
        "lists_established": sum(1 for r in rows if r["list_state"] == "approved"),
        "lists_in_draft": sum(
            1 for r in rows if r["list_state"] in ("draft", "pending_review")
        ),
        "units_without_list": sum(1 for r in rows if r["list_state"] is None),
        **{
            name: sum(r[name] for r in rows)
            for name in (
                "entries",
                "entries_without_records",
                "records",
                "records_outside_entries",
                "retention_ends_this_year",
            )
        },
    }
    return {"year": year, "items": rows, "totals": totals}
