"""Management review (xem xét của lãnh đạo, ISO 9001 clause 9.3), kept under
/xem-xet-lanh-dao:

- ReviewSection: /xem-xet-lanh-dao, the reviews by date.
- ManagementReview: one meeting, its inputs (9.3.2), decisions and output
  actions (CorrectiveAction items of kind `improvement` inside it).

REST contract of ManagementReview (field names, plone.restapi):

- ``title`` (text): e.g. "Xem xét của lãnh đạo năm 2026";
- ``meeting_date`` (date): the day of the meeting;
- ``chair`` (text): who chairs it (e.g. the vice minister);
- ``participants`` (text): who takes part, one a line;
- ``scope`` (choice): ``"bloc"`` (the ministry's agency bloc) or a unit id
  (``"khcn"``…), vocabulary ``qms.intranet.ReviewScopes``;
- ``period_start``, ``period_end`` (dates): the period whose data are the
  inputs;
- ``resources`` (text): 9.3.2 d, adequacy of resources;
- ``risks`` (text): 9.3.2 e, actions taken to address risks and
  opportunities;
- ``improvement_notes`` (text): 9.3.2 f, opportunities for improvement;
- ``decisions`` (text): the outputs (9.3.3) besides the actions;
- ``inputs`` (object, read only): the inputs frozen when the review was
  held (``review.inputs.gather``'s dict), null before.

Workflow ``qms_review_workflow``: draft -hold-> held -close-> closed
(review/meeting.py).
"""

from datetime import date
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.schema import JSONField
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core.content import first_in_chain
from qms.intranet.core.i18n import stored
from qms.intranet.improvement.content import _given
from z3c.form.interfaces import IAddForm
from zope import schema
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory

import json


SECTION_ID = "xem-xet-lanh-dao"
SECTION_TITLE = "Xem xét của lãnh đạo"
SECTION_DESCRIPTION = (
    "Các cuộc họp xem xét của lãnh đạo về Hệ thống quản lý chất lượng theo "
    "TCVN ISO 9001:2015 (điều 9.3): đầu vào, quyết định và hành động."
)
BLOC = "bloc"
REVIEW_TITLE = _("review_default_title", default="Management review ${year}")
INPUTS_SCHEMA = json.dumps({"type": ["object", "null"]})


@provider(IContextAwareDefaultFactory)
def default_title(context) -> str:
    return stored(Message(REVIEW_TITLE, mapping={"year": date.today().year}))


def start_of_year() -> date:
    return date(date.today().year, 1, 1)


def end_of_year() -> date:
    return date(date.today().year, 12, 31)


class IReviewSection(model.Schema):
    """/xem-xet-lanh-dao: the management reviews."""


class IManagementReview(model.Schema):
    """Một cuộc họp xem xét của lãnh đạo."""

    title = schema.TextLine(
        title=_("label_review_title", default="Title"),
        required=True,
        defaultFactory=default_title,
    )
    meeting_date = schema.Date(
        title=_("label_review_date", default="Date of the meeting"),
        required=True,
        defaultFactory=date.today,
    )
    chair = schema.TextLine(
        title=_("label_review_chair", default="Chaired by"),
        description=_(
            "help_review_chair",
            default="For example: the vice minister, head of the ISO steering "
            "committee.",
        ),
        required=False,
    )
    participants = schema.Text(
        title=_("label_review_participants", default="Participants"),
        description=_("help_review_participants", default="One a line."),
        required=False,
    )
    scope = schema.Choice(
        title=_("label_review_scope", default="Scope"),
        description=_(
            "help_review_scope",
            default="The whole agency bloc, or one unit: its inputs are "
            "gathered from the data of that scope.",
        ),
        vocabulary="qms.intranet.ReviewScopes",
        required=True,
        default=BLOC,
    )
    period_start = schema.Date(
        title=_("label_review_period_start", default="Period from"),
        required=True,
        defaultFactory=start_of_year,
    )
    period_end = schema.Date(
        title=_("label_review_period_end", default="Period to"),
        description=_(
            "help_review_period",
            default="The inputs are gathered from the data of this period.",
        ),
        required=True,
        defaultFactory=end_of_year,
    )

    # Written beside the figures on the review's page (and in the edit form).
    directives.omitted(IAddForm, "resources", "risks", "improvement_notes", "decisions")
    model.fieldset(
        "inputs",
        label=_("fieldset_review_inputs", default="Inputs and outputs"),
        fields=["resources", "risks", "improvement_notes", "decisions"],
    )
    resources = schema.Text(
        title=_("label_review_resources", default="Adequacy of resources"),
        required=False,
    )
    risks = schema.Text(
        title=_(
            "label_review_risks",
            default="Effectiveness of actions taken to address risks and opportunities",
        ),
        required=False,
    )
    improvement_notes = schema.Text(
        title=_("label_review_improvement", default="Opportunities for improvement"),
        required=False,
    )
    decisions = schema.Text(
        title=_("label_review_decisions", default="Decisions"),
        description=_(
            "help_review_decisions",
            default="Conclusions of the review: improvements, changes needed "
            "in the QMS, resources needed.",
        ),
        required=False,
    )

    directives.omitted("inputs")
    inputs = JSONField(
        title=_("label_review_inputs", default="Inputs kept when held"),
        schema=INPUTS_SCHEMA,
        required=False,
        readonly=True,
    )

    @invariant
    def period_in_order(data):
        start, end = _given(data, "period_start"), _given(data, "period_end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            raise Invalid(
                _(
                    "error_review_period_order",
                    default="The period cannot end before it starts.",
                )
            )


@implementer(IReviewSection)
class ReviewSection(Container):
    """/xem-xet-lanh-dao"""


@implementer(IManagementReview)
class ManagementReview(Container):
    """A management review; its output actions inside."""

    inputs = None
    resources = None
    risks = None
    improvement_notes = None
    decisions = None
    chair = None
    participants = None
    scope = BLOC


def review_of(obj):
    """The review `obj` is or lies in (None outside one)."""
    return first_in_chain(obj, IManagementReview)


def output_actions(review) -> list:
    """The review's output actions (its own children, no catalog query)."""
    return [
        item
        for item in review.objectValues()
        if getattr(item, "portal_type", "") == "CorrectiveAction"
    ]


def ensure_review_section():
    """/xem-xet-lanh-dao exists (install, upgrade)."""
    portal = api.portal.get()
    if SECTION_ID not in portal.objectIds():
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="ReviewSection",
                id=SECTION_ID,
                title=SECTION_TITLE,
                description=SECTION_DESCRIPTION,
            )
    return portal[SECTION_ID]


def units_in_scope(scope) -> list[str] | None:
    """The unit ids of `scope` (None: every unit)."""
    return None if not scope or scope == BLOC else [scope]
