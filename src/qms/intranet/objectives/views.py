"""Classic UI of quality objectives: the archive of yearly plans (and the form
that starts a year's plan), a plan with each objective's chart, status and
plan to reach it, an objective's page, «Ghi kết quả đo», the plan's workflow
steps, and the objectives box on the unit's page."""

from datetime import date
from datetime import datetime
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import stored
from qms.intranet.core.i18n import translated
from qms.intranet.core.views import fullname
from qms.intranet.core.views import history
from qms.intranet.core.views import step_buttons
from qms.intranet.core.views import TransitionForm
from qms.intranet.core.workflow import DEFAULT_DONE
from qms.intranet.core.workflow import DONE_MESSAGES
from qms.intranet.objectives.chart import chart_svg
from qms.intranet.objectives.chart import number
from qms.intranet.objectives.content import ARCHIVE_ID
from qms.intranet.objectives.content import IObjectivePlan
from qms.intranet.objectives.content import MAX_YEAR
from qms.intranet.objectives.content import MIN_YEAR
from qms.intranet.objectives.content import plan_of
from qms.intranet.objectives.measurements import MeasurementError
from qms.intranet.objectives.measurements import record
from qms.intranet.objectives.measurements import RECORD_PERMISSION
from qms.intranet.objectives.status import compute_status
from qms.intranet.objectives.status import is_due
from qms.intranet.objectives.status import last_value
from qms.intranet.objectives.status import latest_values
from qms.intranet.objectives.status import missing_periods
from qms.intranet.objectives.status import period_start
from qms.intranet.objectives.status import periods
from qms.intranet.objectives.status import STATUSES
from qms.intranet.objectives.vocabularies import DIRECTIONS
from qms.intranet.objectives.vocabularies import FREQUENCIES
from qms.intranet.objectives.vocabularies import label_of
from qms.intranet.objectives.vocabularies import MEASURES
from qms.intranet.objectives.vocabularies import period_label
from qms.intranet.objectives.vocabularies import plan_state
from qms.intranet.objectives.vocabularies import STATUS_LABELS
from qms.intranet.objectives.vocabularies import unit_symbol
from qms.intranet.objectives.workflow import REASON_HELP as PLAN_REASON_HELP
from qms.intranet.objectives.workflow import REASON_REQUIRED as PLAN_REASON_REQUIRED
from qms.intranet.units.groups import unit_of
from zope.i18nmessageid import Message

import transaction


ADD_PLAN = "qms.intranet: Add ObjectivePlan"
ADD_OBJECTIVE = "qms.intranet: Add QualityObjective"
DANGEROUS = frozenset({"reject", "amend"})


def when_label(value: str) -> str:
    """'2026-03-05T10:20:00' -> '05/03/2026 10:20'."""
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return ""


def with_symbol(value, symbol: str) -> str:
    """95 and '%' -> '95%'; 3 and 'ngày' -> '3 ngày'."""
    separator = "" if symbol == "%" else " "
    return f"{number(value)}{separator}{symbol}".strip()


def owner_title(context, request) -> str:
    unit = unit_of(context)
    if unit is not None:
        return unit.Title()
    return translated(
        _("objectives_bloc", default="The ministry's agency bloc"), request
    )


def status_badge(status: str, request) -> dict:
    label, badge = STATUS_LABELS.get(status, STATUS_LABELS["no_data"])
    return {"id": status, "title": translated(label, request), "badge": badge}


def objective_info(objective, year: int, request, today=None) -> dict:
    """What a page shows of an objective."""
    today = today or date.today()
    status = compute_status(objective, year, today)
    symbol = unit_symbol(objective.measure)
    symbol = translated(symbol, request) if symbol else ""
    direction = "≤" if objective.direction == "at_most" else "≥"
    target = f"{direction} {with_symbol(objective.target, symbol)}"
    values = latest_values(objective.measurements)
    rows = []
    for period in periods(objective.frequency):
        row = values.get(period)
        rows.append(
            {
                "period": period,
                "label": translated(period_label(period), request),
                "value": with_symbol(row["value"], symbol) if row else "",
                "note": (row or {}).get("note", ""),
                "who": fullname((row or {}).get("who", "")),
                "when": when_label((row or {}).get("when", "")),
                "missing": row is None and is_due(year, period, today),
            }
        )
    label = translated(
        _(
            "objective_chart_label",
            default="Values of «${objective}» against the target ${target}",
            mapping={"objective": objective.Title(), "target": target},
        ),
        request,
    )
    may_record = bool(
        api.user.has_permission(RECORD_PERMISSION, obj=objective)
    ) and api.content.get_state(obj=plan_of(objective), default="") in (
        "pending",
        "issued",
        "draft",
    )
    missing = missing_periods(objective, year, today)
    return {
        "id": objective.getId(),
        "url": objective.absolute_url(),
        "title": objective.Title(),
        "indicator": objective.indicator or "",
        "target": target,
        "measure": translated(label_of(MEASURES, objective.measure), request),
        "symbol": symbol,
        "direction": translated(label_of(DIRECTIONS, objective.direction), request),
        "frequency": translated(label_of(FREQUENCIES, objective.frequency), request),
        "responsible": objective.responsible or "",
        "actions": objective.actions or "",
        "resources": objective.resources or "",
        "deadline": format_date(objective.deadline),
        "status": status_badge(status, request),
        "last": number(last_value(objective)),
        "chart": chart_svg(objective, year, label, request),
        "rows": rows,
        "may_record": may_record,
        "record_url": f"{objective.absolute_url()}/@@record-measurement"
        + (f"?period={missing[0]}" if missing else ""),
        "may_edit": bool(
            api.user.has_permission("Modify portal content", obj=objective)
        ),
    }


class ArchiveView(BrowserView):
    """…/muc-tieu: the yearly plans, newest first, with their state and how
    their objectives stand; the way to start a year's plan."""

    def owner(self) -> str:
        return owner_title(self.context, self.request)

    @memoize
    def plans(self) -> list[dict]:
        out = []
        today = date.today()
        for brain in api.content.find(
            context=self.context,
            portal_type="ObjectivePlan",
            depth=1,
            sort_on="qms_year",
            sort_order="descending",
        ):
            plan = brain.getObject()
            label, badge = plan_state(brain.review_state)
            counts = dict.fromkeys(STATUSES, 0)
            objectives = plan.objectives()
            for objective in objectives:
                counts[compute_status(objective, plan.year, today)] += 1
            out.append(
                {
                    "year": plan.year,
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "state": brain.review_state,
                    "state_title": translated(label, self.request),
                    "badge": badge,
                    "total": len(objectives),
                    "statuses": [
                        {**status_badge(status, self.request), "count": counts[status]}
                        for status in STATUSES
                        if counts[status]
                    ],
                }
            )
        return out

    def can_create(self) -> bool:
        return bool(api.user.has_permission(ADD_PLAN, obj=self.context))

    def suggested_year(self) -> int:
        this_year = date.today().year
        return this_year if str(this_year) not in self.context else this_year + 1

    def missing_this_year(self) -> bool:
        return str(date.today().year) not in self.context


class CreatePlanForm(BrowserView):
    """«Lập mục tiêu năm»: the year, and whether to start from last year's
    objectives (their measurements are not copied)."""

    index = ViewPageTemplateFile("templates/create_plan.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}

    def year_value(self) -> str:
        value = self.request.form.get("year")
        if isinstance(value, str) and value.strip():
            return value.strip()
        this_year = date.today().year
        return str(this_year if str(this_year) not in self.context else this_year + 1)

    def previous(self):
        try:
            year = int(self.year_value())
        except ValueError:
            return None
        previous = self.context.get(str(year - 1))
        if previous is None or not api.user.has_permission("View", obj=previous):
            return None
        return previous if previous.objectives() else None

    def owner(self) -> str:
        return owner_title(self.context, self.request)

    def __call__(self):
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        raw = self.request.form.get("year")
        raw = raw.strip() if isinstance(raw, str) else ""
        year = int(raw) if raw.isdigit() else None
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            self.errors["year"] = translated(
                _(
                    "error_objective_plan_year",
                    default="The year of a plan of objectives must be a number "
                    "between 2000 and 2100.",
                ),
                self.request,
            )
        elif str(year) in self.context:
            self.errors["year"] = translated(
                _(
                    "error_objective_plan_exists",
                    default="There is already a plan of objectives for ${year}: "
                    "open it from the list below.",
                    mapping={"year": year},
                ),
                self.request,
            )
        if self.errors:
            transaction.doom()
            return self.index()
        plan = api.content.create(
            container=self.context,
            type="ObjectivePlan",
            id=str(year),
            title=stored(
                _(
                    "objective_plan_title",
                    default="Quality objectives ${year}",
                    mapping={"year": year},
                )
            ),
            year=year,
        )
        copied = 0
        if self.request.form.get("copy") and self.context.get(str(year - 1)):
            source = self.context[str(year - 1)]
            if api.user.has_permission("View", obj=source):
                for objective in source.objectives():
                    api.content.create(
                        container=plan,
                        type="QualityObjective",
                        id=objective.getId(),
                        objective=objective.objective,
                        indicator=objective.indicator,
                        target=objective.target,
                        measure=objective.measure,
                        direction=objective.direction,
                        frequency=objective.frequency,
                        responsible=objective.responsible,
                        actions=objective.actions,
                        resources=objective.resources,
                        measurements=[],
                    )
                    copied += 1
        message = (
            _(
                "done_plan_created_copied",
                default="The plan of ${year} is started with last year's "
                "${count} objectives: review them, then submit the plan.",
                mapping={"year": year, "count": copied},
            )
            if copied
            else _(
                "done_plan_created",
                default="The plan of ${year} is started: add its objectives, "
                "then submit it.",
                mapping={"year": year},
            )
        )
        IStatusMessage(self.request).add(translated(message, self.request), "info")
        return self.request.response.redirect(plan.absolute_url())


class PlanView(BrowserView):
    """A year's plan: each objective with its target, chart, status, plan to
    reach it and measurements; the buttons the person may use."""

    def owner(self) -> str:
        return owner_title(self.context, self.request)

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def state_title(self) -> str:
        return translated(plan_state(self.state())[0], self.request)

    def state_badge(self) -> str:
        return plan_state(self.state())[1]

    def issued_on(self) -> str:
        return format_date(self.context.issued_on)

    @memoize
    def objectives(self) -> list[dict]:
        return [
            objective_info(objective, self.context.year, self.request)
            for objective in self.context.objectives()
        ]

    def summary(self) -> list[dict]:
        counts = {}
        for item in self.objectives():
            counts[item["status"]["id"]] = counts.get(item["status"]["id"], 0) + 1
        return [
            {**status_badge(status, self.request), "count": counts[status]}
            for status in STATUSES
            if counts.get(status)
        ]

    def can_add(self) -> bool:
        return bool(api.user.has_permission(ADD_OBJECTIVE, obj=self.context))

    def add_url(self) -> str:
        return f"{self.context.absolute_url()}/++add++QualityObjective"

    def transitions(self) -> list[dict]:
        return step_buttons(self.context, self.request, DANGEROUS)

    def history(self) -> list[dict]:
        return history(self.context, self.request)

    def archive_url(self) -> str:
        return self.context.aq_parent.absolute_url()


class ObjectiveView(BrowserView):
    """An objective alone, with every measurement recorded (corrections
    included)."""

    def plan(self):
        return plan_of(self.context)

    @memoize
    def info(self) -> dict:
        plan = self.plan()
        return objective_info(self.context, plan.year, self.request)

    def all_rows(self) -> list[dict]:
        rows = []
        for row in reversed(self.context.measurements or []):
            rows.append(
                {
                    "period": translated(
                        period_label(row.get("period", "")), self.request
                    ),
                    "value": number(row.get("value")),
                    "note": row.get("note", ""),
                    "who": fullname(row.get("who", "")),
                    "when": when_label(row.get("when", "")),
                }
            )
        return rows

    def plan_title(self) -> str:
        return self.plan().Title()

    def plan_url(self) -> str:
        return self.plan().absolute_url()

    def state_title(self) -> str:
        state = api.content.get_state(obj=self.plan(), default="")
        return translated(plan_state(state)[0], self.request)

    def state_badge(self) -> str:
        state = api.content.get_state(obj=self.plan(), default="")
        return plan_state(state)[1]


class RecordMeasurementForm(BrowserView):
    """«Ghi kết quả đo»: period, value, note; who and when are filled in. Bad
    input: the message next to the field, nothing saved."""

    index = ViewPageTemplateFile("templates/record_measurement.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}

    def plan(self):
        return plan_of(self.context)

    def value(self, name: str) -> str:
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def periods(self) -> list[dict]:
        """The periods passed or running (all of them before the year
        starts), each with its value if it has one."""
        values = latest_values(self.context.measurements)
        chosen = self.value("period") or self.default_period()
        offered = [
            period
            for period in periods(self.context.frequency)
            if period in values or not self._future(period)
        ] or list(periods(self.context.frequency))
        return [
            {
                "value": period,
                "title": translated(period_label(period), self.request)
                + (f" ({number(values[period]['value'])})" if period in values else ""),
                "selected": period == chosen,
            }
            for period in offered
        ]

    def _future(self, period) -> bool:
        """Not started yet (a running period may be measured: a running
        figure)."""
        return period_start(self.plan().year, period) > date.today()

    def default_period(self) -> str:
        year = self.plan().year
        missing = missing_periods(self.context, year)
        if missing:
            return missing[0]
        started = [p for p in periods(self.context.frequency) if not self._future(p)]
        return started[-1] if started else periods(self.context.frequency)[0]

    def info(self) -> dict:
        return objective_info(self.context, self.plan().year, self.request)

    def __call__(self):
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        try:
            row = record(
                self.context,
                self.value("period"),
                self.value("value"),
                self.value("note"),
            )
        except MeasurementError as error:
            self.errors[error.field] = str(error)
            transaction.doom()
            return self.index()
        plan = self.plan()
        status = compute_status(self.context, plan.year)
        IStatusMessage(self.request).add(
            translated(
                _(
                    "done_measurement",
                    default="Recorded: ${period}, ${value}. The objective is now "
                    "«${status}».",
                    mapping={
                        "period": translated(period_label(row["period"]), self.request),
                        "value": number(row["value"]),
                        "status": status_badge(status, self.request)["title"],
                    },
                ),
                self.request,
            ),
            "info",
        )
        return self.request.response.redirect(
            f"{plan.absolute_url()}#objective-{self.context.getId()}"
        )


class PlanTransitionForm(TransitionForm):
    """The plan's steps, with its own state names and reasons."""

    def fields(self) -> list[dict]:
        fields = super().fields()
        transition = self.transition_id()
        if transition in PLAN_REASON_HELP:
            fields[0]["help"] = translated(PLAN_REASON_HELP[transition], self.request)
        return fields

    def validate(self) -> dict:
        errors = super().validate()
        transition = self.transition_id()
        if "comment" in errors and transition in PLAN_REASON_REQUIRED:
            errors["comment"] = translated(
                PLAN_REASON_REQUIRED[transition], self.request
            )
        return errors

    def state_title(self) -> str:
        return translated(plan_state(self.state())[0], self.request)

    def state_badge(self) -> str:
        return plan_state(self.state())[1]

    def done_message(self, result) -> Message:
        message = DONE_MESSAGES.get(
            (self.workflow_id(), self.transition_id()), DEFAULT_DONE
        )
        state = api.content.get_state(obj=result, default="")
        return Message(
            message,
            mapping={
                **(message.mapping or {}),
                "state": translated(plan_state(state)[0]),
            },
        )


class ObjectiveAddForm(DefaultAddForm):
    """Adding an objective returns to its plan, at the new objective."""

    def add(self, object):
        super().add(object)
        self._added_id = object.getId()

    def nextURL(self):
        added = getattr(self, "_added_id", None)
        if added and IObjectivePlan.providedBy(self.context):
            return f"{self.context.absolute_url()}#objective-{added}"
        return super().nextURL()


class ObjectiveAddView(DefaultAddView):
    form = ObjectiveAddForm


class UnitObjectivesViewlet(ViewletBase):
    """On a unit's page: the way to its quality objectives, and where this
    year's plan stands."""

    index = ViewPageTemplateFile("templates/unit_objectives.pt")

    def archive(self):
        archive = self.context.get(ARCHIVE_ID)
        if archive is None or not api.user.has_permission("View", obj=archive):
            return None
        return archive

    def available(self) -> bool:
        return not api.user.is_anonymous() and self.archive() is not None

    def is_bloc(self) -> bool:
        return unit_of(self.context) is None

    def this_year(self) -> int:
        return date.today().year

    @memoize
    def current(self) -> dict | None:
        archive = self.archive()
        plan = archive.get(str(self.this_year()))
        if plan is None or not api.user.has_permission("View", obj=plan):
            return None
        label, badge = plan_state(api.content.get_state(obj=plan, default=""))
        counts = {}
        for objective in plan.objectives():
            status = compute_status(objective, plan.year)
            counts[status] = counts.get(status, 0) + 1
        return {
            "url": plan.absolute_url(),
            "state_title": translated(label, self.request),
            "badge": badge,
            "statuses": [
                {**status_badge(status, self.request), "count": counts[status]}
                for status in STATUSES
                if counts.get(status)
            ],
        }

    def create_url(self) -> str:
        archive = self.archive()
        if self.current() is None and api.user.has_permission(ADD_PLAN, obj=archive):
            url = f"{archive.absolute_url()}/@@create-objective-plan"
            return f"{url}?year={self.this_year()}"
        return ""


class Macros(BrowserView):
    """The objective's card, shared by the plan's and the objective's pages."""

    template = ViewPageTemplateFile("templates/objective_card.pt")

    @property
    def macros(self):
        return self.template.macros
