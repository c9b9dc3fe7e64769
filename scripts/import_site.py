"""Import an export of a whole QMS into a fresh site (`make import FROM=<dir>`).

Run inside Zope: `zconsole run instance/etc/zope.conf scripts/import_site.py DIR`.
The site SITE_ID must be new and made with DEMO=0 (`DEMO=0 make site`):
a site that already holds content or users is refused, nothing written.
"""

from qms.intranet.core.i18n import translated
from qms.intranet.migration.transfer.console import as_admin
from qms.intranet.migration.transfer.console import script_args
from qms.intranet.migration.transfer.importer import import_site
from qms.intranet.migration.transfer.importer import TransferError
from zope.component.hooks import setSite

import os
import sys
import time
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")


def main(app, argv):
    app = as_admin(app)
    source = (argv[1:] or [os.environ.get("FROM", "")])[0]
    if not source or not os.path.isdir(source):
        sys.exit("Say which export to import: make import FROM=<folder>.")
    if SITE_ID not in app.objectIds():
        sys.exit(
            f"No site {SITE_ID!r}: make a new one without demo data first "
            "(DEMO=0 make site), then import into it."
        )
    site = app[SITE_ID]
    setSite(site)
    started = time.monotonic()
    try:
        counts = import_site(portal=site, path=source, commit=100)
    except TransferError as error:
        transaction.abort()
        sys.exit(translated(error.message))
    seconds = time.monotonic() - started
    print(
        f"Imported {counts['objects']} objects, {counts['files']} files, "
        f"{counts['users']} users, {counts['comments']} comments and "
        f"{counts['relations']} relations into {SITE_ID!r} in {seconds:.1f} s."
    )


if __name__ == "__main__":
    main(globals()["app"], ["", *script_args(sys.argv, "import_site.py")])
