"""Adding to a unit or a record list writes the new item and the folder's
tree of children, never the folder itself: two people adding at once do not
rewrite the same object (ConflictErrors under load, issue #12)."""

from datetime import date
from plone import api

import pytest
import transaction


YEAR = date.today().year


@pytest.mark.parametrize(
    ("path", "login", "portal_type", "fields"),
    [
        (f"don-vi/khcn/ho-so/{YEAR}", "khcn.staff", "Record", {}),
        ("don-vi/khcn", "khcn.officer", "Procedure", {"code": "QT-77/KHCN"}),
    ],
    ids=["record list", "unit"],
)
def test_adding_leaves_the_folder_unwritten(
    integration, as_user, path, login, portal_type, fields
):
    folder = integration["portal"].unrestrictedTraverse(path)
    modified = folder.modified()
    transaction.savepoint()  # what is there so far counts as saved
    assert not folder._p_changed
    with as_user(login):
        item = api.content.create(
            container=folder, type=portal_type, title="Thêm cùng lúc", **fields
        )
    assert item.getId() in folder.objectIds()
    assert not folder._p_changed
    assert folder.modified() == modified
    # unordered: no position list to rewrite either
    assert "plone.folder.ordered.order" not in getattr(folder, "__annotations__", {})
