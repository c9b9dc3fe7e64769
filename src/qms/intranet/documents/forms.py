"""The add and edit forms of controlled documents.

One change note only: Plone's versioning asks for "Ghi chú thay đổi" on the
first tab, ours ("What changed in this revision", needed to submit a
revision and kept in the amendment table) sat on the third. Plone's is
removed; ours is asked first, on a revision only: a new document has
nothing to describe yet.
"""

from plone.app.iterate.interfaces import IWorkingCopy
from plone.z3cform.fieldsets.extensible import FormExtender


VERSIONING_NOTE = "IVersionable.changeNote"
CHANGE_NOTE = "IControlledDocument.change_note"


def _has(form, name: str) -> bool:
    return name in form.fields or any(
        name in group.fields for group in getattr(form, "groups", ())
    )


class ChangeNoteFirst(FormExtender):
    """Registered for the add and edit forms of our document types."""

    def update(self):
        if _has(self.form, VERSIONING_NOTE):
            self.remove(VERSIONING_NOTE)
        if not _has(self.form, CHANGE_NOTE):
            return
        if IWorkingCopy.providedBy(self.context):
            self.move(CHANGE_NOTE, before="IBasic.title")
        else:
            self.remove(CHANGE_NOTE)
