"""Create the Plone site from the `qms` distribution, once.

Run inside Zope: `zconsole run instance/etc/zope.conf scripts/create_site.py`.
An existing site is reused and never touched, so a second `make start` keeps
all data. SITE_ID, ADMIN_PASSWORD and DEMO (1/0) come from the environment.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.distribution.api import site as site_api
from qms.intranet import DISTRIBUTION_NAME
from qms.intranet.demo import DEMO_PASSWORD
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

import os
import transaction


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


def main(app):
    app = makerequest(app)
    setRequest(app.REQUEST)
    newSecurityManager(None, ensure_admin(app))
    if SITE_ID in app.objectIds():
        print(f"Site {SITE_ID!r} exists: reusing it, nothing changed.")
        return
    site_api.create(app, DISTRIBUTION_NAME, dict(ANSWERS))
    transaction.commit()
    print(f"Site {SITE_ID!r} created from the {DISTRIBUTION_NAME!r} distribution.")


if __name__ == "__main__":
    main(globals()["app"])
