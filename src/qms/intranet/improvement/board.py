"""The improvement board (issue #13): per unit and in total, for a year, the
nonconformities reported, open, overdue, closed and cancelled, the median
number of days to close one, the share of closed ones verified effective,
and the count by source; its page, CSV export and the REST service read it.

Counted from the catalog's indexes only: one restricted search gives the
record ids (rids) of the year's nonconformities the person may see, then
set intersections with the review_state, owning_unit, nc_source and
nc_effectiveness indexes and their lengths give the figures; the days to
close are read from the stored values of the detected_on and closed_on
FieldIndexes by rid. No brain is loaded, no object woken, nothing written.

Who sees which rows: the secretariat (sees_every_unit) and the leaders
(QMSLeader) every unit, a unit's head their own unit; anyone else none (the
page says so): other units' staff learn nothing of a unit's
nonconformities, and nobody sees a title here, only counts.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from datetime import date
from datetime import timedelta
from plone import api
from plone.memoize.view import memoize
from qms.intranet import _
from qms.intranet.core.catalog import found_rids
from qms.intranet.core.catalog import index
from qms.intranet.core.catalog import indexed_rids
from qms.intranet.core.i18n import translated
from qms.intranet.core.views import YearPage
from qms.intranet.improvement.content import REGISTER_ID
from qms.intranet.improvement.vocabularies import SOURCES
from qms.intranet.improvement.workflow import NC_STATES
from qms.intranet.improvement.workflow import OPEN_NC_STATES
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import UNITS_FOLDER
from qms.intranet.units.groups import units_of_user
from qms.intranet.units.groups import units_where
from statistics import median

import csv
import io


LEADER_ROLE = "QMSLeader"
SOURCE_IDS = tuple(value for value, _label in SOURCES)
# The counts of a row (and of the totals), in the order the page shows them.
COUNTS = ("reported", "open", "overdue", "closed", "cancelled")
FIGURES = (*COUNTS, "median_days_to_close", "share_effective")
# What the totals add up: the counts, and the closed ones verified effective.
SUMMED = (*COUNTS, "verified_effective")

NOT_ENTITLED = _(
    "improvement_board_not_entitled",
    default="The improvement board is for the ISO secretariat, the ministry's "
    "leaders and the heads of units. The nonconformities of your unit are in "
    "its register.",
)


# Who sees which rows


def board_units() -> list[tuple[str, str]]:
    """(id, title) of the units whose rows the current person sees: every
    unit for the secretariat and the leaders, their own for a head, none
    for anyone else."""
    if api.user.is_anonymous():
        return []
    units = [(brain.getId, brain.Title) for brain in all_units()]
    if sees_every_unit() or LEADER_ROLE in api.user.get_current().getRoles():
        return units
    heads = set(units_where("heads"))
    return [(uid, title) for uid, title in units if uid in heads]


def register_url(unit: str) -> str:
    return f"{api.portal.get().absolute_url()}/{UNITS_FOLDER}/{unit}/{REGISTER_ID}"


# Counting from the indexes


def _overdue(catalog, open_ncs: IISet) -> IISet:
    """The rids of the nonconformities among `open_ncs` with at least one
    open action whose due date has passed."""
    if not open_ncs:
        return IISet()
    yesterday = date.today() - timedelta(days=1)
    actions = found_rids(
        catalog,
        portal_type="CorrectiveAction",
        review_state="open",
        due_date={"query": yesterday, "range": "max"},
    )
    return intersection(open_ncs, parents_of(catalog, actions))


def parents_of(catalog, rids) -> IISet:
    """The rids of the containers of `rids` (an action's nonconformity),
    from the catalog's rid -> path and path -> rid maps."""
    paths, uids = catalog._catalog.paths, catalog._catalog.uids
    parents = IISet()
    for rid in rids:
        path = paths.get(rid)
        parent = uids.get(path.rpartition("/")[0]) if path else None
        if parent is not None:
            parents.insert(parent)
    return parents


def _days_to_close(catalog, closed) -> list[int]:
    """Days from detection to closing of each closed nonconformity, read
    from the FieldIndexes' stored values (rid -> date)."""
    detected = index(catalog, "detected_on")._unindex
    closed_on = index(catalog, "closed_on")._unindex
    days = []
    for rid in closed:
        start, end = detected.get(rid), closed_on.get(rid)
        if isinstance(start, date) and isinstance(end, date):
            days.append((end - start).days)
    return days


def _median(days: list[int]) -> float | None:
    return round(float(median(days)), 1) if days else None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _figures(sets: dict, unit_set: IISet, catalog) -> tuple[dict, list[int]]:
    """The figures of the nonconformities in `unit_set`, and their days to
    close (the totals' median is the median of every closed one)."""
    cut = {name: intersection(unit_set, found) for name, found in sets.items()}
    days = _days_to_close(catalog, cut["closed"])
    closed, effective = len(cut["closed"]), len(cut["effective"])
    row = {
        "reported": len(unit_set),
        "open": len(cut["open"]),
        "overdue": len(cut["overdue"]),
        "closed": closed,
        "cancelled": len(cut["cancelled"]),
        "verified_effective": effective,
        "median_days_to_close": _median(days),
        "share_effective": _share(effective, closed),
        "by_source": {source: len(cut[f"source:{source}"]) for source in SOURCE_IDS},
    }
    return row, days


def board(year: int | None = None) -> dict:
    """The board of `year` (this year by default) for the current person:
    {"year", "entitled", "sources", "items": [row per unit], "totals"}."""
    year = year or date.today().year
    units = board_units()
    catalog = api.portal.get_tool("portal_catalog")
    sources = [{"id": value, "title": translated(label)} for value, label in SOURCES]
    rows, all_days = [], []
    if units:
        year_ncs = found_rids(catalog, portal_type="Nonconformity", qms_year=year)
        state = {
            name: intersection(year_ncs, indexed_rids(catalog, "review_state", name))
            for name in NC_STATES
        }
        open_ncs = multiunion([state[name] for name in OPEN_NC_STATES])
        sets = {
            "open": open_ncs,
            "overdue": _overdue(catalog, open_ncs),
            "closed": state["closed"],
            "cancelled": state["cancelled"],
            # effective the first time: closed, never reopened
            "effective": intersection(
                state["closed"], indexed_rids(catalog, "nc_reopened", False)
            ),
            **{
                f"source:{source}": intersection(
                    year_ncs, indexed_rids(catalog, "nc_source", source)
                )
                for source in SOURCE_IDS
            },
        }
        for unit, title in units:
            in_unit = intersection(year_ncs, indexed_rids(catalog, "owning_unit", unit))
            row, days = _figures(sets, in_unit, catalog)
            all_days.extend(days)
            rows.append(
                {"unit": unit, "unit_title": title, "url": register_url(unit), **row}
            )
    totals = {
        "units": len(rows),
        **{name: sum(row[name] for row in rows) for name in SUMMED},
        "by_source": {
            source: sum(row["by_source"][source] for row in rows)
            for source in SOURCE_IDS
        },
    }
    totals["median_days_to_close"] = _median(all_days)
    totals["share_effective"] = _share(totals["verified_effective"], totals["closed"])
    return {
        "year": year,
        "entitled": bool(units),
        "sources": sources,
        "items": rows,
        "totals": totals,
    }


# Classic UI: the page and its CSV export


def percent(value: float | None) -> str:
    """0.667 -> '67 %' (empty when there is nothing to measure)."""
    return "" if value is None else f"{round(value * 100)} %"


def days_text(value: float | None) -> str:
    """12.5 -> '12,5' (Vietnamese decimal comma)."""
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


# Filters of the register page the figures link to (`state`: a state of
# NC_STATES or "open"; `overdue=1`; `source`; `year`).
FIGURE_FILTERS = {
    "reported": "",
    "open": "&state=open",
    "overdue": "&overdue=1",
    "closed": "&state=closed",
    "cancelled": "&state=cancelled",
}

COLUMN_TITLES = {
    "unit": _("col_unit", default="Unit"),
    "reported": _("col_nc_reported", default="Reported in the year"),
    "open": _("col_nc_open", default="Open"),
    "overdue": _("col_nc_overdue", default="Overdue"),
    "closed": _("col_nc_closed", default="Closed"),
    "cancelled": _("col_nc_cancelled", default="Cancelled"),
    "median_days_to_close": _("col_nc_median_days", default="Median days to close"),
    "share_effective": _(
        "col_nc_share_effective_first",
        default="Effective at the first verification (%)",
    ),
}


class ImprovementBoardView(YearPage):
    """@@improvement-board: the board of a year, with its year picker, a row
    per unit the person may see (each figure leads to the unit's register,
    filtered), the totals and the count by source."""

    @memoize
    def data(self) -> dict:
        return board(self.year())

    def year_options(self) -> list[int]:
        """Three years back, this year, next year (and the year shown)."""
        this_year = date.today().year
        years = set(range(this_year - 3, this_year + 2)) | {self.year()}
        return sorted(years, reverse=True)

    def column_title(self, name: str) -> str:
        return translated(COLUMN_TITLES[name], self.request)

    def figure_url(self, row: dict, figure: str) -> str:
        """The unit's register filtered to the items behind a figure."""
        if figure.startswith("source:"):
            extra = f"&source={figure.split(':', 1)[1]}"
        else:
            extra = FIGURE_FILTERS.get(figure, "")
        return f"{row['url']}?year={self.year()}{extra}"

    def percent(self, value) -> str:
        return percent(value)

    def days(self, value) -> str:
        return days_text(value)

    def my_registers(self) -> list[dict]:
        """For someone who sees no row: the registers of their own units."""
        titles = {brain.getId: brain.Title for brain in all_units()}
        return [
            {"title": titles.get(unit, unit), "url": register_url(unit)}
            for unit in units_of_user()
        ]

    def links(self) -> dict:
        portal_url = api.portal.get().absolute_url()
        return {
            "csv": f"{portal_url}/@@improvement-board.csv?year={self.year()}",
            "record_board": f"{portal_url}/@@record-board?year={self.year()}",
            "form": f"{portal_url}/@@improvement-board",
        }


class ImprovementBoardCSV(ImprovementBoardView):
    """The board as CSV: UTF-8 with a BOM (so spreadsheets read Vietnamese),
    Vietnamese headers, a row per unit, then the totals."""

    def header(self, sources: list[dict]) -> list[str]:
        return [
            *(self.column_title(name) for name in ("unit", *FIGURES)),
            *(source["title"] for source in sources),
        ]

    def line(self, title: str, row: dict) -> list:
        share = row["share_effective"]
        return [
            title,
            *(row[name] for name in COUNTS),
            "" if row["median_days_to_close"] is None else row["median_days_to_close"],
            "" if share is None else round(share * 100),
            *(row["by_source"][source] for source in SOURCE_IDS),
        ]

    def __call__(self):
        data = self.data()
        response = self.request.response
        if not data["entitled"]:
            response.setStatus(403)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translated(NOT_ENTITLED, self.request)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(self.header(data["sources"]))
        for row in data["items"]:
            writer.writerow(self.line(row["unit_title"], row))
        writer.writerow(
            self.line(
                translated(_("board_total", default="Total"), self.request),
                data["totals"],
            )
        )
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="khac-phuc-{data["year"]}.csv"',
        )
        return "\ufeff" + out.getvalue()
