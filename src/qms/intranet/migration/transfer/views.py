"""@@qms-transfer: the secretariat exports the whole system for a move to
another server (issue #18), without a shell on the server."""

from App.config import getConfiguration
from datetime import datetime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.migration.transfer.exporter import export_site

import os


def export_root() -> str:
    """QMS_EXPORT_DIR, or the instance's var/exports."""
    configured = os.environ.get("QMS_EXPORT_DIR", "").strip()
    if configured:
        return configured
    return os.path.join(getConfiguration().clienthome, "exports")


def new_export_dir(root: str | None = None) -> str:
    """<root>/<yyyy-mm-dd-HHMM>, with -2, -3… when that minute is taken."""
    root = root or export_root()
    base = os.path.join(root, datetime.now().strftime("%Y-%m-%d-%H%M"))
    path, number = base, 1
    while os.path.exists(path):
        number += 1
        path = f"{base}-{number}"
    return path


class TransferView(BrowserView):
    """One button: export everything into a new folder on the server and
    say where, with how many objects and files."""

    def __call__(self):
        self.result = None
        if self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            path = new_export_dir()
            manifest = export_site(portal=self.context, path=path, request=self.request)
            self.result = {
                "path": path,
                "objects": manifest["objects"],
                "files": manifest["files"],
                "users": manifest["counts"]["users"],
            }
            IStatusMessage(self.request).add(
                _(
                    "transfer_exported",
                    default="The whole system was exported to ${path} on the "
                    "server: ${objects} objects and ${files} files. Copy this "
                    "folder to the new server and run make import FROM=<folder>.",
                    mapping=self.result,
                ),
                type="info",
            )
        return self.index()

    def export_root(self) -> str:
        return export_root()

    def portal_url(self) -> str:
        return api.portal.get().absolute_url()
