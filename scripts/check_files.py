"""List the files the site refers to whose data is missing (`make check-files`).

Run inside Zope: `zconsole run instance/etc/zope.conf scripts/check_files.py`.
Reads every catalogued object's file fields; each file that cannot be read
(its blob is gone from var/blobstorage: a disk restored without it, or the
<blobstorage> wrapper of releases before 1.0.0 that could delete a file on
a conflict) is printed with its address and field, so that its unit
uploads it again. Exits 1 when one is missing. It only reads; with
FileStorage stop the instance first (the database is locked while it
serves), on RelStorage it may keep serving. SITE_ID names the site.
"""

from qms.intranet.core.files import missing_files
from qms.intranet.migration.transfer.console import as_admin
from zope.component.hooks import setSite

import os
import sys


SITE_ID = os.environ.get("SITE_ID", "Plone")


def main(app) -> int:
    app = as_admin(app)
    if SITE_ID not in app.objectIds():
        sys.exit(f"No site {SITE_ID!r} in this database.")
    site = app[SITE_ID]
    setSite(site)
    missing = 0
    for obj, field in missing_files(site):
        missing += 1
        print(f"missing: {obj.absolute_url(relative=True)} {field} ({obj.Title()})")
    print(f"{missing} file(s) missing in {SITE_ID!r}.")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(globals()["app"]))
