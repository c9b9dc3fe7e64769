"""Upgrade step 1008 brings a site of profile 1007 to internal audits: the
indexes, the auditors' group, the section, and the read permissions of
QMSAuditor on content that existed before."""

from plone import api
from Products.CMFCore.permissions import View
from qms.intranet.upgrades import v1008


def khcn_draft():
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Procedure", owning_unit="khcn", review_state="draft"
    )
    return brains[0]._unrestrictedGetObject()


def test_1008_on_a_1007_site(integration):
    portal = integration["portal"]
    catalog = api.portal.get_tool("portal_catalog")
    draft = khcn_draft()
    # what a 1007 site lacks
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=portal["danh-gia-noi-bo"], check_linkintegrity=False)
        api.group.delete(groupname="qms-auditors")
    catalog.delIndex("audit_team")
    readers = [r["name"] for r in draft.rolesOfPermission(View) if r["selected"]]
    draft.manage_permission(View, [r for r in readers if r != "QMSAuditor"], 0)
    assert "QMSAuditor" not in [
        r["name"] for r in draft.rolesOfPermission(View) if r["selected"]
    ]

    v1008.upgrade(portal.portal_setup)

    assert portal["danh-gia-noi-bo"].portal_type == "AuditSection"
    assert api.group.get(groupname="qms-auditors") is not None
    assert "audit_team" in catalog.indexes()
    assert "QMSAuditor" in [
        r["name"] for r in draft.rolesOfPermission(View) if r["selected"]
    ]
    (brain,) = catalog.unrestrictedSearchResults(UID=draft.UID())
    assert (
        "user:qms-auditing:khcn"
        in catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"]
    )
    # a second run changes nothing and fails on nothing
    v1008.upgrade(portal.portal_setup)
    assert len(portal["danh-gia-noi-bo"].objectIds()) == 0
