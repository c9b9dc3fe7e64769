"""The home page of a logged-in person: "Việc của tôi" (my tasks).

What waits for their action, gathered from every concept (core.tasks), the
places they belong one click away, and what changed lately in their unit.
"""

from itertools import groupby
from plone import api
from Products.Five.browser import BrowserView
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import parse_iso
from qms.intranet.core.tasks import my_tasks
from qms.intranet.documents.content import QMS_SECTION
from qms.intranet.records.lists import ARCHIVE_ID
from qms.intranet.units.groups import AUDITORS_GROUP
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER
from qms.intranet.units.groups import units_of_user


RECENT = 10


class HomeView(BrowserView):
    def fullname(self) -> str:
        user = api.user.get_current()
        return user.getProperty("fullname", "") or user.getId()

    def groups(self) -> list[dict]:
        tasks = my_tasks()
        return [
            {"kind": kind, "title": items[0].group, "tasks": items}
            for kind, items in (
                (kind, list(found)) for kind, found in groupby(tasks, lambda t: t.kind)
            )
        ]

    def due(self, task) -> str:
        """A task's deadline as staff write dates (dd/mm/yyyy)."""
        return format_date(parse_iso(task.due))

    def my_units(self) -> list[dict]:
        """The person's units, with their page and records."""
        portal_url = api.portal.get().absolute_url()
        titles = unit_titles()
        return [
            {
                "title": titles.get(unit, unit),
                "url": f"{portal_url}/{UNITS_FOLDER}/{unit}",
                "records": f"{portal_url}/{UNITS_FOLDER}/{unit}/{ARCHIVE_ID}",
            }
            for unit in units_of_user()
        ]

    def links(self) -> dict:
        portal_url = api.portal.get().absolute_url()
        return {
            "section": f"{portal_url}/{QMS_SECTION}",
            "units": f"{portal_url}/{UNITS_FOLDER}",
            "search": f"{portal_url}/@@search",
            "board": f"{portal_url}/@@record-board",
            "my_audits": f"{portal_url}/@@my-audits" if self.is_auditor() else "",
            "lifecycle_board": f"{portal_url}/@@lifecycle-board"
            if sees_every_unit()
            else "",
        }

    def is_auditor(self) -> bool:
        """An internal auditor: their audits are one click away."""
        user = api.user.get_current()
        return AUDITORS_GROUP in (user.getGroups() or ())

    def recent(self) -> list[dict]:
        """What changed lately in the person's units (what they may see)."""
        portal_path = "/".join(api.portal.get().getPhysicalPath())
        paths = [f"{portal_path}/{UNITS_FOLDER}/{unit}" for unit in units_of_user()]
        if not paths:
            return []
        brains = api.content.find(
            path={"query": paths},
            sort_on="modified",
            sort_order="descending",
            sort_limit=RECENT,
        )[:RECENT]
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "modified": format_date(brain.modified.asdatetime()),
                "type": brain.portal_type,
            }
            for brain in brains
        ]
