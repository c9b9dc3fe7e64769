"""What the document workflow does besides moving states: required comments,
issuing (first issue or an approved revision), withdrawal.

Subscribers in subscribers/documents.py call these; the numbers of the year
(revised, cancelled, new) come from what `issue` and `withdraw` record.
"""

from datetime import date
from plone import api
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.iterate.interfaces import IWorkingCopy
from Products.CMFCore.WorkflowCore import ObjectDeleted
from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet import _
from zope.globalrequest import getRequest
from zope.i18n import translate


WORKFLOW_ID = "qms_document_workflow"
COMMENT_REQUIRED = {
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
CHANGE_NOTE_REQUIRED = _(
    "error_revision_needs_change_note",
    default="Describe what changed in this revision (field «What changed in "
    "this revision») before submitting it.",
)
FIRST_ISSUE = _("amendment_first_issue", default="First issue.")


def _translate(message) -> str:
    return translate(message, context=getRequest())


def _stored(message) -> str:
    """Text kept in the document's data: in the site's language."""
    return translate(message, target_language=api.portal.get_default_language())


def refuse(message) -> None:
    """Abort the transition with a translated message (400 through REST)."""
    raise WorkflowException(_translate(message))


def check_transition(obj, transition: str, comment: str) -> None:
    """Vetoes before a transition (documents and record lists): comments and
    change notes required."""
    if transition in COMMENT_REQUIRED and not (comment or "").strip():
        refuse(COMMENT_REQUIRED[transition])
    if (
        transition == "submit"
        and IWorkingCopy.providedBy(obj)
        and not (obj.change_note or "").strip()
    ):
        refuse(CHANGE_NOTE_REQUIRED)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(day.day, last))


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
    obj.next_review_date = add_months(obj.effective_from, obj.review_interval or 12)
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


def issue(obj) -> None:
    """After `approve`: a first issue, or an approved revision replacing the
    effective issue (which stays retrievable in the version history)."""
    if not IWorkingCopy.providedBy(obj):
        changes = (obj.change_note or "").strip() or _stored(FIRST_ISSUE)
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
    with api.env.adopt_roles(["Manager"]):
        new_baseline = ICheckinCheckoutPolicy(obj).checkin(
            _stored(
                _(
                    "checkin_message",
                    default="Issue ${revision} approved",
                    mapping={"revision": obj.revision},
                )
            )
        )
    # The files may have changed with the revision: read their text again.
    from qms.intranet.search.attachments import update

    update(new_baseline)
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
