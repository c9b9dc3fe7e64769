"""Internal audits (đánh giá nội bộ, ISO 9001 clause 9.2), kept under
/danh-gia-noi-bo:

- AuditSection: /danh-gia-noi-bo, the programmes by year.
- AuditProgramme: /danh-gia-noi-bo/<year>, the year's programme
  (objectives, scope, criteria, schedule), approved by the leaders.
- Audit: one audit of one or more units, with its team, dates, checklist and
  summary; the team reads the audited units while it is in progress
  (access.py).
- AuditFinding: what the team found in a unit; nonconformities become
  Nonconformity items of the unit's register when the audit is reported.

Field names, vocabularies' values and the types' names are a contract of the
REST API (issue #14).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_parent
from datetime import date
from plone import api
from plone.app.content.interfaces import INameFromTitle
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core.content import first_in_chain
from qms.intranet.core.i18n import stored
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import CheckedJSONField
from qms.intranet.improvement.content import _context
from qms.intranet.improvement.content import _given
from qms.intranet.training.competence import all_courses
from qms.intranet.training.competence import AUDITOR
from qms.intranet.training.competence import holds_certificate
from qms.intranet.training.competence import require_auditor_certificate
from qms.intranet.units.groups import AUDITORS_GROUP
from qms.intranet.units.groups import units_of_user
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import IAddForm
from zExceptions import Forbidden
from zope import schema
from zope.component import adapter
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory

import json


SECTION_ID = "danh-gia-noi-bo"
PLAN_PERMISSION = "qms.intranet.PlanAudit"
PLAN_PERMISSION_TITLE = "qms.intranet: Plan audit"
NOT_DELETED = _(
    "error_audit_not_deleted",
    default="Only the ISO secretariat deletes an audit, before it is "
    "reported; a reported audit is kept.",
)
RESULTS = ("conform", "nonconform", "na")
CHECKLIST_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "question": {"type": "string"},
                "clause": {"type": "string"},
                "procedure": {"type": "string"},
                "result": {"enum": ["", *RESULTS]},
                "evidence": {"type": "string"},
            },
            "required": ["question"],
        },
    }
)
PROGRAMME_TITLE = _("audit_programme_title", default="Internal audit programme ${year}")


class InvalidChecklist(ValidationError):
    __doc__ = _(
        "error_audit_checklist",
        default="The checklist must be a list of rows, each with a question; "
        "a result is conform, nonconform or na.",
    )


@provider(IContextAwareDefaultFactory)
def free_year(context) -> int:
    """This year, or next year once this year has its programme."""
    this_year = date.today().year
    if IAuditSection.providedBy(context) and programme_for(context, this_year):
        return this_year + 1
    return this_year


class IAuditSection(model.Schema):
    """/danh-gia-noi-bo: the internal audit programmes, one per year."""


class IAuditProgramme(model.Schema):
    """Chương trình đánh giá nội bộ of one year."""

    year = schema.Choice(
        title=_("label_year", default="Year"),
        description=_(
            "help_programme_year",
            default="A programme is made for last year, this year or next year.",
        ),
        vocabulary="qms.intranet.ProgrammeYears",
        required=True,
        defaultFactory=free_year,
    )
    objectives = schema.Text(
        title=_("label_audit_objectives", default="Objectives"), required=False
    )
    scope = schema.Text(title=_("label_audit_scope", default="Scope"), required=False)
    criteria = schema.Text(
        title=_("label_audit_criteria", default="Audit criteria"),
        description=_(
            "help_audit_criteria",
            default="For example: TCVN ISO 9001:2015, the QMS documents, the "
            "legal requirements of the unit's work.",
        ),
        required=False,
    )
    schedule = schema.Text(
        title=_("label_audit_schedule", default="Schedule"),
        description=_(
            "help_audit_schedule",
            default="When in the year each unit is audited; each audit is "
            "then planned in the programme with its dates and team.",
        ),
        required=False,
    )

    @invariant
    def one_programme_a_year(data):
        year = _given(data, "year")
        context = _context(data)
        section, itself = context, None
        if IAuditProgramme.providedBy(context):
            section, itself = aq_parent(context), aq_base(context)
        if not IAuditSection.providedBy(section) or not year:
            return
        existing = programme_for(section, year)
        if existing is not None and aq_base(existing) is not itself:
            raise Invalid(
                _(
                    "error_programme_exists",
                    default="The programme of ${year} already exists: open it "
                    "from the internal audits page.",
                    mapping={"year": year},
                )
            )


def _user_ids(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v]


def team_problems(lead, auditors, units) -> list[Message]:
    """Why this team may not audit these units (ISO 9001 clause 9.2.2 c:
    auditors do not audit their own work): someone neither in qms-auditors
    nor holding an internal auditor certificate (training), someone without
    such a certificate when the secretariat requires one, or someone
    belonging to an audited unit. Empty when the team is fine."""
    problems = []
    group = api.group.get(groupname=AUDITORS_GROUP)
    members = {u.getId() for u in api.user.get_users(group=group)} if group else set()
    units = set(units or ())
    courses = all_courses()
    required = require_auditor_certificate()
    for user_id in dict.fromkeys([*_user_ids(lead), *_user_ids(auditors)]):
        user = api.user.get(userid=user_id)
        name = (user.getProperty("fullname") or user_id) if user else user_id
        certified = user is not None and holds_certificate(user_id, AUDITOR, courses)
        if required and user is not None and not certified:
            problems.append(
                Message(
                    _(
                        "error_auditor_no_certificate",
                        default="${name} holds no valid internal auditor "
                        "certificate: the ISO secretariat requires one of every "
                        "member of an audit team (ISO 9001 clause 7.2).",
                    ),
                    mapping={"name": name},
                )
            )
            continue
        if user is None or (user_id not in members and not certified):
            problems.append(
                Message(
                    _(
                        "error_auditor_not_appointed",
                        default="${name} is not one of the internal auditors "
                        "appointed by the ISO secretariat (group qms-auditors).",
                    ),
                    mapping={"name": name},
                )
            )
            continue
        own = sorted(units & set(units_of_user(user)))
        if own:
            problems.append(
                Message(
                    _(
                        "error_auditor_not_independent",
                        default="${name} belongs to ${unit}, an audited unit: "
                        "an auditor does not audit their own unit (ISO 9001 "
                        "clause 9.2.2 c).",
                    ),
                    mapping={"name": name, "unit": ", ".join(own).upper()},
                )
            )
    return problems


class IAudit(model.Schema):
    """Một cuộc đánh giá nội bộ: its plan, checklist and summary."""

    title = schema.TextLine(title=_("label_audit_title", default="Title"))

    directives.write_permission(
        audited_units=PLAN_PERMISSION,
        start=PLAN_PERMISSION,
        end=PLAN_PERMISSION,
        lead_auditor=PLAN_PERMISSION,
        auditors=PLAN_PERMISSION,
        criteria=PLAN_PERMISSION,
        procedures=PLAN_PERMISSION,
    )
    audited_units = schema.List(
        title=_("label_audited_units", default="Audited units"),
        value_type=schema.Choice(vocabulary="qms.intranet.Units"),
        required=True,
        min_length=1,
    )
    directives.widget("audited_units", CheckBoxFieldWidget)
    start = schema.Date(title=_("label_audit_start", default="From"), required=True)
    end = schema.Date(title=_("label_audit_end", default="To"), required=True)
    lead_auditor = schema.Choice(
        title=_("label_lead_auditor", default="Lead auditor"),
        vocabulary="qms.intranet.Auditors",
        required=True,
    )
    auditors = schema.List(
        title=_("label_auditors", default="Auditors"),
        description=_(
            "help_auditors",
            default="Internal auditors appointed by the ISO secretariat, none "
            "of them from an audited unit.",
        ),
        value_type=schema.Choice(vocabulary="qms.intranet.Auditors"),
        required=False,
        default=[],
    )
    directives.widget("auditors", CheckBoxFieldWidget)
    criteria = schema.Text(
        title=_("label_audit_criteria", default="Audit criteria"), required=False
    )
    procedures = schema.List(
        title=_("label_audit_procedures", default="Procedures audited"),
        value_type=schema.Choice(vocabulary="qms.intranet.EffectiveProcedureRelations"),
        required=False,
        default=[],
    )
    directives.widget(
        "procedures",
        AjaxSelectFieldWidget,
        vocabulary="qms.intranet.EffectiveProcedureRelations",
    )

    # Filled by the team (the checklist page) and by «Report the audit».
    directives.omitted(IAddForm, "checklist", "summary")
    directives.omitted("checklist")
    checklist = CheckedJSONField(
        title=_("label_audit_checklist", default="Checklist"),
        schema=CHECKLIST_SCHEMA,
        invalid=InvalidChecklist,
        default=[],
        required=False,
    )
    summary = schema.Text(
        title=_("label_audit_summary", default="Summary of the audit"),
        description=_(
            "help_audit_summary",
            default="Strengths, findings in short, conclusions: the report's "
            "summary, required to report the audit.",
        ),
        required=False,
    )

    @invariant
    def dates_in_order(data):
        start, end = _given(data, "start"), _given(data, "end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            raise Invalid(
                _(
                    "error_audit_end_before_start",
                    default="The audit cannot end before it starts.",
                )
            )

    @invariant
    def independent_team(data):
        context = _context(data)
        audit = context if IAudit.providedBy(context) else None
        lead = _given(data, "lead_auditor", getattr(audit, "lead_auditor", None))
        auditors = _given(data, "auditors", getattr(audit, "auditors", None))
        units = _given(data, "audited_units", getattr(audit, "audited_units", None))
        problems = team_problems(lead, auditors, units)
        if problems:
            raise Invalid(problems[0])


# Findings of these kinds become nonconformities of that severity.
NC_KINDS = {"major_nc": "major", "minor_nc": "minor"}


class IAuditFinding(model.Schema):
    """Phát hiện: what the team found in one audited unit."""

    title = schema.TextLine(title=_("label_finding_title", default="Finding in short"))
    kind = schema.Choice(
        title=_("label_finding_kind", default="Kind of finding"),
        vocabulary="qms.intranet.FindingKinds",
        required=True,
        default="minor_nc",
    )
    unit = schema.Choice(
        title=_("label_finding_unit", default="Unit"),
        vocabulary="qms.intranet.AuditedUnits",
        required=True,
    )
    clause = schema.TextLine(
        title=_("label_nc_clause", default="ISO 9001 clause"),
        description=_("help_nc_clause", default="For example 8.5.1."),
        required=False,
        max_length=20,
    )
    procedure = schema.Choice(
        title=_("label_nc_procedure", default="Procedure concerned"),
        vocabulary="qms.intranet.EffectiveProcedureRelations",
        required=False,
    )
    description = schema.Text(
        title=_("label_finding_description", default="Finding"),
        description=_(
            "help_finding_description",
            default="What was found, against which requirement.",
        ),
        required=True,
    )
    evidence = schema.Text(
        title=_("label_finding_evidence", default="Evidence"),
        description=_(
            "help_finding_evidence",
            default="What was seen: the record, document or answer.",
        ),
        required=False,
    )
    directives.omitted("nonconformity")
    nonconformity = schema.TextLine(
        title=_("label_finding_nonconformity", default="Nonconformity"),
        description=_(
            "help_finding_nonconformity",
            default="The nonconformity entered in the unit's register when "
            "the audit was reported (its UID).",
        ),
        required=False,
        readonly=True,
    )


def programme_for(section, year: int):
    """The section's programme of `year`, or None (found whoever asks: its
    existence is no secret, and forms must refuse a second one)."""
    for item in section.objectValues():
        if IAuditProgramme.providedBy(item) and item.year == year:
            return item
    return None


def audit_of(obj):
    """The audit `obj` is or lies in (None outside one)."""
    return first_in_chain(obj, IAudit)


def programme_of(obj):
    return first_in_chain(obj, IAuditProgramme)


@implementer(IAuditSection)
class AuditSection(Container):
    """/danh-gia-noi-bo"""


@implementer(IAuditProgramme)
class AuditProgramme(Container):
    """/danh-gia-noi-bo/<year>; its title says the year."""

    def _delObject(self, id, dp=1, suppress_events=False):
        """An audit is deleted only by who plans it, before it is reported
        (the permission «Plan audit»): Plone's delete checks "Delete
        objects" on the audit, which its team holds while it runs, to
        delete findings. Moves and renames (suppress_events) are not
        deletions."""
        item = self._getOb(id, None)
        if (
            not suppress_events
            and IAudit.providedBy(item)
            and not getSecurityManager().checkPermission(PLAN_PERMISSION_TITLE, item)
        ):
            raise Forbidden(translated(NOT_DELETED))
        return super()._delObject(id, dp=dp, suppress_events=suppress_events)

    @property
    def title(self):
        return stored(Message(PROGRAMME_TITLE, mapping={"year": self.year}))

    @title.setter
    def title(self, value):
        """The title follows the year (a title given is not kept)."""


@implementer(INameFromTitle)
@adapter(IAuditProgramme)
class ProgrammeName:
    """A programme's id is its year: /danh-gia-noi-bo/2026."""

    def __init__(self, context):
        self.title = str(context.year)


@implementer(IAudit)
class Audit(Container):
    """An audit; its findings inside."""

    # None, not (): plone.restapi validates a field left out of a request
    # against the stored value, and a tuple is no JSON array nor list.
    lead_auditor = None
    auditors = None
    audited_units = None
    checklist = None
    summary = None

    def team(self) -> list[str]:
        """The lead auditor and the auditors, once each."""
        ids = [*_user_ids(self.lead_auditor), *_user_ids(self.auditors)]
        return list(dict.fromkeys(ids))

    def in_window(self, day: date | None = None) -> bool:
        """Today lies between its start and end dates."""
        day = day or date.today()
        start, end = getattr(self, "start", None), getattr(self, "end", None)
        return bool(start and end and start <= day <= end)


@implementer(IAuditFinding)
class AuditFinding(Item):
    """A finding of an audit."""

    nonconformity = None
