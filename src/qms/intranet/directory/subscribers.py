"""Keep the site's plugins in step with the settings: when the secretariat
saves them, and when Zope starts (an environment variable may have been
set or removed since: `QMS_LDAP_URI=... make start`)."""

from qms.intranet.directory import patches  # noqa: F401 - see patches.py
from qms.intranet.directory.settings import PREFIX
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import logging
import transaction


logger = logging.getLogger(__name__)


def settings_changed(event) -> None:
    from qms.intranet.directory.ldapconfig import ensure_plugins

    record = getattr(event, "record", None)
    name = getattr(record, "__name__", "") or ""
    site = getSite()
    if not name.startswith(PREFIX + ".") or site is None:
        return
    if getattr(site, "acl_users", None) is None:
        return
    ensure_plugins(site)


def database_opened(event) -> None:
    """Each Plone site of the database: the directory's plugins on or off as
    the settings say (written only when that changes)."""
    from plone.base.interfaces import IPloneSiteRoot
    from qms.intranet.directory.ldapconfig import ensure_plugins

    connection = event.database.open()
    try:
        root = connection.root().get("Application")
        if root is None:
            return
        for site in root.objectValues():
            if not IPloneSiteRoot.providedBy(site):
                continue
            previous = getSite()
            try:
                setSite(site)
                if not hasattr(site, "portal_registry"):
                    continue
                ensure_plugins(site)
            finally:
                setSite(previous)
        transaction.commit()  # writes nothing when nothing changed
    except Exception:  # noqa: BLE001 - never keep Zope from starting
        logger.exception("Could not set up the directory's plugins")
        transaction.abort()
    finally:
        connection.close()
