"""Create the Plone site from the `qms` distribution, once.

Run inside Zope: `zconsole run instance/etc/zope.conf scripts/create_site.py`.
An existing site is reused, so a second `make start` keeps all data; only
qms.intranet's pending upgrade steps run on it (after a `git pull`).
SITE_ID, ADMIN_PASSWORD and DEMO (1/0) come from the environment.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.distribution.api import site as site_api
from qms.intranet import DISTRIBUTION_NAME
from qms.intranet.site.demo.data import DEMO_PASSWORD
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

import os
import transaction


PROFILE = "qms.intranet:default"
SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN_USER = os.environ.get("ADMIN_USER", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", DEMO_PASSWORD)
DEMO = os.environ.get("DEMO", "1") not in ("0", "false", "no")

ANSWERS = {
    "site_id": SITE_ID,
    "title": "Hệ thống quản lý chất lượng ISO",
    "description": (
        "Mạng nội bộ của Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"
    ),
    "default_language": "vi",
    "portal_timezone": "Asia/Ho_Chi_Minh",
    "setup_content": DEMO,
}


def ensure_admin(app):
    """The Zope-level administrator exists (created once, never reset)."""
    acl = app.acl_users
    if acl.getUserById(ADMIN_USER) is None:
        acl.userFolderAddUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
        transaction.commit()
        print(f"Created Zope administrator {ADMIN_USER!r}")
    return acl.getUserById(ADMIN_USER).__of__(acl)


def upgrade(site) -> str:
    """Run qms.intranet's pending upgrade steps, so that the site a newer
    checkout starts on has the profile that checkout ships."""
    from zope.component.hooks import setSite

    setSite(site)
    setup = site.portal_setup
    if not setup.listUpgrades(PROFILE):
        return ""
    before = setup.getLastVersionForProfile(PROFILE)
    setup.upgradeProfile(PROFILE)
    transaction.commit()
    after = setup.getLastVersionForProfile(PROFILE)
    return f"upgraded {PROFILE} from {'.'.join(before)} to {'.'.join(after)}"


def main(app):
    app = makerequest(app)
    setRequest(app.REQUEST)
    newSecurityManager(None, ensure_admin(app))
    if SITE_ID in app.objectIds():
        upgraded = upgrade(app[SITE_ID])
        if upgraded:
            print(f"Site {SITE_ID!r} exists: reusing it, {upgraded}.")
        else:
            print(f"Site {SITE_ID!r} exists: reusing it, nothing changed.")
        return
    site_api.create(app, DISTRIBUTION_NAME, dict(ANSWERS))
    transaction.commit()
    print(f"Site {SITE_ID!r} created from the {DISTRIBUTION_NAME!r} distribution.")


if __name__ == "__main__":
    main(globals()["app"])
