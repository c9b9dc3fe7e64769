"""1012 -> 1013: signing in with the ministry's directory (#19).

The directory's settings (registry records qms.intranet.directory.*,
registered alone: no other record is touched), the permission to manage
them (the secretariat, site administrators) and the page's link in the
personal menu; the directory's plugins when a directory is configured in
the environment (QMS_LDAP_URI...). Without one nothing changes for the
site's own accounts.
"""

from plone import api
from plone.registry.interfaces import IRegistry
from qms.intranet.directory.ldapconfig import ensure_plugins
from qms.intranet.directory.settings import IDirectorySettings
from qms.intranet.directory.settings import PREFIX
from zope.component import getUtility


def upgrade(context):
    getUtility(IRegistry).registerInterface(IDirectorySettings, prefix=PREFIX)
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "actions"):
        setup.runImportStepFromProfile(
            "profile-qms.intranet:default", step, run_dependencies=False
        )
    ensure_plugins()
