"""The steering committee's yearly evaluation of the units (đánh giá hằng năm,
issue #15): at /danh-gia-hang-nam/<year>, one row per unit with criteria
computed from the data (record list issued by its deadline, procedures due
for review reviewed, nonconformities closed and verified effective,
objectives achieved, audited with findings closed, comments answered), each
with its figure and points, a total and a grade the secretariat may change
with a reason (kept in the evaluation's grade log and history).

The criteria's weights and the grade thresholds are settings of the
secretariat (plone.registry, IEvaluationSettings; page
@@qms-evaluation-settings). The rows are stored on the evaluation (`rows`,
JSON) and recomputed by «Tính lại» while it is a draft; workflow
qms_evaluation_workflow: draft → submit → pending → approve → approved
(frozen), or reject (with a reason) back to draft.
"""

from datetime import date
from datetime import datetime
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from plone.registry.interfaces import IRegistry
from plone.supermodel import model
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.core.views import step_buttons
from qms.intranet.core.workflow import comment_of
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.core.workflow import require_reason
from qms.intranet.review import figures
from qms.intranet.units.groups import sees_every_unit
from z3c.form.interfaces import IEditForm
from zope import schema
from zope.component import getUtility
from zope.interface import implementer

import json
import transaction


SECTION_ID = "danh-gia-hang-nam"
LEADER_ROLE = "QMSLeader"
WORKFLOW_ID = "qms_evaluation_workflow"
GRADES = ("tot", "dat", "chua_dat")
GRADE_TITLES = {
    "tot": _("evaluation_grade_tot", default="Good"),
    "dat": _("evaluation_grade_dat", default="Satisfactory"),
    "chua_dat": _("evaluation_grade_chua_dat", default="Not satisfactory"),
}
CRITERIA = (
    "record_list",
    "procedures_reviewed",
    "nonconformities",
    "objectives",
    "audit",
    "comments",
)
CRITERION_TITLES = {
    "record_list": _(
        "criterion_record_list", default="Record list issued by its deadline"
    ),
    "procedures_reviewed": _(
        "criterion_procedures_reviewed",
        default="Procedures due for review reviewed",
    ),
    "nonconformities": _(
        "criterion_nonconformities",
        default="Nonconformities closed and verified effective",
    ),
    "objectives": _("criterion_objectives", default="Quality objectives achieved"),
    "audit": _("criterion_audit", default="Audited this year, findings closed"),
    "comments": _("criterion_comments", default="Comments answered"),
}


# Settings of the secretariat (plone.registry)


class IEvaluationSettings(model.Schema):
    """The criteria's weights and the grade thresholds of the yearly
    evaluation (records qms.intranet.evaluation.*)."""

    weight_record_list = schema.Int(
        title=_(
            "label_weight_record_list",
            default="Points: record list issued by its deadline",
        ),
        default=15,
        min=0,
        max=100,
    )
    weight_procedures_reviewed = schema.Int(
        title=_(
            "label_weight_procedures_reviewed",
            default="Points: procedures due for review reviewed",
        ),
        default=15,
        min=0,
        max=100,
    )
    weight_nonconformities = schema.Int(
        title=_(
            "label_weight_nonconformities",
            default="Points: nonconformities closed and verified effective",
        ),
        default=20,
        min=0,
        max=100,
    )
    weight_objectives = schema.Int(
        title=_(
            "label_weight_objectives", default="Points: quality objectives achieved"
        ),
        default=20,
        min=0,
        max=100,
    )
    weight_audit = schema.Int(
        title=_("label_weight_audit", default="Points: audited, findings closed"),
        default=15,
        min=0,
        max=100,
    )
    weight_comments = schema.Int(
        title=_("label_weight_comments", default="Points: comments answered"),
        default=15,
        min=0,
        max=100,
    )
    threshold_tot = schema.Int(
        title=_(
            "label_threshold_tot",
            default="Grade «Good» from (percent of the points)",
        ),
        default=80,
        min=0,
        max=100,
    )
    threshold_dat = schema.Int(
        title=_(
            "label_threshold_dat",
            default="Grade «Satisfactory» from (percent of the points)",
        ),
        default=50,
        min=0,
        max=100,
    )
    record_list_month = schema.Int(
        title=_("label_record_list_month", default="Record list deadline: month"),
        default=1,
        min=1,
        max=12,
    )
    record_list_day = schema.Int(
        title=_("label_record_list_day", default="Record list deadline: day"),
        default=31,
        min=1,
        max=31,
    )


SETTINGS_PREFIX = "qms.intranet.evaluation"


def settings() -> dict:
    """The settings (their defaults where the records are missing)."""
    values = {}
    try:
        registry = getUtility(IRegistry)
        proxy = registry.forInterface(
            IEvaluationSettings, prefix=SETTINGS_PREFIX, check=False
        )
    except Exception:  # noqa: BLE001 - a site before the profile's records
        proxy = None
    for name, field in schema.getFieldsInOrder(IEvaluationSettings):
        value = getattr(proxy, name, None) if proxy is not None else None
        values[name] = field.default if value is None else value
    return values


class EvaluationSettingsForm(RegistryEditForm):
    schema = IEvaluationSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("evaluation_settings_title", default="Yearly evaluation criteria")
    description = _(
        "evaluation_settings_help",
        default="The points of each criterion and the grade thresholds. A "
        "draft evaluation uses them when it is recomputed; an approved one "
        "keeps its figures.",
    )


class EvaluationSettingsView(ControlPanelFormWrapper):
    form = EvaluationSettingsForm


# Content


class IEvaluationSection(model.Schema):
    """/danh-gia-hang-nam: the yearly evaluations, and the report template."""


@implementer(IEvaluationSection)
class EvaluationSection(Container):
    pass


class IYearlyEvaluation(model.Schema):
    """The evaluation of one year."""

    directives.mode(IEditForm, year="display")
    year = schema.Int(
        title=_("label_year", default="Year"),
        min=1990,
        max=2100,
        required=True,
    )
    direction = schema.Text(
        title=_(
            "label_evaluation_direction",
            default="How the system was directed and maintained",
        ),
        required=False,
    )
    difficulties = schema.Text(
        title=_("label_evaluation_difficulties", default="Difficulties"),
        required=False,
    )
    proposals = schema.Text(
        title=_("label_evaluation_proposals", default="Proposals"),
        required=False,
    )
    directives.omitted("rows", "grade_log", "computed_on")
    rows = schema.Text(title="rows", required=False, default="[]")
    grade_log = schema.Text(title="grade log", required=False, default="[]")
    computed_on = schema.TextLine(title="computed on", required=False)


@implementer(IYearlyEvaluation)
class YearlyEvaluation(Item):
    def get_rows(self) -> list[dict]:
        try:
            return json.loads(self.rows or "[]")
        except ValueError:
            return []

    def set_rows(self, rows: list[dict]) -> None:
        self.rows = json.dumps(rows, ensure_ascii=False)

    def get_grade_log(self) -> list[dict]:
        try:
            return json.loads(self.grade_log or "[]")
        except ValueError:
            return []


# Computing the rows


def number(value) -> str:
    """36.7 -> '36,7' (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


def grade_for(percent: float, values: dict) -> str:
    if percent >= values["threshold_tot"]:
        return "tot"
    if percent >= values["threshold_dat"]:
        return "dat"
    return "chua_dat"


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _criterion(key: str, figure: str, score: float | None, weight: int) -> dict:
    """One criterion of a row: `score` in [0, 1], None when it does not
    apply to the unit this year (its points leave the total)."""
    return {
        "id": key,
        "figure": figure,
        "weight": weight,
        "applies": score is not None,
        "points": round((score or 0) * weight, 1) if score is not None else 0,
    }


def record_list_score(state, approved_on, year: int, values: dict):
    """1 issued by the deadline, 0.5 issued late, 0 not issued."""
    if state != "approved":
        return 0.0, "not_issued"
    deadline = _deadline(year, values)
    if approved_on and date.fromisoformat(approved_on[:10]) <= deadline:
        return 1.0, "on_time"
    return 0.5, "late"


def _deadline(year: int, values: dict) -> date:
    month, day = values["record_list_month"], values["record_list_day"]
    while day > 28:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1
    return date(year, month, day)


def compute_rows(year: int, data: dict | None = None) -> list[dict]:
    """The rows of every unit for `year`, from the data and the settings."""
    values = settings()
    data = data or {}
    records = {
        row["unit"]: row
        for row in (data.get("record_lists") or figures.record_list_figures(year))[
            "items"
        ]
    }
    reviews = figures.review_figures(year)
    ncs = {
        row["unit"]: row
        for row in (data.get("nonconformities") or figures.nonconformity_figures(year))[
            "items"
        ]
    }
    objectives = data.get("objectives") or figures.objective_figures(year)
    audits_data = data.get("audits") or figures.audit_figures(year)
    audits = {row["unit"]: row for row in audits_data["items"]}
    comments = figures.comment_figures(year)
    rows = []
    for unit, title in figures.units():
        criteria = []
        record = records.get(unit, {})
        score, how = record_list_score(
            record.get("list_state"), record.get("approved_on"), year, values
        )
        approved = record.get("approved_on")
        figure = format_date(date.fromisoformat(approved[:10])) if approved else ""
        criteria.append(
            {
                **_criterion(
                    "record_list", figure, score, values["weight_record_list"]
                ),
                "status": how,
            }
        )
        review = reviews.get(unit, {"due": 0, "reviewed": 0})
        criteria.append(
            _criterion(
                "procedures_reviewed",
                f"{review['reviewed']}/{review['due']}",
                _ratio(review["reviewed"], review["due"]) if review["due"] else 1.0,
                values["weight_procedures_reviewed"],
            )
        )
        nc = ncs.get(unit, {})
        counted = nc.get("reported", 0) - nc.get("cancelled", 0)
        effective = nc.get("verified_effective", 0)
        nc_score = _ratio(effective, counted) if counted > 0 else 1.0
        criteria.append(
            {
                **_criterion(
                    "nonconformities",
                    f"{effective}/{max(counted, 0)}",
                    nc_score,
                    values["weight_nonconformities"],
                ),
                "overdue": nc.get("overdue", 0),
            }
        )
        objective = (objectives.get("items") or {}).get(unit)
        if objectives.get("available") and objective and objective["total"]:
            measured = objective["total"] - objective["no_data"]
            criteria.append(
                _criterion(
                    "objectives",
                    f"{objective['achieved']}/{objective['total']}",
                    _ratio(objective["achieved"], objective["total"]),
                    values["weight_objectives"],
                )
                | {"no_data": objective["no_data"], "measured": measured}
            )
        else:
            criteria.append(
                _criterion("objectives", "", None, values["weight_objectives"])
            )
        audit = audits.get(unit)
        if audits_data.get("programme") and audit is not None:
            if audit["status"] == "audited":
                findings = audit["nc_open"] + audit["nc_closed"]
                audit_score = 0.5 + 0.5 * (
                    audit["nc_closed"] / findings if findings else 1.0
                )
                figure = f"{audit['nc_closed']}/{findings}"
            else:
                audit_score, figure = 0.0, ""
            criteria.append(
                {
                    **_criterion("audit", figure, audit_score, values["weight_audit"]),
                    "status": audit["status"],
                }
            )
        else:
            criteria.append(_criterion("audit", "", None, values["weight_audit"]))
        comment = comments.get(unit, {"comments": 0, "answered": 0})
        criteria.append(
            _criterion(
                "comments",
                f"{comment['answered']}/{comment['comments']}",
                _ratio(comment["answered"], comment["comments"])
                if comment["comments"]
                else 1.0,
                values["weight_comments"],
            )
        )
        points = round(sum(c["points"] for c in criteria), 1)
        possible = sum(c["weight"] for c in criteria if c["applies"])
        percent = round(points * 100 / possible, 1) if possible else 0.0
        computed = grade_for(percent, values)
        rows.append(
            {
                "unit": unit,
                "unit_title": title,
                "criteria": criteria,
                "points": points,
                "possible": possible,
                "percent": percent,
                "computed_grade": computed,
                "grade": computed,
                "grade_reason": "",
            }
        )
    return rows


def recompute(evaluation) -> list[dict]:
    """Recompute the rows of a draft; grades changed by the secretariat
    (with their reason) are kept."""
    old = {row["unit"]: row for row in evaluation.get_rows()}
    rows = compute_rows(evaluation.year)
    for row in rows:
        before = old.get(row["unit"])
        if before and before.get("grade_reason"):
            row["grade"] = before["grade"]
            row["grade_reason"] = before["grade_reason"]
    evaluation.set_rows(rows)
    evaluation.computed_on = datetime.now().isoformat(timespec="seconds")
    return rows


class EvaluationError(ValueError):
    """A refused change; the message is translatable."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


GRADE_NEEDS_REASON = _(
    "error_grade_needs_reason",
    default="Say why the grade is changed: the reason is required and kept "
    "in the evaluation's history.",
)
GRADE_UNKNOWN = _("error_grade_unknown", default="Choose one of the grades.")
NOT_DRAFT = _(
    "error_evaluation_not_draft",
    default="The evaluation is no longer a draft: its figures and grades "
    "cannot be changed.",
)


def change_grade(evaluation, unit: str, grade: str, reason: str) -> None:
    """Set a unit's grade with its reason (EvaluationError when refused)."""
    if api.content.get_state(obj=evaluation, default="") != "draft":
        raise EvaluationError(NOT_DRAFT)
    if grade not in GRADES:
        raise EvaluationError(GRADE_UNKNOWN)
    reason = (reason or "").strip()
    if not reason:
        raise EvaluationError(GRADE_NEEDS_REASON)
    rows = evaluation.get_rows()
    for row in rows:
        if row["unit"] == unit:
            break
    else:
        raise EvaluationError(GRADE_UNKNOWN)
    user = api.user.get_current()
    entry = {
        "unit": unit,
        "from": row["grade"],
        "to": grade,
        "reason": reason,
        "actor": user.getId(),
        "fullname": user.getProperty("fullname", "") or user.getId(),
        "time": datetime.now().isoformat(timespec="seconds"),
    }
    row["grade"] = grade
    row["grade_reason"] = reason
    evaluation.set_rows(rows)
    log = evaluation.get_grade_log()
    log.append(entry)
    evaluation.grade_log = json.dumps(log, ensure_ascii=False)


def ensure_evaluation_section():
    """/danh-gia-hang-nam, created once (install and upgrade)."""
    portal = api.portal.get()
    if SECTION_ID in portal.objectIds():
        return portal[SECTION_ID]
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=portal,
            type="EvaluationSection",
            id=SECTION_ID,
            title="Đánh giá hằng năm",
            description="Đánh giá, xếp loại việc duy trì, áp dụng HTQLCL của "
            "các đơn vị và báo cáo năm của Ban Chỉ đạo ISO.",
        )
    return section


def create_evaluation(year: int, section=None):
    """The evaluation of `year`, created in draft with its rows computed."""
    section = section or ensure_evaluation_section()
    key = str(year)
    if key in section.objectIds():
        return section[key]
    evaluation = api.content.create(
        container=section,
        type="YearlyEvaluation",
        id=key,
        title=f"Đánh giá hằng năm {year}",
        year=year,
    )
    recompute(evaluation)
    evaluation.reindexObject()
    return evaluation


register_done_messages(
    WORKFLOW_ID,
    {
        "submit": _(
            "evaluation_submitted",
            default="The evaluation is sent to the leaders for approval.",
        ),
        "approve": _(
            "evaluation_approved",
            default="The evaluation is approved: its figures and grades are frozen.",
        ),
        "reject": _(
            "evaluation_rejected",
            default="The evaluation is sent back to the ISO secretariat with "
            "your reason.",
        ),
    },
)


def before_transition(evaluation, event):
    """A reason is required to send the evaluation back."""
    if event.transition is not None:
        require_reason(event.transition.id, comment_of(event))


# Classic UI


def is_leader() -> bool:
    return (
        not api.user.is_anonymous() and LEADER_ROLE in api.user.get_current().getRoles()
    )


class SectionView(BrowserView):
    """/danh-gia-hang-nam: the evaluations by year, a button to prepare this
    year's, the links to the settings, the report and the dashboard."""

    def evaluations(self) -> list[dict]:
        rows = []
        for brain in api.content.find(
            context=self.context, portal_type="YearlyEvaluation", sort_on="id"
        ):
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "year": brain.getId,
                    "state": translated(
                        state_label(brain.review_state, "YearlyEvaluation"),
                        self.request,
                    ),
                    "badge": state_badge(brain.review_state, "YearlyEvaluation"),
                    "report": f"{api.portal.get().absolute_url()}/@@yearly-report"
                    f"?year={brain.getId}",
                }
            )
        return sorted(rows, key=lambda row: row["year"], reverse=True)

    def can_add(self) -> bool:
        return api.user.has_permission(
            "qms.intranet: Add YearlyEvaluation", obj=self.context
        )

    def can_configure(self) -> bool:
        return api.user.has_permission(
            "qms.intranet: Manage evaluation criteria", obj=self.context
        )

    def missing_years(self) -> list[int]:
        """Years offered to prepare: this year and last (when not there)."""
        this = date.today().year
        return [y for y in (this, this - 1) if str(y) not in self.context.objectIds()]

    def links(self) -> dict:
        portal = api.portal.get().absolute_url()
        return {
            "settings": f"{portal}/@@qms-evaluation-settings",
            "report": f"{portal}/@@yearly-report",
            "dashboard": f"{portal}/@@qms-dashboard",
            "template": f"{self.context.absolute_url()}/++add++File",
        }

    def has_template(self) -> bool:
        return "mau-bao-cao.docx" in self.context.objectIds()


class CreateEvaluation(BrowserView):
    """POST: prepare the evaluation of a year (draft, rows computed)."""

    def __call__(self):
        CheckAuthenticator(self.request)
        raw = self.request.form.get("year", "")
        if not str(raw).isdigit() or not 1990 <= int(raw) <= 2100:
            IStatusMessage(self.request).add(
                translated(
                    _(
                        "error_year",
                        default="The year must be a number between 1990 and 2100.",
                    ),
                    self.request,
                ),
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        evaluation = create_evaluation(int(raw), self.context)
        IStatusMessage(self.request).add(
            translated(
                _(
                    "evaluation_created",
                    default="The evaluation is prepared from the year's data. "
                    "Check the figures, change a grade if needed, then submit it.",
                ),
                self.request,
            ),
            type="info",
        )
        return self.request.response.redirect(evaluation.absolute_url())


class EvaluationView(BrowserView):
    """The evaluation: a row per unit, criteria with figure and points, the
    total and the grade; «Tính lại» and grade changes while a draft."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.grade"):
            return self.change_grade()
        return self.index()

    def change_grade(self):
        CheckAuthenticator(self.request)
        if not self.can_edit():
            IStatusMessage(self.request).add(
                translated(NOT_DRAFT, self.request), type="error"
            )
            return self.request.response.redirect(self.context.absolute_url())
        form = self.request.form
        unit = form.get("unit", "")
        try:
            change_grade(
                self.context, unit, form.get("grade", ""), form.get("reason", "")
            )
        except EvaluationError as refused:
            transaction.doom()
            self.errors = {
                "unit": unit,
                "reason": translated(refused.message, self.request),
            }
            return self.index()
        IStatusMessage(self.request).add(
            translated(
                _(
                    "evaluation_grade_changed",
                    default="The grade is changed; the reason is kept in the history.",
                ),
                self.request,
            ),
            type="info",
        )
        return self.request.response.redirect(self.context.absolute_url())

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def state_title(self) -> str:
        return translated(state_label(self.state(), "YearlyEvaluation"), self.request)

    def state_badge(self) -> str:
        return state_badge(self.state(), "YearlyEvaluation")

    def can_edit(self) -> bool:
        return self.state() == "draft" and api.user.has_permission(
            "Modify portal content", obj=self.context
        )

    def buttons(self) -> list[dict]:
        return step_buttons(self.context, self.request)

    def criteria_titles(self) -> list[dict]:
        values = settings()
        return [
            {
                "id": key,
                "title": translated(CRITERION_TITLES[key], self.request),
                "weight": values[f"weight_{key}"],
            }
            for key in CRITERIA
        ]

    def grade_options(self) -> list[dict]:
        return [
            {"value": grade, "title": translated(GRADE_TITLES[grade], self.request)}
            for grade in GRADES
        ]

    def grade_title(self, grade: str) -> str:
        return translated(GRADE_TITLES.get(grade, grade), self.request)

    @memoize
    def rows(self) -> list[dict]:
        return self.context.get_rows()

    def cell(self, criterion: dict) -> str:
        """The figure and points of a criterion, as the table shows them."""
        if not criterion.get("applies"):
            return translated(
                _("evaluation_not_applicable", default="n/a"), self.request
            )
        return f"{number(criterion['points'])}/{criterion['weight']}"

    def total(self, row: dict) -> str:
        return f"{number(row['points'])}/{row['possible']}"

    def percent(self, row: dict) -> str:
        return f"({number(row['percent'])} %)"

    def figure(self, criterion: dict) -> str:
        status = criterion.get("status")
        titles = {
            "on_time": _("evaluation_list_on_time", default="issued on ${date}"),
            "late": _("evaluation_list_late", default="issued late, on ${date}"),
            "not_issued": _("evaluation_list_not_issued", default="not issued"),
            "audited": _(
                "evaluation_audited", default="audited; findings closed ${figure}"
            ),
            "in_progress": _(
                "evaluation_audit_in_progress", default="audit in progress"
            ),
            "planned": _("evaluation_audit_planned", default="audit planned"),
            "not_planned": _("evaluation_audit_not_planned", default="not audited"),
        }
        if status in titles:
            message = titles[status]
            from zope.i18nmessageid import Message

            return translated(
                Message(
                    message,
                    mapping={
                        "date": criterion["figure"],
                        "figure": criterion["figure"],
                    },
                ),
                self.request,
            )
        if not criterion.get("applies"):
            return translated(_("evaluation_no_data", default="no data"), self.request)
        return criterion["figure"]

    def log(self) -> list[dict]:
        titles = {row["unit"]: row["unit_title"] for row in self.rows()}
        return [
            {
                **entry,
                "unit_title": titles.get(entry["unit"], entry["unit"]),
                "from_title": self.grade_title(entry["from"]),
                "to_title": self.grade_title(entry["to"]),
                "when": format_date(date.fromisoformat(entry["time"][:10])),
            }
            for entry in reversed(self.context.get_grade_log())
        ]

    def history(self) -> list[dict]:
        wftool = api.portal.get_tool("portal_workflow")
        history = wftool.getInfoFor(self.context, "review_history", []) or []
        rows = []
        for entry in reversed(history):
            if not entry.get("action"):
                continue
            user = api.user.get(userid=entry.get("actor"))
            rows.append(
                {
                    "action": entry["action"],
                    "actor": (user.getProperty("fullname") if user else "")
                    or entry.get("actor"),
                    "comments": entry.get("comments", ""),
                    "when": format_date(entry["time"]),
                }
            )
        return rows

    def computed_on(self) -> str:
        value = getattr(self.context, "computed_on", None)
        if not value:
            return ""
        return f"{format_date(date.fromisoformat(value[:10]))} {value[11:16]}"

    def links(self) -> dict:
        portal = api.portal.get().absolute_url()
        year = self.context.year
        return {
            "report": f"{portal}/@@yearly-report?year={year}",
            "docx": f"{portal}/@@yearly-report.docx?year={year}",
            "edit": f"{self.context.absolute_url()}/edit",
            "recompute": f"{self.context.absolute_url()}/@@qms-evaluation-recompute",
            "section": self.context.aq_parent.absolute_url(),
        }


class RecomputeView(BrowserView):
    """POST «Tính lại»: recompute the rows of a draft."""

    def __call__(self):
        CheckAuthenticator(self.request)
        if api.content.get_state(obj=self.context, default="") != "draft":
            IStatusMessage(self.request).add(
                translated(NOT_DRAFT, self.request), type="error"
            )
        else:
            recompute(self.context)
            IStatusMessage(self.request).add(
                translated(
                    _(
                        "evaluation_recomputed",
                        default="The figures are recomputed from today's data.",
                    ),
                    self.request,
                ),
                type="info",
            )
        return self.request.response.redirect(self.context.absolute_url())


# «Việc của tôi»


@implementer(ITaskProvider)
class EvaluationTasks:
    """Leaders: pending evaluations to approve. Secretariat: in January, the
    draft of last year's evaluation to prepare."""

    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        found = []
        if is_leader():
            group = translated(
                _(
                    "task_group_evaluation_to_approve",
                    default="Yearly evaluations waiting for approval",
                )
            )
            action = translated(
                _(
                    "task_evaluation_approve",
                    default="Read the units' grades and approve the evaluation",
                )
            )
            for brain in api.content.find(
                portal_type="YearlyEvaluation", review_state="pending"
            ):
                found.append(
                    Task(
                        kind="evaluation_to_approve",
                        group=group,
                        title=brain.Title,
                        url=brain.getURL(),
                        action=action,
                        order=15,
                    )
                )
        if sees_every_unit() and today().month == 1:
            found.extend(self.to_prepare())
        return found

    def to_prepare(self) -> list[Task]:
        portal = api.portal.get()
        section = portal.get(SECTION_ID)
        if section is None:
            return []
        year = today().year - 1
        evaluation = section.get(str(year))
        if evaluation is not None and api.content.get_state(evaluation, "") != "draft":
            return []
        url = (
            evaluation.absolute_url()
            if evaluation is not None
            else section.absolute_url()
        )
        return [
            Task(
                kind="evaluation_to_prepare",
                group=translated(
                    _(
                        "task_group_evaluation_to_prepare",
                        default="Yearly evaluation to prepare",
                    )
                ),
                title=f"Đánh giá hằng năm {year}",
                url=url,
                action=translated(
                    _(
                        "task_evaluation_prepare",
                        default="Prepare the evaluation of the units and the "
                        "year's report, then submit them to the leaders",
                    )
                ),
                order=20,
            )
        ]


def today() -> date:
    """Today (tests may replace it)."""
    return date.today()
