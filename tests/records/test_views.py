"""The record pages over HTTP: adding a record's file and the file's page,
preparing next year's list, the unit page's way to its records, the board's
links and year picker."""

from Acquisition import aq_base
from datetime import date
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from qms.intranet.records.views import UnitRecordsViewlet
from qms.intranet.site.demo.files import pdf_bytes

import pytest
import re
import transaction


YEAR = date.today().year
KHCN_LIST = f"don-vi/khcn/ho-so/{YEAR}"
OPEN = f"{KHCN_LIST}/ho-so-soat-xet-tai-lieu-quy-ii"


def token(text: str) -> str:
    found = re.search(r'name="_authenticator" value="([^"]+)"', text) or re.search(
        r'data-token="([^"]+)"', text
    )
    return found.group(1)


def messages(text: str) -> str:
    return " ".join(re.findall(r"portalMessage.*?</div>", text, re.S))


class TestRecordFiles:
    def test_add_a_file_named_by_its_file_name(self, http, portal_url, login_as):
        auth = login_as("khcn.staff")
        record = http.get(f"{portal_url}/{OPEN}", auth=auth)
        assert "@@add-record-file" in record.text
        response = http.post(
            f"{portal_url}/{OPEN}/@@add-record-file",
            auth=auth,
            data={"form.submitted": "1", "_authenticator": token(record.text)},
            files={"file": ("Biên bản họp.pdf", pdf_bytes("x"), "application/pdf")},
        )
        assert response.url == f"{portal_url}/{OPEN}"
        assert "Biên bản họp.pdf" in messages(response.text)
        transaction.begin()
        page = http.get(f"{portal_url}/{OPEN}/bien-ban-hop.pdf", auth=auth)
        assert page.status_code == 200
        assert "Biên bản họp.pdf" in page.text
        assert f'href="{portal_url}/{OPEN}"' in page.text  # back to the record
        download = http.get(
            f"{portal_url}/{OPEN}/bien-ban-hop.pdf/@@download/file", auth=auth
        )
        assert download.content.startswith(b"%PDF")

    def test_empty_file_refused_nothing_stored(
        self, http, portal_url, login_as, functional
    ):
        auth = login_as("khcn.staff")
        record = http.get(f"{portal_url}/{OPEN}", auth=auth)
        before = http.get(
            f"{portal_url}/++api++/{OPEN}",
            auth=auth,
            headers={"Accept": "application/json"},
        ).json()["items_total"]
        for files in (
            {"file": ("trong.pdf", b"", "application/pdf")},
            None,
        ):
            response = http.post(
                f"{portal_url}/{OPEN}/@@add-record-file",
                auth=auth,
                data={"form.submitted": "1", "_authenticator": token(record.text)},
                files=files,
            )
            assert response.url.endswith("/@@add-record-file")
            assert "qms-field-error" in response.text
        after = http.get(
            f"{portal_url}/++api++/{OPEN}",
            auth=auth,
            headers={"Accept": "application/json"},
        ).json()["items_total"]
        assert after == before

    def test_demo_files_have_a_page(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/{OPEN}/02-khcn.pdf", auth=login_as("khcn.head"))
        assert page.status_code == 200
        assert "@@download/file" in page.text

    def test_closed_record_offers_no_file_form(self, http, portal_url, login_as):
        closed = f"{KHCN_LIST}/ho-so-soat-xet-tai-lieu-quy-i"
        page = http.get(f"{portal_url}/{closed}", auth=login_as("khcn.staff"))
        assert "@@add-record-file" not in page.text

    def test_add_menu_leads_to_the_form(self, integration):
        fti = api.portal.get_tool("portal_types")["RecordFile"]
        assert fti.add_view_expr.endswith("/@@add-record-file")
        assert fti.default_view == "qms-record-file"

    def test_file_without_title_named_by_its_file_name(self, integration):
        record = integration["portal"].unrestrictedTraverse(OPEN)
        with api.env.adopt_roles(["Manager"]):
            created = createContentInContainer(  # as plone.restapi does
                record,
                "RecordFile",
                file=NamedBlobFile(pdf_bytes("y"), filename="Quyết định số 5.pdf"),
            )
        assert created.getId() == "quyet-dinh-so-5.pdf"
        assert created.Title() == "Quyết định số 5.pdf"


class TestListYears:
    def form(self, http, portal_url, auth, year):
        return http.get(
            f"{portal_url}/don-vi/phapche/ho-so/@@create-record-list",
            params={"year": year},
            auth=auth,
        )

    def test_archive_offers_this_and_next_year(self, http, portal_url, login_as):
        page = http.get(
            f"{portal_url}/don-vi/phapche/ho-so", auth=login_as("phapche.officer")
        )
        assert f"@@create-record-list?year={YEAR}" in page.text
        assert f"@@create-record-list?year={YEAR + 1}" in page.text
        staff = http.get(
            f"{portal_url}/don-vi/phapche/ho-so", auth=login_as("phapche.staff")
        )
        assert "@@create-record-list" not in staff.text

    def test_next_years_list_from_this_years(self, http, portal_url, login_as):
        auth = login_as("khcn.officer")
        form_url = f"{portal_url}/don-vi/khcn/ho-so/@@create-record-list"
        page = http.get(form_url, params={"year": YEAR + 1}, auth=auth)
        assert f'name="year" value="{YEAR + 1}"' in page.text
        assert "Hồ sơ xây dựng tiêu chuẩn, quy chuẩn kỹ thuật" in page.text
        response = http.post(
            form_url,
            auth=auth,
            data={
                "form.submitted": "1",
                "_authenticator": token(page.text),
                "year": str(YEAR + 1),
                "rows.heading:records": "Hồ sơ năm sau",
                "rows.retention:records": "5",
            },
        )
        assert response.url.endswith(f"/don-vi/khcn/ho-so/{YEAR + 1}")
        data = http.get(
            f"{portal_url}/++api++/don-vi/khcn/ho-so/{YEAR + 1}",
            auth=auth,
            headers={"Accept": "application/json"},
        ).json()
        assert data["year"] == YEAR + 1
        assert data["review_state"] == "draft"

    @pytest.mark.parametrize("year", [YEAR - 1, YEAR + 2, "abc", "3000"])
    def test_other_years_refused(self, http, portal_url, login_as, year):
        auth = login_as("phapche.officer")
        page = self.form(http, portal_url, auth, year)
        assert page.url.endswith("/don-vi/phapche/ho-so")
        assert "alert" in messages(page.text) or "portalMessage" in page.text
        response = http.post(
            f"{portal_url}/don-vi/phapche/ho-so/@@create-record-list",
            auth=auth,
            data={
                "form.submitted": "1",
                "_authenticator": token(page.text),
                "year": str(year),
                "rows.heading:records": "Hồ sơ",
                "rows.retention:records": "5",
            },
        )
        assert response.url.endswith("/don-vi/phapche/ho-so")
        listing = http.get(
            f"{portal_url}/++api++/don-vi/phapche/ho-so",
            auth=auth,
            headers={"Accept": "application/json"},
        ).json()
        assert listing["items"] == []


class TestUnitPage:
    def test_links_to_the_units_records(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/don-vi/khcn", auth=login_as("khcn.staff"))
        assert f'href="{portal_url}/don-vi/khcn/ho-so"' in page.text
        assert re.search(rf'data-year="{YEAR}"\s+data-state="approved"', page.text), (
            page.text[:200]
        )

    def test_not_shown_to_other_units(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/don-vi/khcn", auth=login_as("vp.staff"))
        assert "qms-unit-records" not in page.text

    def test_renders_no_other_page(self, integration, as_user, monkeypatch):
        """The way to the records names the archive: it does not render the
        archive's own page (a TALES path calls what it finds), which cost a
        second whole page on every unit page."""
        unit = integration["portal"]["don-vi"]["khcn"]
        archive = unit["ho-so"]

        def rendered(*args, **kwargs):
            raise AssertionError("the archive's page was rendered")

        monkeypatch.setattr(aq_base(archive).__class__, "__call__", rendered)
        viewlet = UnitRecordsViewlet(unit, integration["request"], None, None)
        with as_user("khcn.staff"):
            viewlet.update()
            html = viewlet.render()
        assert f'href="{archive.absolute_url()}"' in html


class TestBoardPage:
    def test_rows_link_to_the_list_or_the_archive(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/@@record-board", auth=login_as("iso.secretary"))
        assert f'href="{portal_url}/don-vi/khcn/ho-so/{YEAR}"' in page.text
        assert f'href="{portal_url}/don-vi/phapche/ho-so"' in page.text
        assert 'id="qms-board-year"' in page.text
        assert f'<option value="{YEAR + 1}"' in page.text

    @pytest.mark.parametrize("year", ["abc", "3000"])
    def test_bad_year_says_so_and_shows_this_year(
        self, http, portal_url, login_as, year
    ):
        page = http.get(
            f"{portal_url}/@@record-board",
            params={"year": year},
            auth=login_as("iso.secretary"),
        )
        assert page.status_code == 200
        assert "1990" in messages(page.text)  # the year error, on this page
        assert re.search(rf'value="{YEAR}"\s+selected', page.text)
