"""Mục tiêu chất lượng (ISO 9001 clause 6.2): each unit's yearly objectives.

- ObjectiveArchive (/don-vi/<unit>/muc-tieu, and /he-thong-qlcl/muc-tieu for
  the bloc's objectives): holds the yearly plans.
- ObjectivePlan (…/muc-tieu/<year>): the objectives of one year, drafted by
  the unit's ISO officers and issued by its head (the leaders issue the
  bloc's).
- QualityObjective: an objective of the plan, with its indicator, target,
  frequency of measurement, the plan to reach it (6.2.2) and its
  measurements (rows: period, value, note, who, when).
"""

from AccessControl import ClassSecurityInfo
from AccessControl import getSecurityManager
from AccessControl.class_init import InitializeClass
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core.content import BusyContainer
from qms.intranet.core.content import first_in_chain
from qms.intranet.core.rest import CheckedJSONField
from zope import schema
from zope.interface import implementer
from zope.schema import ValidationError

import json


ARCHIVE_ID = "muc-tieu"
ARCHIVE_TITLE = "Mục tiêu chất lượng"
BLOC = "bloc"
MIN_YEAR, MAX_YEAR = 2000, 2100

MEASUREMENT_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "period": {"type": "string"},
                "value": {"type": "number"},
                "note": {"type": "string"},
                "who": {"type": "string"},
                "when": {"type": "string"},
            },
            "required": ["period", "value"],
        },
    }
)


class InvalidYear(ValidationError):
    __doc__ = _(
        "error_objective_plan_year",
        default="The year of a plan of objectives must be a number between "
        "2000 and 2100.",
    )


class InvalidMeasurements(ValidationError):
    __doc__ = _(
        "error_objective_measurements",
        default="The measurements must be a list of rows, each with a period "
        "and a number.",
    )


def valid_year(value) -> bool:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise InvalidYear(value)
    return True


class IObjectiveArchive(model.Schema):
    """The yearly plans of quality objectives of a unit (or of the bloc)."""


class IObjectivePlan(model.Schema):
    """Mục tiêu chất lượng năm: the objectives of one year."""

    # Set once, by «Lập mục tiêu chất lượng năm» (the plan's id is its year):
    # no form changes it.
    directives.omitted("year", "amendment", "issued_on")
    year = schema.Int(
        title=_("label_year", default="Year"), required=True, constraint=valid_year
    )
    amendment = schema.Int(
        title=_("label_amendment", default="Amendment"),
        required=False,
        default=0,
    )
    issued_on = schema.Date(
        title=_("label_objectives_issued_on", default="Issued on"), required=False
    )


class IQualityObjective(model.Schema):
    """A quality objective: measurable, monitored, with the plan to reach it."""

    objective = schema.TextLine(
        title=_("label_objective", default="Objective"),
        description=_(
            "help_objective",
            default="What the unit commits to, in one sentence.",
        ),
        required=True,
    )
    indicator = schema.TextLine(
        title=_("label_objective_indicator", default="Indicator"),
        description=_(
            "help_objective_indicator",
            default="What is measured, e.g. the share of files settled on time.",
        ),
        required=True,
    )
    target = schema.Float(
        title=_("label_objective_target", default="Target"),
        description=_("help_objective_target", default="A number, e.g. 95."),
        required=True,
    )
    measure = schema.Choice(
        title=_("label_objective_measure", default="Unit of measure"),
        vocabulary="qms.intranet.ObjectiveMeasures",
        required=True,
        default="percent",
    )
    direction = schema.Choice(
        title=_("label_objective_direction", default="The target is"),
        vocabulary="qms.intranet.ObjectiveDirections",
        required=True,
        default="at_least",
    )
    frequency = schema.Choice(
        title=_("label_objective_frequency", default="Measured"),
        vocabulary="qms.intranet.ObjectiveFrequencies",
        required=True,
        default="quarterly",
    )
    responsible = schema.TextLine(
        title=_("label_objective_responsible", default="Responsible"),
        description=_(
            "help_objective_responsible",
            default="The person or division of the unit who answers for it.",
        ),
        required=False,
    )
    actions = schema.Text(
        title=_("label_objective_actions", default="What will be done"),
        description=_(
            "help_objective_actions",
            default="The plan to reach the objective: the main actions.",
        ),
        required=False,
    )
    resources = schema.Text(
        title=_("label_objective_resources", default="Resources"),
        required=False,
    )
    deadline = schema.Date(
        title=_("label_objective_deadline", default="Deadline"), required=False
    )
    directives.omitted("measurements")
    measurements = CheckedJSONField(
        title=_("label_objective_measurements", default="Measurements"),
        schema=MEASUREMENT_SCHEMA,
        invalid=InvalidMeasurements,
        default=[],
        required=False,
    )


@implementer(IObjectiveArchive)
class ObjectiveArchive(BusyContainer):
    """/don-vi/<unit>/muc-tieu, /he-thong-qlcl/muc-tieu"""


@implementer(IObjectivePlan)
class ObjectivePlan(Container):
    """The objectives of one year; their order is the plan's."""

    security = ClassSecurityInfo()

    def Title(self):
        if self.title:
            return self.title
        year = getattr(self, "year", None) or self.getId()
        return f"Mục tiêu chất lượng năm {year}"

    def is_bloc(self) -> bool:
        """The bloc's plan (in /he-thong-qlcl), not a unit's."""
        return "don-vi" not in self.getPhysicalPath()

    def objectives(self) -> list:
        return [
            item
            for item in self.objectValues()
            if getattr(item, "portal_type", "") == "QualityObjective"
        ]

    security.declarePublic("may_decide")

    def may_decide(self) -> bool:
        """May the current user issue or send back this plan: the head of the
        unit for a unit's plan, the leaders for the bloc's (the workflow's
        guard asks)."""
        user = getSecurityManager().getUser()
        roles = set(user.getRolesInContext(self))
        if "Manager" in roles:
            return True
        if self.is_bloc():
            return "QMSLeader" in roles
        return "UnitHead" in roles


InitializeClass(ObjectivePlan)


@implementer(IQualityObjective)
class QualityObjective(Item):
    """An objective; its title is the objective."""

    @property
    def title(self):
        return getattr(self, "objective", None) or ""

    @title.setter
    def title(self, value):
        if value:
            self.objective = value

    def Title(self):
        return self.title


def plan_of(obj):
    return first_in_chain(obj, IObjectivePlan)


def archive_of(obj):
    return first_in_chain(obj, IObjectiveArchive)
