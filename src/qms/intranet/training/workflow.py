"""What the training request's workflow checks and does besides moving the
state (qms_training_request_workflow):

- plan (the secretariat): pending → planned, optionally naming the course
  planned for it (the step's form stores it before the step runs);
- decline (the secretariat): pending → declined, the reason is required
  (core.workflow.REASON_REQUIRED); refused without one, nothing changes.
"""

from qms.intranet import _
from qms.intranet.core.workflow import comment_of
from qms.intranet.core.workflow import REASON_HELP
from qms.intranet.core.workflow import REASON_REQUIRED
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.core.workflow import require_reason


REQUEST_WORKFLOW = "qms_training_request_workflow"
REQUEST_STATES = ("pending", "planned", "declined")

REASON_REQUIRED.update(
    {
        "decline": _(
            "error_decline_needs_comment",
            default="Say why the request is declined: the reason is required.",
        ),
    }
)
REASON_HELP.update(
    {
        "decline": _(
            "help_reason_decline",
            default="The unit's ISO officer and head read this reason; it is "
            "kept in the request's history.",
        ),
    }
)

register_done_messages(
    REQUEST_WORKFLOW,
    {
        "plan": _(
            "done_training_request_plan",
            default="The training is planned: the unit sees the course on its request.",
        ),
        "decline": _(
            "done_training_request_decline",
            default="The request is declined; the unit reads your reason on it.",
        ),
    },
)


def request_before_transition(request, event):
    """Refuse a step without its required reason (nothing changes)."""
    if event.transition is None:
        return
    require_reason(event.transition.getId(), comment_of(event))
