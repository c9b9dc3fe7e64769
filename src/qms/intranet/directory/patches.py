"""What we change of pas.plugins.ldap (1.8.4) and python-ldap, and why.

1. A login containing an LDAP filter's special characters (`*`, `(`, `)`,
   `\\`, NUL) is refused before it reaches the directory. node.ext.ldap
   escapes parentheses but keeps `*` as a wildcard, so the login `ld.*`
   would sign in as the first person it matches whose password is given.
2. A failed sign-in because the directory does not answer says so on the
   login form (pas.plugins.ldap only logs it; Plone says "wrong password"):
   the request is flagged, viewlets.py shows the sentence.
3. pas.plugins.ldap, after a directory error, answers "nobody" for 300 s
   without asking the directory again (LDAP_ERROR_LOG_TIMEOUT): 30 s here
   (unless PAS_PLUGINS_LDAP_ERROR_LOG_TIMEOUT is set), so sign-in works
   again soon after the directory is back.
4. python-ldap's global options: network and operation timeouts for every
   new connection, the bind that checks a person's password included
   (node.ext.ldap opens that one without timeouts): set in ldapconfig.py.
"""

from pas.plugins.ldap import plugin as ldap_plugin_module
from qms.intranet import _
from zope.globalrequest import getRequest

import functools
import os
import re


UNSAFE_LOGIN = re.compile(r"[*()\\\x00]")
REQUEST_FLAG = "qms_directory_down"

if "PAS_PLUGINS_LDAP_ERROR_LOG_TIMEOUT" not in os.environ:
    ldap_plugin_module.LDAP_ERROR_LOG_TIMEOUT = 30.0

DOWN_MESSAGE = _(
    "directory_down_login",
    default="The ministry's directory is not answering, so directory "
    "accounts cannot sign in right now. Try again in a few minutes; if it "
    "is urgent, tell the ISO secretariat. Those already signed in can go on "
    "working.",
)


def _local_login(pas, login) -> bool:
    local = pas._getOb("source_users", None)
    return local is not None and login in local._login_to_userid


def _authenticate(original):
    @functools.wraps(original)
    def authenticateCredentials(self, credentials):
        login = credentials.get("login") or ""
        if not isinstance(login, str) or UNSAFE_LOGIN.search(login):
            return None
        result = original(self, credentials)
        failed = result is None and login and credentials.get("password")
        if failed and getattr(self, "ldaperror", False):
            _tell_directory_down(self, login)
        return result

    return authenticateCredentials


def _tell_directory_down(plugin, login) -> None:
    request = getRequest()
    if request is None or request.other.get(REQUEST_FLAG):
        return
    try:
        if _local_login(plugin._getPAS(), login):
            return
    except Exception:  # noqa: BLE001, S110 - then say it anyway
        pass
    # the login form says so (viewlets.DirectoryDownViewlet); REST clients
    # get a header
    request.other[REQUEST_FLAG] = True
    request.response.setHeader("X-QMS-Directory", "unavailable")


LDAPPlugin = ldap_plugin_module.LDAPPlugin
if not getattr(LDAPPlugin.authenticateCredentials, "_qms_patched", False):
    LDAPPlugin.authenticateCredentials = _authenticate(
        LDAPPlugin.authenticateCredentials
    )
    LDAPPlugin.authenticateCredentials._qms_patched = True
