"""Upgrade step 1010 brings a site of profile 1009 to the lifecycle: the
acknowledgement behavior, the permissions, the indexes filled for every
document, and /dao-tao."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from qms.intranet.lifecycle import reviews
from qms.intranet.upgrades import v1010
from zope.component import getUtility


PERMISSION = "qms.intranet: Confirm document review"


def test_1010_on_a_1009_site(integration):
    portal = integration["portal"]
    catalog = api.portal.get_tool("portal_catalog")
    doc = portal["don-vi"]["vp"]["quy-trinh-quan-ly-van-ban-di"]
    doc.next_review_date = date.today() + timedelta(days=3)
    # what a 1009 site lacks
    for name in v1010.INDEXES:
        catalog.delIndex(name)
    for name in v1010.COLUMNS:
        catalog.delColumn(name)
    fti = getUtility(IDexterityFTI, name="Procedure")
    fti.behaviors = tuple(b for b in fti.behaviors if b != "qms.acknowledgement")
    portal.manage_permission(PERMISSION, [], 1)
    tabs = api.portal.get_tool("portal_actions").portal_tabs
    tabs.manage_delObjects(["training"])
    if "dao-tao" in portal.objectIds():
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=portal["dao-tao"], check_linkintegrity=False)

    v1010.upgrade(portal.portal_setup)

    assert set(v1010.INDEXES) <= set(catalog.indexes())
    assert "qms.acknowledgement" in fti.behaviors
    assert "UnitOfficer" in [
        r["name"] for r in portal.rolesOfPermission(PERMISSION) if r["selected"]
    ]
    paths = [b.getPath() for b in reviews.documents_to_review(units=["vp"])]
    assert "/".join(doc.getPhysicalPath()) in paths
    (brain,) = catalog.unrestrictedSearchResults(UID=doc.UID())
    assert brain.ack_units == ["vp"]
    assert portal["dao-tao"].portal_type == "TrainingSection"
    assert "training" in tabs.objectIds()
    # a second run changes nothing and fails on nothing
    v1010.upgrade(portal.portal_setup)
    assert "dao-tao" in portal.objectIds()


def test_1010_adds_the_notification_preference(integration):
    from plone.app.users.browser.schemaeditor import get_schema
    from plone.app.users.browser.schemaeditor import set_schema

    set_schema("")
    v1010.upgrade(integration["portal"].portal_setup)
    schema = get_schema()
    assert "qms_notifications" in schema
    assert "portrait" in schema
