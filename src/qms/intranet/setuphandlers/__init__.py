"""Install and uninstall handlers of the qms.intranet profiles."""

from plone import api
from plone.base.interfaces import INonInstallable
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
    """After the default profile: existing content follows the intranet rules."""
    _update_security()


def uninstall(context):
    """Give the site root back Plone's public defaults."""
    portal = api.portal.get()
    for permission in INTRANET_PERMISSIONS:
        portal.manage_permission(permission, roles=["Anonymous"], acquire=True)
    _update_security()
