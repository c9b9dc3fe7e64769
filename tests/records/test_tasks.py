""" "Việc của tôi" from records: entries to keep, lists to issue, lists to
prepare (next year's too in December), each found with the person's rights."""

from datetime import date
from plone import api
from qms.intranet.core.tasks import my_tasks
from qms.intranet.records import tasks as record_tasks

import pytest


YEAR = date.today().year


def record_tasks_of(as_user, login, kinds=None):
    with as_user(login):
        found = [t for t in my_tasks() if t.kind.startswith("record_")]
    return [t for t in found if kinds is None or t.kind in kinds]


def test_staff_sees_the_entries_they_keep(integration, as_user):
    found = record_tasks_of(as_user, "khcn.staff")
    assert [t.kind for t in found] == ["record_entry_to_keep"]
    task = found[0]
    entry = integration["portal"]["don-vi"]["khcn"]["ho-so"][str(YEAR)].entries[0]
    assert task.url.endswith(f"/don-vi/khcn/ho-so/{YEAR}#entry-{entry['id']}")
    assert entry["heading"] in task.title
    assert task.group
    assert task.action


@pytest.mark.parametrize(
    "login", ["vp.staff", "khcn.officer", "leader", "phapche.staff"]
)
def test_nobody_else_keeps_khcns_entries(integration, as_user, login):
    assert not record_tasks_of(as_user, login, {"record_entry_to_keep"})


def test_officer_without_a_list_is_asked_to_prepare_it(
    integration, as_user, monkeypatch
):
    monkeypatch.setattr(record_tasks, "today", lambda: date(YEAR, 6, 1))
    found = record_tasks_of(as_user, "phapche.officer")
    assert [(t.kind, t.url.rsplit("/", 1)[-1]) for t in found] == [
        ("record_list_to_prepare", f"@@create-record-list?year={YEAR}")
    ]
    # staff and heads do not prepare lists
    assert not record_tasks_of(as_user, "phapche.staff")
    assert not record_tasks_of(as_user, "phapche.head")


def test_in_december_next_years_list_too(integration, as_user, monkeypatch):
    monkeypatch.setattr(record_tasks, "today", lambda: date(YEAR, 12, 2))
    found = record_tasks_of(as_user, "khcn.officer", {"record_list_to_prepare"})
    assert [t.url.rsplit("=", 1)[-1] for t in found] == [str(YEAR + 1)]
    found = record_tasks_of(as_user, "phapche.officer", {"record_list_to_prepare"})
    assert sorted(t.url.rsplit("=", 1)[-1] for t in found) == [
        str(YEAR),
        str(YEAR + 1),
    ]


def test_draft_to_submit_then_head_to_issue(integration, as_user):
    record_list = integration["portal"]["don-vi"]["vp"]["ho-so"][str(YEAR)]
    submit = record_tasks_of(as_user, "vp.officer", {"record_list_to_submit"})
    assert [t.url for t in submit] == [record_list.absolute_url()]
    lists = integration["portal"]["don-vi"]["vp"]["ho-so"]
    pending = lists["2024"].absolute_url()  # testing.Layer: 2024 pending review
    issue = record_tasks_of(as_user, "vp.head", {"record_list_to_issue"})
    assert [t.url for t in issue] == [pending]

    with as_user("vp.officer"):
        api.content.transition(obj=record_list, transition="submit")
    issue = record_tasks_of(as_user, "vp.head", {"record_list_to_issue"})
    assert sorted(t.url for t in issue) == sorted([pending, record_list.absolute_url()])
    # neither the officer, nor another unit's head, nor staff issue it
    for login in ("vp.officer", "khcn.head", "vp.staff"):
        assert not record_tasks_of(as_user, login, {"record_list_to_issue"})


def test_anonymous_has_no_record_tasks(integration, as_user):
    assert not record_tasks_of(as_user, None)
