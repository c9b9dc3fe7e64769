"""pas.plugins.ldap's plugin (`pasldap` in the site's acl_users) reads its
configuration from our settings.

pas.plugins.ldap keeps its configuration in the plugin (a BTree edited in
its own English control panel). Ours is marked IQMSDirectoryLDAP, and the
adapters below, more specific than pas.plugins.ldap's, give node.ext.ldap
the server, the people and the groups from settings.settings() at each
request: an environment variable or a registry change takes effect without
writing to the plugin.
"""

from node.ext.ldap import LDAPProps
from node.ext.ldap.interfaces import ILDAPGroupsConfig
from node.ext.ldap.interfaces import ILDAPProps
from node.ext.ldap.interfaces import ILDAPUsersConfig
from node.ext.ldap.scope import SUBTREE
from node.ext.ldap.ugm import GroupsConfig
from node.ext.ldap.ugm import UsersConfig
from pas.plugins.ldap.interfaces import ILDAPPlugin
from plone import api
from Products.PluggableAuthService.interfaces import plugins as pas_interfaces
from qms.intranet.directory import mapping
from qms.intranet.directory.settings import configured
from qms.intranet.directory.settings import settings
from zope.component import adapter
from zope.interface import alsoProvides
from zope.interface import implementer

import ldap
import logging
import threading


logger = logging.getLogger(__name__)
_tls_lock = threading.Lock()

LDAP_PLUGIN = "pasldap"
GROUPS_PLUGIN = "qms_directory_groups"
# Only what we use of pas.plugins.ldap: people, their sign-in and their
# properties. Its groups, roles and user management stay off: the QMS
# groups come from our own plugin.
LDAP_INTERFACES = (
    pas_interfaces.IAuthenticationPlugin,
    pas_interfaces.IUserEnumerationPlugin,
    pas_interfaces.IPropertiesPlugin,
)

GROUPS_INTERFACES = (
    pas_interfaces.IGroupsPlugin,
    pas_interfaces.IUserEnumerationPlugin,
    pas_interfaces.IPropertiesPlugin,
)


class IQMSDirectoryLDAP(ILDAPPlugin):
    """pas.plugins.ldap's plugin configured from qms.intranet.directory."""


_trusted = [None]  # the CA file libldap's TLS context was made with


def _trust(ca: str | None) -> None:
    """libldap makes its (global) TLS context once, with the CA file set
    then: node.ext.ldap sets the file at each connection, which has no
    effect after the first. A new context when our CA file changes."""
    if ca == _trusted[0]:
        return
    with _tls_lock:
        if ca == _trusted[0]:
            return
        if ca:
            ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, ca)
        ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
        ldap.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
        _trusted[0] = ca


def _props(values: dict) -> LDAPProps:
    ca = (values["ca_certificate"] or "").strip() or None
    timeout = int(values["timeout"] or 5)
    # Every new connection, the one node.ext.ldap opens to check a
    # password included (it sets no timeout on that one).
    ldap.set_option(ldap.OPT_NETWORK_TIMEOUT, timeout)
    ldap.set_option(ldap.OPT_TIMEOUT, timeout)
    _trust(ca)
    props = LDAPProps(
        uri=(values["uri"] or "").strip(),
        user=(values["bind_dn"] or "").strip(),
        password=values["bind_password"] or "",
        cache=False,
        start_tls=bool(values["start_tls"]),
        tls_cacertfile=ca,
        page_size=1000,
        conn_timeout=timeout,
        op_timeout=timeout,
        # ReconnectLDAPObject: one retry, no long sleeps (pas.plugins.ldap's
        # adapter says 3 tries 5 s apart: 15 s per request with the
        # directory down).
        retry_max=1,
        retry_delay=0.2,
    )
    return props


def _users(values: dict) -> UsersConfig:
    login = (values["login_attribute"] or "uid").strip()
    object_class = (values["users_object_class"] or "inetOrgPerson").strip()
    attrmap = {
        # Active Directory names people by their cn
        "rdn": "cn" if object_class.lower() == "user" else login,
        "id": login,
        "login": login,
        "fullname": (values["fullname_attribute"] or "cn").strip(),
        "email": (values["email_attribute"] or "mail").strip(),
        login: login,
    }
    for name in mapping.parse(values["group_map"]).attribute_names:
        attrmap.setdefault(name, name)
    return UsersConfig(
        baseDN=(values["users_base"] or "").strip(),
        attrmap=attrmap,
        scope=SUBTREE,
        queryFilter=(values["users_filter"] or "").strip(),
        objectClasses=[object_class],
        strict=False,
        memberOfSupport=bool(values["member_of"]),
    )


def _groups(values: dict) -> GroupsConfig:
    return GroupsConfig(
        baseDN=(values["groups_base"] or "").strip(),
        attrmap={"rdn": "cn", "id": "cn", "title": "cn"},
        scope=SUBTREE,
        queryFilter=(values["groups_filter"] or "").strip(),
        objectClasses=[(values["groups_object_class"] or "groupOfNames").strip()],
        strict=False,
    )


@implementer(ILDAPProps)
@adapter(IQMSDirectoryLDAP)
def props_for(plugin):
    return _props(settings())


@implementer(ILDAPUsersConfig)
@adapter(IQMSDirectoryLDAP)
def users_for(plugin):
    return _users(settings())


@implementer(ILDAPGroupsConfig)
@adapter(IQMSDirectoryLDAP)
def groups_for(plugin):
    return _groups(settings())


def _activate(pas, plugin_id, interfaces, first=()):
    plugins = pas.plugins
    for interface in interfaces:
        active = plugins.listPluginIds(interface)
        if plugin_id not in active:
            plugins.activatePlugin(interface, plugin_id)
        if interface in first:
            while plugins.listPluginIds(interface)[0] != plugin_id:
                plugins.movePluginsUp(interface, [plugin_id])


def _deactivate(pas, plugin_id):
    plugin = pas._getOb(plugin_id, None)
    if plugin is None:
        return
    for info in pas.plugins.listPluginTypeInfo():
        interface = info["interface"]
        if plugin_id in pas.plugins.listPluginIds(interface):
            pas.plugins.deactivatePlugin(interface, plugin_id)


def ensure_plugins(portal=None) -> bool:
    """With a directory configured: pas.plugins.ldap's plugin and our groups
    plugin exist and are active (and nothing else of pas.plugins.ldap is).
    Without: both are inactive, Plone's own accounts only. Returns whether
    the directory is on. Writes only what changes."""
    from pas.plugins.ldap.plugin import LDAPPlugin
    from qms.intranet.directory.plugin import DirectoryGroupsPlugin

    portal = portal or api.portal.get()
    pas = portal.acl_users
    if not configured():
        _deactivate(pas, LDAP_PLUGIN)
        _deactivate(pas, GROUPS_PLUGIN)
        return False
    if LDAP_PLUGIN not in pas.objectIds():
        plugin = LDAPPlugin(LDAP_PLUGIN, title="Danh bạ của Bộ (pas.plugins.ldap)")
        pas._setObject(LDAP_PLUGIN, plugin)
        logger.info("Added pas.plugins.ldap's plugin %s", LDAP_PLUGIN)
    plugin = pas[LDAP_PLUGIN]
    if not IQMSDirectoryLDAP.providedBy(plugin):
        alsoProvides(plugin, IQMSDirectoryLDAP)
    if GROUPS_PLUGIN not in pas.objectIds():
        pas._setObject(GROUPS_PLUGIN, DirectoryGroupsPlugin(GROUPS_PLUGIN))
    for info in pas.plugins.listPluginTypeInfo():
        interface = info["interface"]
        if interface not in LDAP_INTERFACES and plugin.getId() in (
            pas.plugins.listPluginIds(interface)
        ):
            pas.plugins.deactivatePlugin(interface, LDAP_PLUGIN)
    # The directory's full name and email come before the (empty) ones
    # Plone keeps; sign-in and search after Plone's own accounts.
    _activate(
        pas,
        LDAP_PLUGIN,
        LDAP_INTERFACES,
        first=(pas_interfaces.IPropertiesPlugin,),
    )
    # after pas.plugins.ldap: it answers only when the directory fails
    _activate(pas, GROUPS_PLUGIN, GROUPS_INTERFACES)
    return True


def ldap_plugin(portal=None):
    """pas.plugins.ldap's plugin when the directory is on, else None."""
    portal = portal or api.portal.get()
    pas = portal.acl_users
    plugin = pas._getOb(LDAP_PLUGIN, None)
    if plugin is None or not IQMSDirectoryLDAP.providedBy(plugin):
        return None
    if LDAP_PLUGIN not in pas.plugins.listPluginIds(
        pas_interfaces.IAuthenticationPlugin
    ):
        return None
    return plugin
