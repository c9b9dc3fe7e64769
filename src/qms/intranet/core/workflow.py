"""Refusing a transition: with a translated message that the Classic UI shows
next to the form and plone.restapi answers with 400."""

from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet import _
from zope.globalrequest import getRequest
from zope.i18n import translate


# Transitions of our workflows that need a reason, and what to say without one.
REASON_REQUIRED = {
    "reject": _(
        "error_reject_needs_comment",
        default="Say why it is sent back: the comment is required.",
    ),
    "withdraw": _(
        "error_withdraw_needs_comment",
        default="Give the reason for withdrawing the document: the comment is "
        "required.",
    ),
    "amend": _(
        "error_amend_needs_comment",
        default="Say what the amendment is for: the comment is required.",
    ),
}


# Why the reason is asked, shown under the field of the transition's form.
REASON_HELP = {
    "reject": _(
        "help_reason_reject",
        default="The drafter reads this reason to know what to correct.",
    ),
    "withdraw": _(
        "help_reason_withdraw",
        default="The reason is kept in the document's history and shown on "
        "the obsolete document.",
    ),
    "amend": _(
        "help_reason_amend",
        default="The reason is kept in the list's history.",
    ),
}

# (workflow id, transition id) -> what happened and who is next, shown after
# the transition; each concept registers its own (register_done_messages).
DONE_MESSAGES = {}
DEFAULT_DONE = _("transition_done", default="Done: the state is now «${state}».")


# Steps kept in an item's workflow history that are not transitions (a
# review confirmed without revision…): action id -> label.
HISTORY_LABELS = {}


def register_done_messages(workflow_id: str, messages: dict) -> None:
    for transition, message in messages.items():
        DONE_MESSAGES[(workflow_id, transition)] = message


def refuse(message) -> None:
    """Abort the transition with a translated message."""
    raise WorkflowException(translate(message, context=getRequest()))


def comment_of(event) -> str:
    """The comment given with a transition event."""
    return (event.kwargs or {}).get("comment", "") or ""


def require_reason(transition: str, comment: str) -> None:
    """Refuse a transition that needs a reason when none is given."""
    if transition in REASON_REQUIRED and not (comment or "").strip():
        refuse(REASON_REQUIRED[transition])
