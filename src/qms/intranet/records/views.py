"""Classic UI of records: the unit's archive, a record list and its entries
editor (which is also "Create this year's/next year's list"), a record, its
files (adding one, the file's page), disposal, the completeness board with
its CSV export, and the records box on the unit's page."""

from datetime import date
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from plone.namedfile.file import NamedBlobFile
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.files import check_size
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import year_param
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.views import fullname
from qms.intranet.core.views import step_buttons
from qms.intranet.core.views import YearPage
from qms.intranet.records import lists
from qms.intranet.records.board import board
from qms.intranet.records.board import COLUMNS
from qms.intranet.records.content import PERMANENT
from qms.intranet.records.disposal import disposals
from qms.intranet.records.disposal import dispose
from qms.intranet.records.disposal import DISPOSE_PERMISSION
from qms.intranet.records.vocabularies import CONFIDENTIALITY
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_of
from qms.intranet.units.groups import UNITS_FOLDER
from qms.intranet.units.groups import units_of_user
from zope.schema import ValidationError

import csv
import io


ADD_LIST = "qms.intranet: Add RecordList"
ADD_FILE = "qms.intranet: Add RecordFile"


def retention_label(request, value) -> str:
    if value == PERMANENT:
        return translated(_("retention_permanent", default="permanent"), request)
    if value in (None, ""):
        return ""
    return translated(
        _("retention_years", default="${years} years", mapping={"years": value}),
        request,
    )


def list_state_title(request, state) -> str:
    if state is None:
        return translated(_("board_no_list", default="No list"), request)
    return translated(state_label(state), request)


def list_state_badge(state) -> str:
    return state_badge(state) if state else "bg-danger"


def file_size(size: int) -> str:
    """1 234 567 bytes -> '1,2 MB' (Vietnamese decimal comma)."""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}".replace(".", ",")
    return ""


def creatable_years(archive) -> list[int]:
    """The years the current person may prepare a list for now: this year
    and next year, when the archive has none yet."""
    if not api.user.has_permission(ADD_LIST, obj=archive):
        return []
    this_year = date.today().year
    return [
        year
        for year in (this_year, this_year + 1)
        if lists.list_for(archive, year) is None
    ]


class ArchiveView(BrowserView):
    """/don-vi/<unit>/ho-so: the unit's lists by year, records outside lists."""

    def lists(self):
        return api.content.find(
            context=self.context,
            portal_type="RecordList",
            depth=1,
            sort_on="record_year",
            sort_order="descending",
        )

    def loose_records(self):
        return api.content.find(context=self.context, portal_type="Record", depth=1)

    def this_year(self) -> int:
        return date.today().year

    def create_years(self) -> list[int]:
        return creatable_years(self.context)

    def can_create(self) -> bool:
        return self.this_year() in self.create_years()

    def missing_this_year(self) -> bool:
        return lists.list_for(self.context, self.this_year()) is None

    def state_title(self, brain) -> str:
        return list_state_title(self.request, brain.review_state)

    def state_badge(self, brain) -> str:
        return list_state_badge(brain.review_state)

    def approved_on(self, brain) -> str:
        return format_date(brain.approved_on)


class _Stated:
    """The context's workflow state, labelled and badged once."""

    def state(self) -> str:
        return api.content.get_state(obj=self.context)

    def state_title(self) -> str:
        return list_state_title(self.request, self.state())

    def state_badge(self) -> str:
        return list_state_badge(self.state())


class RecordListView(_Stated, BrowserView):
    """A year's record list: its entries, whose they are, the records filed."""

    def entries(self) -> list[dict]:
        me = api.user.get_current().getId()
        filed = {}
        for brain in api.content.find(
            context=self.context, portal_type="Record", depth=1
        ):
            filed.setdefault(brain.record_entry.split(":")[-1], []).append(brain)
        return [
            {
                **entry,
                "retention_label": retention_label(
                    self.request, entry.get("retention")
                ),
                "responsible_name": fullname(entry.get("responsible", "")),
                "mine": bool(me) and entry.get("responsible") == me,
                "records": filed.get(entry["id"], []),
            }
            for entry in self.context.entries or []
        ]

    def outside(self) -> list:
        ids = {e["id"] for e in self.context.entries or []}
        return [
            b
            for b in api.content.find(
                context=self.context, portal_type="Record", depth=1
            )
            if b.record_entry.split(":")[-1] not in ids
        ]

    def can_edit(self) -> bool:
        return api.user.has_permission("Modify portal content", obj=self.context)

    def can_file(self) -> bool:
        return api.user.has_permission("qms.intranet: Add Record", obj=self.context)

    def approved_on(self) -> str:
        return format_date(self.context.approved_on)

    def transitions(self) -> list[dict]:
        return step_buttons(self.context, self.request)

    def archive_url(self) -> str:
        return self.context.aq_parent.absolute_url()


class EntriesForm(BrowserView):
    """Create a year's list (on the archive: this year, or next year in
    advance) or edit a draft's entries (on the list): one table of rows,
    proposed or current."""

    def is_new(self) -> bool:
        return not hasattr(self.context, "entries")

    @memoize
    def year(self) -> int:
        """The list's year; for a new list, ?year= (this year by default)."""
        if not self.is_new():
            return self.context.year
        try:
            return year_param(self.request)
        except BadRequestError:
            return 0

    def unit(self):
        return unit_of(self.context)

    def back_url(self) -> str:
        return self.context.absolute_url()

    FIELDS = ("id", "heading", "code", "procedure", "retention", "responsible", "notes")

    def rows(self) -> list[dict]:
        if self.request.form.get("rows"):  # re-shown after an error
            return [
                {name: getattr(row, name, "") for name in self.FIELDS}
                for row in self.request.form["rows"]
            ]
        if self.is_new():
            return lists.propose_entries(self.unit(), self.year())
        return [dict(e) for e in self.context.entries or []]

    def blank_rows(self) -> range:
        return range(3)

    def retention_value(self, row) -> str:
        value = row.get("retention", "")
        if value == PERMANENT:
            return "vĩnh viễn"
        return str(value)

    def refusal(self):
        """Why no list may be made for the year asked (None: it may)."""
        this_year = date.today().year
        year = self.year()
        if year not in (this_year, this_year + 1):
            return _(
                "error_list_year",
                default="A record list can be prepared for ${this_year} or "
                "${next_year} only: choose one of these years.",
                mapping={"this_year": this_year, "next_year": this_year + 1},
            )
        if lists.list_for(self.context, year) is not None:
            return _(
                "error_list_exists",
                default="The unit already has a record list for ${year}.",
                mapping={"year": year},
            )
        return None

    def __call__(self):
        form = self.request.form
        messages = IStatusMessage(self.request)
        if self.is_new():
            refusal = self.refusal()
            if refusal is not None:
                messages.add(translated(refusal, self.request), type="error")
                return self.request.response.redirect(self.context.absolute_url())
        if form.get("form.submitted"):
            CheckAuthenticator(self.request)
            rows = [
                dict(r)
                for r in form.get("rows", [])
                if (r.get("heading") or "").strip() and not r.get("drop")
            ]
            try:
                if self.is_new():
                    created = lists.create_list(self.unit(), self.year(), rows)
                    message = _(
                        "list_created_year",
                        default="The record list ${year} was created as a draft: "
                        "check it, then submit it to the head of the unit.",
                        mapping={"year": self.year()},
                    )
                    target = created.absolute_url()
                else:
                    self.context.entries = lists.clean_entries(rows)
                    self.context.reindexObject()
                    message = _("entries_saved", default="Entries saved.")
                    target = self.context.absolute_url()
            except lists.RecordError as error:
                self.error = str(error)
                return self.index()
            messages.add(translated(message, self.request), type="info")
            return self.request.response.redirect(target)
        return self.index()

    error = ""


class RecordView(_Stated, BrowserView):
    """A record: its entry, procedure, dates, files; adding a file."""

    def entry(self):
        return self.context._entry()

    def retention_label(self) -> str:
        return retention_label(self.request, self.context.retention())

    def files(self) -> list[dict]:
        out = []
        for brain in api.content.find(
            context=self.context, portal_type="RecordFile", depth=1
        ):
            out.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "download": f"{brain.getURL()}/@@download/file",
                    "size": brain.getObjSize or "",
                }
            )
        return out

    def opened_on(self) -> str:
        return format_date(self.context.opened_on)

    def closed_on(self) -> str:
        return format_date(self.context.closed_on)

    def confidentiality(self) -> str:
        labels = dict(CONFIDENTIALITY)
        value = self.context.confidentiality
        return translated(labels[value], self.request) if value in labels else ""

    def can_add_file(self) -> bool:
        return api.user.has_permission(ADD_FILE, obj=self.context)

    def can_edit(self) -> bool:
        return api.user.has_permission("Modify portal content", obj=self.context)

    def can_dispose(self) -> bool:
        return api.user.has_permission(DISPOSE_PERMISSION, obj=self.context)

    def list_url(self) -> str:
        return self.context.aq_parent.absolute_url()

    def list_title(self) -> str:
        return self.context.aq_parent.Title()


class AddFileForm(BrowserView):
    """Adds a file to a record: stored under its file name (normalized id),
    titled by it, back on the record with a message; an empty or missing
    file is refused next to the field and nothing is stored."""

    index = ViewPageTemplateFile("templates/add_file.pt")
    error = ""

    def __call__(self):
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        upload = self.request.form.get("file")
        filename = getattr(upload, "filename", "") or ""
        filename = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
        data = upload.read() if filename and hasattr(upload, "read") else b""
        blob = NamedBlobFile(data=data, filename=filename) if filename else None
        if blob is None:
            self.error = translated(
                _("error_file_missing", default="Choose the file to add."),
                self.request,
            )
            return self.index()
        try:
            check_size(blob)
        except ValidationError as invalid:
            self.error = translated(invalid.doc(), self.request)
            return self.index()
        created = api.content.create(
            container=self.context,
            type="RecordFile",
            title=filename,
            file=blob,
            safe_id=True,
        )
        IStatusMessage(self.request).add(
            translated(self.done_message(created), self.request), type="info"
        )
        return self.request.response.redirect(self.context.absolute_url())

    def done_message(self, created):
        return _(
            "record_file_added",
            default="The file «${file}» was added to the record.",
            mapping={"file": created.Title()},
        )


class RecordFileView(BrowserView):
    """A record's file: its name, size, who added it when, the download
    link and the way back to its record."""

    def file(self):
        return self.context.file

    def filename(self) -> str:
        return getattr(self.file(), "filename", "") or self.context.Title()

    def size(self) -> str:
        value = self.file()
        return file_size(value.getSize()) if value is not None else ""

    def content_type(self) -> str:
        return getattr(self.file(), "contentType", "") or ""

    def download_url(self) -> str:
        return f"{self.context.absolute_url()}/@@download/file/{self.filename()}"

    def added_on(self) -> str:
        created = self.context.created()
        return created.strftime("%d/%m/%Y %H:%M") if created else ""

    def added_by(self) -> str:
        return fullname(self.context.Creator())

    def record(self):
        return self.context.aq_parent


class DisposeView(BrowserView):
    """The secretariat disposes of a closed record whose retention ended."""

    def __call__(self):
        if self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            archive = self.context.aq_parent.absolute_url()
            try:
                dispose(self.context, self.request.form.get("reason", ""))
            except lists.RecordError as error:
                IStatusMessage(self.request).add(str(error), type="error")
                return self.index()
            IStatusMessage(self.request).add(
                _(
                    "record_disposed",
                    default="The record was disposed of and the disposal logged.",
                ),
                type="info",
            )
            return self.request.response.redirect(archive)
        return self.index()


class BoardView(YearPage):
    """Completeness of the record lists, all units, sortable, CSV export."""

    def data(self) -> dict:
        form = self.request.form
        return board(
            self.year(),
            sort_on=form.get("sort_on", "unit_title"),
            reverse=form.get("sort_order") == "descending",
        )

    def sort_url(self, column: str) -> str:
        form = self.request.form
        order = (
            "ascending"
            if form.get("sort_on") == column and form.get("sort_order") == "descending"
            else "descending"
            if form.get("sort_on") == column
            else "ascending"
        )
        base = f"{self.context.absolute_url()}/@@record-board"
        return f"{base}?year={self.year()}&sort_on={column}&sort_order={order}"

    def state_title(self, state) -> str:
        return list_state_title(self.request, state)

    def state_badge(self, state) -> str:
        return list_state_badge(state)

    def year_options(self) -> list[int]:
        """Years of the picker: three back, this year, next year (and the
        year shown, if it is further)."""
        this_year = date.today().year
        years = set(range(this_year - 3, this_year + 2)) | {self.year()}
        return sorted(years, reverse=True)

    def sort_on(self) -> str:
        value = self.request.form.get("sort_on", "")
        return value if value in COLUMNS else ""

    def sort_order(self) -> str:
        value = self.request.form.get("sort_order", "")
        return value if value in ("ascending", "descending") else ""

    def links(self, row) -> dict:
        """Where a row leads: its unit's list of the year, or the unit's
        archive when it has none; the figures to the parts of the list."""
        archive = (
            f"{api.portal.get().absolute_url()}/{UNITS_FOLDER}/{row['unit']}/"
            f"{lists.ARCHIVE_ID}"
        )
        if row["list_state"] is None:
            return {"row": archive, "entries": archive, "outside": archive}
        target = f"{archive}/{self.year()}"
        return {
            "row": target,
            "entries": f"{target}#qms-entries",
            "outside": f"{target}#qms-outside",
        }

    def date(self, iso) -> str:
        return "/".join(reversed(iso.split("-"))) if iso else ""

    def disposals(self) -> list:
        if not api.user.has_permission(DISPOSE_PERMISSION, obj=self.context):
            return []
        return disposals()


class BoardCSV(BoardView):
    """The board as CSV (UTF-8 with BOM, so spreadsheets read Vietnamese)."""

    def __call__(self):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in self.data()["items"]:
            writer.writerow([row[c] if row[c] is not None else "" for c in COLUMNS])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="danh-muc-ho-so-{self.year()}.csv"',
        )
        return "\ufeff" + out.getvalue()


class UnitRecordsViewlet(ViewletBase):
    """On a unit's page: the way to its records and where this year's (and
    next year's) list stands, for the unit's people and the secretariat."""

    index = ViewPageTemplateFile("templates/unit_records.pt")

    def available(self) -> bool:
        if api.user.is_anonymous():
            return False
        return sees_every_unit() or self.context.getId() in units_of_user()

    def archive(self):
        return self.context.get(lists.ARCHIVE_ID)

    def years(self) -> list[dict]:
        """This year's list (always) and next year's (when it exists or may
        be prepared): state, link, and the way to prepare a missing one."""
        archive = self.archive()
        if archive is None:
            return []
        this_year = date.today().year
        may_create = creatable_years(archive)
        found = {
            brain.record_year: brain
            for brain in api.content.find(
                context=archive,
                portal_type="RecordList",
                depth=1,
                record_year=[this_year, this_year + 1],
            )
        }
        out = []
        for year in (this_year, this_year + 1):
            brain = found.get(year)
            if brain is None and year != this_year and year not in may_create:
                continue
            state = brain.review_state if brain is not None else None
            out.append(
                {
                    "year": year,
                    "url": brain.getURL() if brain is not None else "",
                    "state": state or "",
                    "state_title": list_state_title(self.request, state),
                    "badge": list_state_badge(state),
                    "create_url": f"{archive.absolute_url()}/@@create-record-list"
                    f"?year={year}"
                    if year in may_create
                    else "",
                }
            )
        return out
