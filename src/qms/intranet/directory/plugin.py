"""Our groups plugin: a directory person is a member of the QMS groups their
directory groups (or attributes) map to, asked of the directory at each
request, so that a person moved in the directory has the new unit's access
at their next request and loses the old one.

When the directory does not answer, a person already signed in keeps
working for their cookie's life: plone.session checks at each request that
the cookie's user exists (PAS user enumeration), and pas.plugins.ldap then
finds nobody; this plugin, after it, answers for the people it saw in this
process (exact id or login only, and only while pas.plugins.ldap reports
the directory's error), with the groups, full name and email last found
for them. A new sign-in needs the password checked by the directory: it is
refused (patches.py says why on the login form)."""

from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.interfaces.plugins import IPropertiesPlugin
from Products.PluggableAuthService.interfaces.plugins import IUserEnumerationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from qms.intranet.directory import mapping
from qms.intranet.directory.settings import settings
from qms.intranet.units.groups import all_units
from zope.globalrequest import getRequest
from zope.interface import implementer

import logging
import threading
import time


logger = logging.getLogger(__name__)

# user id -> the QMS groups last found for them (this process)
_last_known: dict[str, tuple[str, ...]] = {}
# user id -> (login, full name, email) last found (this process)
_last_people: dict[str, tuple[str, str, str]] = {}
_lock = threading.Lock()
_REQUEST_KEY = "_qms_directory_groups"


def directory_down(plugin, error) -> None:
    """Tell pas.plugins.ldap the directory failed: its calls return at once
    for a while (LDAP_ERROR_LOG_TIMEOUT) instead of waiting again."""
    plugin._v_ldaperror_msg = str(error)
    plugin._v_ldaperror_timeout = time.time()


def lookup(plugin, user_id: str, values: dict | None = None):
    """(directory groups, attributes, QMS groups) of a directory person, or
    None when the directory has no such person. Raises on LDAP errors."""
    users = plugin.users
    if users is None:
        raise ConnectionError(getattr(plugin, "_v_ldaperror_msg", "directory down"))
    return lookup_in(users, user_id, values)


def lookup_in(users, user_id: str, values: dict | None = None):
    """lookup() in node.ext.ldap's users."""
    values = values or settings()
    try:
        person = users[user_id]
    except KeyError:
        return None
    directory_groups = list(person.group_ids or ())
    group_map = mapping.parse(values["group_map"])
    attributes = {}
    for name in group_map.attribute_names:
        value = person.attrs.get(name)
        if value is not None:
            attributes[name.lower()] = value
    allowed = mapping.qms_groups(brain.getId for brain in all_units())
    found = mapping.map_groups(group_map, directory_groups, attributes, allowed)
    return directory_groups, attributes, sorted(found)


def _directory_failing() -> bool:
    from qms.intranet.directory.ldapconfig import ldap_plugin

    plugin = ldap_plugin()
    return plugin is not None and bool(getattr(plugin, "ldaperror", False))


def _text(value) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return str(value or "")


@implementer(IGroupsPlugin, IUserEnumerationPlugin, IPropertiesPlugin)
class DirectoryGroupsPlugin(BasePlugin):
    """QMS groups of directory people (qms.intranet.directory)."""

    meta_type = "QMS Directory Groups Plugin"

    def __init__(self, id, title="Nhóm HTQLCL theo danh bạ của Bộ"):
        self._setId(id)
        self.title = title

    def getGroupsForPrincipal(self, principal, request=None):
        from qms.intranet.directory.ldapconfig import ldap_plugin

        is_group = getattr(aq_base(principal), "isGroup", None)
        if is_group is not None and is_group():
            return ()
        user_id = principal.getId()
        pas = self._getPAS()
        local = pas._getOb("source_users", None)
        if local is not None and user_id in local._userid_to_login:
            return ()  # one of Plone's own accounts
        request = request if request is not None else getRequest()
        cache = None
        if request is not None:
            cache = request.other.setdefault(_REQUEST_KEY, {})
            if user_id in cache:
                return cache[user_id]
        plugin = ldap_plugin()
        if plugin is None:
            return ()
        try:
            found = lookup(plugin, user_id)
        except Exception as error:  # noqa: BLE001 - the directory failed
            if not isinstance(error, ConnectionError):
                # (a ConnectionError: pas.plugins.ldap knows already)
                directory_down(plugin, error)
            logger.warning("directory unreachable for %s: %s", user_id, error)
            groups = _last_known.get(user_id, ())
        else:
            groups = tuple(found[2]) if found else ()
            with _lock:
                if found:
                    _last_known[user_id] = groups
                    _last_people[user_id] = (
                        principal.getUserName(),
                        _text(principal.getProperty("fullname", "")),
                        _text(principal.getProperty("email", "")),
                    )
                else:
                    _last_known.pop(user_id, None)
                    _last_people.pop(user_id, None)
        if cache is not None:
            cache[user_id] = groups
        return groups

    def enumerateUsers(
        self, id=None, login=None, exact_match=False, sort_by=None, **kw
    ):
        """The directory's people this process saw, by exact id or login,
        only while the directory fails (see the module's docstring)."""
        if not exact_match or not (id or login) or not _last_people:
            return ()
        if not _directory_failing():
            return ()
        found = []
        for user_id, (user_login, _name, _mail) in list(_last_people.items()):
            if (id and id == user_id) or (login and login == user_login):
                found.append(
                    {"id": user_id, "login": user_login, "pluginid": self.getId()}
                )
        return tuple(found)

    def getPropertiesForUser(self, user, request=None):
        """Full name and email last found, while the directory fails."""
        known = _last_people.get(user.getId())
        if not known or not _directory_failing():
            return {}
        return {"fullname": known[1], "email": known[2]}


InitializeClass(DirectoryGroupsPlugin)
