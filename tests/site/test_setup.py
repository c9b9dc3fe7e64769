"""The qms.intranet profile installs, reports its version and uninstalls cleanly."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.browserlayer.utils import registered_layers
from Products.GenericSetup.upgrade import listUpgradeSteps
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from qms.intranet.interfaces import IQMSIntranetLayer
from qms.intranet.search.index import ExactWords
from qms.intranet.search.okapi import VietnameseOkapiIndex
from qms.intranet.upgrades import v1001
from qms.intranet.upgrades import v1002
from tests.conftest import PROFILE_VERSION

import pytest


PROFILE = "qms.intranet:default"


class TestInstall:
    @pytest.fixture(autouse=True)
    def _setup(self, integration):
        self.portal = integration["portal"]
        self.setup = api.portal.get_tool("portal_setup")

    def test_product_installed(self, installer):
        assert installer.is_product_installed("qms.intranet")

    def test_profile_version(self, profile_last_version):
        assert profile_last_version(PROFILE) == PROFILE_VERSION

    def test_browserlayer(self):
        assert IQMSIntranetLayer in registered_layers()

    def test_addons_panel_offers_install_and_uninstall(self, installer):
        assert installer.get_install_profile("qms.intranet")["id"] == PROFILE
        assert installer.get_uninstall_profile("qms.intranet")["id"] == (
            "qms.intranet:uninstall"
        )

    def test_default_workflow_is_intranet(self):
        wf = api.portal.get_tool("portal_workflow")
        assert wf.getDefaultChain() == ("qms_intranet_workflow",)
        assert wf.getChainForPortalType("Document") == ("qms_intranet_workflow",)

    def test_languages(self):
        assert api.portal.get_registry_record("plone.default_language") == "vi"
        assert api.portal.get_registry_record("plone.available_languages") == [
            "vi",
            "en",
        ]
        assert (
            api.portal.get_registry_record("plone.portal_timezone")
            == "Asia/Ho_Chi_Minh"
        )

    @pytest.mark.parametrize(
        "permission",
        ["View", "List folder contents"],
    )
    def test_anonymous_closed_on_site_root(self, permission):
        roles = {
            r["name"]
            for r in self.portal.rolesOfPermission(permission)
            if r["selected"]
        }
        assert "Anonymous" not in roles
        assert "Authenticated" in roles

    def test_self_registration_off(self):
        assert api.portal.get_registry_record("plone.enable_self_reg") is False


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstalled(self, integration, installer):
        self.portal = integration["portal"]
        installer.uninstall_product("qms.intranet")

    def test_product_uninstalled(self, installer):
        assert not installer.is_product_installed("qms.intranet")

    def test_browserlayer_removed(self):
        assert IQMSIntranetLayer not in registered_layers()

    def test_site_root_public_again(self):
        roles = {
            r["name"] for r in self.portal.rolesOfPermission("View") if r["selected"]
        }
        assert "Anonymous" in roles

    def test_default_workflow_back_to_plone(self):
        wf = api.portal.get_tool("portal_workflow")
        assert wf.getDefaultChain() == ("simple_publication_workflow",)


class TestUpgrades:
    def test_1001_makes_search_vietnamese_on_an_old_site(self, integration, as_user):
        """A site on 1000 still has Plone's SearchableText; the step fixes it."""

        portal = integration["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("SearchableText")
        extra = type(
            "extra",
            (),
            {"index_type": "Okapi BM25 Rank", "lexicon_id": "plone_lexicon"},
        )()
        catalog.addIndex("SearchableText", "ZCTextIndex", extra)
        catalog.manage_reindexIndex(ids=["SearchableText"])
        with as_user("phapche.staff"):
            assert len(api.content.find(SearchableText="uy ban nhan dan")) == 0
            before = len(api.content.find(SearchableText="quan ly van ban"))
        v1001.upgrade(portal["portal_setup"])
        index = catalog._catalog.getIndex("SearchableText")
        assert index.meta_type == "VietnameseTextIndex"
        with as_user("phapche.staff"):
            after = api.content.find(SearchableText="quan ly van ban")
            assert len(after) >= before
            assert "Quy trình quản lý văn bản đi" in [b.Title for b in after]

    def test_upgrade_step_registered(self, integration):

        setup = api.portal.get_tool("portal_setup")
        steps = listUpgradeSteps(setup, PROFILE, "1000")
        assert [s["dest"] for s in steps] == [
            ("1001",),
            ("1002",),
            ("1003",),
            ("1004",),
            ("1005",),
            ("1006",),
            ("1007",),
            ("1008",),
            ("1009",),
            ("1010",),
            ("1011",),
            ("1012",),
            ("1013",),
        ]

    def test_1002_rebuilds_exact_words_as_sets(self, integration):
        """A 1001 site scores in Python and keeps a second scored index."""

        portal = integration["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        catalog = api.portal.get_tool("portal_catalog")
        index = catalog._catalog.getIndex("SearchableText")
        index.exact = None
        index.exact_lexicon = Lexicon()
        index.exact_index = OkapiIndex(index.exact_lexicon)
        index._index_factory = OkapiIndex
        index.clear()
        catalog.manage_reindexIndex(ids=["SearchableText"])
        assert type(index.index) is OkapiIndex
        v1002.upgrade(portal["portal_setup"])
        assert "exact_index" not in index.__dict__
        assert "exact_lexicon" not in index.__dict__
        assert isinstance(index.exact, ExactWords)
        assert isinstance(index.index, VietnameseOkapiIndex)
        found = catalog(SearchableText="văn bản")
        exact = index.exact.documents("văn bản")
        assert {b.getRID() for b in found} >= set(exact) != set()
