"""The `qms` distribution creates a working Vietnamese intranet site."""

from plone import api
from plone.distribution.api import distribution as dist_api
from qms.intranet.site.demo.data import DEMO_USERS
from zope.annotation.interfaces import IAnnotations

import pytest


class TestDistribution:
    def test_registered(self, distribution_name):
        distribution = dist_api.get(distribution_name)
        assert distribution.profiles == [
            "plone.app.contenttypes:default",
            "plone.app.layout:default",
            "plonetheme.barceloneta:default",
            "plone.restapi:default",
            "qms.intranet:default",
        ]
        assert distribution.headless is False

    def test_schema_defaults_vietnamese(self, distribution_name):
        props = dist_api.get(distribution_name).schema["properties"]
        assert props["site_id"]["default"] == "Plone"
        assert props["default_language"]["default"] == "vi"
        assert props["portal_timezone"]["default"] == "Asia/Ho_Chi_Minh"
        assert props["title"]["default"] == "Hệ thống quản lý chất lượng ISO"

    def test_offered_by_site_creation(self, functional, http, login_as):
        """The Zope root's site-creation service lists our distribution."""
        app_url = functional["app"].absolute_url()
        response = http.get(
            f"{app_url}/@sites",
            headers={"Accept": "application/json"},
            auth=login_as("admin"),
        )
        assert response.status_code == 200
        names = [d["name"] for d in response.json()["distributions"]]
        assert "qms" in names


class TestCreatedSite:
    @pytest.fixture(autouse=True)
    def _setup(self, integration):
        self.portal = integration["portal"]

    def test_site_title(self):
        assert self.portal.title == "Hệ thống quản lý chất lượng ISO"

    def test_site_language(self):
        assert self.portal.Language() == "vi"
        assert api.portal.get_registry_record("plone.available_languages") == [
            "vi",
            "en",
        ]

    def test_our_profile_installed(self, installer):
        assert installer.is_product_installed("qms.intranet")

    def test_created_by_distribution(self):
        report = IAnnotations(self.portal)[dist_api.SITE_REPORT_ANNO]
        assert report.name == "qms"
        assert report.answers["default_language"] == "vi"

    @pytest.mark.parametrize(("login", "fullname", "groups", "roles"), DEMO_USERS)
    def test_demo_accounts(self, login, fullname, groups, roles):
        user = api.user.get(username=login)
        assert user is not None
        assert user.getProperty("fullname") == fullname
        assert set(roles) <= set(api.user.get_roles(user=user))
        assert set(groups) <= {g.getId() for g in api.group.get_groups(user=user)}

    def test_home_text_vietnamese(self):
        assert "TCVN ISO 9001:2015" in self.portal.text.output
