"""What records ask of the current person ("Việc của tôi"):

- the entries of this year's issued lists of their units they keep
  (entry["responsible"] is their user id): file the records there;
- their unit's lists waiting for them to issue (the head: `approve`);
- for the unit's ISO officers: a missing list of this year (and of next year
  in December) to prepare, and a draft list to submit.

Everything is found with the person's own permissions.
"""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.records import lists
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER
from qms.intranet.units.groups import units_of_user
from zope.interface import implementer


ADD_LIST = "qms.intranet: Add RecordList"

GROUP_TO_ISSUE = _("task_group_lists_to_issue", default="Record lists to issue")
GROUP_TO_PREPARE = _("task_group_lists_to_prepare", default="Record lists to prepare")
GROUP_ENTRIES = _("task_group_record_entries", default="Records you keep")


def today() -> date:
    """Today (tests replace it to be in December)."""
    return date.today()


def years_due(day: date) -> list[int]:
    """The years a unit should have a list for now: this year, and next
    year from December on."""
    return [day.year, day.year + 1] if day.month == 12 else [day.year]


def _transitions(obj) -> set[str]:
    wftool = api.portal.get_tool("portal_workflow")
    return {t["id"] for t in wftool.getTransitionsFor(obj)}


@implementer(ITaskProvider)
class RecordTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        user = api.user.get_current()
        units = units_of_user(user)
        if not units:
            return []
        titles = unit_titles()
        day = today()
        return [
            *self.lists_to_issue(units, titles),
            *self.lists_to_prepare(units, titles, day),
            *self.entries_to_keep(user.getId(), units, titles, day.year),
        ]

    def lists_to_issue(self, units, titles) -> list[Task]:
        """Lists of the person's units pending review that they may issue."""
        out = []
        for brain in api.content.find(
            portal_type="RecordList", review_state="pending_review", owning_unit=units
        ):
            record_list = brain.getObject()
            if "approve" not in _transitions(record_list):
                continue
            out.append(
                Task(
                    kind="record_list_to_issue",
                    group=translated(GROUP_TO_ISSUE),
                    title=brain.Title,
                    url=brain.getURL(),
                    action=translated(
                        _("task_issue_list", default="Review and issue the list")
                    ),
                    detail=titles.get(brain.owning_unit, ""),
                    order=40,
                )
            )
        return out

    def lists_to_prepare(self, units, titles, day: date) -> list[Task]:
        """For the officers: missing lists to prepare, drafts to submit."""
        portal = api.portal.get()
        out = []
        for unit in units:
            archive = api.content.get(
                path=f"/{portal.getId()}/{UNITS_FOLDER}/{unit}/{lists.ARCHIVE_ID}"
            )
            if archive is None or not api.user.has_permission(ADD_LIST, obj=archive):
                continue
            found = {
                brain.record_year: brain
                for brain in api.content.find(
                    context=archive, portal_type="RecordList", depth=1
                )
            }
            for year in years_due(day):
                brain = found.get(year)
                if brain is None:
                    out.append(
                        Task(
                            kind="record_list_to_prepare",
                            group=translated(GROUP_TO_PREPARE),
                            title=translated(
                                _(
                                    "task_prepare_list",
                                    default="Prepare the record list ${year}",
                                    mapping={"year": year},
                                )
                            ),
                            url=f"{archive.absolute_url()}/@@create-record-list"
                            f"?year={year}",
                            action=translated(
                                _("task_prepare_list_action", default="Prepare")
                            ),
                            detail=titles.get(unit, ""),
                            order=45,
                        )
                    )
                elif brain.review_state == "draft" and "submit" in _transitions(
                    brain.getObject()
                ):
                    out.append(
                        Task(
                            kind="record_list_to_submit",
                            group=translated(GROUP_TO_PREPARE),
                            title=brain.Title,
                            url=brain.getURL(),
                            action=translated(
                                _(
                                    "task_submit_list",
                                    default="Finish and submit to the head of the unit",
                                )
                            ),
                            detail=titles.get(unit, ""),
                            order=45,
                        )
                    )
        return out

    def entries_to_keep(self, userid, units, titles, year) -> list[Task]:
        """Entries of this year's issued lists whose keeper is the person."""
        out = []
        for brain in api.content.find(
            portal_type="RecordList",
            review_state="approved",
            record_year=year,
            owning_unit=units,
        ):
            record_list = brain.getObject()
            mine = [
                e for e in record_list.entries or [] if e.get("responsible") == userid
            ]
            if not mine:
                continue
            filed = {}
            for record in api.content.find(
                context=record_list, portal_type="Record", depth=1
            ):
                key = record.record_entry.split(":")[-1]
                filed[key] = filed.get(key, 0) + 1
            for entry in mine:
                count = filed.get(entry["id"], 0)
                out.append(
                    Task(
                        kind="record_entry_to_keep",
                        group=translated(GROUP_ENTRIES),
                        title=f"{entry.get('code') or ''} {entry['heading']}".strip(),
                        url=f"{brain.getURL()}#entry-{entry['id']}",
                        action=translated(
                            _("task_file_record", default="File the record")
                            if not count
                            else _("task_keep_record", default="Keep the records")
                        ),
                        detail=translated(
                            _(
                                "task_entry_detail",
                                default="${unit} · ${count} record(s) filed",
                                mapping={
                                    "unit": titles.get(brain.owning_unit, ""),
                                    "count": count,
                                },
                            )
                        ),
                        order=60,
                    )
                )
        return out
