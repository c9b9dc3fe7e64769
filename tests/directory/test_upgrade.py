"""Upgrade 1013 (issue #19) on a site of profile 1012: the directory's
settings, the permission to manage them and the page's link appear; with
no directory configured the site's plugins stay as they were; with one in
the environment, the directory's plugins are set up."""

from plone import api
from plone.registry.interfaces import IRegistry
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.interfaces.plugins import IRolesPlugin
from qms.intranet.directory.ldapconfig import GROUPS_PLUGIN
from qms.intranet.directory.ldapconfig import IQMSDirectoryLDAP
from qms.intranet.directory.ldapconfig import LDAP_PLUGIN
from qms.intranet.directory.settings import PREFIX
from zope.component import getUtility


PERMISSION = "qms.intranet: Manage directory"


def as_1012(portal):
    """What a 1012 site lacks."""
    registry = getUtility(IRegistry)
    for name in [n for n in registry.records if n.startswith(PREFIX + ".")]:
        del registry.records[name]
    portal.manage_permission(PERMISSION, roles=["Manager"], acquire=True)
    portal.portal_actions.user.manage_delObjects(["qms_directory"])


def test_1013_settings_permission_and_link(integration):
    from qms.intranet.upgrades import v1013

    portal = integration["portal"]
    as_1012(portal)
    plugins_before = sorted(portal.acl_users.objectIds())
    v1013.upgrade(portal.portal_setup)
    granted = {
        role["name"]
        for role in portal.rolesOfPermission(PERMISSION)
        if role["selected"]
    }
    assert {"QMSSecretary", "Site Administrator", "Manager"} <= granted
    assert "UnitOfficer" not in granted
    assert "qms_directory" in portal.portal_actions.user.objectIds()
    assert api.portal.get_registry_record(f"{PREFIX}.uri") == ""
    assert api.portal.get_registry_record(f"{PREFIX}.timeout") == 5
    # no directory configured: nothing changes for the site's own accounts
    assert sorted(portal.acl_users.objectIds()) == plugins_before


def test_1013_with_a_directory_in_the_environment(integration, monkeypatch):
    from qms.intranet.upgrades import v1013

    portal = integration["portal"]
    as_1012(portal)
    monkeypatch.setenv("QMS_LDAP_URI", "ldap://127.0.0.1:1")
    v1013.upgrade(portal.portal_setup)
    pas = portal.acl_users
    assert IQMSDirectoryLDAP.providedBy(pas[LDAP_PLUGIN])
    assert LDAP_PLUGIN in pas.plugins.listPluginIds(IAuthenticationPlugin)
    # pas.plugins.ldap's own groups and roles stay off: ours give the groups
    assert LDAP_PLUGIN not in pas.plugins.listPluginIds(IGroupsPlugin)
    assert LDAP_PLUGIN not in pas.plugins.listPluginIds(IRolesPlugin)
    assert GROUPS_PLUGIN in pas.plugins.listPluginIds(IGroupsPlugin)
    # the environment's directory gone: both plugins off again
    monkeypatch.delenv("QMS_LDAP_URI")
    v1013.upgrade(portal.portal_setup)
    assert LDAP_PLUGIN not in pas.plugins.listPluginIds(IAuthenticationPlugin)
    assert GROUPS_PLUGIN not in pas.plugins.listPluginIds(IGroupsPlugin)
