"""Base classes shared by the concepts' content types."""

from contextlib import contextmanager
from plone.dexterity.content import Container


def first_in_chain(obj, interface):
    """The first object providing `interface` among `obj` and its parents
    (None outside one): the nonconformity a file lies in, an audit's
    programme."""
    for item in getattr(obj, "aq_chain", ()):
        if interface.providedBy(item):
            return item
    return None


class BusyContainer(Container):
    """A container many people add to at the same time (a unit, its record
    lists, its register): adding, renaming or removing a child changes the
    child and the container's BTree of children, nothing else.

    Zope's ContainerModifiedEvent would reindex the container itself on each
    of those (its modification date, every index): one write to the same
    object and catalog entries by every concurrent add, which ZODB cannot
    merge. The children are listed by their own indexes, never by hand, so
    there is no position list either (another write every add would share).
    """

    _ordering = "unordered"
    _v_changing_children = 0

    @contextmanager
    def _changing_children(self):
        self._v_changing_children += 1
        try:
            yield
        finally:
            self._v_changing_children -= 1

    def _setObject(self, *args, **kwargs):
        with self._changing_children():
            return super()._setObject(*args, **kwargs)

    def _delObject(self, *args, **kwargs):
        with self._changing_children():
            return super()._delObject(*args, **kwargs)

    # Published methods: the ZPublisher maps the form to these signatures.
    def manage_renameObject(self, id, new_id, REQUEST=None):
        """Rename a child."""
        with self._changing_children():
            return super().manage_renameObject(id, new_id, REQUEST)

    def manage_pasteObjects(self, cb_copy_data=None, REQUEST=None):
        """Paste children."""
        with self._changing_children():
            return super().manage_pasteObjects(cb_copy_data, REQUEST)

    def reindexObject(self, idxs=None, *args, **kwargs):
        if self._v_changing_children and not idxs:
            return  # the ContainerModifiedEvent of a child's change
        return super().reindexObject(idxs or [], *args, **kwargs)
