"""Record lists and records: this year's list proposed from the unit's
procedures, bad input refused, closed records frozen, disposal logged, the
completeness board — in process and over real HTTP."""

from AccessControl import Unauthorized
from datetime import date
from plone import api
from qms.intranet.records import lists
from qms.intranet.records.disposal import disposals
from qms.intranet.records.disposal import dispose
from qms.intranet.site.demo.files import pdf_bytes
from tests.conftest import JSON
from zExceptions import Unauthorized as zUnauthorized

import base64
import csv
import io
import pytest
import re
import transaction


YEAR = date.today().year
KHCN_LIST = f"don-vi/khcn/ho-so/{YEAR}"
CLOSED = f"{KHCN_LIST}/ho-so-soat-xet-tai-lieu-quy-i"
OPEN = f"{KHCN_LIST}/ho-so-soat-xet-tai-lieu-quy-ii"


class TestProposal:
    def test_from_the_units_effective_procedures(self, integration, as_user):
        unit = integration["portal"]["don-vi"]["phapche"]
        with as_user("phapche.officer"):
            rows = lists.propose_entries(unit, YEAR)
        headings = [r["heading"] for r in rows]
        assert "Hồ sơ thẩm định văn bản quy phạm pháp luật" in headings
        # drafts and pending procedures produce no records yet
        assert "Hồ sơ kiểm tra văn bản quy phạm pháp luật" not in headings
        assert all(r["procedure"] == "QT-01/PC" for r in rows)
        assert rows[0]["code"] == f"01/PHAPCHE-{YEAR}"

    def test_cancelled_procedures_propose_nothing(self, integration, as_user):
        with as_user("vp.officer"):
            rows = lists.propose_entries(
                integration["portal"]["don-vi"]["vp"], YEAR + 1
            )
        headings = [r["heading"] for r in rows]
        assert "Hồ sơ quản lý văn bản đến" in headings
        assert "Hồ sơ tổ chức hội nghị, hội thảo" not in headings  # QT-03/VP cancelled

    def test_last_years_entries_come_first(self, integration, as_user):
        unit = integration["portal"]["don-vi"]["khcn"]
        with as_user("khcn.officer"):
            rows = lists.propose_entries(unit, YEAR + 1)
        last_year = [e["heading"] for e in unit["ho-so"][str(YEAR)].entries]
        assert [r["heading"] for r in rows[: len(last_year)]] == last_year
        assert rows[0]["responsible"] == "khcn.staff"


class TestBadInput:
    def test_year_already_has_a_list(self, integration, as_user):
        unit = integration["portal"]["don-vi"]["khcn"]
        with as_user("khcn.officer"), pytest.raises(lists.RecordError):
            lists.create_list(unit, YEAR, [{"heading": "X", "retention": "5"}])

    @pytest.mark.parametrize("retention", ["năm năm", "-3", "0", "", "5.5", "1000"])
    def test_retention_not_a_number(self, integration, as_user, retention):
        unit = integration["portal"]["don-vi"]["phapche"]
        with (
            as_user("phapche.officer"),
            pytest.raises(lists.RecordError, match="vĩnh viễn"),
        ):
            lists.create_list(
                unit, YEAR, [{"heading": "Hồ sơ", "retention": retention}]
            )
        assert str(YEAR) not in unit["ho-so"].objectIds()

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("10", 10),
            ("vĩnh viễn", "permanent"),
            ("Vĩnh viễn", "permanent"),
            (" 2 ", 2),
        ],
    )
    def test_retention_accepted(self, text, value):
        assert lists.parse_retention(text) == value

    def test_form_shows_the_error_and_creates_nothing(self, http, portal_url, login_as):
        auth = login_as("phapche.officer")
        form_url = f"{portal_url}/don-vi/phapche/ho-so/@@create-record-list"
        page = http.get(form_url, auth=auth)
        assert "Hồ sơ thẩm định văn bản quy phạm pháp luật" in page.text
        token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
        response = http.post(
            form_url,
            auth=auth,
            data={
                "form.submitted": "1",
                "_authenticator": token,
                "rows.heading:records": "Hồ sơ thẩm định",
                "rows.retention:records": "năm năm",
            },
        )
        assert "vĩnh viễn" in response.text
        listing = http.get(
            f"{portal_url}/++api++/don-vi/phapche/ho-so", headers=JSON, auth=auth
        )
        assert listing.json()["items"] == []

    def test_entry_of_another_unit_refused(self, rest):
        khcn_entry = rest("GET", KHCN_LIST, "iso.secretary").json()["entries"][0]["id"]
        vp_list = f"don-vi/vp/ho-so/{YEAR}"
        response = rest(
            "POST",
            vp_list,
            "vp.staff",
            json={
                "@type": "Record",
                "title": "Hồ sơ lạc",
                "entry": khcn_entry + "x",
            },
        )
        assert response.status_code == 400
        assert "entry" in response.text

    def test_filing_in_another_units_list_refused(self, rest):
        response = rest(
            "POST", KHCN_LIST, "vp.staff", json={"@type": "Record", "title": "Hồ sơ"}
        )
        assert response.status_code in (401, 403)


class TestCreateThroughTheForm:
    def test_officer_creates_this_years_list(self, http, portal_url, login_as):
        auth = login_as("phapche.officer")
        form_url = f"{portal_url}/don-vi/phapche/ho-so/@@create-record-list"
        page = http.get(form_url, auth=auth)
        token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
        rows = [
            ("Hồ sơ thẩm định", "10", "phapche.staff"),
            ("Hồ sơ bỏ đi", "5", ""),
            ("Sổ theo dõi", "vĩnh viễn", ""),
        ]
        data = [("form.submitted", "1"), ("_authenticator", token)]
        for heading, retention, responsible in rows:  # row by row, as browsers send
            data += [
                ("rows.heading:records", heading),
                ("rows.retention:records", retention),
                ("rows.responsible:records", responsible),
            ]
        response = http.post(form_url, auth=auth, data=data)
        assert response.url.endswith(f"/don-vi/phapche/ho-so/{YEAR}"), re.findall(
            r"portalMessage.*?</div>", response.text, re.S
        )
        data = http.get(
            f"{portal_url}/++api++/don-vi/phapche/ho-so/{YEAR}", headers=JSON, auth=auth
        ).json()
        assert data["review_state"] == "draft"
        assert [(e["heading"], e["retention"]) for e in data["entries"]] == [
            ("Hồ sơ thẩm định", 10),
            ("Hồ sơ bỏ đi", 5),
            ("Sổ theo dõi", "permanent"),
        ]
        staff_view = http.get(
            f"{portal_url}/don-vi/phapche/ho-so/{YEAR}", auth=login_as("phapche.staff")
        )
        assert (
            "qms-mine" in staff_view.text
        )  # the staff member sees which entry is theirs


class TestClosedRecords:
    def test_rest_refuses_edit_and_delete(self, rest):
        assert rest(
            "PATCH", CLOSED, "khcn.staff", json={"title": "Sửa"}
        ).status_code in (401, 403)
        assert rest(
            "PATCH", CLOSED, "iso.secretary", json={"title": "Sửa"}
        ).status_code in (401, 403)
        assert rest("DELETE", CLOSED, "khcn.officer").status_code in (401, 403)
        assert rest("DELETE", CLOSED, "iso.secretary").status_code in (401, 403)
        assert (
            rest("GET", CLOSED, "khcn.staff").json()["title"]
            == "Hồ sơ soát xét tài liệu quý I"
        )

    def test_ui_refuses_edit(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/{CLOSED}/edit", auth=login_as("khcn.officer"))
        assert page.url.endswith("/insufficient-privileges")

    def test_nobody_deletes_it_even_with_container_rights(self, integration):
        record = integration["portal"].unrestrictedTraverse(CLOSED)
        with (
            api.env.adopt_roles(["Manager"]),
            pytest.raises(zUnauthorized),
        ):
            record.aq_parent.manage_delObjects([record.getId()])
        # below the permission checks, the removal event refuses it too
        with pytest.raises(Unauthorized, match="tiêu hủy|dispos"):
            record.aq_parent._delObject(record.getId())
        assert record.getId() in record.aq_parent.objectIds()

    def test_open_record_can_be_closed_and_then_is_frozen(self, rest):
        assert (
            rest(
                "PATCH", OPEN, "khcn.staff", json={"reference_number": "02b"}
            ).status_code
            == 204
        )
        closed = rest("POST", f"{OPEN}/@workflow/close", "khcn.staff", json={})
        assert closed.status_code == 200
        record = rest("GET", OPEN, "khcn.staff").json()
        assert record["closed_on"] == date.today().isoformat()
        assert rest(
            "PATCH", OPEN, "khcn.staff", json={"reference_number": "x"}
        ).status_code in (401, 403)


class TestDisposal:
    def test_not_before_retention_ends(self, integration, as_user):
        record = integration["portal"].unrestrictedTraverse(CLOSED)
        with as_user("iso.secretary"), pytest.raises(lists.RecordError):
            dispose(record, "Hết thời hạn")
        assert record.getId() in record.aq_parent.objectIds()

    def test_logged_with_who_and_why(self, integration, as_user):
        record = integration["portal"].unrestrictedTraverse(CLOSED)
        record.closed_on = date(YEAR - 10, 1, 1)  # closed ten years ago, kept five
        with as_user("iso.secretary"), pytest.raises(lists.RecordError):
            dispose(record, "  ")
        with as_user("khcn.officer"), pytest.raises(Unauthorized):
            dispose(record, "Hết thời hạn")
        with as_user("iso.secretary"):
            entry = dispose(record, "Hết thời hạn bảo quản")
        assert (
            record.getId()
            not in integration["portal"].unrestrictedTraverse(KHCN_LIST).objectIds()
        )
        assert entry["who"] == "iso.secretary"
        assert entry["why"] == "Hết thời hạn bảo quản"
        assert disposals()[0]["title"] == "Hồ sơ soát xét tài liệu quý I"


class TestIsolation:
    @pytest.mark.parametrize(
        "login", ["vp.staff", "vp.officer", "phapche.head", "leader"]
    )
    def test_other_units_see_nothing(self, rest, http, portal_url, login_as, login):
        assert rest("GET", OPEN, login).status_code in (401, 403, 404)
        assert rest("GET", KHCN_LIST, login).status_code in (401, 403, 404)
        found = rest("GET", "@search", login, params={"portal_type": "Record"}).json()
        assert not [i for i in found["items"] if "/don-vi/khcn/" in i["@id"]]
        folder = rest("GET", "don-vi/khcn/ho-so", login).json()
        assert folder["items"] == []
        download = http.get(
            f"{portal_url}/{OPEN}/01-khcn.pdf/@@download/file",
            auth=login_as(login),
            allow_redirects=False,
        )
        assert not download.content.startswith(b"%PDF")

    def test_own_unit_and_secretariat_see_them(self, rest, http, portal_url, login_as):
        for login in ("khcn.staff", "khcn.head", "iso.secretary"):
            assert rest("GET", OPEN, login).status_code == 200
        download = http.get(
            f"{portal_url}/{KHCN_LIST}/ho-so-ban-hanh-quy-trinh-moi/03-khcn.pdf/@@download/file",
            auth=login_as("khcn.staff"),
        )
        assert download.content.startswith(b"%PDF")


class TestBoard:
    def test_three_situations(self, rest):
        board = rest("GET", "@record-board", "iso.secretary").json()
        rows = {r["unit"]: r for r in board["items"]}
        assert rows["khcn"]["list_state"] == "approved"
        assert rows["khcn"]["approved_on"] == date.today().isoformat()
        assert rows["vp"]["list_state"] == "draft"
        assert rows["phapche"]["list_state"] is None
        assert rows["khcn"]["records"] == 3
        assert rows["khcn"]["entries_without_records"] == rows["khcn"]["entries"] - 2
        assert board["totals"]["units"] == 9
        assert board["totals"]["lists_established"] == 1
        assert board["totals"]["units_without_list"] == 7

    def test_a_head_sees_their_unit(self, rest):
        board = rest("GET", "@record-board", "khcn.head").json()
        assert [r["unit"] for r in board["items"]] == ["khcn"]

    def test_sortable(self, rest):
        board = rest(
            "GET",
            "@record-board",
            "iso.secretary",
            params={"sort_on": "entries_without_records", "sort_order": "descending"},
        ).json()
        counts = [r["entries_without_records"] for r in board["items"]]
        assert counts == sorted(counts, reverse=True)

    def test_bad_year(self, rest):
        assert (
            rest(
                "GET", "@record-board", "iso.secretary", params={"year": "abc"}
            ).status_code
            == 400
        )

    def test_record_outside_entries_counted(self, rest):
        rest(
            "POST",
            KHCN_LIST,
            "khcn.staff",
            json={"@type": "Record", "title": "Hồ sơ lẻ"},
        )
        rows = {
            r["unit"]: r
            for r in rest("GET", "@record-board", "iso.secretary").json()["items"]
        }
        assert rows["khcn"]["records_outside_entries"] == 1

    def test_csv_export(self, http, portal_url, login_as):
        response = http.get(
            f"{portal_url}/@@record-board.csv", auth=login_as("iso.secretary")
        )
        assert response.headers["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        khcn = next(r for r in rows if r["unit"] == "khcn")
        assert khcn["list_state"] == "approved"
        assert khcn["unit_title"] == "Vụ Khoa học và Công nghệ"
        assert len(rows) == 9

    def test_page(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/@@record-board", auth=login_as("iso.secretary"))
        assert page.status_code == 200
        assert 'data-unit="phapche"' in page.text


def test_file_a_record_with_files_over_rest(rest):
    entry = rest("GET", KHCN_LIST, "khcn.staff").json()["entries"][2]["id"]
    created = rest(
        "POST",
        KHCN_LIST,
        "khcn.staff",
        json={
            "@type": "Record",
            "id": "hs-moi",
            "title": "Hồ sơ mới",
            "entry": entry,
            "reference_number": "09/KHCN",
            "confidentiality": "normal",
        },
    )
    assert created.status_code == 201, created.text
    pdf = {
        "data": base64.b64encode(pdf_bytes("x")).decode(),
        "encoding": "base64",
        "filename": "bien-ban.pdf",
        "content-type": "application/pdf",
    }
    added = rest(
        "POST",
        f"{KHCN_LIST}/hs-moi",
        "khcn.staff",
        json={"@type": "RecordFile", "file": pdf},
    )
    assert added.status_code == 201, added.text
    transaction.begin()
