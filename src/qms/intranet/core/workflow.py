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
        default="Say why the document is sent back: the comment is required.",
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
