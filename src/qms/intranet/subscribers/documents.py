"""Workflow and lifecycle events of controlled documents and units."""

from qms.intranet import workflow
from qms.intranet.units import ensure_unit_groups


def before_transition(obj, event):
    if event.transition is None or event.workflow.getId() != workflow.WORKFLOW_ID:
        return
    workflow.check_transition(
        obj, event.transition.getId(), (event.kwargs or {}).get("comment", "")
    )


def after_transition(obj, event):
    if event.transition is None or event.workflow.getId() != workflow.WORKFLOW_ID:
        return
    transition = event.transition.getId()
    if transition == "approve":
        workflow.issue(obj)
    elif transition == "withdraw":
        workflow.withdraw(obj, (event.kwargs or {}).get("comment", ""))


def document_added(obj, event):
    """Where the owning unit was left out, the place of the document says it."""
    from qms.intranet.behaviors.controlled import default_owning_unit

    if not obj.owning_unit:
        obj.owning_unit = default_owning_unit(obj)
        obj.reindexObject()
        obj.reindexObjectSecurity()


def document_modified(obj, event):
    """A new owning unit means other groups may see it: reindex security."""
    obj.reindexObjectSecurity()


def unit_added(obj, event):
    """A new unit gets its staff, officers and heads groups and its archive."""
    from qms.intranet.records import ensure_archive

    ensure_unit_groups(obj)
    ensure_archive(obj)


def attachments_changed(obj, event):
    """Read the text of new or replaced files, once, for full-text search."""
    from qms.intranet.search.attachments import update

    update(obj)
