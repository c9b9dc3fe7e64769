"""Classic UI of the improvement register (issue #13): the unit's register
with its filters, a nonconformity's and an action's pages, the transition
forms that ask what each step needs, adding evidence files, «Sửa đổi quy
trình» in one step, the nonconformities on a procedure's page and the way
from a unit's page to its register. The printable report is report.py.

Listings read the catalog as the current person (never unrestricted): what
they may not see is not listed."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.interfaces import IWorkingCopy
from plone.app.layout.viewlets.common import ViewletBase
from plone.batching import Batch
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import year_param
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.views import fullname
from qms.intranet.core.views import history
from qms.intranet.core.views import step_buttons
from qms.intranet.core.views import TransitionForm
from qms.intranet.improvement.content import ICorrectiveAction
from qms.intranet.improvement.content import INonconformity
from qms.intranet.improvement.content import nonconformity_of
from qms.intranet.improvement.content import REGISTER_ID
from qms.intranet.improvement.content import register_of
from qms.intranet.improvement.revise import revisable
from qms.intranet.improvement.revise import revise_procedure
from qms.intranet.improvement.revise import RevisionRefused
from qms.intranet.improvement.vocabularies import ACTION_KINDS
from qms.intranet.improvement.vocabularies import CAUSE_CATEGORIES
from qms.intranet.improvement.vocabularies import EFFECTIVENESS
from qms.intranet.improvement.vocabularies import label_of
from qms.intranet.improvement.vocabularies import SEVERITIES
from qms.intranet.improvement.vocabularies import SOURCES
from qms.intranet.improvement.workflow import EFFECTIVENESS_REQUIRED
from qms.intranet.improvement.workflow import FROZEN_NC_STATES
from qms.intranet.improvement.workflow import NC_STATES
from qms.intranet.improvement.workflow import NOT_EFFECTIVE
from qms.intranet.improvement.workflow import OPEN_NC_STATES
from qms.intranet.improvement.workflow import RESULT_REQUIRED
from qms.intranet.improvement.workflow import ROOT_CAUSE_REQUIRED
from qms.intranet.records.views import AddFileForm
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_of
from qms.intranet.units.groups import units_of_user
from urllib.parse import urlencode
from zExceptions import Unauthorized
from ZTUtils.Lazy import LazyCat

import transaction


ADD_NONCONFORMITY = "qms.intranet: Add Nonconformity"
ADD_ACTION = "qms.intranet: Add CorrectiveAction"
ADD_FILE = "qms.intranet: Add RecordFile"
MODIFY = "Modify portal content"
PAGE_SIZE = 50  # nonconformities a page of the register
# The register's state filter: every open state at once, or one state.
OPEN_FILTER = "open"
# Transitions whose button warns: they undo or stop work.
DANGEROUS = frozenset({"cancel", "reopen"})
# The styles of these pages (improvement/static, see pages.zcml).
STYLES = "++resource++qms.intranet.improvement/improvement.css"

OVERDUE = _("badge_overdue", default="Overdue")
BAD_FILTER = _(
    "error_register_filter",
    default="A filter of the address is not one of the choices offered and "
    "was ignored: choose again from the lists.",
)
CHOOSE_FROM_LIST = _(
    "error_choose_from_list",
    default="Choose one of the values offered in the list.",
)
NOT_ALLOWED_ACTION = _(
    "error_revise_cannot_add_action",
    default="The nonconformity takes no new actions in its present state: "
    "the revision was not started.",
)


def t(message, request) -> str:
    return translated(message, request)


def yesterday() -> date:
    return date.today() - timedelta(days=1)


def is_overdue(due, state) -> bool:
    """An action is overdue when its due date has passed and it is not done."""
    return isinstance(due, date) and due < date.today() and state != "done"


def catalog():
    return api.portal.get_tool("portal_catalog")


def path_of(obj) -> str:
    return "/".join(obj.getPhysicalPath())


def overdue_nonconformities(context) -> set[str]:
    """Paths of the nonconformities under `context` that have an overdue
    action (one catalog query, as the current person)."""
    brains = catalog()(
        portal_type="CorrectiveAction",
        review_state="open",
        due_date={"query": yesterday(), "range": "max"},
        path=path_of(context),
    )
    return {brain.getPath().rsplit("/", 1)[0] for brain in brains}


def nonconformity_count(register, **query) -> int:
    return len(catalog()(portal_type="Nonconformity", path=path_of(register), **query))


def overdue_count(register, paths=None) -> int:
    """How many open nonconformities of the register have an overdue action."""
    paths = overdue_nonconformities(register) if paths is None else paths
    if not paths:
        return 0
    return len(
        catalog()(
            portal_type="Nonconformity",
            path={"query": sorted(paths), "depth": 0},
            review_state=list(OPEN_NC_STATES),
        )
    )


def last_actor(obj, transition: str) -> str:
    """Who last did `transition` on `obj` (their name), or ''."""
    for entry in reversed(
        getattr(obj, "workflow_history", {}).get("qms_nonconformity_workflow", ())
    ):
        if entry.get("action") == transition:
            return fullname(entry.get("actor") or "")
    return ""


def procedure_link(uid) -> dict | None:
    """The procedure a nonconformity or action concerns, as "code – title"
    with its address, if the current person may see it."""
    if not uid:
        return None
    brains = catalog()(UID=uid)
    if not brains:
        return None
    brain = brains[0]
    code = getattr(brain, "document_code", "") or ""
    title = f"{code} – {brain.Title}" if code else brain.Title
    return {"title": title, "url": brain.getURL()}


def evidence_files(context) -> list[dict]:
    """The evidence files (RecordFile items) right inside `context`."""
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "download": f"{brain.getURL()}/@@download/file",
            "size": brain.getObjSize or "",
        }
        for brain in catalog()(
            portal_type="RecordFile",
            path={"query": path_of(context), "depth": 1},
            sort_on="created",
        )
    ]


class _Page(BrowserView):
    """Shared by the register's, the nonconformity's and the action's pages."""

    styles = STYLES

    def t(self, message) -> str:
        return t(message, self.request)

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def state_title(self) -> str:
        return self.t(state_label(self.state()))

    def state_badge(self) -> str:
        return state_badge(self.state())

    def allowed(self, permission: str) -> bool:
        return bool(api.user.has_permission(permission, obj=self.context))

    def can_edit(self) -> bool:
        return self.allowed(MODIFY)

    def can_add_file(self) -> bool:
        return self.allowed(ADD_FILE)

    def files(self) -> list[dict]:
        return evidence_files(self.context)

    def history(self) -> list[dict]:
        return history(self.context, self.request)

    def transitions(self) -> list[dict]:
        return step_buttons(self.context, self.request, DANGEROUS)


class RegisterView(_Page):
    """/don-vi/<unit>/khac-phuc: the unit's nonconformities, open ones first
    then the newest, with their actions done and overdue; filters by state,
    source, severity, year and «overdue only»; paged."""

    def __call__(self):
        if self.filters()["bad"]:
            IStatusMessage(self.request).add(self.t(BAD_FILTER), type="warning")
        if self.filters()["bad_year"]:
            IStatusMessage(self.request).add(
                self.t(self.filters()["bad_year"]), type="error"
            )
        return self.index()

    def unit_title(self) -> str:
        unit = unit_of(self.context)
        return unit.Title() if unit is not None else ""

    def can_report(self) -> bool:
        return any(
            fti.getId() == "Nonconformity" for fti in self.context.allowedContentTypes()
        )

    def report_url(self) -> str:
        return f"{self.context.absolute_url()}/++add++Nonconformity"

    @memoize
    def filters(self) -> dict:
        """The filters asked for; a value not offered is ignored (and said)."""
        form, out, bad = self.request.form, {}, []
        allowed = {
            "state": (OPEN_FILTER, *NC_STATES),
            "source": tuple(dict(SOURCES)),
            "severity": tuple(dict(SEVERITIES)),
        }
        for name, values in allowed.items():
            value = form.get(name) or ""
            if not isinstance(value, str) or (value and value not in values):
                bad.append(name)
                value = ""
            out[name] = value
        out["year"], out["bad_year"] = None, None
        if form.get("year") not in (None, ""):
            try:
                out["year"] = year_param(self.request)
            except BadRequestError as error:
                out["bad_year"] = error.message
        overdue = form.get("overdue") or ""
        out["overdue"] = isinstance(overdue, str) and overdue in ("1", "on", "true")
        out["bad"] = bad
        out["any"] = any(
            out[name] for name in ("state", "source", "severity", "year", "overdue")
        )
        return out

    @memoize
    def overdue(self) -> set[str]:
        return overdue_nonconformities(self.context)

    def query(self) -> dict | None:
        """The catalog query of the filters (None: nothing can match)."""
        f = self.filters()
        query = {
            "portal_type": "Nonconformity",
            "path": path_of(self.context),
            "sort_on": ("detected_on", "nc_reference"),
            "sort_order": "descending",
        }
        if f["source"]:
            query["nc_source"] = f["source"]
        if f["severity"]:
            query["nc_severity"] = f["severity"]
        if f["year"]:
            query["qms_year"] = f["year"]
        if f["overdue"]:
            if not self.overdue():
                return None
            query["path"] = {"query": sorted(self.overdue()), "depth": 0}
        return query

    @memoize
    def results(self):
        """Open ones first (newest first), then closed and cancelled ones;
        «overdue only» lists open ones only."""
        query, f = self.query(), self.filters()
        if query is None:
            return []
        state = f["state"]
        if state == OPEN_FILTER or (f["overdue"] and not state):
            states = list(OPEN_NC_STATES)
        elif state:
            states = [state]
        else:
            return LazyCat(
                [
                    catalog()(review_state=list(OPEN_NC_STATES), **query),
                    catalog()(review_state=list(FROZEN_NC_STATES), **query),
                ]
            )
        if f["overdue"]:
            states = [s for s in states if s in OPEN_NC_STATES]
            if not states:
                return []
        return catalog()(review_state=states, **query)

    @memoize
    def batch(self):
        start = self.request.form.get("b_start", 0)
        start = int(start) if str(start).isdigit() else 0
        total = len(self.results())
        if start >= total:  # past the end: the last page
            start = max(total - 1, 0) // PAGE_SIZE * PAGE_SIZE
        return Batch(self.results(), PAGE_SIZE, start)

    def total(self) -> int:
        return len(self.results())

    def _action_counts(self, paths) -> dict:
        """Path of a nonconformity -> [done, total] of its actions."""
        counts = {path: [0, 0] for path in paths}
        if not paths:
            return counts
        for brain in catalog()(
            portal_type="CorrectiveAction", path={"query": paths, "depth": 1}
        ):
            count = counts.get(brain.getPath().rsplit("/", 1)[0])
            if count is not None:
                count[1] += 1
                count[0] += brain.review_state == "done"
        return counts

    def rows(self) -> list[dict]:
        brains = list(self.batch())
        counts = self._action_counts([brain.getPath() for brain in brains])
        sources = catalog()._catalog.getIndex("nc_source")
        overdue = self.overdue()
        out = []
        for brain in brains:
            path = brain.getPath()
            done, total = counts.get(path, (0, 0))
            state = brain.review_state
            out.append(
                {
                    "reference": brain.nc_reference or "",
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "source": self.t(
                        label_of(SOURCES, sources.getEntryForObject(brain.getRID()))
                    ),
                    "severity": self.t(label_of(SEVERITIES, brain.nc_severity)),
                    "severity_id": brain.nc_severity or "",
                    "detected_on": format_date(brain.detected_on),
                    "state": state,
                    "state_title": self.t(state_label(state)),
                    "badge": state_badge(state),
                    "done": done,
                    "total": total,
                    "overdue": path in overdue and state not in FROZEN_NC_STATES,
                }
            )
        return out

    def _options(self, name, items) -> list[dict]:
        current = self.filters()[name]
        return [
            {"value": value, "title": self.t(label), "selected": value == current}
            for value, label in items
        ]

    def state_options(self) -> list[dict]:
        items = [
            (OPEN_FILTER, _("filter_nc_open", default="Not closed yet")),
            *((state, state_label(state)) for state in NC_STATES),
        ]
        return self._options("state", items)

    def source_options(self) -> list[dict]:
        return self._options("source", SOURCES)

    def severity_options(self) -> list[dict]:
        return self._options("severity", SEVERITIES)

    def year_options(self) -> list[dict]:
        this_year = date.today().year
        years = set(range(this_year - 4, this_year + 1))
        if self.filters()["year"]:
            years.add(self.filters()["year"])
        return [
            {"value": year, "selected": year == self.filters()["year"]}
            for year in sorted(years, reverse=True)
        ]

    def url(self, **params) -> str:
        """This page with the current filters changed by `params`."""
        values = {
            k: v
            for k, v in self.request.form.items()
            if k != "b_start" and isinstance(v, str)
        }
        values.update(params)
        values = {k: v for k, v in values.items() if v not in ("", None)}
        query = urlencode(values)
        return f"{self.context.absolute_url()}{'?' + query if query else ''}"

    def summary(self) -> dict:
        """How many are open and how many overdue, each a link to them."""
        return {
            "open": nonconformity_count(
                self.context, review_state=list(OPEN_NC_STATES)
            ),
            "open_url": self.url(state=OPEN_FILTER, overdue=""),
            "overdue": overdue_count(self.context, self.overdue()),
            "overdue_url": self.url(overdue="1", state=""),
        }


class NonconformityView(_Page):
    """A nonconformity: what happened, its cause, its actions, its evidence,
    its verification, what the current person may do next, its history."""

    def label(self, name: str) -> str:
        return self.t(INonconformity[name].title)

    def _text(self, name: str) -> str:
        return getattr(self.context, name, None) or ""

    def is_frozen(self) -> bool:
        return self.state() in FROZEN_NC_STATES

    def procedure(self) -> dict | None:
        return procedure_link(self.context.procedure)

    def details(self) -> list[dict]:
        """What happened: the rows of the first block."""
        nc = self.context
        procedure = self.procedure()
        return [
            {
                "label": self.t(_("label_nc_what_happened", default="What happened")),
                "value": nc.Description(),
                "text": True,
            },
            {
                "label": self.label("source"),
                "value": self.t(label_of(SOURCES, nc.source)),
            },
            {
                "label": self.label("severity"),
                "value": self.t(label_of(SEVERITIES, nc.severity)),
            },
            {
                "label": self.label("detected_on"),
                "value": format_date(nc.detected_on),
            },
            {"label": self.label("detected_by"), "value": self._text("detected_by")},
            {
                "label": self.label("procedure"),
                "value": procedure["title"] if procedure else "",
                "url": procedure["url"] if procedure else "",
            },
            {"label": self.label("clause"), "value": self._text("clause")},
            {
                "label": self.label("correction"),
                "value": self._text("correction"),
                "text": True,
            },
        ]

    def cause(self) -> list[dict]:
        return [
            {
                "label": self.label("root_cause"),
                "value": self._text("root_cause"),
                "text": True,
            },
            {
                "label": self.label("cause_category"),
                "value": self.t(label_of(CAUSE_CATEGORIES, self.context.cause_category))
                if self.context.cause_category
                else "",
            },
        ]

    def verification(self) -> list[dict]:
        nc = self.context
        return [
            {
                "label": self.label("effectiveness"),
                "value": self.t(label_of(EFFECTIVENESS, nc.effectiveness))
                if nc.effectiveness
                else "",
            },
            {
                "label": self.label("effectiveness_note"),
                "value": self._text("effectiveness_note"),
                "text": True,
            },
            {"label": self.label("closed_on"), "value": format_date(nc.closed_on)},
        ]

    @memoize
    def actions(self) -> list[dict]:
        out = []
        for brain in catalog()(
            portal_type="CorrectiveAction",
            path={"query": path_of(self.context), "depth": 1},
            sort_on="due_date",
        ):
            action = brain.getObject()
            state = brain.review_state
            out.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "kind": self.t(label_of(ACTION_KINDS, brain.action_kind)),
                    "responsible": fullname(brain.responsible or ""),
                    "due_date": format_date(brain.due_date),
                    "done_on": format_date(getattr(action, "done_on", None)),
                    "state": state,
                    "state_title": self.t(state_label(state)),
                    "badge": state_badge(state),
                    "overdue": is_overdue(brain.due_date, state),
                }
            )
        return out

    def overdue(self) -> bool:
        return not self.is_frozen() and any(a["overdue"] for a in self.actions())

    def can_add_action(self) -> bool:
        return self.allowed(ADD_ACTION)

    def can_revise(self) -> bool:
        return self.can_add_action() and revisable(self.context)

    def register(self):
        return register_of(self.context)

    def unit_title(self) -> str:
        unit = unit_of(self.context)
        return unit.Title() if unit is not None else ""


class ActionView(_Page):
    """A corrective action: what, who, by when, its result and evidence."""

    def label(self, name: str) -> str:
        return self.t(ICorrectiveAction[name].title)

    def nonconformity(self):
        return nonconformity_of(self.context.aq_parent)

    def is_overdue(self) -> bool:
        return is_overdue(self.context.due_date, self.state())

    def details(self) -> list[dict]:
        action = self.context
        procedure = procedure_link(getattr(action, "revises", None))
        rows = [
            {
                "label": self.t(_("label_action_what", default="What is to be done")),
                "value": action.Description(),
                "text": True,
            },
            {
                "label": self.label("kind"),
                "value": self.t(label_of(ACTION_KINDS, action.kind)),
            },
            {
                "label": self.label("responsible"),
                "value": fullname(action.responsible or ""),
            },
            {"label": self.label("due_date"), "value": format_date(action.due_date)},
            {"label": self.label("done_on"), "value": format_date(action.done_on)},
            {
                "label": self.label("result"),
                "value": action.result or "",
                "text": True,
            },
        ]
        if procedure is not None:
            rows.insert(
                2,
                {
                    "label": self.label("revises"),
                    "value": procedure["title"],
                    "url": procedure["url"],
                },
            )
        return rows


class ImprovementTransitionForm(TransitionForm):
    """The steps of nonconformities and actions ask what they need before
    they run: `analyse` the root cause and its kind, `verify` whether the
    actions were effective, an action's `complete` its result; `cancel` and
    `reopen` their reason (the base form). A refused step keeps nothing."""

    styles = STYLES

    def t(self, message) -> str:
        return t(message, self.request)

    def button_class(self) -> str:
        return "btn-danger" if self.transition_id() in DANGEROUS else "btn-primary"

    # The text a step asks for is also its comment in the history: no
    # second, optional note beside it.
    KEPT_AS_COMMENT = {
        "analyse": "root_cause",
        "verify": "effectiveness_note",
        "result": "result",
    }

    def fields(self) -> list[dict]:
        fields = super().fields()
        return fields[1:] if self.asks() else fields

    def comment(self) -> str:
        if self.asks():
            return self.value(self.KEPT_AS_COMMENT[self.asks()])
        return super().comment()

    def asks(self) -> str:
        """What this step asks: "analyse", "verify", "result" or ""."""
        transition = self.transition_id()
        if INonconformity.providedBy(self.context):
            return transition if transition in ("analyse", "verify") else ""
        if ICorrectiveAction.providedBy(self.context) and transition == "complete":
            return "result"
        return ""

    def value(self, name: str) -> str:
        """What the form carries for `name`, else what the item holds."""
        if name in self.request.form:
            value = self.request.form.get(name)
            return value.strip() if isinstance(value, str) else ""
        return getattr(self.context, name, None) or ""

    def _field(self, name, schema, kind="textarea", required=False, **extra):
        field = schema[name]
        return {
            "name": name,
            "type": kind,
            "required": required,
            "value": self.value(name),
            "label": self.t(field.title),
            "help": self.t(field.description) if field.description else "",
            **extra,
        }

    def _options(self, items) -> list[dict]:
        return [{"value": value, "title": self.t(label)} for value, label in items]

    def extra_fields(self) -> list[dict]:
        asks = self.asks()
        if asks == "analyse":
            return [
                self._field(
                    "root_cause",
                    INonconformity,
                    required=True,
                    help=self.t(
                        _(
                            "help_transition_root_cause",
                            default="Why did it happen? Go back to the cause "
                            "that, removed, keeps it from happening again.",
                        )
                    ),
                ),
                self._field(
                    "cause_category",
                    INonconformity,
                    kind="select",
                    options=self._options(CAUSE_CATEGORIES),
                ),
            ]
        if asks == "verify":
            return [
                self._field(
                    "effectiveness",
                    INonconformity,
                    kind="select",
                    required=True,
                    options=self._options(EFFECTIVENESS),
                    help=self.t(
                        _(
                            "help_transition_effectiveness",
                            default="Effective closes the nonconformity. If the "
                            "actions did not work, reopen it instead, with the "
                            "reason.",
                        )
                    ),
                ),
                self._field("effectiveness_note", INonconformity),
            ]
        if asks == "result":
            return [self._field("result", ICorrectiveAction, required=True)]
        return []

    def validate(self) -> dict:
        errors = super().validate()
        asks = self.asks()
        if asks == "analyse":
            if not self.value("root_cause"):
                errors["root_cause"] = self.t(ROOT_CAUSE_REQUIRED)
            category = self.value("cause_category")
            if category and category not in dict(CAUSE_CATEGORIES):
                errors["cause_category"] = self.t(CHOOSE_FROM_LIST)
        if asks == "verify":
            effectiveness = self.value("effectiveness")
            if effectiveness not in dict(EFFECTIVENESS):
                errors["effectiveness"] = self.t(EFFECTIVENESS_REQUIRED)
            elif effectiveness != "effective":
                errors["effectiveness"] = self.t(NOT_EFFECTIVE)
        if asks == "result" and not self.value("result"):
            errors["result"] = self.t(RESULT_REQUIRED)
        return errors

    def apply(self) -> None:
        asks, obj = self.asks(), self.context
        if asks == "analyse":
            obj.root_cause = self.value("root_cause")
            obj.cause_category = self.value("cause_category") or None
        elif asks == "verify":
            obj.effectiveness = self.value("effectiveness")
            obj.effectiveness_note = self.value("effectiveness_note") or None
        elif asks == "result":
            obj.result = self.value("result")
        if asks:
            obj.reindexObject()

    def alternative(self) -> dict | None:
        """After «not effective»: the way to reopen, the note as the reason."""
        if not self.errors.get("effectiveness") or (
            self.value("effectiveness") != "not_effective"
        ):
            return None
        wftool = api.portal.get_tool("portal_workflow")
        if "reopen" not in [t["id"] for t in wftool.getTransitionsFor(self.context)]:
            return None
        query = {"transition": "reopen", "comment": self.value("effectiveness_note")}
        return {
            "url": f"{self.context.absolute_url()}/@@qms-transition?{urlencode(query)}",
            "label": self.t(
                _(
                    "button_reopen_instead",
                    default="Reopen it with this note as the reason",
                )
            ),
        }


class AddEvidenceForm(AddFileForm):
    """Adds an evidence file (RecordFile) to a nonconformity or an action:
    as the records' form does, with the words of evidence."""

    index = ViewPageTemplateFile("templates/add_evidence.pt")
    styles = STYLES

    def done_message(self, created):
        return _(
            "evidence_file_added",
            default="The evidence file «${file}» was added.",
            mapping={"file": created.Title()},
        )


class ReviseProcedureView(BrowserView):
    """«Sửa đổi quy trình» (POST, with the form's authenticator): starts the
    revision of the nonconformity's procedure and opens the revision's edit
    form; a refusal comes back to the nonconformity and changes nothing."""

    def __call__(self):
        nc_url = self.context.absolute_url()
        response, messages = self.request.response, IStatusMessage(self.request)
        if self.request.method != "POST":
            return response.redirect(nc_url)
        CheckAuthenticator(self.request)
        try:
            if not api.user.has_permission(ADD_ACTION, obj=self.context):
                raise RevisionRefused(NOT_ALLOWED_ACTION)
            working_copy = revise_procedure(self.context)
        except (RevisionRefused, Unauthorized) as refused:
            transaction.doom()
            message = refused.args[0] if isinstance(refused, RevisionRefused) else ""
            messages.add(t(message or NOT_ALLOWED_ACTION, self.request), type="error")
            return response.redirect(nc_url)
        messages.add(
            t(
                _(
                    "revision_started_from_nonconformity",
                    default="The revision of ${code} has started: this "
                    "nonconformity is in its change note and a corrective "
                    "action follows it. Make the changes, then submit the "
                    "revision for review.",
                    mapping={"code": getattr(working_copy, "code", "") or ""},
                ),
                self.request,
            ),
            type="info",
        )
        target = working_copy.absolute_url()
        if api.user.has_permission(MODIFY, obj=working_copy):
            target += "/edit"
        return response.redirect(target)


class ProcedureNonconformitiesViewlet(ViewletBase):
    """Below a procedure: the nonconformities raised against it that the
    current person may see (none: nothing shown)."""

    index = ViewPageTemplateFile("templates/procedure_nonconformities.pt")

    def uid(self) -> str:
        context = self.context
        if IWorkingCopy.providedBy(context):
            context = get_baseline(context) or context
        return api.content.get_uuid(obj=context)

    @memoize
    def items(self) -> list[dict]:
        if api.user.is_anonymous() or self.context.portal_type != "Procedure":
            return []
        return [
            {
                "reference": brain.nc_reference or "",
                "title": brain.Title,
                "url": brain.getURL(),
                "state_title": translated(
                    state_label(brain.review_state), self.request
                ),
                "badge": state_badge(brain.review_state),
                "detected_on": format_date(brain.detected_on),
            }
            for brain in catalog()(
                portal_type="Nonconformity",
                procedure_uid=self.uid(),
                sort_on="detected_on",
                sort_order="descending",
            )
        ]


class UnitImprovementViewlet(ViewletBase):
    """On a unit's page: the way to its register, with how many are open and
    overdue, for the unit's people, the secretariat and the leaders."""

    index = ViewPageTemplateFile("templates/unit_improvement.pt")

    def register(self):
        register = self.context.get(REGISTER_ID)
        if register is None or not api.user.has_permission("View", obj=register):
            return None
        return register

    def available(self) -> bool:
        if api.user.is_anonymous():
            return False
        mine = sees_every_unit() or self.context.getId() in units_of_user()
        return (mine or self.is_leader()) and self.register() is not None

    def is_leader(self) -> bool:
        return "QMSLeader" in api.user.get_roles(obj=self.context)

    @memoize
    def figures(self) -> dict:
        register = self.register()
        url = register.absolute_url()
        open_ = nonconformity_count(register, review_state=list(OPEN_NC_STATES))
        overdue = overdue_count(register)
        return {
            "url": url,
            "open": open_,
            "open_url": f"{url}?state={OPEN_FILTER}",
            "overdue": overdue,
            "overdue_url": f"{url}?overdue=1",
            "report_url": f"{url}/++add++Nonconformity"
            if any(
                fti.getId() == "Nonconformity" for fti in register.allowedContentTypes()
            )
            else "",
        }
