"""Coverage of the year's audit programme (issue #14, ISO 9001 clause
9.2.2 a): the demo's figures per unit, the status following the audits'
workflow, the findings' nonconformities open then closed, a year without
a programme, and that whoever asks gets an answer."""

from datetime import date
from plone import api
from qms.intranet.audits.coverage import coverage
from qms.intranet.audits.coverage import KINDS
from qms.intranet.units.groups import all_units
from tests.audits.test_workflow import finding
from tests.audits.test_workflow import plan
from tests.improvement.test_workflow import act

import pytest


YEAR = date.today().year
NO_FINDINGS = dict.fromkeys(KINDS, 0)
# The demo year, unit by unit (site/demo create_audits).
DEMO = {
    "phapche": {
        "status": "audited",
        "findings": {**NO_FINDINGS, "minor_nc": 1, "observation": 1, "improvement": 1},
        # the minor nonconformity became one the unit has analysed: open
        "nonconformities": {"open": 1, "closed": 0},
        "audits": [("closed", "auditor")],
    },
    "khcn": {
        "status": "in_progress",
        "findings": {**NO_FINDINGS, "minor_nc": 1},
        # not reported yet: the finding is no nonconformity yet
        "nonconformities": {"open": 0, "closed": 0},
        "audits": [("in_progress", "auditor")],
    },
    "vp": {
        "status": "planned",
        "findings": NO_FINDINGS,
        "nonconformities": {"open": 0, "closed": 0},
        "audits": [("planned", "auditor2")],
    },
}


def rows(data) -> dict:
    return {row["unit"]: row for row in data["items"]}


def summary(row) -> dict:
    return {
        "status": row["status"],
        "findings": row["findings"],
        "nonconformities": row["nonconformities"],
        "audits": [(a["state"], a["lead_auditor"]["id"]) for a in row["audits"]],
    }


@pytest.mark.parametrize("login", ["khcn.staff", "iso.secretary", "auditor2"])
def test_the_demo_year_unit_by_unit(integration, as_user, login):
    with as_user(login):
        data = coverage(YEAR)
    assert data["year"] == YEAR
    assert data["programme"]["state"] == "approved"
    assert data["programme"]["url"].endswith(f"/danh-gia-noi-bo/{YEAR}")
    by_unit = rows(data)
    assert list(by_unit) == [brain.getId for brain in all_units()]
    for unit, expected in DEMO.items():
        assert summary(by_unit[unit]) == expected, unit
    others = set(by_unit) - set(DEMO)
    assert "thanhtra" in others
    for unit in others:
        assert by_unit[unit]["status"] == "not_planned"
        assert by_unit[unit]["audits"] == []
        assert by_unit[unit]["findings"] == NO_FINDINGS
    totals = data["totals"]
    assert totals["units"] == len(by_unit)
    assert totals["audits"] == 3
    assert totals["status"] == {
        "audited": 1,
        "in_progress": 1,
        "planned": 1,
        "not_planned": len(others),
    }
    assert totals["findings"] == {
        **NO_FINDINGS,
        "minor_nc": 2,
        "observation": 1,
        "improvement": 1,
    }
    assert totals["nonconformities"] == {"open": 1, "closed": 0}


def test_an_audit_as_the_page_and_rest_show_it(integration, as_user):
    with as_user("khcn.staff"):
        (audit,) = rows(coverage(YEAR))["khcn"]["audits"]
    assert audit["title"] == "Đánh giá nội bộ Vụ Khoa học và Công nghệ"
    assert audit["units"] == ["khcn"]
    assert audit["lead_auditor"]["fullname"].startswith("Trịnh Văn Kiên")
    start, end = date.fromisoformat(audit["start"]), date.fromisoformat(audit["end"])
    assert start <= date.today() <= end
    assert audit["url"].startswith(integration["portal"].absolute_url())


def test_the_status_follows_the_audits(integration, as_user):
    portal = integration["portal"]
    audit = plan(portal, as_user, units=("thanhtra", "khtc"), lead="auditor2")
    with as_user("khcn.staff"):
        by_unit = rows(coverage(YEAR))
    assert by_unit["thanhtra"]["status"] == by_unit["khtc"]["status"] == "planned"
    act(as_user, "auditor2", audit, "start")
    finding(as_user, audit, login="auditor2", kind="major_nc", unit="thanhtra")
    finding(as_user, audit, login="auditor2", kind="observation", unit="khtc")
    with as_user("khcn.staff"):
        by_unit = rows(coverage(YEAR))
    assert by_unit["thanhtra"]["status"] == "in_progress"
    assert by_unit["thanhtra"]["findings"]["major_nc"] == 1
    assert by_unit["khtc"]["findings"]["observation"] == 1
    audit.summary = "Thanh tra Bộ có một điểm không phù hợp nặng."
    act(as_user, "auditor2", audit, "report")
    with as_user("khcn.staff"):
        by_unit = rows(coverage(YEAR))
    assert by_unit["thanhtra"]["status"] == by_unit["khtc"]["status"] == "audited"
    assert by_unit["thanhtra"]["nonconformities"] == {"open": 1, "closed": 0}
    assert by_unit["khtc"]["nonconformities"] == {"open": 0, "closed": 0}


def test_a_cancelled_nonconformity_counts_as_closed(integration, as_user):
    portal = integration["portal"]
    audit = plan(portal, as_user, units=("thanhtra",), lead="auditor2")
    act(as_user, "auditor2", audit, "start")
    found = finding(as_user, audit, login="auditor2", unit="thanhtra")
    audit.summary = "Một điểm không phù hợp nhẹ."
    act(as_user, "auditor2", audit, "report")
    with as_user("iso.secretary"):
        nc = api.content.get(UID=found.nonconformity)
    act(as_user, "iso.secretary", nc, "cancel", comment="Trùng với phát hiện khác.")
    with as_user("khcn.staff"):
        row = rows(coverage(YEAR))["thanhtra"]
    assert row["nonconformities"] == {"open": 0, "closed": 1}


def test_a_year_without_a_programme(integration, as_user):
    with as_user("iso.secretary"):
        data = coverage(YEAR - 1)
    assert data["programme"] is None
    assert data["audits"] == []
    assert {row["status"] for row in data["items"]} == {"not_planned"}
    assert data["totals"]["status"]["not_planned"] == len(data["items"])
    assert data["totals"]["findings"] == NO_FINDINGS


def test_a_draft_programme_of_next_year(integration, as_user):
    portal = integration["portal"]
    with as_user("iso.secretary"):
        api.content.create(
            container=portal["danh-gia-noi-bo"],
            type="AuditProgramme",
            id=str(YEAR + 1),
            year=YEAR + 1,
        )
    with as_user("khcn.staff"):
        data = coverage(YEAR + 1)
    assert data["programme"]["state"] == "draft"
    assert {row["status"] for row in data["items"]} == {"not_planned"}


def test_an_anonymous_visitor_learns_nothing(integration, as_user):
    with as_user(None):
        data = coverage(YEAR)
    assert data["programme"] is None
    assert data["audits"] == []
