"""What training asks of the current person ("Việc của tôi"): for the ISO
secretariat, the units' training requests waiting to be planned or
declined. Found with the person's own permissions."""

from plone import api
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from zope.interface import implementer


MAX_TASKS = 50
GROUP_TO_PLAN = _(
    "task_group_training_requests",
    default="Training requests waiting for the secretariat",
)
ACTION_TO_PLAN = _(
    "task_training_request_plan",
    default="Plan the training, or decline the request with a reason",
)


@implementer(ITaskProvider)
class TrainingTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous() or not sees_every_unit():
            return []
        titles = unit_titles()
        group, action = translated(GROUP_TO_PLAN), translated(ACTION_TO_PLAN)
        found = []
        brains = api.content.find(
            portal_type="TrainingRequest",
            review_state="pending",
            sort_on="created",
            sort_limit=MAX_TASKS,
        )[:MAX_TASKS]
        for brain in brains:
            request = brain.getObject()
            found.append(
                Task(
                    kind="training_request_to_plan",
                    group=group,
                    title=request.Title(),
                    url=brain.getURL(),
                    action=action,
                    detail=" · ".join(
                        part
                        for part in (
                            titles.get(request.unit, request.unit or ""),
                            format_date(request.created().asdatetime().date()),
                        )
                        if part
                    ),
                    order=40,
                )
            )
        return found
