"""Document control's part of "Việc của tôi": documents waiting for this
person's review or approval, and their unit's drafts. What was issued for
them to read is the lifecycle's «Cần đọc» (lifecycle/tasks.py)."""

from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_where
from zope.interface import implementer


# state -> (transition that acts on it, kind, group, action, order)
WAITING = {
    "pending_review": (
        "accept",
        "document_to_review",
        _("tasks_documents_to_review", default="Documents waiting for your review"),
        _("task_review", default="Review: accept it or send it back"),
        10,
    ),
    "pending_approval": (
        "approve",
        "document_to_approve",
        _("tasks_documents_to_approve", default="Documents waiting for your approval"),
        _("task_approve", default="Approve and issue, or send back"),
        10,
    ),
    "draft": (
        "submit",
        "draft_to_submit",
        _("tasks_drafts", default="Drafts of your unit"),
        _("task_submit", default="Complete the draft and submit it for review"),
        30,
    ),
}
# Who may act on each waiting state, to narrow the catalog query before the
# workflow's guards decide (only those few objects are woken): the heads of
# the owning unit review, leaders and the secretariat approve, the unit's
# ISO officers submit.
APPROVERS = frozenset({"QMSLeader", "QMSSecretary", "Manager", "Site Administrator"})
MAX_WOKEN = 100


def narrowing(state: str) -> dict | None:
    """Extra catalog criteria for the person's candidates in `state`, or None
    when nothing in that state can be theirs."""
    if state == "pending_approval":
        roles = set(api.user.get_roles())
        return {} if roles & APPROVERS else None
    kind = {"pending_review": "heads", "draft": "officers"}[state]
    units = units_where(kind)
    return {"owning_unit": units} if units else None


def _label(brain) -> str:
    code = brain.document_code or ""
    return f"{code} – {brain.Title}" if code else brain.Title


@implementer(ITaskProvider)
class DocumentTasks:
    def tasks(self) -> list[Task]:
        found = []
        units = unit_titles()
        wftool = api.portal.get_tool("portal_workflow")
        for state, (transition, kind, group, action, order) in WAITING.items():
            criteria = narrowing(state)
            if criteria is None:
                continue
            brains = api.content.find(
                portal_type=list(DOCUMENT_TYPES),
                review_state=state,
                sort_on="modified",
                sort_order="descending",
                **criteria,
            )
            for brain in brains[:MAX_WOKEN]:
                obj = brain.getObject()
                offered = {t["id"] for t in wftool.getTransitionsFor(obj)}
                if transition not in offered:
                    continue
                found.append(
                    Task(
                        kind=kind,
                        group=translated(group),
                        title=_label(brain),
                        url=brain.getURL(),
                        action=translated(action),
                        detail=units.get(brain.owning_unit, brain.owning_unit or ""),
                        order=order,
                    )
                )
        return found
