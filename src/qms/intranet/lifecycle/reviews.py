"""Periodic review of documents (ISO 9001 7.5.2, 7.5.3).

Each effective document carries its next review date (set at every issue
from the review interval). It is *due* DUE_DAYS before that date and
*overdue* after it. The unit's officers either start a revision or confirm
that the document is still suitable: the confirmation is kept in the
document's history and its amendment table ("soát xét, không sửa đổi"), and
the next review date moves on by the review interval.
"""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.iterate.dexterity.utils import get_working_copy
from plone.app.iterate.interfaces import IWorkingCopy
from qms.intranet import _
from qms.intranet.core.dates import as_day
from qms.intranet.core.dates import months_after
from qms.intranet.core.i18n import stored
from qms.intranet.core.views import fullname
from qms.intranet.core.workflow import HISTORY_LABELS
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.documents.workflow import WORKFLOW_ID


DUE_DAYS = 30
ACTION = "confirm_review"
PERMISSION = "qms.intranet: Confirm document review"

REVIEWED_WITHOUT_CHANGE = _(
    "amendment_reviewed_unchanged", default="Reviewed, no revision"
)
ACTION_LABEL = _("history_confirm_review", default="Reviewed: still suitable")
STATUS_LABELS = {
    "due": _("review_due", default="Review due"),
    "overdue": _("review_overdue", default="Review overdue"),
}
HISTORY_LABELS[ACTION] = ACTION_LABEL


class ReviewRefused(ValueError):
    """Why a review cannot be confirmed: a translatable message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def review_status(next_review_date, today: date | None = None) -> str:
    """'overdue' after the date, 'due' within DUE_DAYS of it, else ''."""
    day = as_day(next_review_date)
    if day is None:
        return ""
    today = today or date.today()
    if day < today:
        return "overdue"
    if day <= today + timedelta(days=DUE_DAYS):
        return "due"
    return ""


def review_query(today: date | None = None, units=None) -> dict:
    """Catalog query of effective documents due or overdue for review."""
    today = today or date.today()
    query = {
        "portal_type": list(DOCUMENT_TYPES),
        "review_state": "effective",
        "is_working_copy": False,
        "next_review_date": {
            "query": today + timedelta(days=DUE_DAYS),
            "range": "max",
        },
        "sort_on": "next_review_date",
    }
    if units is not None:
        query["owning_unit"] = list(units)
    return query


def documents_to_review(today: date | None = None, units=None) -> list:
    """Every effective document due or overdue for review (unrestricted: for
    the daily job, which mails each unit only its own)."""
    catalog = api.portal.get_tool("portal_catalog")
    return list(catalog.unrestrictedSearchResults(**review_query(today, units)))


def visible_to_review(today: date | None = None, units=None) -> list:
    """The same, as far as the current user may see them (pages, tasks)."""
    return list(api.content.find(**review_query(today, units)))


def can_confirm(doc) -> bool:
    """The unit's officers (and the secretariat) of an effective issue."""
    return (
        api.content.get_state(obj=doc, default="") == "effective"
        and not IWorkingCopy.providedBy(doc)
        and api.user.has_permission(PERMISSION, obj=doc)
    )


def next_date_after_review(doc, today: date) -> date:
    """A review before the date keeps the rhythm (date + interval); a late
    one counts from the day it was done."""
    current = as_day(doc.next_review_date)
    start = current if current and current > today else today
    return months_after(start, doc.review_interval or 12)


def confirm_review(doc, comment: str, today: date | None = None) -> date:
    """Record that the document stays suitable without revision; return the
    new next review date. Raises ReviewRefused with the reason otherwise."""
    comment = (comment or "").strip() if isinstance(comment, str) else ""
    if not comment:
        raise ReviewRefused(
            _(
                "error_review_needs_comment",
                default="Say what was reviewed and why the document stays "
                "suitable: the comment is required.",
            )
        )
    if api.content.get_state(obj=doc, default="") != "effective" or (
        IWorkingCopy.providedBy(doc)
    ):
        raise ReviewRefused(
            _(
                "error_review_not_effective",
                default="Only an effective issue is reviewed. Nothing was changed.",
            )
        )
    if get_working_copy(doc) is not None:
        raise ReviewRefused(
            _(
                "error_review_revision_in_progress",
                default="A revision of this document is being drafted: the "
                "review ends when that revision is issued. Nothing was changed.",
            )
        )
    today = today or date.today()
    actor = api.user.get_current().getId()
    doc.next_review_date = next_date_after_review(doc, today)
    doc.amendment_history = [
        *(doc.amendment_history or []),
        {
            "revision": doc.revision or 1,
            "date": today.isoformat(),
            "changes": f"{stored(REVIEWED_WITHOUT_CHANGE)}: {comment}",
            "approved_by": fullname(actor),
            "kind": "review",
        },
    ]
    history = doc.workflow_history
    entries = history.get(WORKFLOW_ID, ())
    history[WORKFLOW_ID] = (
        *entries,
        {
            "action": ACTION,
            "actor": actor,
            "comments": comment,
            "review_state": "effective",
            "time": DateTime(),
        },
    )
    doc.reindexObject(idxs=["next_review_date", "qms_events"])
    return doc.next_review_date
