"""Classic UI of records: the unit's archive, a record list and its entries
editor (which is also "Create this year's list"), a record, disposal, and
the completeness board with its CSV export."""

from datetime import date
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import year_param
from qms.intranet.core.states import state_label
from qms.intranet.records import lists
from qms.intranet.records.board import board
from qms.intranet.records.board import COLUMNS
from qms.intranet.records.content import PERMANENT
from qms.intranet.records.disposal import disposals
from qms.intranet.records.disposal import dispose
from qms.intranet.records.disposal import DISPOSE_PERMISSION
from qms.intranet.units.groups import unit_of

import csv
import io


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


def fullname(userid: str) -> str:
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname", "") or userid) if user else (userid or "")


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

    def can_create(self) -> bool:
        return self.context.get(
            str(self.this_year())
        ) is None and api.user.has_permission(
            "qms.intranet: Add RecordList", obj=self.context
        )

    def state_title(self, brain) -> str:
        return list_state_title(self.request, brain.review_state)


class RecordListView(BrowserView):
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

    def state(self) -> str:
        return api.content.get_state(obj=self.context)

    def state_title(self) -> str:
        return list_state_title(self.request, self.state())


class EntriesForm(BrowserView):
    """Create this year's list (on the archive) or edit a draft's entries
    (on the list): one table of rows, proposed or current."""

    def is_new(self) -> bool:
        return not hasattr(self.context, "entries")

    def year(self) -> int:
        return getattr(self.context, "year", None) or date.today().year

    def unit(self):
        return unit_of(self.context)

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

    def __call__(self):
        form = self.request.form
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
                        "list_created",
                        default="This year's record list was created as a draft.",
                    )
                    target = created.absolute_url()
                else:
                    self.context.entries = lists.clean_entries(rows)
                    self.context.reindexObject()
                    message = _("entries_saved", default="Entries saved.")
                    target = self.context.absolute_url()
            except lists.RecordError as error:
                IStatusMessage(self.request).add(str(error), type="error")
                return self.index()
            IStatusMessage(self.request).add(message, type="info")
            return self.request.response.redirect(target)
        return self.index()


class RecordView(BrowserView):
    """A record: its entry, procedure, dates, files."""

    def entry(self):
        return self.context._entry()

    def retention_label(self) -> str:
        return retention_label(self.request, self.context.retention())

    def files(self):
        return api.content.find(context=self.context, portal_type="RecordFile", depth=1)

    def state(self) -> str:
        return api.content.get_state(obj=self.context)

    def can_dispose(self) -> bool:
        return api.user.has_permission(DISPOSE_PERMISSION, obj=self.context)


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


class BoardView(BrowserView):
    """Completeness of the record lists, all units, sortable, CSV export."""

    @memoize
    def year(self) -> int:
        """The year asked for; this year (and a message) when it is no year."""
        try:
            return year_param(self.request)
        except BadRequestError as bad:
            IStatusMessage(self.request).add(bad.message, type="error")
            return date.today().year

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
