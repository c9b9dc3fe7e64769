"""Over real HTTP: anonymous visitors get the login form and nothing else;
staff who log in get the Vietnamese intranet."""

from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import TEST_USER_NAME
from qms.intranet.site.demo.data import DEMO_PASSWORD

import pytest
import transaction


LOGIN_FORM = 'name="__ac_name"'


@pytest.fixture
def internal_page(functional):
    """A page published to staff (internal state), committed for HTTP."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=portal,
            type="Document",
            id="quy-che-noi-bo",
            title="Quy chế làm việc nội bộ",
        )
        api.content.transition(obj=page, transition="publish_internally")
    transaction.commit()
    return page


class TestAnonymous:
    @pytest.mark.parametrize(
        "path",
        [
            "",
            "/quy-che-noi-bo",
            "/@@search?SearchableText=quy",
            "/sitemap",
            "/contact-info",
            "/@@register",
            "/RSS",
            "/folder_contents",
        ],
    )
    def test_pages_lead_to_login_form(self, http, portal_url, internal_page, path):
        response = http.get(portal_url + path)
        assert response.status_code == 200
        assert "/login" in response.url or "require_login" in response.url
        assert LOGIN_FORM in response.text
        assert "Quy chế làm việc nội bộ" not in response.text

    def test_login_form_in_vietnamese(self, http, portal_url):
        response = http.get(portal_url)
        assert 'lang="vi"' in response.text
        assert "Đăng nhập" in response.text
        assert "Mật khẩu" in response.text

    def test_login_form_names_the_system(self, http, portal_url):
        response = http.get(portal_url + "/login")
        assert "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015" in response.text

    @pytest.mark.parametrize(
        "path", ["", "/quy-che-noi-bo", "/@search?SearchableText=quy", "/@navigation"]
    )
    def test_rest_api_answers_401(self, http, portal_url, internal_page, path):
        response = http.get(
            f"{portal_url}/++api++{path}", headers={"Accept": "application/json"}
        )
        assert response.status_code == 401
        assert response.json()["type"] == "Unauthorized"
        assert "Quy chế" not in response.text

    def test_rest_api_json_accept_answers_401(self, http, portal_url, internal_page):
        response = http.get(
            portal_url + "/quy-che-noi-bo", headers={"Accept": "application/json"}
        )
        assert response.status_code == 401

    def test_catalog_finds_nothing_for_anonymous(self, functional, internal_page):
        logout()
        assert api.user.is_anonymous()
        assert len(api.content.find(SearchableText="Quy chế")) == 0
        login(functional["portal"], TEST_USER_NAME)
        found = api.content.find(SearchableText="Quy chế", portal_type="Document")
        assert [b.getObject() for b in found] == [internal_page]


class TestLoggedIn:
    def test_login_form_logs_in(self, http, portal_url, internal_page):
        response = http.post(
            portal_url + "/login",
            data={
                "__ac_name": "vp.staff",
                "__ac_password": DEMO_PASSWORD,
                "came_from": portal_url + "/quy-che-noi-bo",
                "buttons.login": "Đăng nhập",
                "form.submitted": "1",
            },
        )
        assert response.status_code == 200
        assert "__ac" in http.cookies
        page = http.get(portal_url + "/quy-che-noi-bo")
        assert "Quy chế làm việc nội bộ" in page.text

    def test_wrong_password_refused(self, http, portal_url):
        response = http.post(
            portal_url + "/login",
            data={
                "__ac_name": "vp.staff",
                "__ac_password": "sai",
                "buttons.login": "1",
            },
        )
        assert "__ac" not in http.cookies
        assert LOGIN_FORM in response.text

    def test_staff_get_vietnamese_ui(self, http, portal_url, login_as):
        response = http.get(portal_url, auth=login_as("vp.staff"))
        assert response.status_code == 200
        html = response.text
        assert 'lang="vi"' in html
        assert "Đăng xuất" in html  # personal menu, core catalog
        assert "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015" in html  # ours
        assert "Log out" not in html

    def test_english_on_request(self, http, portal_url, login_as):
        """The language cookie switches a user to English."""
        http.cookies.set("I18N_LANGUAGE", "en")
        html = http.get(portal_url, auth=login_as("vp.staff")).text
        assert 'lang="en"' in html
        assert "Quality management system to TCVN ISO 9001:2015" in html

    def test_staff_read_internal_page(self, http, portal_url, internal_page, login_as):
        response = http.get(portal_url + "/quy-che-noi-bo", auth=login_as("vp.staff"))
        assert response.status_code == 200
        assert "Quy chế làm việc nội bộ" in response.text

    def test_rest_api_for_staff(self, http, portal_url, internal_page, login_as):
        response = http.get(
            portal_url + "/++api++/quy-che-noi-bo", auth=login_as("vp.staff")
        )
        assert response.status_code == 200
        assert response.json()["title"] == "Quy chế làm việc nội bộ"
        assert response.json()["review_state"] == "internal"

    def test_private_page_hidden_from_other_staff(
        self, functional, http, portal_url, login_as
    ):
        portal = functional["portal"]
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal, type="Document", id="nhap", title="Bản nháp"
            )
        transaction.commit()
        response = http.get(portal_url + "/++api++/nhap", auth=login_as("vp.staff"))
        assert response.status_code == 401
