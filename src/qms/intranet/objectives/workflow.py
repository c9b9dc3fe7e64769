"""What the plan's workflow checks and does besides moving the state.

- submit: the plan has at least one objective;
- issue, reject: the head of the unit (the leaders for the bloc's plan);
  reject and amend need a reason (core.workflow.REASON_REQUIRED);
- issue dates the plan; an issue after an amendment counts the amendment.
"""

from datetime import date
from qms.intranet import _
from qms.intranet.core.workflow import comment_of
from qms.intranet.core.workflow import refuse
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.core.workflow import require_reason


PLAN_WORKFLOW = "qms_objective_plan_workflow"
PLAN_STATES = ("draft", "pending", "issued")

NO_OBJECTIVE = _(
    "error_plan_no_objective",
    default="Add at least one objective before submitting the plan.",
)
NOT_DECIDER_UNIT = _(
    "error_plan_issue_unit",
    default="Only the head of the unit issues or sends back the unit's objectives.",
)
NOT_DECIDER_BLOC = _(
    "error_plan_issue_bloc",
    default="Only the ministry's leaders issue or send back the objectives "
    "of the agency bloc.",
)

# What to say without a reason, and why it is asked (the form shows it).
REASON_REQUIRED = {
    "reject": _(
        "error_objectives_reject_needs_reason",
        default="Say why the objectives are sent back: the reason is required.",
    ),
    "amend": _(
        "error_objectives_amend_needs_reason",
        default="Say what the amendment is for: the reason is required.",
    ),
}
REASON_HELP = {
    "reject": _(
        "help_objectives_reason_reject",
        default="The ISO officers read this reason to know what to correct.",
    ),
    "amend": _(
        "help_objectives_reason_amend",
        default="The reason is kept in the plan's history.",
    ),
}

register_done_messages(
    PLAN_WORKFLOW,
    {
        "submit": _(
            "done_objectives_submit",
            default="Submitted: the head of the unit (the leaders for the "
            "bloc's objectives) issues them or sends them back.",
        ),
        "issue": _(
            "done_objectives_issue",
            default="The objectives are issued: every member of staff reads "
            "them; the ISO officers record the measurements.",
        ),
        "reject": _(
            "done_objectives_reject",
            default="Sent back to the ISO officers with your reason.",
        ),
        "amend": _(
            "done_objectives_amend",
            default="The objectives are open for amendment; submit them again "
            "when done.",
        ),
    },
)


def check_plan(plan, transition: str, comment: str) -> None:
    """Refuse a step that may not be taken now (WorkflowException with a
    translated message; nothing changes)."""
    if transition in REASON_REQUIRED and not (comment or "").strip():
        refuse(REASON_REQUIRED[transition])
    require_reason(transition, comment)
    if transition == "submit" and not plan.objectives():
        refuse(NO_OBJECTIVE)
    if transition in ("issue", "reject") and not plan.may_decide():
        refuse(NOT_DECIDER_BLOC if plan.is_bloc() else NOT_DECIDER_UNIT)


def plan_before_transition(plan, event):
    if event.transition is None:
        return
    check_plan(plan, event.transition.getId(), comment_of(event))


def plan_after_transition(plan, event):
    if event.transition is None:
        return
    if event.transition.getId() == "issue":
        if plan.issued_on:
            plan.amendment = (plan.amendment or 0) + 1
        plan.issued_on = date.today()
