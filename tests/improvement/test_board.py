"""The improvement board (issue #13): its figures for a known set of
nonconformities, who sees which rows, the page, the CSV export and
GET @improvement-board, and that reading it writes nothing.

The known set is detected in a year of its own (three years ago: the demo's
nonconformities are all of the last months), in khcn, plus one in vp."""

from datetime import date
from datetime import timedelta
from qms.intranet.improvement.board import board
from qms.intranet.improvement.board import SOURCE_IDS
from qms.intranet.improvement.vocabularies import SOURCES
from qms.intranet.units.groups import all_units
from statistics import median
from tests.improvement.test_workflow import act
from tests.improvement.test_workflow import add_action
from tests.improvement.test_workflow import report
from zope.i18n import translate

import csv
import io
import pytest
import re
import transaction


TODAY = date.today()
YEAR = TODAY.year - 3
CLOSED_DETECTED = (date(YEAR, 3, 1), date(YEAR, 6, 10))
MEDIAN = median((TODAY - day).days for day in CLOSED_DETECTED)
KHCN = {
    "reported": 8,
    "open": 5,
    "overdue": 1,
    "closed": 2,
    "cancelled": 1,
    "verified_effective": 1,  # the other was found not effective first
    "median_days_to_close": round(float(MEDIAN), 1),
    "share_effective": 0.5,
}
KHCN_SOURCES = {
    "daily_work": 3,
    "internal_audit": 2,
    "external_audit": 1,
    "complaint": 1,
    "management_review": 0,
    "other": 1,
}


def nc(portal, as_user, source, day=None, unit="khcn", title=None):
    return report(
        portal,
        as_user,
        login=f"{unit}.staff",
        unit=unit,
        title=title or f"Sự không phù hợp ({source})",
        source=source,
        detected_on=day or date(YEAR, 5, 2),
    )


def analysed(portal, as_user, source, day=None, **action):
    """Reported, analysed, with one corrective action planned."""
    item = nc(portal, as_user, source, day)
    item.root_cause = "Quy trình chưa quy định bước kiểm tra."
    act(as_user, "khcn.officer", item, "analyse")
    return item, add_action(as_user, item, **action)


def in_progress(portal, as_user, source, day=None, **action):
    item, first = analysed(portal, as_user, source, day, **action)
    act(as_user, "khcn.head", item, "plan")
    return item, first


def done(as_user, action):
    action.result = "Đã thực hiện."
    act(as_user, action.responsible, action, "complete")


def pending(portal, as_user, source, day=None):
    item, first = in_progress(portal, as_user, source, day)
    done(as_user, first)
    act(as_user, "khcn.officer", item, "complete")
    return item


def closed(portal, as_user, source, day, reopened=False):
    item = pending(portal, as_user, source, day)
    if reopened:  # found not effective once: reopened, then done again
        act(as_user, "iso.secretary", item, "reopen", comment="Chưa hiệu lực.")
        act(as_user, "khcn.officer", item, "complete")
    item.effectiveness = "effective"
    act(as_user, "iso.secretary", item, "verify")
    return item


def known_set(portal, as_user) -> dict:
    """Eight nonconformities of khcn and one of vp, detected in YEAR."""
    made = {
        "reported": nc(portal, as_user, "daily_work"),
        "analysed": analysed(portal, as_user, "internal_audit")[0],
        # an open action due five days ago: overdue
        "overdue": in_progress(
            portal, as_user, "complaint", due_date=TODAY - timedelta(days=5)
        )[0],
        "in_progress": in_progress(portal, as_user, "daily_work")[0],
        "pending": pending(portal, as_user, "external_audit"),
        "closed_1": closed(portal, as_user, "internal_audit", CLOSED_DETECTED[0]),
        "closed_2": closed(
            portal, as_user, "daily_work", CLOSED_DETECTED[1], reopened=True
        ),
    }
    # cancelled with an overdue action still open: not counted overdue
    cancelled, _action = analysed(
        portal, as_user, "other", due_date=TODAY - timedelta(days=30)
    )
    act(as_user, "iso.secretary", cancelled, "cancel", comment="Không có cơ sở")
    made["cancelled"] = cancelled
    made["vp"] = nc(portal, as_user, "complaint", unit="vp")
    return made


def rows_of(as_user, login, year=YEAR) -> dict:
    with as_user(login):
        data = board(year)
    return {row["unit"]: row for row in data["items"]}, data


@pytest.fixture
def known(integration, as_user):
    return known_set(integration["portal"], as_user)


class TestFigures:
    def test_the_secretariat_sees_every_unit_and_right_figures(self, known, as_user):
        rows, data = rows_of(as_user, "iso.secretary")
        assert list(rows) == [brain.getId for brain in all_units()]
        khcn = rows["khcn"]
        assert {name: khcn[name] for name in KHCN} == KHCN
        assert khcn["by_source"] == KHCN_SOURCES
        assert khcn["url"].endswith("/don-vi/khcn/khac-phuc")
        assert rows["vp"]["reported"] == rows["vp"]["open"] == 1
        assert rows["vp"]["median_days_to_close"] is None
        assert rows["vp"]["share_effective"] is None
        assert rows["phapche"]["reported"] == 0
        totals = data["totals"]
        assert totals["reported"] == 9
        assert totals["open"] == 6
        assert totals["overdue"] == 1
        assert totals["median_days_to_close"] == KHCN["median_days_to_close"]
        assert totals["share_effective"] == 0.5
        assert totals["by_source"]["complaint"] == 2
        assert [s["id"] for s in data["sources"]] == list(SOURCE_IDS)
        assert data["entitled"] is True

    def test_the_figures_follow_the_workflow(self, known, as_user):
        overdue = known["overdue"]
        (action,) = overdue.objectValues()
        done(as_user, action)  # the late action is done: no longer overdue
        rows, _data = rows_of(as_user, "iso.secretary")
        assert rows["khcn"]["overdue"] == 0
        assert rows["khcn"]["open"] == 5
        # another year counts none of them
        rows, _data = rows_of(as_user, "iso.secretary", YEAR - 1)
        assert rows["khcn"]["reported"] == 0

    def test_who_sees_which_rows(self, known, as_user):
        rows, _data = rows_of(as_user, "leader")  # the leaders: every unit
        assert rows["khcn"]["reported"] == 8
        assert rows["vp"]["reported"] == 1
        for login, unit in (("khcn.head", "khcn"), ("vp.head", "vp")):
            rows, data = rows_of(as_user, login)  # a head: their unit only
            assert list(rows) == [unit], login
            assert data["totals"]["units"] == 1
            assert data["totals"]["reported"] == rows[unit]["reported"]
        rows, _data = rows_of(as_user, "phapche.head")
        assert list(rows) == ["phapche"]
        assert rows["phapche"]["reported"] == 0
        # staff, officers, another unit, anonymous: no row, no figure
        for login in ("khcn.staff", "khcn.officer", "vp.staff", None):
            rows, data = rows_of(as_user, login)
            assert rows == {}, login
            assert data["entitled"] is False
            assert data["totals"]["reported"] == 0


# Over HTTP: the page, the CSV, the REST service, and no writes.


@pytest.fixture
def published(functional, as_user):
    made = known_set(functional["portal"], as_user)
    transaction.commit()
    return made


def last_transaction(functional) -> bytes:
    return functional["portal"]._p_jar.db().lastTransaction()


def cells(html: str, unit: str) -> dict:
    """figure -> text of the row of `unit` on the page's main table."""
    table = html.split('id="qms-improvement-board"', 1)[1].split("</table>", 1)[0]
    row = re.search(rf'<tr[^>]*data-unit="{unit}".*?</tr>', table, re.S).group(0)
    return {
        name: re.sub(r"<[^>]+>", "", text).strip()
        for name, text in re.findall(r'data-figure="(\w+)"[^>]*>(.*?)</td>', row, re.S)
    }


class TestOverHTTP:
    def test_page_csv_and_rest_agree_and_write_nothing(
        self, published, functional, http, portal_url, rest, login_as
    ):
        before = last_transaction(functional)
        auth = login_as("iso.secretary")
        # REST
        answer = rest("GET", f"@improvement-board?year={YEAR}", "iso.secretary")
        assert answer.status_code == 200, answer.text
        rows = {row["unit"]: row for row in answer.json()["items"]}
        assert {name: rows["khcn"][name] for name in KHCN} == KHCN
        assert rows["khcn"]["by_source"] == KHCN_SOURCES
        # the page: rows, figures, links to the registers
        page = http.get(
            f"{portal_url}/@@improvement-board", params={"year": YEAR}, auth=auth
        )
        assert page.status_code == 200, page.text[:3000]
        found = cells(page.text, "khcn")
        assert found["reported"] == "8"
        assert found["overdue"] == "1"
        assert found["cancelled"] == "1"
        assert found["share_effective"] == "50 %"
        assert found["median_days_to_close"] == (
            str(int(MEDIAN))
            if int(MEDIAN) == MEDIAN
            else f"{MEDIAN:.1f}".replace(".", ",")
        )
        register = f"{portal_url}/don-vi/khcn/khac-phuc"
        assert f'href="{register}"' in page.text
        assert f'href="{register}?year={YEAR}&amp;overdue=1"' in page.text
        assert 'id="qms-improvement-sources"' in page.text
        assert f'<option value="{YEAR}"' in page.text
        # the CSV
        exported = http.get(
            f"{portal_url}/@@improvement-board.csv", params={"year": YEAR}, auth=auth
        )
        assert exported.status_code == 200
        assert exported.headers["Content-Type"].startswith("text/csv")
        assert exported.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
        table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        header = table[0]
        assert len(header) == 8 + len(SOURCE_IDS)
        assert header[0] == "Đơn vị"
        khcn = next(line for line in table if line[0] == "Vụ Khoa học và Công nghệ")
        assert khcn[1:6] == ["8", "5", "1", "2", "1"]
        assert khcn[7] == "50"
        assert khcn[8:] == [str(KHCN_SOURCES[s]) for s in SOURCE_IDS]
        assert table[-1][1] == "9"  # the totals
        # nothing of it wrote to the database
        rows_seen = {}
        for login in ("iso.secretary", "khcn.head", "khcn.staff", "leader"):
            for path in ("@@improvement-board", "@@improvement-board.csv"):
                http.get(f"{portal_url}/{path}", auth=login_as(login))
            items = rest("GET", f"@improvement-board?year={YEAR}", login).json()
            rows_seen[login] = [row["unit"] for row in items["items"]]
        assert last_transaction(functional) == before
        # logged in over HTTP, the leader sees every unit too (a group's role)
        assert rows_seen["leader"] == rows_seen["iso.secretary"] == list(rows)
        assert rows_seen["khcn.head"] == ["khcn"]
        assert rows_seen["khcn.staff"] == []

    def test_a_head_sees_their_row_staff_a_sentence(
        self, published, http, portal_url, login_as, rest
    ):
        url = f"{portal_url}/@@improvement-board"
        page = http.get(url, params={"year": YEAR}, auth=login_as("khcn.head"))
        assert page.status_code == 200
        assert cells(page.text, "khcn")["reported"] == "8"
        assert 'data-unit="vp"' not in page.text
        assert "/don-vi/vp/khac-phuc" not in page.text
        tables = "".join(
            page.text.split('id="qms-improvement-board"')[1].split("</table>")[:2]
        )
        assert "Văn phòng Bộ" not in tables

        page = http.get(url, params={"year": YEAR}, auth=login_as("khcn.staff"))
        assert page.status_code == 200
        assert "qms-board-not-entitled" in page.text
        assert 'id="qms-improvement-board"' not in page.text
        # the way to their own unit's register, and only that
        assert f'href="{portal_url}/don-vi/khcn/khac-phuc"' in page.text
        assert "/don-vi/vp/khac-phuc" not in page.text
        exported = http.get(f"{url}.csv", auth=login_as("khcn.staff"))
        assert exported.status_code == 403
        answer = rest("GET", f"@improvement-board?year={YEAR}", "khcn.staff")
        assert answer.status_code == 200
        assert answer.json()["items"] == []
        assert answer.json()["message"]

    def test_a_bad_year(self, functional, http, portal_url, rest, login_as):
        auth = login_as("iso.secretary")
        for year in ("abc", "3000", "-1", "2026.5"):
            answer = rest("GET", f"@improvement-board?year={year}", "iso.secretary")
            assert answer.status_code == 400, year
            assert "1990" in answer.json()["error"]["message"]
            page = http.get(
                f"{portal_url}/@@improvement-board", params={"year": year}, auth=auth
            )
            assert page.status_code == 200  # this year's board, with the message
            assert "1990" in page.text
            assert re.search(rf'value="{TODAY.year}"\s+selected', page.text)
            exported = http.get(
                f"{portal_url}/@@improvement-board.csv",
                params={"year": year},
                auth=auth,
            )
            assert exported.status_code < 500


# Needs the translations of /tmp/i18n/improvement-board.tsv in the catalogs.
VIETNAMESE_HEADER = [
    "Đơn vị",
    "Phát hiện trong năm",
    "Đang xử lý",
    "Quá hạn",
    "Đã đóng",
    "Đã hủy bỏ",
    "Số ngày xử lý (trung vị)",
    "Có hiệu lực ngay lần kiểm tra đầu (%)",
]


def test_csv_headers_in_vietnamese(functional, http, portal_url, login_as):
    exported = http.get(
        f"{portal_url}/@@improvement-board.csv", auth=login_as("iso.secretary")
    )
    header = next(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert header[:8] == VIETNAMESE_HEADER
    # the sources as the vocabulary's labels read in Vietnamese
    assert header[8:] == [
        translate(label, target_language="vi") for _v, label in SOURCES
    ]
