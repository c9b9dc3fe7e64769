"""What nonconformities ask of the current person ("Việc của tôi"):

- the unit's ISO officers and heads: nonconformities reported, to analyse
  (find and record the root cause);
- the officers: analysed ones with no corrective action yet, to plan; those
  in progress whose actions are all done, to send for verification;
- the heads: analysed ones with a planned corrective action, to approve;
- the person responsible for an action: their open actions of approved
  plans, the overdue ones said so;
- the ISO secretariat: nonconformities to verify.

Everything is found with the person's own permissions (restricted catalog
searches, no object woken), oldest first, and links to the item where the
step is done (its page offers the step's button).
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.core.catalog import found_rids
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.improvement.board import parents_of
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_where
from zope.interface import implementer


# The roles the `verify` transition's guard lets through.
VERIFIERS = frozenset({"QMSSecretary", "Manager"})
# Nonconformities whose actions are being carried out (the plan approved).
ACTING_STATES = ("in_progress", "pending_verification")
# At most this many tasks of each kind (the oldest): the register lists all.
MAX_TASKS = 50

GROUP_TO_ANALYSE = _("task_group_nc_to_analyse", default="Nonconformities to analyse")
GROUP_TO_PLAN = _(
    "task_group_nc_to_plan", default="Nonconformities waiting for a plan of actions"
)
GROUP_PLAN_TO_APPROVE = _(
    "task_group_nc_plan_to_approve",
    default="Plans of corrective actions waiting for your approval",
)
GROUP_ACTIONS = _(
    "task_group_actions", default="Corrective actions you are responsible for"
)
GROUP_TO_SEND = _(
    "task_group_nc_to_send",
    default="Nonconformities ready to send for verification",
)
GROUP_TO_VERIFY = _(
    "task_group_nc_to_verify", default="Nonconformities waiting for verification"
)


def today() -> date:
    """Today (tests may replace it)."""
    return date.today()


def _label(brain) -> str:
    reference = getattr(brain, "nc_reference", None) or ""
    return f"{reference} – {brain.Title}" if reference else brain.Title


def _nonconformities(**query) -> list:
    """Brains of the nonconformities the person may see, oldest first."""
    return list(
        api.content.find(
            portal_type="Nonconformity",
            sort_on="detected_on",
            sort_limit=MAX_TASKS,
            **query,
        )[:MAX_TASKS]
    )


def _uids(catalog, rids) -> list[str]:
    """The UIDs of `rids`, from the UID index's stored values. Searches by
    UID rather than by path: Plone's catalog wakes every object of a path
    query to check whether inactive content may be shown there."""
    stored = catalog._catalog.indexes["UID"]._unindex
    return [stored[rid] for rid in rids if rid in stored]


def _nonconformities_of(catalog, rids) -> list:
    """Brains of the nonconformities `rids` (found with the person's
    permissions), oldest first."""
    return _nonconformities(UID=_uids(catalog, rids)) if rids else []


def _with_actions(catalog, units, **query) -> IISet:
    """The rids of the person's nonconformities in `units` that hold an
    action matching `query` (counted from the indexes, no brain loaded)."""
    actions = found_rids(
        catalog, portal_type="CorrectiveAction", owning_unit=units, **query
    )
    return parents_of(catalog, actions)


def _analysed_and_planned(catalog, units):
    """The analysed nonconformities of `units`, and those of the units with
    a corrective action planned (rids): their intersection waits for the
    head, the rest for the officers."""
    analysed = found_rids(
        catalog, portal_type="Nonconformity", review_state="analysed", owning_unit=units
    )
    return analysed, _with_actions(catalog, units, action_kind="corrective")


@implementer(ITaskProvider)
def action_to_do(due, day: date):
    """What a person responsible for an action is asked: to do it by its
    due date, or that it is overdue."""
    if isinstance(due, date) and due < day:
        return _(
            "task_action_overdue",
            default="Overdue (due ${date}): do it and record the result",
            mapping={"date": format_date(due)},
        )
    return _(
        "task_action_do",
        default="Do it by ${date} and record the result",
        mapping={"date": format_date(due)},
    )


class ImprovementTasks:
    def tasks(self) -> list[Task]:
        if api.user.is_anonymous():
            return []
        user = api.user.get_current()
        officers = units_where("officers", user)
        heads = units_where("heads", user)
        verifies = bool(VERIFIERS & set(user.getRoles()))
        titles = unit_titles()
        catalog = api.portal.get_tool("portal_catalog")
        found = []
        if officers or heads:
            found += self.to_analyse(sorted({*officers, *heads}), titles)
        if heads:
            found += self.plans_to_approve(catalog, heads, titles)
        if officers:
            found += self.to_plan(catalog, officers, titles)
            found += self.to_send(catalog, officers, titles)
        if verifies:
            found += self.to_verify(titles)
        found += self.actions_to_do(catalog, user.getId(), titles)
        return found

    def _tasks(self, brains, kind, group, action, order, titles) -> list[Task]:
        """A task of `kind` for each nonconformity of `brains`."""
        group, action = translated(group), translated(action)
        return [
            Task(
                kind=kind,
                group=group,
                title=_label(brain),
                url=brain.getURL(),
                action=action,
                detail=titles.get(brain.owning_unit, brain.owning_unit or ""),
                order=order,
            )
            for brain in brains
        ]

    def to_analyse(self, units, titles) -> list[Task]:
        """Reported in the person's units (officers, heads): find the cause."""
        return self._tasks(
            _nonconformities(review_state="reported", owning_unit=units),
            "nonconformity_to_analyse",
            GROUP_TO_ANALYSE,
            _("task_nc_analyse", default="Find the root cause and record the analysis"),
            20,
            titles,
        )

    def plans_to_approve(self, catalog, heads, titles) -> list[Task]:
        """Analysed, with a corrective action planned: the heads approve."""
        analysed, planned = _analysed_and_planned(catalog, heads)
        return self._tasks(
            _nonconformities_of(catalog, intersection(analysed, planned)),
            "nonconformity_plan_to_approve",
            GROUP_PLAN_TO_APPROVE,
            _("task_nc_approve_plan", default="Review and approve the plan of actions"),
            15,
            titles,
        )

    def to_plan(self, catalog, officers, titles) -> list[Task]:
        """Analysed, with no corrective action yet: the officers plan."""
        analysed, planned = _analysed_and_planned(catalog, officers)
        return self._tasks(
            _nonconformities_of(catalog, difference(analysed, planned)),
            "nonconformity_to_plan",
            GROUP_TO_PLAN,
            _(
                "task_nc_plan",
                default="Plan the corrective actions, then ask the head of the "
                "unit to approve them",
            ),
            20,
            titles,
        )

    def to_send(self, catalog, officers, titles) -> list[Task]:
        """In progress, with actions all done: the officers send it for
        verification."""
        in_progress = found_rids(
            catalog,
            portal_type="Nonconformity",
            review_state="in_progress",
            owning_unit=officers,
        )
        done = _with_actions(catalog, officers, review_state="done")
        still_open = _with_actions(catalog, officers, review_state="open")
        return self._tasks(
            _nonconformities_of(
                catalog, difference(intersection(in_progress, done), still_open)
            ),
            "nonconformity_to_send",
            GROUP_TO_SEND,
            _(
                "task_nc_send",
                default="Every action is done: send it to the ISO secretariat "
                "for verification",
            ),
            20,
            titles,
        )

    def to_verify(self, titles) -> list[Task]:
        """Waiting for verification (the secretariat)."""
        return self._tasks(
            _nonconformities(review_state="pending_verification"),
            "nonconformity_to_verify",
            GROUP_TO_VERIFY,
            _(
                "task_nc_verify",
                default="Check that the actions worked, then close it or reopen it",
            ),
            15,
            titles,
        )

    def actions_to_do(self, catalog, userid, titles) -> list[Task]:
        """The person's open actions whose plan is approved (their
        nonconformity in progress or pending verification), soonest due
        first."""
        actions = found_rids(
            catalog,
            portal_type="CorrectiveAction",
            review_state="open",
            responsible=userid,
        )
        paths, rids = catalog._catalog.paths, catalog._catalog.uids
        states = catalog._catalog.indexes["review_state"]._unindex
        acting = {}  # action's rid -> its nonconformity's rid
        for rid in actions:
            parent = rids.get(paths[rid].rpartition("/")[0])
            if states.get(parent) in ACTING_STATES:
                acting[rid] = parent
        if not acting:
            return []
        brains = api.content.find(
            portal_type="CorrectiveAction",
            UID=_uids(catalog, acting),
            sort_on="due_date",
            sort_limit=MAX_TASKS,
        )[:MAX_TASKS]
        parents = {
            brain.getRID(): brain
            for brain in api.content.find(
                portal_type="Nonconformity",
                UID=_uids(catalog, {acting[b.getRID()] for b in brains}),
            )
        }
        day = today()
        group = translated(GROUP_ACTIONS)
        found = []
        for brain in brains:
            parent = parents.get(acting[brain.getRID()])
            if parent is None:
                continue
            due = brain.due_date
            action = action_to_do(due, day)
            found.append(
                Task(
                    kind="corrective_action_to_do",
                    group=group,
                    title=brain.Title,
                    url=brain.getURL(),
                    action=translated(action),
                    detail=f"{_label(parent)} · "
                    f"{titles.get(brain.owning_unit, brain.owning_unit or '')}",
                    due=due.isoformat() if isinstance(due, date) else "",
                    order=25,
                )
            )
        return found
