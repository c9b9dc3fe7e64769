"""What a management review does besides its pages (meeting_views.py):

- its workflow's effects (qms_review_workflow): `hold` refuses a meeting
  dated in the future and freezes the inputs (``review.inputs``, the dict
  of ``inputs.gather``); `close` is refused while an output action has no
  person responsible or no due date;
- who reads it: the heads of the units of its scope (the whole bloc: every
  unit's heads; a unit: its heads and ISO officers) get the local role
  Reader on it; the person responsible for one of its actions reads and
  does that action (local role UnitMember on the action, beside the
  improvement concept's ActionResponsible);
- the scopes vocabulary (the bloc or one unit);
- «Việc của tôi»: draft reviews to hold and held reviews to close (the
  secretariat), open review actions of the person responsible.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.core.workflow import refuse
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.improvement.content import ICorrectiveAction
from qms.intranet.improvement.tasks import action_to_do
from qms.intranet.review.content import BLOC
from qms.intranet.review.content import IManagementReview
from qms.intranet.review.content import output_actions
from qms.intranet.review.content import review_of
from qms.intranet.review.content import SECTION_ID
from qms.intranet.review.inputs import gather
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from zope.component import adapter
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import json


REVIEW_WORKFLOW = "qms_review_workflow"
REVIEW_STATES = ("draft", "held", "closed")
READER = "Reader"
MAX_TASKS = 50

BLOC_TITLE = _("review_scope_bloc", default="The whole agency bloc")
MEETING_IN_FUTURE = _(
    "error_hold_meeting_in_future",
    default="The meeting is dated ${date}: record it as held on that day or "
    "after (or correct its date).",
)
ACTIONS_INCOMPLETE = _(
    "error_close_actions_incomplete",
    default="Every output action needs a person responsible and a due date "
    "before the review is closed. Complete: ${actions}.",
)

register_done_messages(
    REVIEW_WORKFLOW,
    {
        "hold": _(
            "done_hold_review",
            default="Recorded as held: its inputs are kept as they are now. "
            "Record the decisions and the actions, then close the review.",
        ),
        "close": _(
            "done_close_review",
            default="Review closed: the people responsible carry out its "
            "actions, which are inputs of the next review.",
        ),
    },
)


# Workflow effects


def incomplete_actions(review) -> list[str]:
    """Titles of the output actions lacking a person responsible or a due
    date."""
    return [
        action.Title()
        for action in output_actions(review)
        if not getattr(action, "responsible", None)
        or not getattr(action, "due_date", None)
    ]


def check_review(review, transition: str) -> None:
    if transition == "hold":
        day = getattr(review, "meeting_date", None)
        if isinstance(day, date) and day > date.today():
            refuse(Message(MEETING_IN_FUTURE, mapping={"date": format_date(day)}))
    elif transition == "close":
        missing = incomplete_actions(review)
        if missing:
            refuse(Message(ACTIONS_INCOMPLETE, mapping={"actions": "; ".join(missing)}))


def freeze_inputs(review) -> dict:
    """Keep the inputs of the review's period as they are now (JSON-able)."""
    data = gather(review.period_start, review.period_end, review.scope, review=review)
    review.inputs = json.loads(json.dumps(data))
    return review.inputs


def review_before_transition(review, event) -> None:
    if event.transition is None or event.workflow.getId() != REVIEW_WORKFLOW:
        return
    check_review(review, event.transition.getId())


def review_after_transition(review, event) -> None:
    if event.transition is None or event.workflow.getId() != REVIEW_WORKFLOW:
        return
    if event.transition.getId() == "hold":
        freeze_inputs(review)
    review.reindexObject()


# Who reads


def scope_units(scope) -> list[str]:
    if not scope or scope == BLOC:
        return [brain.getId for brain in all_units()]
    return [scope]


@implementer(ILocalRoleProvider)
@adapter(IManagementReview)
class ReviewReaders:
    """Heads (and, for a unit's review, ISO officers) of the units of the
    review's scope read it."""

    def __init__(self, context):
        self.context = context

    def _roles(self) -> dict:
        scope = getattr(self.context, "scope", None) or BLOC
        groups = {group_id(unit, "heads"): (READER,) for unit in scope_units(scope)}
        if scope != BLOC:
            groups[group_id(scope, "officers")] = (READER,)
        return groups

    def getRoles(self, principal_id):
        # asked for every principal on every check: cheap answers first
        if not isinstance(principal_id, str) or not principal_id.endswith(
            ("-heads", "-officers")
        ):
            return ()
        return self._roles().get(principal_id, ())

    def getAllRoles(self):
        yield from self._roles().items()


@implementer(ILocalRoleProvider)
@adapter(ICorrectiveAction)
class ReviewActionReader:
    """The person responsible for a review's action reads it (the action
    workflow lets unit members read; a review lies in no unit)."""

    def __init__(self, context):
        self.context = context

    def _responsible(self):
        if review_of(self.context) is None:
            return None
        return getattr(self.context, "responsible", None)

    def getRoles(self, principal_id):
        return (
            ("UnitMember",)
            if principal_id and principal_id == self._responsible()
            else ()
        )

    def getAllRoles(self):
        responsible = self._responsible()
        if responsible:
            yield responsible, ("UnitMember",)


# Vocabulary


@provider(IVocabularyFactory)
def review_scopes(context):
    """The whole bloc, or one unit."""
    terms = [SimpleTerm(BLOC, BLOC, translated(BLOC_TITLE))]
    terms += [SimpleTerm(b.getId, b.getId, b.Title) for b in all_units()]
    return SimpleVocabulary(terms)


# «Việc của tôi»

GROUP_TO_HOLD = _("task_group_review_to_hold", default="Management reviews to hold")
GROUP_TO_CLOSE = _(
    "task_group_review_to_close", default="Management reviews to complete and close"
)
GROUP_ACTIONS = _(
    "task_group_review_actions",
    default="Actions decided by a management review, for you to carry out",
)


def today() -> date:
    """Today (tests may replace it)."""
    return date.today()


def _scope_label(scope) -> str:
    if not scope or scope == BLOC:
        return translated(BLOC_TITLE)
    return unit_titles().get(scope, scope)


@implementer(ITaskProvider)
class ReviewTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        found = []
        if sees_every_unit():
            found += self.reviews("draft", "review_to_hold", GROUP_TO_HOLD, 30)
            found += self.reviews("held", "review_to_close", GROUP_TO_CLOSE, 30)
        found += self.actions_to_do(api.user.get_current().getId())
        return found

    def reviews(self, state, kind, group, order) -> list[Task]:
        if state == "draft":
            action = _(
                "task_review_hold",
                default="Prepare the inputs, hold the meeting, then record it as held",
            )
        else:
            action = _(
                "task_review_close",
                default="Record the decisions and the actions with who does them "
                "by when, then close the review",
            )
        found = []
        for brain in api.content.find(
            portal_type="ManagementReview",
            review_state=state,
            sort_on="created",
            sort_limit=MAX_TASKS,
        )[:MAX_TASKS]:
            review = brain.getObject()
            day = getattr(review, "meeting_date", None)
            found.append(
                Task(
                    kind=kind,
                    group=translated(group),
                    title=brain.Title,
                    url=brain.getURL(),
                    action=translated(action),
                    detail=f"{_scope_label(review.scope)} · {format_date(day)}",
                    due=day.isoformat() if isinstance(day, date) else "",
                    order=order,
                )
            )
        return found

    def actions_to_do(self, user_id) -> list[Task]:
        portal = api.portal.get()
        if SECTION_ID not in portal.objectIds():
            return []
        section = portal[SECTION_ID]
        brains = api.content.find(
            context=section,
            portal_type="CorrectiveAction",
            review_state="open",
            responsible=user_id,
            sort_on="due_date",
            sort_limit=MAX_TASKS,
        )[:MAX_TASKS]
        day = today()
        found = []
        for brain in brains:
            due = brain.due_date
            action = action_to_do(due, day)
            parent = brain.getPath().rsplit("/", 1)[0]
            reviews = api.content.find(path={"query": parent, "depth": 0})
            found.append(
                Task(
                    kind="review_action_to_do",
                    group=translated(GROUP_ACTIONS),
                    title=brain.Title,
                    url=brain.getURL(),
                    action=translated(action),
                    detail=reviews[0].Title if reviews else "",
                    due=due.isoformat() if isinstance(due, date) else "",
                    order=25,
                )
            )
        return found
