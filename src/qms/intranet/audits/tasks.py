"""What internal audits ask of the current person ("Việc của tôi"):

- the lead auditor: planned audits whose start date has come, to start;
  audits in progress, to report;
- the other members of a team: audits in progress, to fill (checklist and
  findings);
- the ISO secretariat: reported audits, to close once the units have
  analysed the nonconformities;
- the leaders and the secretariat: draft programmes, to approve.

Found with the person's own permissions (restricted catalog searches);
only the person's own audits are woken, to tell the lead from the team.
"""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from zope.interface import implementer


LEADER_ROLE = "QMSLeader"
MAX_TASKS = 50

GROUP_TO_START = _("task_group_audit_to_start", default="Internal audits to start")
GROUP_TO_REPORT = _(
    "task_group_audit_to_report", default="Internal audits to carry out and report"
)
GROUP_TO_FILL = _(
    "task_group_audit_to_fill",
    default="Internal audits you take part in: checklist and findings",
)
GROUP_TO_CLOSE = _("task_group_audit_to_close", default="Audit reports to close")
GROUP_PROGRAMME_TO_APPROVE = _(
    "task_group_programme_to_approve",
    default="Internal audit programmes waiting for approval",
)


def today() -> date:
    """Today (tests may replace it)."""
    return date.today()


def _find(**query) -> list:
    """Brains the person may see, oldest start first."""
    return list(api.content.find(sort_limit=MAX_TASKS, **query)[:MAX_TASKS])


def _units(audit, titles) -> str:
    return ", ".join(titles.get(u, u) for u in audit.audited_units or ())


def _dates(audit) -> str:
    return f"{format_date(audit.start)} – {format_date(audit.end)}"


def _task(audit, kind, group, action, order, titles, due=None) -> Task:
    return Task(
        kind=kind,
        group=translated(group),
        title=audit.Title(),
        url=audit.absolute_url(),
        action=translated(action),
        detail=f"{_units(audit, titles)} · {_dates(audit)}",
        due=due.isoformat() if isinstance(due, date) else "",
        order=order,
    )


@implementer(ITaskProvider)
class AuditTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        user = api.user.get_current()
        titles = unit_titles()
        found = self.team_tasks(user.getId(), titles)
        secretariat = sees_every_unit()
        if secretariat:
            found += self.to_close(titles)
        if secretariat or LEADER_ROLE in user.getRoles():
            found += self.programmes_to_approve()
        return found

    def team_tasks(self, user_id: str, titles) -> list[Task]:
        """The person's audits, planned or in progress: the lead starts
        and reports them, the others fill them."""
        found = []
        day = today()
        brains = _find(
            portal_type="Audit",
            audit_team=user_id,
            review_state=("planned", "in_progress"),
            sort_on="start",
        )
        for brain in brains:
            audit = brain.getObject()
            lead = audit.lead_auditor == user_id
            if brain.review_state == "planned":
                if lead and audit.start and audit.start <= day:
                    found.append(self.to_start(audit, titles))
            elif lead:
                found.append(self.to_report(audit, titles))
            else:
                found.append(self.to_fill(audit, titles))
        return found

    def to_start(self, audit, titles) -> Task:
        action = _(
            "task_audit_start",
            default="Its start date has come: start the audit",
        )
        return _task(
            audit, "audit_to_start", GROUP_TO_START, action, 20, titles, audit.start
        )

    def to_report(self, audit, titles) -> Task:
        action = _(
            "task_audit_report",
            default="Lead the audit, write its summary and report it by ${date}",
            mapping={"date": format_date(audit.end)},
        )
        return _task(
            audit, "audit_to_report", GROUP_TO_REPORT, action, 20, titles, audit.end
        )

    def to_fill(self, audit, titles) -> Task:
        action = _(
            "task_audit_fill",
            default="Fill the checklist and record the findings by ${date}",
            mapping={"date": format_date(audit.end)},
        )
        return _task(
            audit, "audit_to_fill", GROUP_TO_FILL, action, 25, titles, audit.end
        )

    def to_close(self, titles) -> list[Task]:
        """Reported audits (the secretariat closes them)."""
        action = _(
            "task_audit_close",
            default="Check that the units have analysed the nonconformities "
            "found, then close the audit",
        )
        return [
            _task(
                brain.getObject(), "audit_to_close", GROUP_TO_CLOSE, action, 30, titles
            )
            for brain in _find(
                portal_type="Audit", review_state="reported", sort_on="end"
            )
        ]

    def programmes_to_approve(self) -> list[Task]:
        """Draft programmes (the leaders or the secretariat approve them)."""
        group = translated(GROUP_PROGRAMME_TO_APPROVE)
        action = translated(
            _(
                "task_programme_approve",
                default="Review the programme and approve it, so that its "
                "audits may start",
            )
        )
        return [
            Task(
                kind="audit_programme_to_approve",
                group=group,
                title=brain.Title,
                url=brain.getURL(),
                action=action,
                order=15,
            )
            for brain in _find(
                portal_type="AuditProgramme", review_state="draft", sort_on="qms_year"
            )
        ]
