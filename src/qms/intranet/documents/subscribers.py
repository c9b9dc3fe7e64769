"""Lifecycle events of controlled documents (workflow effects: workflow.py;
the text of their files: search.attachments)."""

from qms.intranet.documents.behaviors import default_owning_unit


def document_added(obj, event):
    """Where the owning unit was left out, the place of the document says it."""
    if not obj.owning_unit:
        obj.owning_unit = default_owning_unit(obj)
        obj.reindexObject()
        obj.reindexObjectSecurity()


def document_modified(obj, event):
    """A new owning unit means other groups may see it: reindex security."""
    obj.reindexObjectSecurity()
