"""Export the whole site with collective.exportimport (`make export`).

Run inside Zope: `zconsole run instance/etc/zope.conf scripts/export_site.py [DIR]`.
DIR (or TO in the environment) is where it is written; by default a new
folder <QMS_EXPORT_DIR or var/exports>/<yyyy-mm-dd-HHMM>. SITE_ID names
the site. It only reads; with FileStorage stop the instance first (the
database is locked while it serves), on RelStorage it may keep serving.
"""

from qms.intranet.migration.transfer.console import as_admin
from qms.intranet.migration.transfer.console import script_args
from qms.intranet.migration.transfer.exporter import export_site
from qms.intranet.migration.transfer.views import new_export_dir
from zope.component.hooks import setSite

import os
import sys
import time


SITE_ID = os.environ.get("SITE_ID", "Plone")


def main(app, argv):
    app = as_admin(app)
    if SITE_ID not in app.objectIds():
        sys.exit(f"No site {SITE_ID!r} in this database: nothing exported.")
    site = app[SITE_ID]
    setSite(site)
    target = (argv[1:] or [os.environ.get("TO", "")])[0] or new_export_dir()
    if os.path.exists(target) and os.listdir(target):
        sys.exit(f"{target} exists and is not empty: choose a new folder.")
    started = time.monotonic()
    manifest = export_site(portal=site, path=target, request=app.REQUEST)
    seconds = time.monotonic() - started
    print(
        f"Exported {manifest['objects']} objects, {manifest['files']} files, "
        f"{manifest['counts']['users']} users and {manifest['counts']['groups']} "
        f"groups of {SITE_ID!r} to {target} in {seconds:.1f} s."
    )
    if manifest["errors"]:
        print(f"{len(manifest['errors'])} objects could not be exported:")
        for error in manifest["errors"]:
            print(f"  {error['path']}: {error['message']}")
        sys.exit(1)


if __name__ == "__main__":
    main(globals()["app"], ["", *script_args(sys.argv, "export_site.py")])
