"""What the document workflow does besides moving states: its refusals
(reasons, a revision's change note), issuing (a first issue or an approved
revision) and withdrawal. The year's figures (revised, cancelled, new) come
from what `issue` and `withdraw` record.
"""

from datetime import date
from plone import api
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.iterate.interfaces import IWorkingCopy
from Products.CMFCore.WorkflowCore import ObjectDeleted
from qms.intranet import _
from qms.intranet.core.dates import months_after
from qms.intranet.core.i18n import stored
from qms.intranet.core.workflow import comment_of
from qms.intranet.core.workflow import refuse
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.core.workflow import require_reason
from qms.intranet.search.attachments import update as read_attachments


WORKFLOW_ID = "qms_document_workflow"
CHANGE_NOTE_REQUIRED = _(
    "error_revision_needs_change_note",
    default="Describe what changed in this revision (field «What changed in "
    "this revision») before submitting it.",
)
SIGNED_ORIGINAL_REQUIRED = _(
    "error_revision_needs_signed_original",
    default="Upload the signed original (PDF) of the new issue, or confirm "
    "that the signed original is unchanged.",
)
FIRST_ISSUE = _("amendment_first_issue", default="First issue.")

register_done_messages(
    WORKFLOW_ID,
    {
        "submit": _(
            "done_submit",
            default="Submitted for review: the head of the unit reviews it next.",
        ),
        "accept": _(
            "done_accept",
            default="Accepted: a leader of the ministry approves and issues it next.",
        ),
        "approve": _(
            "done_approve",
            default="Approved and issued (issue ${revision}): staff read it "
            "from today.",
        ),
        "reject": _(
            "done_reject",
            default="Sent back to the drafters with your reason: they correct "
            "it and submit it again.",
        ),
        "withdraw": _(
            "done_withdraw",
            default="Withdrawn: the document is obsolete from today; its "
            "owning unit and the secretariat still find it.",
        ),
    },
)


def same_file(one, other) -> bool:
    """Do two file values hold the same bytes (both empty counts as same)?"""
    if one is None or other is None:
        return one is None and other is None
    return one.getSize() == other.getSize() and one.data == other.data


def check_transition(obj, transition: str, comment: str) -> None:
    """Vetoes before a transition: reasons and a revision's change note."""
    require_reason(transition, comment)
    if not IWorkingCopy.providedBy(obj):
        return
    if transition == "submit" and not (obj.change_note or "").strip():
        refuse(CHANGE_NOTE_REQUIRED)
    if transition == "approve" and not getattr(obj, "signed_original_unchanged", False):
        original = getattr(get_baseline(obj), "signed_original", None)
        if obj.signed_original is None or same_file(obj.signed_original, original):
            refuse(SIGNED_ORIGINAL_REQUIRED)


def _approver_name() -> str:
    user = api.user.get_current()
    return user.getProperty("fullname", "") or user.getId()


def _record_issue(obj, revision: int, changes: str, history: list) -> None:
    """Set the issue's dates and add its row to the amendment history."""
    today = date.today()
    obj.revision = revision
    obj.issue_date = today
    if not obj.effective_from or obj.effective_from < today:
        obj.effective_from = today
    obj.next_review_date = months_after(obj.effective_from, obj.review_interval or 12)
    obj.approved_by = _approver_name()
    obj.amendment_history = [
        *history,
        {
            "revision": revision,
            "date": today.isoformat(),
            "changes": changes,
            "approved_by": obj.approved_by,
        },
    ]
    obj.change_note = None
    obj.signed_original_unchanged = False


def issue(obj) -> None:
    """After `approve`: a first issue, or an approved revision replacing the
    effective issue (which stays retrievable in the version history)."""
    if not IWorkingCopy.providedBy(obj):
        changes = (obj.change_note or "").strip() or stored(FIRST_ISSUE)
        _record_issue(
            obj, obj.revision or 1, changes, list(obj.amendment_history or [])
        )
        obj.reindexObject()
        return
    baseline = get_baseline(obj)
    _record_issue(
        obj,
        (baseline.revision or 1) + 1,
        obj.change_note.strip(),
        list(baseline.amendment_history or []),
    )
    review = list(obj.workflow_history.get(WORKFLOW_ID, ()))
    message = _(
        "checkin_message",
        default="Issue ${revision} approved",
        mapping={"revision": obj.revision},
    )
    with api.env.adopt_roles(["Manager"]):
        new_baseline = ICheckinCheckoutPolicy(obj).checkin(stored(message))
    # The files may have changed with the revision: read their text again.
    read_attachments(new_baseline)
    # Keep who submitted, accepted and approved the revision in the history.
    history = new_baseline.workflow_history
    history[WORKFLOW_ID] = (*history.get(WORKFLOW_ID, ()), *review[1:])
    new_baseline.reindexObject()
    # The working copy is gone: tell the workflow tool not to reindex it
    # (DCWorkflow's ObjectMoved path is broken on Python 3) and hand the
    # effective document back to the caller, who shows it.
    raise ObjectDeleted(new_baseline)


def withdraw(obj, comment: str) -> None:
    """After `withdraw`: the document is cancelled (hủy bỏ) as of today."""
    obj.withdrawn_on = date.today()
    obj.withdrawal_reason = comment
    obj.reindexObject(idxs=["qms_events"])


def _ours(event) -> bool:
    return event.transition is not None and event.workflow.getId() == WORKFLOW_ID


def before_transition(obj, event):
    if _ours(event):
        check_transition(obj, event.transition.getId(), comment_of(event))


def after_transition(obj, event):
    if not _ours(event):
        return
    transition = event.transition.getId()
    if transition == "approve":
        issue(obj)
    elif transition == "withdraw":
        withdraw(obj, comment_of(event))
