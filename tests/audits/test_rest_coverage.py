"""GET @audit-coverage over real HTTP (issue #14): the same figures as
coverage() for a member of staff and for the secretariat, a year without a
programme, a bad year answered 400 in Vietnamese, an anonymous visitor
refused."""

from datetime import date

import pytest


YEAR = date.today().year
VI = {"Accept-Language": "vi"}


def by_unit(body) -> dict:
    return {row["unit"]: row for row in body["items"]}


@pytest.mark.parametrize("login", ["khcn.staff", "iso.secretary"])
def test_the_demo_year(functional, rest, portal_url, login):
    answer = rest("GET", f"@audit-coverage?year={YEAR}", login)
    assert answer.status_code == 200
    body = answer.json()
    assert body["@id"] == f"{portal_url}/@audit-coverage?year={YEAR}"
    assert body["year"] == YEAR
    assert body["programme"] == {
        "title": body["programme"]["title"],
        "url": f"{portal_url}/danh-gia-noi-bo/{YEAR}",
        "state": "approved",
        "year": YEAR,
    }
    rows = by_unit(body)
    assert rows["phapche"]["status"] == "audited"
    assert rows["phapche"]["findings"] == {
        "major_nc": 0,
        "minor_nc": 1,
        "observation": 1,
        "improvement": 1,
    }
    assert rows["phapche"]["nonconformities"] == {"open": 1, "closed": 0}
    assert rows["khcn"]["status"] == "in_progress"
    (audit,) = rows["khcn"]["audits"]
    assert audit["lead_auditor"]["id"] == "auditor"
    assert date.fromisoformat(audit["start"]) <= date.today()
    assert rows["vp"]["status"] == "planned"
    assert rows["thanhtra"]["status"] == "not_planned"
    assert body["totals"]["audits"] == 3
    assert [kind["id"] for kind in body["kinds"]] == [
        "major_nc",
        "minor_nc",
        "observation",
        "improvement",
    ]


def test_this_year_by_default(functional, rest):
    answer = rest("GET", "@audit-coverage", "khcn.staff")
    assert answer.status_code == 200
    assert answer.json()["year"] == YEAR


def test_a_year_without_a_programme(functional, rest):
    answer = rest("GET", f"@audit-coverage?year={YEAR - 5}", "iso.secretary")
    assert answer.status_code == 200
    body = answer.json()
    assert body["programme"] is None
    assert body["audits"] == []
    assert {row["status"] for row in body["items"]} == {"not_planned"}


@pytest.mark.parametrize("year", ["abc", "3000", "-1", "2026.5"])
def test_a_bad_year(functional, rest, year):
    answer = rest("GET", f"@audit-coverage?year={year}", "khcn.staff", headers=VI)
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "1990" in message
    assert "Năm" in message


def test_an_anonymous_visitor_is_refused(functional, rest):
    answer = rest("GET", f"@audit-coverage?year={YEAR}", None)
    assert answer.status_code == 401
