"""What `make export` and `make import` share: running inside Zope as its
administrator, and the arguments zconsole passes on."""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

import os
import sys


ADMIN_USER = os.environ.get("ADMIN_USER", "admin")


def as_admin(app):
    """The Zope root with a request, acting as the Zope administrator."""
    app = makerequest(app)
    setRequest(app.REQUEST)
    admin = app.acl_users.getUser(ADMIN_USER)
    if admin is None:
        sys.exit(
            f"No Zope administrator {ADMIN_USER!r} (ADMIN_USER): run make site once."
        )
    newSecurityManager(None, admin.__of__(app.acl_users))
    return app


def script_args(argv: list, script: str) -> list:
    """The arguments after the script's path (zconsole keeps its own)."""
    names = [os.path.basename(arg) for arg in argv]
    return argv[names.index(script) + 1 :]
