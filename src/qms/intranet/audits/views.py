"""Classic UI of internal audits (issue #14): an audit's page (plan,
checklist, findings, summary, what comes next), a finding's page, the
checklist's grid form, the step form that asks for the summary before
«report», and the line on a nonconformity that came from an audit.
The printable plan and report are report.py.

Everything linked (units, procedures, nonconformities, findings) is looked
up as the current person: what they may not see is not shown."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.audits.content import audit_of
from qms.intranet.audits.content import IAudit
from qms.intranet.audits.content import IAuditFinding
from qms.intranet.audits.content import InvalidChecklist
from qms.intranet.audits.content import programme_of
from qms.intranet.audits.content import RESULTS as RESULT_VALUES
from qms.intranet.audits.vocabularies import FINDING_KINDS
from qms.intranet.audits.vocabularies import RESULTS
from qms.intranet.audits.workflow import findings_of
from qms.intranet.audits.workflow import SUMMARY_REQUIRED
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.views import fullname
from qms.intranet.core.views import history
from qms.intranet.core.views import step_buttons
from qms.intranet.core.views import TransitionForm
from qms.intranet.improvement.views import procedure_link
from qms.intranet.improvement.vocabularies import label_of
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER
from zope.i18nmessageid import Message
from zope.schema import ValidationError

import transaction


MODIFY = "Modify portal content"
ADD_FINDING = "qms.intranet: Add AuditFinding"
# The styles of these pages (audits/static, registered in programme.zcml).
STYLES = "++resource++qms.intranet.audits/audits.css"
# Once reported, an audit has a report to print.
REPORTED_STATES = ("reported", "closed")
CHECKLIST_FIELDS = ("question", "clause", "procedure", "result", "evidence")
BLANK_ROWS = 3

RESULT_BADGES = {
    "conform": "bg-success",
    "nonconform": "bg-danger",
    "na": "bg-secondary",
}
KIND_BADGES = {
    "major_nc": "bg-danger",
    "minor_nc": "bg-warning text-dark",
    "observation": "bg-info text-dark",
    "improvement": "bg-success",
}
NOT_CHECKED = _("checklist_not_checked", default="Not checked yet")
NEXT_STEPS = {
    "planned": _(
        "audit_next_planned",
        default="Next: on its first day the lead auditor or the ISO "
        "secretariat starts the audit; the team then reads the audited units' "
        "documents and records.",
    ),
    "in_progress": _(
        "audit_next_in_progress",
        default="Next: the team fills the checklist and records its findings; "
        "then the lead auditor writes the summary and reports the audit.",
    ),
    "reported": _(
        "audit_next_reported",
        default="Next: the units analyse the nonconformities entered in their "
        "registers; then the ISO secretariat closes the audit.",
    ),
    "closed": _(
        "audit_next_closed",
        default="The audit is closed: its report stays here to read and print.",
    ),
}
ROW_NEEDS_QUESTION = _(
    "error_checklist_row_question",
    default="Row ${number}: write the question to check (or tick «Leave out» "
    "to drop the row). Nothing was saved.",
)
ROW_BAD_RESULT = _(
    "error_checklist_row_result",
    default="Row ${number}: the result must be Conforms, Does not conform, Not "
    "applicable or left empty. Nothing was saved.",
)
CHECKLIST_SAVED = _("checklist_saved", default="Checklist saved.")


def t(message, request) -> str:
    return translated(message, request)


def catalog():
    return api.portal.get_tool("portal_catalog")


def units_url() -> str:
    return f"{api.portal.get().absolute_url()}/{UNITS_FOLDER}"


def unit_links(ids) -> list[dict]:
    """The units as {title, url} (their names are no secret)."""
    titles, base = unit_titles(), units_url()
    return [{"title": titles.get(uid, uid), "url": f"{base}/{uid}"} for uid in ids]


def procedure_links(uids) -> list[dict]:
    """The procedures the current person may see, as "code – title"."""
    return [link for link in map(procedure_link, uids or ()) if link]


def state_of(obj) -> dict:
    """The item's state as {id, title (a message), badge}."""
    state = api.content.get_state(obj=obj, default="")
    return {
        "id": state,
        "title": state_label(state, obj.portal_type),
        "badge": state_badge(state, obj.portal_type),
    }


def nonconformity_link(uid, request) -> dict | None:
    """The nonconformity a finding became, if the current person may see
    it: {reference, title, url, state, badge}."""
    if not uid:
        return None
    brains = catalog()(UID=uid)
    if not brains:
        return None
    brain = brains[0]
    return {
        "reference": brain.nc_reference or "",
        "title": brain.Title,
        "url": brain.getURL(),
        "state": t(state_label(brain.review_state, "Nonconformity"), request),
        "badge": state_badge(brain.review_state, "Nonconformity"),
    }


def checklist_rows(audit, request) -> list[dict]:
    """The checklist, translated for reading (result label and badge)."""
    rows = []
    for number, row in enumerate(audit.checklist or (), start=1):
        result = row.get("result") or ""
        rows.append(
            {
                "number": number,
                "question": row.get("question") or "",
                "clause": row.get("clause") or "",
                "procedure": row.get("procedure") or "",
                "evidence": row.get("evidence") or "",
                "result": result,
                "result_title": t(
                    label_of(RESULTS, result) if result else NOT_CHECKED, request
                ),
                "badge": RESULT_BADGES.get(result, "bg-light text-dark border"),
            }
        )
    return rows


def finding_row(finding, request, titles=None) -> dict:
    """One finding for the tables: kind, unit, clause, title, its NC."""
    titles = titles if titles is not None else unit_titles()
    return {
        "title": finding.Title(),
        "url": finding.absolute_url(),
        "kind": finding.kind,
        "kind_title": t(label_of(FINDING_KINDS, finding.kind), request),
        "kind_badge": KIND_BADGES.get(finding.kind, "bg-secondary"),
        "unit": titles.get(finding.unit, finding.unit or ""),
        "clause": finding.clause or "",
        "description": finding.description or "",
        "evidence": finding.evidence or "",
        "nc": nonconformity_link(finding.nonconformity, request),
    }


def finding_rows(audit, request) -> list[dict]:
    """The audit's findings, oldest first."""
    titles = unit_titles()
    findings = sorted(findings_of(audit), key=lambda f: f.created())
    return [finding_row(f, request, titles) for f in findings]


def team_names(audit) -> dict:
    return {
        "lead": fullname(audit.lead_auditor or ""),
        "auditors": [fullname(uid) for uid in audit.auditors or () if uid],
    }


def date_range(audit) -> str:
    start, end = format_date(audit.start), format_date(audit.end)
    return f"{start} – {end}" if start != end else start


class _Page(BrowserView):
    """Shared by the audit's and the finding's pages."""

    styles = STYLES

    def t(self, message) -> str:
        return t(message, self.request)

    def allowed(self, permission: str, obj=None) -> bool:
        return bool(api.user.has_permission(permission, obj=obj or self.context))

    def state(self) -> dict:
        state = state_of(self.context)
        return {**state, "title": self.t(state["title"])}


class AuditView(_Page):
    """An audit: its plan, checklist, findings and summary, the steps the
    current person may take, what happens next, its history."""

    def label(self, name: str) -> str:
        return self.t(IAudit[name].title)

    def programme(self):
        return programme_of(self.context)

    def plan(self) -> list[dict]:
        """The rows of the plan: label with text, links or names."""
        audit, team = self.context, team_names(self.context)
        return [
            {
                "label": self.label("audited_units"),
                "links": unit_links(audit.audited_units or ()),
            },
            {
                "label": self.t(_("label_audit_dates", default="Dates")),
                "value": date_range(audit),
            },
            {"label": self.label("lead_auditor"), "value": team["lead"]},
            {"label": self.label("auditors"), "value": ", ".join(team["auditors"])},
            {
                "label": self.label("criteria"),
                "value": audit.criteria or "",
                "text": True,
            },
            {
                "label": self.label("procedures"),
                "links": procedure_links(audit.procedures),
            },
        ]

    @memoize
    def checklist(self) -> list[dict]:
        return checklist_rows(self.context, self.request)

    @memoize
    def findings(self) -> list[dict]:
        return finding_rows(self.context, self.request)

    def can_edit_checklist(self) -> bool:
        return self.allowed(MODIFY)

    def can_add_finding(self) -> bool:
        return self.allowed(ADD_FINDING)

    def is_reported(self) -> bool:
        return self.state()["id"] in REPORTED_STATES

    def next_step(self) -> str:
        message = NEXT_STEPS.get(self.state()["id"])
        return self.t(message) if message else ""

    def transitions(self) -> list[dict]:
        return step_buttons(self.context, self.request)

    def history(self) -> list[dict]:
        return history(self.context, self.request)


class FindingView(_Page):
    """A finding: its fields, its audit, the nonconformity it became."""

    def label(self, name: str) -> str:
        return self.t(IAuditFinding[name].title)

    def audit(self):
        return audit_of(self.context)

    def audit_state(self) -> dict:
        state = state_of(self.audit())
        return {**state, "title": self.t(state["title"])}

    def details(self) -> list[dict]:
        finding = self.context
        titles = unit_titles()
        procedure = procedure_link(finding.procedure)
        unit = finding.unit or ""
        return [
            {
                "label": self.label("kind"),
                "value": self.t(label_of(FINDING_KINDS, finding.kind)),
                "badge": KIND_BADGES.get(finding.kind, "bg-secondary"),
            },
            {
                "label": self.label("unit"),
                "value": titles.get(unit, unit),
                "url": f"{units_url()}/{unit}" if unit else "",
            },
            {"label": self.label("clause"), "value": finding.clause or ""},
            {
                "label": self.label("procedure"),
                "value": procedure["title"] if procedure else "",
                "url": procedure["url"] if procedure else "",
            },
            {
                "label": self.label("description"),
                "value": finding.description or "",
                "text": True,
            },
            {
                "label": self.label("evidence"),
                "value": finding.evidence or "",
                "text": True,
            },
        ]

    def nonconformity(self) -> dict | None:
        return nonconformity_link(self.context.nonconformity, self.request)

    def can_edit(self) -> bool:
        return self.allowed(MODIFY)


class ChecklistForm(BrowserView):
    """The checklist as a grid: change rows, add blank ones, tick «Leave
    out» to drop one. A row without a question or with a result not offered
    is refused above the table, with the rows as posted: nothing is saved."""

    index = ViewPageTemplateFile("templates/checklist.pt")
    styles = STYLES
    error = ""

    def t(self, message) -> str:
        return t(message, self.request)

    def result_options(self) -> list[dict]:
        return [{"value": value, "title": self.t(label)} for value, label in RESULTS]

    def rows(self) -> list[dict]:
        """The posted rows after a refusal, else the audit's checklist."""
        if self.request.form.get("form.submitted"):
            return self.posted()
        return [
            {name: str(row.get(name) or "") for name in CHECKLIST_FIELDS}
            for row in self.context.checklist or ()
        ]

    def blank_rows(self) -> range:
        return range(BLANK_ROWS)

    @memoize
    def posted(self) -> list[dict]:
        """The rows posted and kept: not dropped, not wholly empty."""
        rows = self.request.form.get("rows") or []
        if not isinstance(rows, list):
            rows = [rows]
        out = []
        for record in rows:
            row = {name: self._text(record, name) for name in CHECKLIST_FIELDS}
            if getattr(record, "drop", None) or not any(row.values()):
                continue
            out.append(row)
        return out

    @staticmethod
    def _text(record, name) -> str:
        """A posted cell as stripped text ('' for anything else)."""
        value = (
            getattr(record, name, "")
            if not isinstance(record, dict)
            else record.get(name, "")
        )
        return value.strip() if isinstance(value, str) else ""

    def problem(self, rows) -> str:
        """Why the rows may not be saved ('' when they may)."""
        for number, row in enumerate(rows, start=1):
            if not row["question"]:
                return self.t(Message(ROW_NEEDS_QUESTION, mapping={"number": number}))
            if row["result"] not in ("", *RESULT_VALUES):
                return self.t(Message(ROW_BAD_RESULT, mapping={"number": number}))
        try:
            IAudit["checklist"].bind(self.context).validate(rows)
        except ValidationError:
            return self.t(InvalidChecklist.__doc__)
        return ""

    def __call__(self):
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        rows = self.posted()
        self.error = self.problem(rows)
        if self.error:
            transaction.doom()
            return self.index()
        self.context.checklist = rows
        self.context.reindexObject()
        IStatusMessage(self.request).add(self.t(CHECKLIST_SAVED), type="info")
        return self.request.response.redirect(self.context.absolute_url())


class AuditTransitionForm(TransitionForm):
    """The steps of audits and programmes: `report` asks for the audit's
    summary (pre-filled; kept as the step's comment too) and stores it
    before the step runs; a refused step keeps nothing."""

    styles = STYLES

    def asks_summary(self) -> bool:
        return IAudit.providedBy(self.context) and self.transition_id() == "report"

    def summary(self) -> str:
        """What the form carries, else what the audit holds."""
        if "summary" in self.request.form:
            value = self.request.form.get("summary")
            return value.strip() if isinstance(value, str) else ""
        return (getattr(self.context, "summary", None) or "").strip()

    def fields(self) -> list[dict]:
        fields = super().fields()
        return fields[1:] if self.asks_summary() else fields

    def extra_fields(self) -> list[dict]:
        if not self.asks_summary():
            return []
        field = IAudit["summary"]
        return [
            {
                "name": "summary",
                "type": "textarea",
                "required": True,
                "value": self.summary(),
                "label": translated(field.title, self.request),
                "help": translated(field.description, self.request),
            }
        ]

    def comment(self) -> str:
        return self.summary() if self.asks_summary() else super().comment()

    def validate(self) -> dict:
        errors = super().validate()
        if self.asks_summary() and not self.summary():
            errors["summary"] = translated(SUMMARY_REQUIRED, self.request)
        return errors

    def apply(self) -> None:
        if self.asks_summary():
            self.context.summary = self.summary()
            self.context.reindexObject()


class AuditOriginViewlet(ViewletBase):
    """On a nonconformity raised from an audit finding: the audit, linked
    to the finding, as far as the current person may see them."""

    index = ViewPageTemplateFile("templates/nc_origin.pt")

    @memoize
    def origin(self) -> dict | None:
        uid = getattr(self.context, "audit_finding", None)
        if not uid or api.user.is_anonymous():
            return None
        brains = catalog()(UID=uid)
        if brains:
            audit = audit_of(brains[0].getObject())
            title = audit.Title() if audit is not None else ""
            return {"title": title, "url": brains[0].getURL()}
        return self._audit_only(uid)

    def _audit_only(self, uid) -> dict | None:
        """The finding is hidden: its audit's title, if that is visible."""
        hidden = catalog().unrestrictedSearchResults(UID=uid)
        if not hidden:
            return None
        audit = audit_of(hidden[0]._unrestrictedGetObject())
        if audit is None or not api.user.has_permission("View", obj=audit):
            return None
        return {"title": audit.Title(), "url": audit.absolute_url()}
