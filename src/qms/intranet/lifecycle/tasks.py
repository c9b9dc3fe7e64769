"""What the lifecycle asks of the current person ("Việc của tôi"):

- everyone in a unit: «Cần đọc», the effective issues they must still
  acknowledge;
- the unit's ISO officers: documents due or overdue for periodic review.

Found with the person's own permissions.
"""

from plone import api
from qms.intranet import _
from qms.intranet.core.dates import as_day
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.lifecycle import acknowledge
from qms.intranet.lifecycle import reviews
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_where
from zope.interface import implementer


GROUP_TO_READ = _("task_group_to_read", default="To read")
GROUP_REVIEWS = _("task_group_reviews", default="Documents due for periodic review")


def _due(value) -> str:
    day = as_day(value)
    return day.isoformat() if day else ""


@implementer(ITaskProvider)
class LifecycleTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        return [*self.to_read(), *self.reviews_due()]

    def to_read(self) -> list[Task]:
        titles = unit_titles()
        return [
            Task(
                kind="document_to_read",
                group=translated(GROUP_TO_READ),
                title=f"{brain.document_code} {brain.Title}".strip(),
                url=brain.getURL(),
                action=translated(
                    _("task_read_acknowledge", default="Read and confirm")
                ),
                detail=titles.get(brain.owning_unit, ""),
                order=20,
            )
            for brain in acknowledge.to_read()
        ]

    def reviews_due(self) -> list[Task]:
        units = units_where("officers")
        if not units:
            return []
        titles = unit_titles()
        out = []
        for brain in reviews.visible_to_review(units=units):
            status = reviews.review_status(brain.next_review_date)
            label = translated(reviews.STATUS_LABELS[status])
            day = format_date(as_day(brain.next_review_date))
            out.append(
                Task(
                    kind="document_review_due",
                    group=translated(GROUP_REVIEWS),
                    title=f"{brain.document_code} {brain.Title}".strip(),
                    url=brain.getURL(),
                    action=translated(
                        _(
                            "task_review_document",
                            default="Confirm it is still suitable, or revise it",
                        )
                    ),
                    detail=f"{titles.get(brain.owning_unit, '')} · {label} {day}",
                    due=_due(brain.next_review_date),
                    order=35,
                )
            )
        return out
