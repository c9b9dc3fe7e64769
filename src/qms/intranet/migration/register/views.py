"""Bringing in a register in the Classic UI: upload, preview, import.

On a unit's page its ISO officer imports the unit's documents; on the QMS
section the secretariat imports any unit's, system procedures and
decisions. The preview writes no document; the import creates the rows the
preview showed as new, once.
"""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.files import max_file_size_mb
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.migration.register import pending
from qms.intranet.migration.register.bundle import BundleError
from qms.intranet.migration.register.bundle import open_bundle
from qms.intranet.migration.register.bundle import ZIP_FILES_FACTOR
from qms.intranet.migration.register.plan import KINDS
from qms.intranet.migration.register.plan import make_plan
from qms.intranet.migration.register.plan import run
from qms.intranet.migration.register.sheet import read
from qms.intranet.migration.register.sheet import SheetError
from qms.intranet.migration.register.template import template_bytes
from qms.intranet.units.groups import unit_titles

import transaction


TEMPLATE_NAME = "so-dang-ky-tai-lieu-mau.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS_LABELS = {
    "create": _("register_status_create", default="Will be created"),
    "exists": _(
        "register_status_exists", default="Already on the intranet: left as it is"
    ),
    "refused": _("register_status_refused", default="Not brought in"),
}
EXPIRED = _(
    "error_register_expired",
    default="This preview is no longer available (it was imported, cancelled "
    "or is older than a day). Upload the register again.",
)


def _upload(request, name: str) -> tuple[str, bytes]:
    """(file name, bytes) of an uploaded file field, or ("", b"")."""
    value = request.form.get(name)
    if not hasattr(value, "read"):
        return "", b""
    value.seek(0)
    return getattr(value, "filename", "") or "", value.read()


class ImportRegisterView(BrowserView):
    """@@import-register: the upload form, its preview and the import."""

    form_template = ViewPageTemplateFile("templates/import_register.pt")

    errors: dict
    plan = None
    token = ""

    def __call__(self):
        self.errors = {}
        form = self.request.form
        if form.get("form.cancel"):
            CheckAuthenticator(self.request)
            pending.drop(form.get("token", ""))
            return self.request.response.redirect(self.url())
        if form.get("form.import"):
            CheckAuthenticator(self.request)
            return self.do_import()
        if form.get("form.preview"):
            CheckAuthenticator(self.request)
            self.preview()
        return self.form_template()

    # The three steps

    def preview(self) -> None:
        sheet_name, sheet_data = _upload(self.request, "register")
        zip_name, zip_data = _upload(self.request, "files")
        limit = max_file_size_mb()
        if not sheet_name and not sheet_data:
            self.errors["register"] = _(
                "error_register_missing",
                default="Choose the register spreadsheet (XLSX or CSV).",
            )
        elif len(sheet_data) > limit * 1024 * 1024:
            self.errors["register"] = _(
                "error_file_too_large_limit",
                default="The file is larger than ${size} MB, the largest file the "
                "intranet accepts.",
                mapping={"size": limit},
            )
        if len(zip_data) > ZIP_FILES_FACTOR * limit * 1024 * 1024:
            self.errors["files"] = _(
                "error_register_zip_too_large",
                default="The ZIP is larger than ${size} MB: split the files into "
                "several ZIPs and registers.",
                mapping={"size": ZIP_FILES_FACTOR * limit},
            )
        if self.errors:
            return
        try:
            sheet = read(sheet_name, sheet_data)
        except SheetError as error:
            self.errors["register"] = error.args[0]
        try:
            bundle = open_bundle(zip_data)
        except BundleError as error:
            self.errors["files"] = error.args[0]
        if self.errors:
            return
        self.plan = make_plan(sheet, bundle, self.context)
        self.token = pending.keep(
            userid=api.user.get_current().getId(),
            path=self.path(),
            sheet_name=sheet_name,
            sheet=sheet_data,
            zip_name=zip_name,
            zip_data=zip_data,
        )

    def do_import(self):
        token = self.request.form.get("token", "")
        upload = pending.find(
            token, userid=api.user.get_current().getId(), path=self.path()
        )
        messages = IStatusMessage(self.request)
        if upload is None:
            messages.add(translated(EXPIRED, self.request), type="error")
            return self.request.response.redirect(self.url())
        # Read again: the site may have changed since the preview.
        sheet = read(upload.sheet_name, upload.sheet)
        bundle = (
            open_bundle(None, opener=upload.open_zip)
            if upload.zip
            else open_bundle(None)
        )
        plan = make_plan(sheet, bundle, self.context)
        created = run(plan, bundle, source=upload.sheet_name)
        pending.drop(token)
        skipped = len(plan.rows) - len(created)
        messages.add(
            translated(
                _(
                    "register_imported",
                    default="${created} document(s) brought in from ${file}; "
                    "${skipped} row(s) left out (already on the intranet or "
                    "with problems).",
                    mapping={
                        "created": len(created),
                        "file": upload.sheet_name,
                        "skipped": skipped,
                    },
                ),
                self.request,
            ),
            type="info" if created else "warning",
        )
        if not created:
            transaction.doom()
        return self.request.response.redirect(self.context.absolute_url())

    # For the template

    def path(self) -> str:
        return "/".join(self.context.getPhysicalPath())

    def url(self) -> str:
        return f"{self.context.absolute_url()}/@@import-register"

    def template_url(self) -> str:
        return f"{self.context.absolute_url()}/@@register-template"

    def error(self, name: str) -> str:
        message = self.errors.get(name)
        return translated(message, self.request) if message else ""

    def max_size(self) -> int:
        return max_file_size_mb()

    def max_zip_size(self) -> int:
        return ZIP_FILES_FACTOR * max_file_size_mb()

    def summary(self) -> dict:
        return {status: self.plan.count(status) for status in STATUS_LABELS}

    def rows(self) -> list[dict]:
        titles = unit_titles()
        t = self.request
        return [
            {
                "number": row.number,
                "code": row.code,
                "title": row.title,
                "kind": translated(KINDS[row.kind][2], t),
                "unit": titles.get(row.unit, row.unit),
                "revision": row.revision,
                "issue_date": format_date(row.issue_date),
                "state": translated(state_label(row.state, "Procedure"), t),
                "badge": state_badge(row.state, "Procedure"),
                "files": [member.name for member in row.files.values()],
                "problems": [translated(p, t) for p in row.problems],
                "status": row.status,
                "status_label": translated(STATUS_LABELS[row.status], t),
                "existing_url": row.existing_url,
            }
            for row in self.plan.rows
        ]

    def unmatched(self) -> list[str]:
        return self.plan.unmatched


class RegisterTemplateView(BrowserView):
    """@@register-template: the template spreadsheet."""

    def __call__(self):
        data = template_bytes(self.request)
        response = self.request.response
        response.setHeader("Content-Type", XLSX)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{TEMPLATE_NAME}"'
        )
        response.setHeader("Content-Length", str(len(data)))
        return data


class RegisterLinkViewlet(ViewletBase):
    """The way to the import, on the pages where it is done, for those who may."""

    index = ViewPageTemplateFile("templates/register_link.pt")

    def url(self) -> str:
        return f"{self.context.absolute_url()}/@@import-register"
