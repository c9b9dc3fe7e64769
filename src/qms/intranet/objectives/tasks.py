"""What quality objectives ask of the current person ("Việc của tôi"):

- the unit's ISO officers (the secretariat for the bloc's): draft plans to
  finish and submit, and objectives whose period passed without a value
  («Ghi kết quả đo»);
- the head of the unit (the leaders for the bloc's): plans to issue.

Everything is found with the person's own permissions.
"""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.objectives.content import BLOC
from qms.intranet.objectives.status import missing_periods
from qms.intranet.objectives.status import owner_key
from qms.intranet.objectives.status import period_end
from qms.intranet.objectives.vocabularies import period_label
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_where
from zope.interface import implementer


GROUP_PLANS = _("task_group_objective_plans", default="Quality objectives")
GROUP_MEASURE = _("task_group_measurements", default="Quality objectives to measure")


def today() -> date:
    """Today (tests replace it)."""
    return date.today()


def _transitions(obj) -> set[str]:
    wftool = api.portal.get_tool("portal_workflow")
    return {t["id"] for t in wftool.getTransitionsFor(obj)}


def _owners(user) -> set[str]:
    """Unit ids (and "bloc" for the secretariat) whose objectives the person
    keeps: draft plans to submit, measurements to record."""
    owners = set(units_where("officers", user))
    if "QMSSecretary" in user.getRoles():
        owners.add(BLOC)
    return owners


@implementer(ITaskProvider)
class ObjectiveTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        user = api.user.get_current()
        titles = unit_titles()
        titles[BLOC] = translated(
            _("objectives_bloc", default="The ministry's agency bloc")
        )
        owners = _owners(user)
        return [
            *self.plans_to_issue(titles),
            *self.plans_to_submit(owners, titles),
            *self.measurements_due(owners, titles, today()),
        ]

    def plans_to_issue(self, titles) -> list[Task]:
        out = []
        for brain in api.content.find(
            portal_type="ObjectivePlan", review_state="pending"
        ):
            plan = brain.getObject()
            if "issue" not in _transitions(plan):
                continue
            out.append(
                Task(
                    kind="objective_plan_to_issue",
                    group=translated(GROUP_PLANS),
                    title=brain.Title,
                    url=brain.getURL(),
                    action=translated(
                        _("task_issue_objectives", default="Review and issue")
                    ),
                    detail=titles.get(owner_key(brain.getPath()), ""),
                    order=40,
                )
            )
        return out

    def plans_to_submit(self, owners, titles) -> list[Task]:
        if not owners:
            return []
        out = []
        for brain in api.content.find(
            portal_type="ObjectivePlan", review_state="draft"
        ):
            key = owner_key(brain.getPath())
            if key not in owners or "submit" not in _transitions(brain.getObject()):
                continue
            out.append(
                Task(
                    kind="objective_plan_to_submit",
                    group=translated(GROUP_PLANS),
                    title=brain.Title,
                    url=brain.getURL(),
                    action=translated(
                        _(
                            "task_submit_objectives",
                            default="Finish the objectives and submit them",
                        )
                    ),
                    detail=titles.get(key, ""),
                    order=45,
                )
            )
        return out

    def measurements_due(self, owners, titles, day: date) -> list[Task]:
        """Objectives of issued plans of this year (and last year's in
        January) with a period passed without a value."""
        if not owners:
            return []
        years = [day.year - 1, day.year] if day.month == 1 else [day.year]
        out = []
        for brain in api.content.find(portal_type="QualityObjective", qms_year=years):
            key = owner_key(brain.getPath())
            if key not in owners:
                continue
            objective = brain.getObject()
            plan = objective.aq_parent
            if api.content.get_state(obj=plan, default="") != "issued":
                continue
            if not api.user.has_permission(
                "qms.intranet: Record measurement", obj=objective
            ):
                continue
            year = plan.year
            for period in missing_periods(objective, year, day):
                out.append(
                    Task(
                        kind="objective_to_measure",
                        group=translated(GROUP_MEASURE),
                        title=brain.Title,
                        url=f"{brain.getURL()}/@@record-measurement?period={period}",
                        action=translated(
                            _("task_record_measurement", default="Record the result")
                        ),
                        detail=" · ".join(
                            (
                                titles.get(key, ""),
                                translated(period_label(period)),
                                str(year),
                            )
                        ),
                        due=period_end(year, period).isoformat(),
                        order=50,
                    )
                )
        return out
