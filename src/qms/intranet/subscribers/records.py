"""Workflow and lifecycle events of record lists and records."""

from qms.intranet import records
from qms.intranet import workflow


def list_before_transition(obj, event):
    if event.transition is not None:
        workflow.check_transition(
            obj, event.transition.getId(), (event.kwargs or {}).get("comment", "")
        )


def list_after_transition(obj, event):
    if event.transition is not None and event.transition.getId() == "approve":
        records.list_approved(obj)


def record_after_transition(obj, event):
    if event.transition is not None and event.transition.getId() == "close":
        records.record_closed(obj)


def record_will_be_removed(obj, event):
    records.refuse_removal_of_closed(obj, event)
