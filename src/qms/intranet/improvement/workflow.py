"""What the nonconformity and action workflows check and do besides moving
states. Refusals raise WorkflowException with a translated message: the
transition form shows it next to the form, plone.restapi answers 400, and
nothing is changed."""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import stored
from qms.intranet.core.workflow import comment_of
from qms.intranet.core.workflow import REASON_HELP
from qms.intranet.core.workflow import REASON_REQUIRED
from qms.intranet.core.workflow import refuse
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.core.workflow import require_reason
from qms.intranet.improvement.content import FROZEN_STATES
from qms.intranet.improvement.content import nonconformity_of
from zope.i18nmessageid import Message


NC_WORKFLOW = "qms_nonconformity_workflow"
ACTION_WORKFLOW = "qms_action_workflow"
# Nonconformity states, in the order one goes through them.
NC_STATES = (
    "reported",
    "analysed",
    "in_progress",
    "pending_verification",
    "closed",
    "cancelled",
)
OPEN_NC_STATES = NC_STATES[:4]
FROZEN_NC_STATES = FROZEN_STATES
ACTION_STATES = ("open", "done")

REASON_REQUIRED.update(
    {
        "cancel": _(
            "error_cancel_needs_comment",
            default="Give the reason for cancelling the nonconformity: the "
            "comment is required.",
        ),
        "reopen": _(
            "error_reopen_needs_comment",
            default="Say why it is reopened: the comment is required.",
        ),
    }
)
REASON_HELP.update(
    {
        "cancel": _(
            "help_reason_cancel",
            default="For example: unfounded, or a duplicate of another report. "
            "The reason is kept in the history.",
        ),
        "reopen": _(
            "help_reason_reopen",
            default="The unit reads this reason to know what more to do.",
        ),
    }
)

ROOT_CAUSE_REQUIRED = _(
    "error_analyse_needs_root_cause",
    default="Write the root cause of the nonconformity before recording the analysis.",
)
CORRECTIVE_ACTION_REQUIRED = _(
    "error_plan_needs_corrective_action",
    default="Plan at least one corrective action (kind «Corrective action») "
    "before approving the plan.",
)
ACTIONS_NOT_DONE = _(
    "error_complete_needs_actions_done",
    default="Every action must be done before the nonconformity is sent for "
    "verification: ${actions}.",
)
NO_ACTIONS = _(
    "error_complete_needs_actions",
    default="The nonconformity has no actions to verify.",
)
EFFECTIVENESS_REQUIRED = _(
    "error_verify_needs_effectiveness",
    default="Choose whether the actions were effective.",
)
NOT_EFFECTIVE = _(
    "error_verify_not_effective",
    default="Actions that were not effective do not close the nonconformity: "
    "reopen it with the reason, so that the unit takes further actions.",
)
RESULT_REQUIRED = _(
    "error_complete_needs_result",
    default="Write the result of the action before marking it as done.",
)
CANCELLED_RESULT = _(
    "action_result_nonconformity_cancelled",
    default="Not carried out: the nonconformity was cancelled (${reason}).",
)
NONCONFORMITY_FROZEN = _(
    "error_action_nonconformity_frozen",
    default="The nonconformity is closed or cancelled: its actions no longer change.",
)

register_done_messages(
    NC_WORKFLOW,
    {
        "analyse": _(
            "done_analyse",
            default="Cause recorded: plan the actions; the head of the unit "
            "approves the plan next.",
        ),
        "plan": _(
            "done_plan",
            default="Plan approved: the people responsible carry out the "
            "actions and mark them as done.",
        ),
        "complete": _(
            "done_complete",
            default="Sent for verification: the ISO secretariat verifies that "
            "the actions worked.",
        ),
        "verify": _(
            "done_verify",
            default="Verified effective: the nonconformity is closed.",
        ),
        "reopen": _(
            "done_reopen",
            default="Reopened with your reason: the unit takes further actions.",
        ),
        "cancel": _(
            "done_cancel",
            default="Cancelled: the reason is kept in the history.",
        ),
    },
)
register_done_messages(
    ACTION_WORKFLOW,
    {
        "complete": _("done_action_complete", default="The action is done."),
        "reopen": _(
            "done_action_reopen",
            default="Reopened with your reason: the person responsible takes "
            "it up again.",
        ),
    },
)


def actions_of(nonconformity) -> list:
    """The nonconformity's actions (its own children: no catalog query, so
    that a check never misses one that is not indexed yet)."""
    return [
        item
        for item in nonconformity.objectValues()
        if getattr(item, "portal_type", "") == "CorrectiveAction"
    ]


def check_nonconformity(obj, transition: str, comment: str) -> None:
    require_reason(transition, comment)
    if transition == "analyse" and not (obj.root_cause or "").strip():
        refuse(ROOT_CAUSE_REQUIRED)
    if transition == "plan" and not any(
        a.kind == "corrective" for a in actions_of(obj)
    ):
        refuse(CORRECTIVE_ACTION_REQUIRED)
    if transition in ("complete", "verify"):
        # verify too: an action reopened while the verification waits would
        # stay open, and editable, in the closed nonconformity
        actions = actions_of(obj)
        if not actions:
            refuse(NO_ACTIONS)
        open_ = [a.Title() for a in actions if api.content.get_state(obj=a) != "done"]
        if open_:
            # Message keeps the default text; `_(message, …)` loses it
            refuse(Message(ACTIONS_NOT_DONE, mapping={"actions": "; ".join(open_)}))
    if transition == "verify":
        if not obj.effectiveness:
            refuse(EFFECTIVENESS_REQUIRED)
        if obj.effectiveness != "effective":
            refuse(NOT_EFFECTIVE)


def close_open_actions(obj, comment: str) -> None:
    """A cancelled nonconformity is frozen, its actions too: those still
    open are marked done, their result saying they were not carried out
    and why (an open action stays editable by the unit and in the task
    lists of the people responsible)."""
    note = stored(Message(CANCELLED_RESULT, mapping={"reason": comment.strip()}))
    for action in actions_of(obj):
        if api.content.get_state(obj=action) == "done":
            continue
        action.result = "\n".join(p for p in ((action.result or "").strip(), note) if p)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=action, transition="complete", comment=note)


def nonconformity_before_transition(obj, event) -> None:
    if event.transition is None or event.workflow.getId() != NC_WORKFLOW:
        return
    transition, comment = event.transition.getId(), comment_of(event)
    check_nonconformity(obj, transition, comment)
    if transition == "cancel":
        # before the state changes: afterwards its actions are frozen
        close_open_actions(obj, comment)


def nonconformity_after_transition(obj, event) -> None:
    if event.transition is None or event.workflow.getId() != NC_WORKFLOW:
        return
    transition = event.transition.getId()
    if transition == "verify":
        obj.closed_on = date.today()
    elif transition == "reopen":
        # a new verification comes after the new actions; the board counts
        # the ones closed without ever being found not effective
        obj.effectiveness = None
        obj.reopened = (getattr(obj, "reopened", 0) or 0) + 1
    obj.reindexObject()


def action_before_transition(obj, event) -> None:
    if event.transition is None or event.workflow.getId() != ACTION_WORKFLOW:
        return
    transition = event.transition.getId()
    require_reason(transition, comment_of(event))
    parent = nonconformity_of(obj.aq_parent)
    if parent is not None and api.content.get_state(obj=parent) in FROZEN_NC_STATES:
        refuse(NONCONFORMITY_FROZEN)
    if transition == "complete" and not (obj.result or "").strip():
        refuse(RESULT_REQUIRED)


def action_after_transition(obj, event) -> None:
    if event.transition is None or event.workflow.getId() != ACTION_WORKFLOW:
        return
    obj.done_on = date.today() if event.transition.getId() == "complete" else None
    obj.reindexObject()
