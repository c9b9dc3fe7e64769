"""Classic UI of management reviews (issue #15):

- qms-review-section (/xem-xet-lanh-dao): the reviews, newest meeting
  first, with «Thêm cuộc xem xét» for the secretariat;
- qms-management-review: the review's fields, its inputs a–f (live while
  in draft, the snapshot once held), the texts (d)–(f) and the decisions
  the secretariat writes beside the figures (@@review-notes), the output
  actions with their state, person responsible and due date, «Thêm hành
  động» (@@add-review-action), the steps and the history;
- @@qms-transition for reviews: `close` asks for the decisions;
- the minutes to print and as PDF: meeting_minutes.py.

Figures link to the boards and lists behind them; those boards count with
the reader's own permissions.
"""

from datetime import date
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.audits.vocabularies import FINDING_KINDS
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import parse_iso
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge as core_badge
from qms.intranet.core.states import state_label as core_label
from qms.intranet.core.views import fullname
from qms.intranet.core.views import history
from qms.intranet.core.views import step_buttons
from qms.intranet.core.views import TransitionForm
from qms.intranet.improvement.vocabularies import SOURCES
from qms.intranet.review.content import BLOC
from qms.intranet.review.content import IManagementReview
from qms.intranet.review.content import output_actions
from qms.intranet.review.inputs import gather
from qms.intranet.review.meeting import BLOC_TITLE
from zope.component import getUtility
from zope.i18nmessageid import Message
from zope.schema.interfaces import IVocabularyFactory

import transaction


STYLES = "++resource++qms.intranet.review/review.css"
ADD_REVIEW = "qms.intranet: Add ManagementReview"
ADD_ACTION = "qms.intranet: Add CorrectiveAction"
MODIFY = "Modify portal content"
NOTE_FIELDS = ("resources", "risks", "improvement_notes", "decisions")

NEXT_STEPS = {
    "draft": _(
        "review_next_draft",
        default="Being prepared: the inputs below are gathered from the data "
        "of the period as they are now. After the meeting the ISO secretariat "
        "records it as held, which keeps them as they are.",
    ),
    "held": _(
        "review_next_held",
        default="Held: the inputs below are those kept on the day it was "
        "recorded as held. Record the decisions and the actions, each with a "
        "person responsible and a due date, then close the review.",
    ),
    "closed": _(
        "review_next_closed",
        default="Closed: its actions are followed until done and are inputs of "
        "the next review.",
    ),
}
LIST_STATUS = {
    "on_time": (_("list_status_on_time", default="Issued on time"), "bg-success"),
    "late": (_("list_status_late", default="Issued late"), "bg-warning text-dark"),
    "in_draft": (_("list_status_in_draft", default="Not issued yet"), "bg-secondary"),
    "missing": (_("list_status_missing", default="No list"), "bg-danger"),
}
OBJECTIVE_COUNTS = (
    ("achieved", _("objectives_achieved", default="Achieved")),
    ("not_achieved", _("objectives_not_achieved", default="Not achieved")),
    ("no_data", _("objectives_no_data", default="No data")),
    ("on_track", _("objectives_on_track", default="On track")),
    ("at_risk", _("objectives_at_risk", default="At risk")),
)
TITLE_REQUIRED = _("error_action_title_required", default="Say what is to be done.")
DUE_REQUIRED = _(
    "error_action_due_required",
    default="Give the due date (dd/mm/yyyy): the action is followed by it.",
)
DUE_INVALID = _(
    "error_action_due_invalid",
    default="The due date is not a date: choose it in the calendar.",
)
RESPONSIBLE_INVALID = _(
    "error_action_responsible_invalid",
    default="Choose the person responsible from the list.",
)
ACTION_ADDED = _(
    "review_action_added",
    default="Action added. It is followed until done and becomes an input of "
    "the next review.",
)
NOTES_SAVED = _("review_notes_saved", default="Saved.")
DECISIONS_REQUIRED = _(
    "error_close_needs_decisions",
    default="Write the decisions of the review before closing it.",
)


def t(message, request) -> str:
    return translated(message, request)


def review_state_label(state: str) -> object:
    return core_label(state, "ManagementReview")


def review_state_badge(state: str) -> str:
    return core_badge(state, "ManagementReview")


def scope_label(scope, request) -> str:
    if not scope or scope == BLOC:
        return t(BLOC_TITLE, request)
    vocabulary = getUtility(IVocabularyFactory, "qms.intranet.ReviewScopes")(None)
    try:
        return vocabulary.getTerm(scope).title
    except LookupError:
        return scope


def day(value) -> str:
    if isinstance(value, str):
        value = parse_iso(value[:10])
    return format_date(value)


class SectionView(BrowserView):
    """/xem-xet-lanh-dao: the reviews, newest meeting first."""

    styles = STYLES

    @memoize
    def reviews(self) -> list[dict]:
        found = []
        for brain in api.content.find(
            context=self.context, portal_type="ManagementReview", depth=1
        ):
            review = brain.getObject()
            actions = output_actions(review)
            states = [api.content.get_state(obj=a, default="") for a in actions]
            meeting = getattr(review, "meeting_date", None)
            found.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "date": format_date(meeting),
                    "sort": meeting.isoformat() if isinstance(meeting, date) else "",
                    "scope": scope_label(review.scope, self.request),
                    "period": f"{format_date(review.period_start)} – "
                    f"{format_date(review.period_end)}",
                    "state": brain.review_state,
                    "state_title": t(
                        review_state_label(brain.review_state), self.request
                    ),
                    "badge": review_state_badge(brain.review_state),
                    "actions": len(actions),
                    "done": states.count("done"),
                }
            )
        return sorted(found, key=lambda r: r["sort"], reverse=True)

    def add_url(self) -> str | None:
        if not api.user.has_permission(ADD_REVIEW, obj=self.context):
            return None
        return f"{self.context.absolute_url()}/++add++ManagementReview"


class ReviewView(BrowserView):
    """A management review's page."""

    styles = STYLES

    def t(self, message) -> str:
        return t(message, self.request)

    def allowed(self, permission: str) -> bool:
        return bool(api.user.has_permission(permission, obj=self.context))

    @memoize
    def state(self) -> dict:
        state = api.content.get_state(obj=self.context, default="draft")
        return {
            "id": state,
            "title": self.t(review_state_label(state)),
            "badge": review_state_badge(state),
        }

    def next_step(self) -> str:
        message = NEXT_STEPS.get(self.state()["id"])
        return self.t(message) if message else ""

    def label(self, name: str) -> str:
        return self.t(IManagementReview[name].title)

    def details(self) -> list[dict]:
        review = self.context
        return [
            {"label": self.label("meeting_date"), "value": day(review.meeting_date)},
            {"label": self.label("chair"), "value": review.chair or ""},
            {
                "label": self.label("participants"),
                "value": review.participants or "",
                "text": True,
            },
            {
                "label": self.label("scope"),
                "value": scope_label(review.scope, self.request),
            },
            {
                "label": self.t(_("label_review_period", default="Period reviewed")),
                "value": f"{day(review.period_start)} – {day(review.period_end)}",
            },
        ]

    def is_snapshot(self) -> bool:
        return bool(self.context.inputs) and self.state()["id"] != "draft"

    @memoize
    def inputs(self) -> dict:
        """The snapshot once held, else the inputs as they are now."""
        if self.is_snapshot():
            return self.context.inputs
        review = self.context
        return gather(review.period_start, review.period_end, review.scope, review)

    def gathered_on(self) -> str:
        value = (self.inputs() or {}).get("gathered_on") or ""
        if not value:
            return ""
        return f"{day(value[:10])} {value[11:16]}".strip()

    def transitions(self) -> list[dict]:
        return step_buttons(self.context, self.request)

    def can_edit(self) -> bool:
        return self.allowed(MODIFY)

    def can_add_action(self) -> bool:
        return self.allowed(ADD_ACTION)

    def history(self) -> list[dict]:
        rows = history(self.context, self.request)
        for row in rows:
            row["state_title"] = self.t(review_state_label(row["state"]))
            row["badge"] = review_state_badge(row["state"])
        return rows

    # The inputs as blocks of figures

    def _figure(self, key, label, value, url="") -> dict:
        return {
            "key": key,
            "label": self.t(label),
            "value": "—" if value is None else value,
            "url": url,
        }

    def previous_actions(self) -> dict:
        data = self.inputs().get("previous_actions") or {}
        items = []
        for item in data.get("items") or ():
            state = item.get("state") or ""
            items.append(
                {
                    **item,
                    "state_title": self.t(core_label(state, "CorrectiveAction")),
                    "badge": "bg-danger"
                    if item.get("overdue")
                    else core_badge(state, "CorrectiveAction"),
                    "due": day(item.get("due_date") or ""),
                    "done": day(item.get("done_on") or ""),
                }
            )
        return {
            "figures": [
                self._figure(
                    "total",
                    _("figure_actions_total", default="Actions"),
                    data.get("total", 0),
                ),
                self._figure(
                    "done",
                    _("figure_actions_done", default="Done"),
                    data.get("done", 0),
                ),
                self._figure(
                    "open",
                    _("figure_actions_open", default="Open"),
                    data.get("open", 0),
                ),
                self._figure(
                    "overdue",
                    _("figure_actions_overdue", default="Overdue"),
                    data.get("overdue", 0),
                ),
            ],
            "items": items,
        }

    def changes(self) -> dict:
        data = self.inputs().get("changes") or {}
        docs = data.get("documents") or {}
        urls = docs.get("urls") or {}
        labels = {
            "revised": _("figure_procedures_revised", default="Procedures revised"),
            "cancelled": _(
                "figure_procedures_cancelled", default="Procedures cancelled"
            ),
            "issued_new": _(
                "figure_procedures_issued_new", default="New procedures issued"
            ),
            "pending_new": _(
                "figure_procedures_pending_new",
                default="New procedures drafted, not issued yet",
            ),
        }
        return {
            "figures": [
                self._figure(key, label, docs.get(key, 0), urls.get(key, ""))
                for key, label in labels.items()
            ],
            "units": [
                {**unit, "created": day(unit.get("created") or "")}
                for unit in data.get("units_added") or ()
            ],
        }

    def performance(self) -> dict:
        data = self.inputs().get("performance") or {}
        return {
            "objectives": self._objectives(data.get("objectives") or {}),
            "nonconformities": self._ncs(data.get("nonconformities") or {}),
            "audits": self._audits(data.get("audits") or {}),
            "records": self._records(data.get("records") or {}),
            "comments": data.get("comments") or {"count": 0},
        }

    def _objectives(self, data) -> dict:
        rows = []
        for row in data.get("rows") or ():
            title = row.get("title") or (
                self.t(BLOC_TITLE) if row.get("key") == BLOC else row.get("key")
            )
            rows.append({**row, "title": title})
        return {
            "available": bool(data.get("available")),
            "rows": rows,
            "columns": [
                {"key": key, "label": self.t(label)} for key, label in OBJECTIVE_COUNTS
            ],
            "totals": data.get("totals") or {},
        }

    def _ncs(self, data) -> dict:
        url = data.get("url", "")
        sep = "&" if "?" in url else "?"
        labels = (
            ("reported", _("figure_nc_reported", default="Nonconformities"), ""),
            ("open", _("figure_nc_open", default="Open"), "state=open"),
            ("overdue", _("figure_nc_overdue", default="Overdue"), "overdue=1"),
            ("closed", _("figure_nc_closed", default="Closed"), "state=closed"),
            (
                "verified_effective",
                _("figure_nc_effective", default="Closed, effective at once"),
                "",
            ),
        )
        figures = [
            self._figure(
                key,
                label,
                data.get(key, 0),
                f"{url}{sep}{extra}"
                if extra and "improvement-board" not in url
                else url,
            )
            for key, label, extra in labels
        ]
        sources = [
            {"label": self.t(label), "value": (data.get("by_source") or {}).get(key, 0)}
            for key, label in SOURCES
        ]
        return {"figures": figures, "sources": sources, "url": url}

    def _audits(self, data) -> dict:
        url = data.get("url", "")
        status = data.get("status") or {}
        figures = [
            self._figure(
                "audits",
                _("figure_audits", default="Audits in the year"),
                data.get("audits", 0),
                url,
            ),
            self._figure(
                "audited",
                _("figure_units_audited", default="Units audited"),
                status.get("audited", 0),
                url,
            ),
            self._figure(
                "not_planned",
                _("figure_units_not_planned", default="Units not planned"),
                status.get("not_planned", 0),
                url,
            ),
        ]
        kinds = [
            {
                "key": key,
                "label": self.t(label),
                "value": (data.get("findings") or {}).get(key, 0),
            }
            for key, label in FINDING_KINDS
        ]
        ncs = data.get("nonconformities") or {}
        return {
            "figures": figures,
            "kinds": kinds,
            "nc_open": ncs.get("open", 0),
            "nc_closed": ncs.get("closed", 0),
            "url": url,
            "programme": data.get("programme"),
        }

    def _records(self, data) -> dict:
        url = data.get("url", "")
        figures = [
            self._figure(key, LIST_STATUS[key][0], data.get(key, 0), url)
            for key in ("on_time", "late", "in_draft", "missing")
        ]
        rows = [
            {
                **row,
                "status_title": self.t(LIST_STATUS[row["status"]][0]),
                "badge": LIST_STATUS[row["status"]][1],
                "approved": day(row.get("approved_on") or ""),
            }
            for row in data.get("rows") or ()
        ]
        return {
            "figures": figures,
            "rows": rows,
            "deadline": day(data.get("deadline") or ""),
            "url": url,
        }

    def findings(self) -> list[dict]:
        return [
            {**item, "created": day(item.get("created") or "")}
            for item in self.inputs().get("improvement_findings") or ()
        ]

    def notes(self) -> list[dict]:
        """(d), (e), (f) and the decisions: label, value, field name."""
        return [
            {
                "name": name,
                "label": self.label(name),
                "value": getattr(self.context, name, None) or "",
            }
            for name in NOTE_FIELDS
        ]

    def note(self, name) -> str:
        return getattr(self.context, name, None) or ""

    # Outputs

    def actions(self) -> list[dict]:
        rows = []
        today = date.today()
        for action in sorted(
            output_actions(self.context), key=lambda a: a.due_date or date.max
        ):
            state = api.content.get_state(obj=action, default="open")
            overdue = state == "open" and action.due_date and action.due_date < today
            visible = api.user.has_permission("View", obj=action)
            rows.append(
                {
                    "title": action.Title(),
                    "url": action.absolute_url() if visible else "",
                    "edit_url": f"{action.absolute_url()}/edit"
                    if api.user.has_permission(MODIFY, obj=action)
                    else "",
                    "responsible": fullname(action.responsible or ""),
                    "due": format_date(action.due_date),
                    "done": format_date(getattr(action, "done_on", None)),
                    "state": state,
                    "state_title": self.t(core_label(state, "CorrectiveAction")),
                    "badge": "bg-danger"
                    if overdue
                    else core_badge(state, "CorrectiveAction"),
                    "overdue": bool(overdue),
                    "missing": not action.responsible or not action.due_date,
                }
            )
        return rows


class NotesForm(BrowserView):
    """@@review-notes: save (d)–(f) and the decisions from the review's page."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        for name in NOTE_FIELDS:
            value = self.request.form.get(name)
            if isinstance(value, str):
                setattr(self.context, name, value.strip() or None)
        self.context.reindexObject()
        IStatusMessage(self.request).add(t(NOTES_SAVED, self.request), type="info")
        return self.request.response.redirect(
            f"{self.context.absolute_url()}#qms-review-notes"
        )


class AddActionForm(BrowserView):
    """@@add-review-action: «Thêm hành động», an improvement action of the
    review: what, who (may be decided later, before the review is closed),
    by when (required)."""

    index = ViewPageTemplateFile("templates/meeting_action.pt")
    styles = STYLES

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}

    def t(self, message) -> str:
        return t(message, self.request)

    def value(self, name) -> str:
        value = self.request.form.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    def people(self) -> list[dict]:
        factory = getUtility(IVocabularyFactory, "qms.intranet.UnitPeople")
        return [
            {"value": term.value, "title": term.title} for term in factory(self.context)
        ]

    def validate(self) -> dict:
        errors = {}
        if not self.value("title"):
            errors["title"] = self.t(TITLE_REQUIRED)
        due = self.value("due_date")
        if not due:
            errors["due_date"] = self.t(DUE_REQUIRED)
        elif parse_iso(due) is None:
            errors["due_date"] = self.t(DUE_INVALID)
        responsible = self.value("responsible")
        if responsible and responsible not in {p["value"] for p in self.people()}:
            errors["responsible"] = self.t(RESPONSIBLE_INVALID)
        return errors

    def __call__(self):
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        self.errors = self.validate()
        if self.errors:
            transaction.doom()
            return self.index()
        api.content.create(
            container=self.context,
            type="CorrectiveAction",
            title=self.value("title"),
            description=self.value("description"),
            kind="improvement",
            responsible=self.value("responsible") or None,
            due_date=parse_iso(self.value("due_date")),
            safe_id=True,
        )
        IStatusMessage(self.request).add(self.t(ACTION_ADDED), type="info")
        return self.request.response.redirect(
            f"{self.context.absolute_url()}#qms-review-actions"
        )


class ReviewTransitionForm(TransitionForm):
    """`close` asks for the decisions (pre-filled) and stores them before
    the step runs; a refused step keeps nothing."""

    styles = STYLES

    def asks_decisions(self) -> bool:
        return self.transition_id() == "close"

    def decisions(self) -> str:
        if "decisions" in self.request.form:
            value = self.request.form.get("decisions")
            return value.strip() if isinstance(value, str) else ""
        return (getattr(self.context, "decisions", None) or "").strip()

    def state_title(self) -> str:
        return translated(review_state_label(self.state()), self.request)

    def state_badge(self) -> str:
        return review_state_badge(self.state())

    def extra_fields(self) -> list[dict]:
        if not self.asks_decisions():
            return []
        field = IManagementReview["decisions"]
        return [
            {
                "name": "decisions",
                "type": "textarea",
                "required": True,
                "value": self.decisions(),
                "label": translated(field.title, self.request),
                "help": translated(field.description, self.request),
            }
        ]

    def validate(self) -> dict:
        errors = super().validate()
        if self.asks_decisions() and not self.decisions():
            errors["decisions"] = translated(DECISIONS_REQUIRED, self.request)
        return errors

    def apply(self) -> None:
        if self.asks_decisions():
            self.context.decisions = self.decisions()

    def done_message(self, result) -> Message:
        message = super().done_message(result)
        state = api.content.get_state(obj=result, default="")
        return Message(
            message,
            mapping={
                **(message.mapping or {}),
                "state": translated(review_state_label(state)),
            },
        )
