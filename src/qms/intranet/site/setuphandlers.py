"""Install and uninstall handlers of the qms.intranet profiles."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletAssignmentSettings
from plone.portlets.interfaces import IPortletManager
from qms.intranet.audits.subscribers import ensure_section
from qms.intranet.directory.ldapconfig import ensure_plugins
from qms.intranet.documents.content import QMS_SECTION
from qms.intranet.lifecycle.acknowledge import start_asking
from qms.intranet.objectives.subscribers import ensure_archives
from qms.intranet.review.content import ensure_review_section
from qms.intranet.review.evaluation import ensure_evaluation_section
from qms.intranet.search.okapi import make_mergeable
from qms.intranet.training.content import ensure_section as ensure_training_section
from qms.intranet.units.groups import ensure_site_groups
from qms.intranet.units.groups import UNITS_FOLDER
from zope.component import getUtilitiesFor
from zope.component import queryMultiAdapter
from zope.interface import implementer


# Permissions our rolemap.xml closes to Anonymous on the site root; the
# uninstall handler hands them back to the site root's acquisition.
INTRANET_PERMISSIONS = (
    "View",
    "List folder contents",
)


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["qms.intranet:uninstall"]

    def getNonInstallableProducts(self):
        return []


def _update_security():
    """Apply the workflows' permission maps to content that already exists."""
    wftool = api.portal.get_tool("portal_workflow")
    wftool.updateRoleMappings()
    api.portal.get_tool("portal_catalog").reindexIndex("allowedRolesAndUsers", None)


def post_install(context):
    """After the default profile: the QMS groups exist and existing content
    follows the intranet rules."""
    ensure_site_groups()
    ensure_structure()
    start_asking()
    set_home_page()
    prepare_portlet_settings()
    # plone.app.discussion puts its own moderation workflow on comments when
    # the registry turns moderation on; ours lets the unit's officers moderate.
    api.portal.get_tool("portal_workflow").setChainForPortalTypes(
        ("Discussion Item",), "qms_comment_workflow"
    )
    _update_security()
    make_mergeable(api.portal.get_tool("portal_catalog"))
    # With a directory configured (QMS_LDAP_URI...): its plugins (#19).
    ensure_plugins()
    # SearchableText is now a Vietnamese text index: fill it.
    api.portal.get_tool("portal_catalog").manage_reindexIndex(
        ids=["SearchableText", "qms_year"]
    )


HOME_VIEW = "qms-home"


def set_home_page():
    """The site root shows each person "Việc của tôi" (site/home.py)."""
    api.portal.get().setLayout(HOME_VIEW)


def prepare_portlet_settings():
    """Plone stores a portlet's settings the first time it is shown: make
    them now, so that no page view writes to the database."""
    portal = api.portal.get()
    for _name, manager in getUtilitiesFor(IPortletManager):
        mapping = queryMultiAdapter((portal, manager), IPortletAssignmentMapping)
        for assignment in (mapping or {}).values():
            IPortletAssignmentSettings(assignment)


def ensure_structure():
    """The units folder (/don-vi), the QMS section (/he-thong-qlcl), the
    sections of internal audits, management reviews and yearly
    evaluations, and the quality objectives of every unit and the bloc."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        if UNITS_FOLDER not in portal.objectIds():
            folder = api.content.create(
                container=portal, type="Folder", id=UNITS_FOLDER, title="Đơn vị"
            )
            constraints = ISelectableConstrainTypes(folder)
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes(["Department"])
            constraints.setImmediatelyAddableTypes(["Department"])
            api.content.transition(obj=folder, transition="publish_internally")
        if QMS_SECTION not in portal.objectIds():
            api.content.create(
                container=portal,
                type="QMSSection",
                id=QMS_SECTION,
                title="Hệ thống quản lý chất lượng",
                exclude_from_nav=True,
                description="Chính sách chất lượng, quy trình hệ thống và các "
                "quyết định của Hệ thống quản lý chất lượng theo TCVN ISO "
                "9001:2015.",
            )
    ensure_section()
    ensure_archives()
    ensure_review_section()
    ensure_evaluation_section()
    ensure_training_section()


def uninstall(context):
    """Give the site root back Plone's public defaults."""
    portal = api.portal.get()
    for permission in INTRANET_PERMISSIONS:
        portal.manage_permission(permission, roles=["Anonymous"], acquire=True)
    _update_security()
