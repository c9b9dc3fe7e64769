"""A draft of one unit is invisible to another unit everywhere: its page,
folder listings, navigation, the catalog, @search, @querystring-search and
its file download URLs. Checked over real HTTP against the demo data, where
QT-03/KHCN is a draft of Vụ Khoa học và Công nghệ."""

from plone import api
from tests.conftest import JSON

import pytest


DRAFT = "don-vi/khcn/quy-trinh-danh-gia-ket-qua-nhiem-vu-khoa-hoc"
DRAFT_TITLE = "Quy trình đánh giá kết quả nhiệm vụ khoa học"
EFFECTIVE = "don-vi/khcn/quy-trinh-xay-dung-tieu-chuan-quy-chuan-ky-thuat"
OBSOLETE = "don-vi/vp/quy-trinh-to-chuc-hoi-nghi-hoi-thao"


@pytest.fixture
def api_get(http, portal_url, login_as):
    def get(path, login, **kwargs):
        return http.get(
            f"{portal_url}/++api++/{path}", headers=JSON, auth=login_as(login), **kwargs
        )

    return get


@pytest.mark.parametrize("login", ["vp.staff", "vp.officer", "phapche.head"])
class TestOtherUnitSeesNothing:
    def test_page(self, http, portal_url, login_as, login):
        response = http.get(f"{portal_url}/{DRAFT}", auth=login_as(login))
        assert DRAFT_TITLE not in response.text
        assert response.status_code in (401, 403, 404) or response.url.endswith(
            "/insufficient-privileges"
        )

    def test_rest_content(self, api_get, login):
        assert api_get(DRAFT, login).status_code in (401, 403, 404)

    def test_folder_listing(self, api_get, login):
        items = api_get("don-vi/khcn", login).json()["items"]
        assert DRAFT_TITLE not in [item["title"] for item in items]

    def test_unit_page(self, http, portal_url, login_as, login):
        page = http.get(f"{portal_url}/don-vi/khcn", auth=login_as(login))
        assert page.status_code == 200
        assert DRAFT_TITLE not in page.text
        assert "Quy trình xây dựng tiêu chuẩn" in page.text  # effective is listed

    def test_navigation(self, api_get, login):
        nav = api_get(
            "don-vi/khcn/@contextnavigation",
            login,
            params={"expand.contextnavigation.bottomLevel": 5},
        )
        assert nav.status_code == 200
        assert DRAFT_TITLE not in nav.text

    def test_search(self, api_get, login):
        found = api_get(
            "@search", login, params={"SearchableText": "nhiệm vụ khoa học"}
        )
        titles = [item["title"] for item in found.json()["items"]]
        assert DRAFT_TITLE not in titles

    def test_search_by_code(self, api_get, login):
        found = api_get("@search", login, params={"document_code": "QT-03/KHCN"})
        assert found.json()["items_total"] == 0

    def test_querystring_search(self, http, portal_url, login_as, login):
        response = http.post(
            f"{portal_url}/++api++/@querystring-search",
            headers=JSON,
            auth=login_as(login),
            json={
                "query": [
                    {
                        "i": "portal_type",
                        "o": "plone.app.querystring.operation.selection.any",
                        "v": ["Procedure"],
                    }
                ],
                "b_size": 200,
            },
        )
        assert response.status_code == 200
        titles = [item["title"] for item in response.json()["items"]]
        assert DRAFT_TITLE not in titles
        assert "Quy trình xây dựng tiêu chuẩn, quy chuẩn kỹ thuật" in titles

    @pytest.mark.parametrize("field", ["signed_original", "editable_source"])
    def test_file_download(self, http, portal_url, login_as, login, field):
        response = http.get(
            f"{portal_url}/{DRAFT}/@@download/{field}",
            auth=login_as(login),
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403, 404)
        assert not response.content.startswith((b"%PDF", b"PK"))

    def test_catalog(self, functional, as_user, login):
        with as_user(login):
            titles = [b.Title for b in api.content.find(portal_type="Procedure")]
        assert DRAFT_TITLE not in titles
        assert "Quy trình xây dựng tiêu chuẩn, quy chuẩn kỹ thuật" in titles


@pytest.mark.parametrize(
    "login", ["khcn.staff", "khcn.officer", "khcn.head", "iso.secretary", "leader"]
)
def test_owning_unit_secretariat_and_leaders_see_the_draft(api_get, login):
    response = api_get(DRAFT, login)
    assert response.status_code == 200
    assert response.json()["review_state"] == "draft"


@pytest.mark.parametrize("login", ["vp.staff", "phapche.staff"])
def test_every_staff_member_reads_effective_documents(
    http, portal_url, login_as, login
):
    page = http.get(f"{portal_url}/{EFFECTIVE}", auth=login_as(login))
    assert page.status_code == 200
    assert "QT-01/KHCN" in page.text
    download = http.get(
        f"{portal_url}/{EFFECTIVE}/@@download/signed_original", auth=login_as(login)
    )
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF-")


class TestObsolete:
    def test_hidden_from_staff(self, api_get):
        assert api_get(OBSOLETE, "vp.staff").status_code in (401, 403, 404)
        found = api_get("@search", "vp.staff", params={"SearchableText": "hội nghị"})
        assert "Quy trình tổ chức hội nghị, hội thảo" not in found.text

    def test_marked_for_officers(self, http, portal_url, login_as):
        page = http.get(f"{portal_url}/{OBSOLETE}", auth=login_as("vp.officer"))
        assert page.status_code == 200
        assert "qms-obsolete" in page.text
        assert "hết hiệu lực" in page.text.lower()
