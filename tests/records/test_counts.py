"""The board and the year's figures count from the catalog's indexes: the
same numbers as counting the brains each person may see, for each role."""

from collections import Counter
from datetime import date
from plone import api
from qms.intranet.documents.statistics import figure_query
from qms.intranet.documents.statistics import FIGURES
from qms.intranet.documents.statistics import year_figures
from qms.intranet.records.board import board
from qms.intranet.records.board import visible_units
from qms.intranet.records.indexers import NO_ENTRY

import pytest


YEAR = date.today().year
LOGINS = ("iso.secretary", "leader", "khcn.head", "vp.head", "phapche.head")
KHCN_LIST = f"don-vi/khcn/ho-so/{YEAR}"


def board_from_brains(year: int) -> dict:
    """The board as it was counted before: every record's brain."""
    lists = {
        b.owning_unit: b
        for b in api.content.find(portal_type="RecordList", record_year=year)
    }
    filed = {}
    for brain in api.content.find(portal_type="Record", record_year=year):
        filed.setdefault(brain.owning_unit, []).append(brain.record_entry)
    ending = Counter(
        b.owning_unit
        for b in api.content.find(
            portal_type="Record", retention_ends=date.today().year
        )
    )
    rows = {}
    for unit, _title in visible_units():
        brain = lists.get(unit)
        entries = set(brain.record_entries or []) if brain is not None else set()
        keys = filed.get(unit, [])
        rows[unit] = {
            "entries": len(entries),
            "entries_without_records": len(entries - set(keys)),
            "records": len(keys),
            "records_outside_entries": sum(
                1 for key in keys if key == NO_ENTRY or key not in entries
            ),
            "retention_ends_this_year": ending.get(unit, 0),
        }
    return rows


def counted(year: int) -> dict:
    return {
        row["unit"]: {key: row[key] for key in board_from_brains(year)[row["unit"]]}
        for row in board(year)["items"]
    }


@pytest.fixture
def more_records(integration, as_user):
    """Records in an entry, outside any entry, and one closed long ago."""
    record_list = integration["portal"].unrestrictedTraverse(KHCN_LIST)
    entry = record_list.entries[-1]["id"]
    with as_user("khcn.staff"):
        api.content.create(
            container=record_list, type="Record", title="Trong mục", entry=entry
        )
        api.content.create(container=record_list, type="Record", title="Ngoài mục")
        api.content.create(
            container=record_list, type="Record", title="Mục lạ", entry="khong-co"
        )
    return record_list


@pytest.mark.parametrize("login", LOGINS)
def test_board_counts_what_the_brains_count(integration, as_user, more_records, login):
    with as_user(login):
        assert counted(YEAR) == board_from_brains(YEAR)
        assert counted(YEAR - 1) == board_from_brains(YEAR - 1)
        rows = {row["unit"]: row for row in board(YEAR)["items"]}
    if login in ("iso.secretary", "khcn.head"):
        assert rows["khcn"]["records"] >= 6
        assert rows["khcn"]["records_outside_entries"] >= 2


def test_staff_count_what_they_see(integration, as_user):
    with as_user("khcn.staff"):
        assert board(YEAR)["totals"]["records"] == board_from_brains_total()


def board_from_brains_total() -> int:
    return sum(row["records"] for row in board_from_brains(YEAR).values())


@pytest.mark.parametrize("login", [*LOGINS, "vp.staff", "khcn.officer"])
def test_figures_count_what_the_brains_count(integration, as_user, login):
    with as_user(login):
        for year in (YEAR - 1, YEAR, YEAR + 1):
            figures = year_figures(year)
            for figure in FIGURES:
                query = figure_query(figure, year)
                assert figures[figure] == len(api.content.find(**query)), figure
            effective = api.content.find(
                portal_type="Procedure", review_state="effective"
            )
            assert figures["effective"] == len(effective)
