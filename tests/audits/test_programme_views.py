"""The pages of the audit programmes over real HTTP (issue #14): the
section, the programme with its coverage and audits, and «my audits»,
for the secretariat, a member of staff and the auditors; the add buttons
only for the secretariat; reading them writes nothing."""

from datetime import date

import pytest
import re


YEAR = date.today().year
LOGINS = ("iso.secretary", "khcn.staff", "auditor")


def last_transaction(functional) -> bytes:
    return functional["portal"]._p_jar.db().lastTransaction()


def get(http, url, auth):
    page = http.get(url, auth=auth)
    assert page.status_code == 200, (url, page.status_code)
    return page.text


def coverage_rows(html: str) -> dict:
    """unit -> (status, {data-kind/data-figure: text}) of the coverage table."""
    table = html.split('id="qms-audit-coverage"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for unit, status, row in re.findall(
        r'<tr[^>]*data-unit="(\w+)" data-status="(\w+)".*?>(.*?)</tr>', body, re.S
    ):
        figures = {
            name: re.sub(r"<[^>]+>", "", text).strip()
            for name, text in re.findall(
                r'data-(?:kind|figure)="(\w+)"[^>]*>(.*?)</td>', row, re.S
            )
        }
        rows[unit] = (status, figures, row)
    return rows


@pytest.mark.parametrize("login", LOGINS)
def test_the_section(functional, http, portal_url, login_as, login):
    html = get(http, f"{portal_url}/danh-gia-noi-bo", login_as(login))
    assert f'data-year="{YEAR}"' in html
    assert f'href="{portal_url}/danh-gia-noi-bo/{YEAR}"' in html
    assert 'data-state="approved"' in html
    add = "qms-add-programme" in html
    assert add == (login == "iso.secretary")
    if add:
        assert "++add++AuditProgramme" in html
        # the button names the first year without a programme
        button = html.split("qms-add-programme", 1)[1].split("</a>", 1)[0]
        assert str(YEAR + 1) in button
        get(
            http, f"{portal_url}/danh-gia-noi-bo/++add++AuditProgramme", login_as(login)
        )
    assert ("@@my-audits" in html) == (login == "auditor")


@pytest.mark.parametrize("login", LOGINS)
def test_the_programme(functional, http, portal_url, login_as, login):
    html = get(http, f"{portal_url}/danh-gia-noi-bo/{YEAR}", login_as(login))
    rows = coverage_rows(html)
    assert rows["phapche"][0] == "audited"
    assert rows["phapche"][1] == {
        "major_nc": "0",
        "minor_nc": "1",
        "observation": "1",
        "improvement": "1",
        "nc_open": "1",
        "nc_closed": "0",
    }
    assert rows["khcn"][0] == "in_progress"
    assert rows["vp"][0] == "planned"
    assert rows["thanhtra"][0] == "not_planned"
    assert "qms-coverage-status" in rows["thanhtra"][2]
    assert 'class="qms-not-planned"' in html
    assert "/danh-gia-noi-bo-vu-phap-che" in rows["phapche"][2]
    audits = html.split('id="qms-programme-audits"', 1)[1].split("</table>", 1)[0]
    assert len(re.findall(r"<tr data-uid=", audits)) == 3
    assert ("++add++Audit" in html) == (login == "iso.secretary")
    assert "qms-programme-text" in html  # the demo programme's objectives…


def test_my_audits_for_the_lead_auditor(functional, http, portal_url, login_as):
    html = get(http, f"{portal_url}/@@my-audits", login_as("auditor"))
    cards = re.findall(r'<article[^>]*data-state="(\w+)" data-access="(\w+)"', html)
    assert cards == [("in_progress", "open"), ("closed", "ended")]
    assert 'data-role="lead"' in html
    for path in ("don-vi/khcn", "don-vi/khcn/ho-so", "don-vi/khcn/khac-phuc"):
        assert f'href="{portal_url}/{path}"' in html
        # one click away, and open to the auditor now
        opened = http.get(f"{portal_url}/{path}", auth=login_as("auditor"))
        assert opened.status_code == 200, path
    assert f'href="{portal_url}/don-vi/phapche/ho-so"' not in html


def test_my_audits_for_a_team_member(functional, http, portal_url, login_as):
    html = get(http, f"{portal_url}/@@my-audits", login_as("auditor2"))
    cards = re.findall(
        r'<article[^>]*data-state="(\w+)" data-access="(\w+)".*?data-role="(\w+)"',
        html,
        re.S,
    )
    assert cards == [
        ("in_progress", "open", "member"),
        ("planned", "not_started", "lead"),
    ]
    assert f'href="{portal_url}/don-vi/khcn/ho-so"' in html
    assert f'href="{portal_url}/don-vi/vp/ho-so"' not in html
    assert "qms-access-note" in html


def test_my_audits_for_someone_in_no_team(functional, http, portal_url, login_as):
    html = get(http, f"{portal_url}/@@my-audits", login_as("khcn.staff"))
    assert "qms-no-audits" in html
    assert 'qms-my-audit"' not in html


def test_reading_writes_nothing(functional, http, portal_url, login_as):
    before = last_transaction(functional)
    for login in LOGINS:
        auth = login_as(login)
        for path in (
            "danh-gia-noi-bo",
            f"danh-gia-noi-bo/{YEAR}",
            "@@my-audits",
        ):
            get(http, f"{portal_url}/{path}", auth)
    assert last_transaction(functional) == before


def test_anonymous_visitors_get_no_error(functional, http, portal_url):
    for path in ("danh-gia-noi-bo", f"danh-gia-noi-bo/{YEAR}", "@@my-audits"):
        page = http.get(f"{portal_url}/{path}")
        assert page.status_code < 500, path
