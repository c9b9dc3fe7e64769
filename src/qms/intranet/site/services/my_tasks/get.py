"""GET /@my-tasks"""

from plone.restapi.services import Service
from qms.intranet.core.tasks import my_tasks


class MyTasksGet(Service):
    def reply(self):
        items = [task.as_dict() for task in my_tasks()]
        return {
            "@id": f"{self.context.absolute_url()}/@my-tasks",
            "items": items,
            "items_total": len(items),
        }
