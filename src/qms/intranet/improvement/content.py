"""Nonconformities (sự không phù hợp) and corrective actions (hành động khắc
phục), kept in each unit's register /don-vi/<unit>/khac-phuc.

- ImprovementRegister: the unit's register; it numbers its nonconformities.
- Nonconformity: what happened, its cause, and the verification that the
  actions worked; evidence files inside.
- CorrectiveAction: one action inside a nonconformity, with who does it by
  when, and what came of it; evidence files inside.

Field names, vocabularies' values and the types' names are a contract of
the REST API (issue #13).
"""

from AccessControl import ClassSecurityInfo
from AccessControl import getSecurityManager
from AccessControl.class_init import InitializeClass
from Acquisition import aq_parent
from BTrees.OOBTree import OOBTree
from datetime import date
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core.content import BusyContainer
from qms.intranet.core.content import first_in_chain
from qms.intranet.core.i18n import translated
from z3c.form.interfaces import IAddForm
from zExceptions import Forbidden
from zope import schema
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


REGISTER_ID = "khac-phuc"
# The states in which a nonconformity no longer changes (workflow.py).
FROZEN_STATES = ("closed", "cancelled")
NOT_DELETED = _(
    "error_nonconformity_not_deleted",
    default="A nonconformity is not deleted: its reference is never reused. "
    "The ISO secretariat cancels it, with the reason.",
)


def _given(data, name: str, default=None):
    """A field's value in an invariant's data (z3c.form's data raises for
    fields the form or request does not carry)."""
    try:
        return getattr(data, name)
    except Exception:  # noqa: BLE001 - NoInputData, AttributeError and kin
        return default


def _context(data):
    """Where an invariant's data is validated: the item (edit form, REST),
    or, in an add form (whose data has no context), the container the form
    adds to."""
    context = _given(data, "__context__")
    request = getRequest() if context is None else None
    if request is not None:
        context = getattr(request.get("PUBLISHED"), "context", None)
    return context


class IImprovementRegister(model.Schema):
    """The unit's register of nonconformities and corrective actions."""


class INonconformity(model.Schema):
    """Sự không phù hợp: what happened, why, and whether the actions worked.
    The title and `description` (what happened) come from plone.basic."""

    reference = schema.TextLine(
        title=_("label_nc_reference", default="Reference"),
        description=_(
            "help_nc_reference",
            default="Given by the register when the nonconformity is reported, "
            "for example 01/2026/KHCN; never reused.",
        ),
        required=False,
        readonly=True,
    )
    source = schema.Choice(
        title=_("label_nc_source", default="Source"),
        vocabulary="qms.intranet.NonconformitySources",
        required=True,
        default="daily_work",
    )
    detected_on = schema.Date(
        title=_("label_nc_detected_on", default="Detected on"),
        required=True,
        defaultFactory=date.today,
    )
    detected_by = schema.TextLine(
        title=_("label_nc_detected_by", default="Detected by"),
        required=False,
    )
    procedure = schema.Choice(
        title=_("label_nc_procedure", default="Procedure concerned"),
        description=_(
            "help_nc_procedure",
            default="The effective procedure the nonconformity concerns, if any.",
        ),
        vocabulary="qms.intranet.EffectiveProcedureRelations",
        required=False,
    )
    clause = schema.TextLine(
        title=_("label_nc_clause", default="ISO 9001 clause"),
        description=_("help_nc_clause", default="For example 8.5.1."),
        required=False,
        max_length=20,
    )
    severity = schema.Choice(
        title=_("label_nc_severity", default="Severity"),
        vocabulary="qms.intranet.NonconformitySeverities",
        required=True,
        default="minor",
    )
    correction = schema.Text(
        title=_("label_nc_correction", default="Correction (what was done at once)"),
        required=False,
    )

    # Set by the steps that ask for them (transition forms), not when reporting.
    directives.omitted(
        IAddForm, "root_cause", "cause_category", "effectiveness", "effectiveness_note"
    )
    model.fieldset(
        "analysis",
        label=_("fieldset_nc_analysis", default="Cause"),
        fields=["root_cause", "cause_category"],
    )
    root_cause = schema.Text(
        title=_("label_nc_root_cause", default="Root cause"),
        required=False,
    )
    cause_category = schema.Choice(
        title=_("label_nc_cause_category", default="Kind of cause"),
        vocabulary="qms.intranet.CauseCategories",
        required=False,
    )

    model.fieldset(
        "verification",
        label=_("fieldset_nc_verification", default="Verification"),
        fields=["effectiveness", "effectiveness_note", "closed_on"],
    )
    effectiveness = schema.Choice(
        title=_("label_nc_effectiveness", default="Effectiveness of the actions"),
        vocabulary="qms.intranet.Effectiveness",
        required=False,
    )
    effectiveness_note = schema.Text(
        title=_("label_nc_effectiveness_note", default="Verification note"),
        required=False,
    )
    closed_on = schema.Date(
        title=_("label_nc_closed_on", default="Closed on"),
        required=False,
        readonly=True,
    )


class ICorrectiveAction(model.Schema):
    """Hành động khắc phục: one action, who does it by when, what came of it."""

    kind = schema.Choice(
        title=_("label_action_kind", default="Kind of action"),
        vocabulary="qms.intranet.ActionKinds",
        required=True,
        default="corrective",
    )
    responsible = schema.Choice(
        title=_("label_action_responsible", default="Responsible"),
        description=_(
            "help_action_responsible",
            default="A person of the unit: they see the action in «My tasks».",
        ),
        vocabulary="qms.intranet.UnitPeople",
        required=True,
    )
    due_date = schema.Date(
        title=_("label_action_due_date", default="Due date"), required=True
    )
    done_on = schema.Date(
        title=_("label_action_done_on", default="Done on"),
        required=False,
        readonly=True,
    )
    revises = schema.TextLine(
        title=_("label_action_revises", default="Revision of the procedure"),
        description=_(
            "help_action_revises",
            default="Set by «Revise the procedure»: the action is done when "
            "the revision is approved.",
        ),
        required=False,
        readonly=True,
    )
    directives.omitted("revises")
    result = schema.Text(
        title=_("label_action_result", default="Result"),
        description=_(
            "help_action_result",
            default="What was done and what came of it; required to complete "
            "the action.",
        ),
        required=False,
    )

    @invariant
    def due_after_detection(data):
        due = _given(data, "due_date")
        detected = getattr(nonconformity_of(_context(data)), "detected_on", None)
        if isinstance(due, date) and isinstance(detected, date) and due < detected:
            raise Invalid(
                _(
                    "error_action_due_before_detection",
                    default="The due date cannot be before the date the "
                    "nonconformity was detected (${date}).",
                    mapping={"date": detected.strftime("%d/%m/%Y")},
                )
            )


def nonconformity_of(obj):
    """The nonconformity `obj` is or lies in (None outside one)."""
    return first_in_chain(obj, INonconformity)


def register_of(obj):
    return first_in_chain(obj, IImprovementRegister)


@implementer(IImprovementRegister)
class ImprovementRegister(BusyContainer):
    """/don-vi/<unit>/khac-phuc"""

    numbers = None  # year -> last number given (OOBTree), see next_number

    def next_number(self, year: int) -> int:
        """The next reference number of `year`. Two reports at once write the
        same key: ZODB refuses the second, which Zope retries, so a number is
        never given twice; none is ever given back."""
        if self.numbers is None:
            self.numbers = OOBTree()
        number = self.numbers.get(year, 0) + 1
        self.numbers[year] = number
        return number

    def _delObject(self, id, dp=1, suppress_events=False):
        """Nobody deletes a nonconformity but those who may delete in the
        register itself (Managers, Site Administrators): cancel instead.
        Plone's delete (REST and Classic UI) checks "Delete objects" on the
        item only, and a nonconformity's is for what lies in it (evidence,
        actions). Moves and renames (suppress_events) are not deletions."""
        if not suppress_events and not getSecurityManager().checkPermission(
            "Delete objects", self
        ):
            raise Forbidden(translated(NOT_DELETED))
        return super()._delObject(id, dp=dp, suppress_events=suppress_events)


@implementer(INonconformity)
class Nonconformity(Container):
    """A nonconformity; its corrective actions and evidence files inside."""


@implementer(ICorrectiveAction)
class CorrectiveAction(Container):
    """A corrective action; its evidence files inside."""

    security = ClassSecurityInfo()

    @security.public
    def in_frozen_nonconformity(self) -> bool:
        """The action lies in a closed or cancelled nonconformity: its steps
        are not offered (the workflow's guards; a management review's
        actions are followed whatever the review's state). Public: a guard
        asks it for someone who may not see the parent."""
        parent = nonconformity_of(aq_parent(self))
        if parent is None:
            return False
        return api.content.get_state(obj=parent, default=None) in FROZEN_STATES


InitializeClass(CorrectiveAction)
