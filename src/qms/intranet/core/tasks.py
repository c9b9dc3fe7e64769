"""What waits for a person: each concept tells its part of "Việc của tôi".

A concept registers a named utility providing ITaskProvider; the home page
and `GET @my-tasks` (site/) ask every one of them for the current user.
Lower concepts never learn of the page that shows their tasks.
"""

from dataclasses import asdict
from dataclasses import dataclass
from zope.component import getUtilitiesFor
from zope.interface import Interface


class ITaskProvider(Interface):
    """Named utility: the tasks of one concept for the current user."""

    def tasks():
        """A list of Task, each a thing this person should do now, found with
        the person's own permissions (never an unrestricted query)."""


@dataclass
class Task:
    """One thing to do, with a link straight to where it is done."""

    kind: str  # e.g. "document_to_accept": groups the tasks, stable for REST
    group: str  # translated heading of the group ("Tài liệu chờ xem xét")
    title: str  # what it is about (a document's code and title)
    url: str  # where the task is done
    action: str  # translated verb phrase ("Xem xét và trình phê duyệt")
    detail: str = ""  # unit, state, who asked…
    due: str = ""  # ISO date, when there is a deadline
    order: int = 50  # groups with a lower order come first

    def as_dict(self) -> dict:
        return asdict(self)


def my_tasks() -> list[Task]:
    """Every provider's tasks for the current user, grouped in order."""
    found = []
    for _name, provider in getUtilitiesFor(ITaskProvider):
        found.extend(provider.tasks())
    return sorted(found, key=lambda t: (t.order, t.kind, t.due or "9999", t.title))
