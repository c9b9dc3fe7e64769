"""«Sửa đổi quy trình» in one step (issue #13): from a nonconformity, start
a revision of the procedure it concerns, with the nonconformity named in the
revision's change note and a corrective action that follows the revision;
when the revision is approved the action is done by itself."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.iterate.dexterity.utils import get_working_copy
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from qms.intranet import _
from qms.intranet.core.i18n import stored
from qms.intranet.improvement.workflow import FROZEN_NC_STATES


# Days a revision started from a nonconformity is due in.
REVISION_DAYS = 30
CHECKOUT = "iterate : Check out content"
ADD_ACTION = "qms.intranet: Add CorrectiveAction"


class RevisionRefused(Exception):
    """Why the procedure cannot be revised from here (a message)."""


def procedure_of(nonconformity):
    """The procedure the nonconformity concerns, if the person may see it."""
    uid = getattr(nonconformity, "procedure", None)
    return api.content.get(UID=uid) if uid else None


def revisable(nonconformity) -> bool:
    """May the current person start the revision from this nonconformity?
    (Its unit's ISO officers, when the procedure is effective and theirs to
    revise, and the nonconformity is still open.)"""
    try:
        check(nonconformity)
    except RevisionRefused:
        return False
    return True


def check(nonconformity):
    """The procedure to revise, or RevisionRefused saying why not."""
    if api.content.get_state(obj=nonconformity) in FROZEN_NC_STATES:
        raise RevisionRefused(
            _(
                "error_revise_frozen",
                default="The nonconformity is closed or cancelled.",
            )
        )
    if (
        "UnitOfficer" not in api.user.get_roles(obj=nonconformity)
        and "Manager" not in api.user.get_roles()
    ):
        raise RevisionRefused(
            _(
                "error_revise_officers_only",
                default="Only the ISO officers of the unit start a revision "
                "from a nonconformity.",
            )
        )
    if not api.user.has_permission(ADD_ACTION, obj=nonconformity):
        raise RevisionRefused(
            _(
                "error_revise_no_actions_now",
                default="No action can be added to the nonconformity in its "
                "present state.",
            )
        )
    procedure = procedure_of(nonconformity)
    if procedure is None or api.content.get_state(obj=procedure) != "effective":
        raise RevisionRefused(
            _(
                "error_revise_no_procedure",
                default="The nonconformity names no effective procedure to revise.",
            )
        )
    if get_working_copy(procedure) is None and not api.user.has_permission(
        CHECKOUT, obj=procedure
    ):
        raise RevisionRefused(
            _(
                "error_revise_not_yours",
                default="The procedure ${code} belongs to another unit: its own "
                "ISO officers revise it.",
                mapping={"code": procedure.code},
            )
        )
    return procedure


def change_note_of(nonconformity) -> str:
    return stored(
        _(
            "revision_note_from_nonconformity",
            default="Corrective action for nonconformity ${reference}: ${title}",
            mapping={
                "reference": nonconformity.reference or "",
                "title": nonconformity.Title(),
            },
        )
    )


def revise_procedure(nonconformity):
    """Start (or join) the revision of the nonconformity's procedure; return
    the working copy. Raises RevisionRefused with the reason."""
    procedure = check(nonconformity)
    working_copy = get_working_copy(procedure)
    if working_copy is None:
        working_copy = ICheckinCheckoutPolicy(procedure).checkout(procedure.aq_parent)
    note = change_note_of(nonconformity)
    current = (working_copy.change_note or "").strip()
    if note not in current:
        working_copy.change_note = f"{current}\n{note}".strip()
        working_copy.reindexObject()
    api.content.create(
        container=nonconformity,
        type="CorrectiveAction",
        title=stored(
            _(
                "revision_action_title",
                default="Revise ${code}: ${title}",
                mapping={"code": procedure.code, "title": procedure.Title()},
            )
        ),
        kind="corrective",
        responsible=api.user.get_current().getId(),
        due_date=max(
            date.today() + timedelta(days=REVISION_DAYS),
            nonconformity.detected_on or date.today(),
        ),
        revises=procedure.UID(),
    )
    return working_copy


def revision_approved(baseline, event) -> None:
    """After an approved revision is checked in: the open actions that were
    waiting for it are done, with the new issue number in their result."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="CorrectiveAction",
        procedure_uid=baseline.UID(),
        review_state="open",
    )
    for brain in brains:
        action = brain._unrestrictedGetObject()
        result = stored(
            _(
                "revision_action_result",
                default="Procedure ${code} revised: issue ${revision} approved on "
                "${date}.",
                mapping={
                    "code": baseline.code,
                    "revision": baseline.revision,
                    "date": date.today().strftime("%d/%m/%Y"),
                },
            )
        )
        action.result = "\n".join(
            p for p in ((action.result or "").strip(), result) if p
        )
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=action, transition="complete")
