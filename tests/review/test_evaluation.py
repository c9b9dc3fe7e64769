"""The steering committee's yearly evaluation (issue #15): the article's year
(35 procedures revised, 1 cancelled, 2 new issued, 2 new drafted not issued)
counted from hand-made fixtures, each criterion's figure and points, the
total and the grade (with the secretariat's settings), a grade changed only
with a reason and kept in the history, the workflow (approved is frozen),
«Việc của tôi» and the section made once."""

from DateTime import DateTime
from datetime import date
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet.records import lists
from qms.intranet.review import evaluation as ev
from qms.intranet.review import figures
from qms.intranet.units.groups import UNITS_FOLDER

import pytest


ARTICLE_YEAR = 2015
UNIT = "thanhtra"


def set_state(obj, state: str) -> None:
    """Put `obj` in `state` of its workflow directly (the fixtures' shortcut:
    what the figures read is the state and the stored fields)."""
    wftool = api.portal.get_tool("portal_workflow")
    (workflow_id,) = wftool.getChainFor(obj)
    wftool.setStatusOf(
        workflow_id,
        obj,
        {
            "review_state": state,
            "action": None,
            "actor": "admin",
            "time": DateTime(),
            "comments": "",
        },
    )
    wftool[workflow_id].updateRoleMappingsFor(obj)
    obj.reindexObject()


def procedure(container, number: int, state: str, history=(), **fields):
    obj = api.content.create(
        container=container,
        type="Procedure",
        id=f"qt-{number:02d}-tt",
        title=f"Quy trình {number:02d}",
        code=f"QT-{number:02d}/TT",
        kind="business",
        owning_unit=UNIT,
    )
    revision = max([row["revision"] for row in history] or [1])
    obj.revision = revision
    obj.amendment_history = [dict(row) for row in history]
    for name, value in fields.items():
        setattr(obj, name, value)
    set_state(obj, state)
    return obj


def article_year(portal) -> dict:
    """The article's year in Thanh tra Bộ: 35 procedures reviewed and
    revised, 1 cancelled, 2 new issued, 2 new drafted not issued yet; and
    one procedure due for review in the year, not reviewed."""
    unit = portal[UNITS_FOLDER][UNIT]
    made = {"revised": [], "cancelled": [], "issued_new": [], "pending_new": []}
    with api.env.adopt_roles(["Manager"]):
        first = {"revision": 1, "date": "2013-03-15"}
        for n in range(1, 36):
            made["revised"].append(
                procedure(
                    unit,
                    n,
                    "effective",
                    [
                        first,
                        {"revision": 2, "date": f"{ARTICLE_YEAR}-05-{n % 28 + 1:02d}"},
                    ],
                )
            )
        made["cancelled"].append(
            procedure(
                unit, 36, "obsolete", [first], withdrawn_on=date(ARTICLE_YEAR, 9, 1)
            )
        )
        for n in (37, 38):
            made["issued_new"].append(
                procedure(
                    unit,
                    n,
                    "effective",
                    [{"revision": 1, "date": f"{ARTICLE_YEAR}-10-01"}],
                )
            )
        for n in (39, 40):
            made["pending_new"].append(procedure(unit, n, "draft"))
        # due for review in the year, not reviewed
        procedure(
            unit, 41, "effective", [first], next_review_date=date(ARTICLE_YEAR, 6, 30)
        )
    return made


@pytest.fixture
def article(integration):
    return article_year(integration["portal"])


def record_list(portal, unit_id: str, year: int, approved_on: date):
    unit = portal[UNITS_FOLDER][unit_id]
    with api.env.adopt_roles(["Manager"]):
        rows = [{"heading": "Hồ sơ thanh tra", "retention": "10"}]
        made = lists.create_list(unit, year, rows)
        set_state(made, "approved")
        made.approved_on = approved_on
        made.reindexObject()
    return made


def test_the_articles_four_figures(article, as_user):
    with as_user("iso.secretary"):
        data = figures.document_figures(ARTICLE_YEAR)
    row = {r["unit"]: r for r in data["items"]}[UNIT]
    assert (
        row["revised"],
        row["cancelled"],
        row["issued_new"],
        row["pending_new"],
    ) == (
        35,
        1,
        2,
        2,
    )
    # the year's totals: nothing else happened in 2015; drafts of any year
    # are pending
    assert data["totals"]["revised"] == 35
    assert data["totals"]["cancelled"] == 1
    assert data["totals"]["issued_new"] == 2
    assert data["totals"]["pending_new"] >= 2
    assert "figure=revised" in row["links"]["revised"]
    assert f"unit={UNIT}" in row["links"]["revised"]


def test_procedures_due_for_review(article, as_user):
    with as_user("iso.secretary"):
        found = figures.review_figures(ARTICLE_YEAR)
    assert found[UNIT] == {"due": 36, "reviewed": 35}


def criteria(row) -> dict:
    return {c["id"]: c for c in row["criteria"]}


def test_criteria_points_and_grade(integration, article, as_user, monkeypatch):
    portal = integration["portal"]
    record_list(portal, UNIT, ARTICLE_YEAR, date(ARTICLE_YEAR, 3, 1))  # late
    monkeypatch.setattr(
        figures,
        "objective_figures",
        lambda year: {
            "available": True,
            "items": {
                UNIT: {
                    "total": 4,
                    "achieved": 3,
                    "not_achieved": 1,
                    "no_data": 0,
                    "at_risk": 0,
                    "on_track": 0,
                }
            },
            "totals": {},
        },
    )
    with as_user("iso.secretary"):
        rows = {row["unit"]: row for row in ev.compute_rows(ARTICLE_YEAR)}
    row = rows[UNIT]
    c = criteria(row)
    assert c["record_list"]["status"] == "late"
    assert c["record_list"]["figure"] == "01/03/2015"
    assert c["record_list"]["points"] == 7.5
    assert c["procedures_reviewed"]["figure"] == "35/36"
    assert c["procedures_reviewed"]["points"] == 14.6  # 15 × 35/36
    assert c["nonconformities"]["figure"] == "0/0"
    assert c["nonconformities"]["points"] == 20
    assert c["objectives"]["figure"] == "3/4"
    assert c["objectives"]["points"] == 15
    assert not c["audit"]["applies"]  # no programme in 2015
    assert c["comments"]["points"] == 15
    assert row["points"] == 72.1
    assert row["possible"] == 85
    assert row["percent"] == 84.8
    assert row["grade"] == "tot"
    # a unit without a list, without objectives
    other = criteria(rows["htqt"])
    assert other["record_list"]["status"] == "not_issued"
    assert other["record_list"]["points"] == 0
    assert not other["objectives"]["applies"]

    # the secretariat's settings: a higher threshold
    api.portal.set_registry_record("qms.intranet.evaluation.threshold_tot", 90)
    with as_user("iso.secretary"):
        rows = {row["unit"]: row for row in ev.compute_rows(ARTICLE_YEAR)}
    assert rows[UNIT]["grade"] == "dat"


def test_record_list_on_time(integration, as_user):
    record_list(integration["portal"], UNIT, ARTICLE_YEAR, date(ARTICLE_YEAR, 1, 20))
    with as_user("iso.secretary"):
        rows = {row["unit"]: row for row in ev.compute_rows(ARTICLE_YEAR)}
    assert criteria(rows[UNIT])["record_list"]["points"] == 15


def test_demo_year_audit_and_nonconformities(integration, as_user):
    """This year's demo: phapche audited (its finding's nonconformity still
    open), khcn's audit in progress."""
    with as_user("iso.secretary"):
        rows = {row["unit"]: row for row in ev.compute_rows(date.today().year)}
    audit = criteria(rows["phapche"])["audit"]
    assert audit["status"] == "audited"
    assert audit["figure"] == "0/1"
    assert audit["points"] == 7.5  # half for audited, none of 1 closed
    assert criteria(rows["khcn"])["audit"]["points"] == 0
    assert criteria(rows["khcn"])["record_list"]["status"] in ("on_time", "late")


@pytest.fixture
def evaluation(integration, as_user):
    ev.ensure_evaluation_section()
    with as_user("iso.secretary"):
        return ev.create_evaluation(ARTICLE_YEAR)


def test_section_made_once(integration):
    one = ev.ensure_evaluation_section()
    assert ev.ensure_evaluation_section().getPhysicalPath() == one.getPhysicalPath()
    assert one.portal_type == "EvaluationSection"
    assert one.getId() == "danh-gia-hang-nam"


def test_grade_change_needs_a_reason(evaluation, as_user):
    before = {r["unit"]: r["grade"] for r in evaluation.get_rows()}
    with as_user("iso.secretary"):
        for reason in ("", "   "):
            with pytest.raises(ev.EvaluationError) as refused:
                ev.change_grade(evaluation, UNIT, "chua_dat", reason)
            assert refused.value.message == ev.GRADE_NEEDS_REASON
        with pytest.raises(ev.EvaluationError):
            ev.change_grade(evaluation, UNIT, "xuat_sac", "lý do")
        assert {r["unit"]: r["grade"] for r in evaluation.get_rows()} == before
        ev.change_grade(evaluation, UNIT, "chua_dat", "Chưa lập danh mục hồ sơ")
    row = {r["unit"]: r for r in evaluation.get_rows()}[UNIT]
    assert row["grade"] == "chua_dat"
    assert row["grade_reason"] == "Chưa lập danh mục hồ sơ"
    (entry,) = evaluation.get_grade_log()
    assert entry["unit"] == UNIT
    assert entry["from"] == before[UNIT]
    assert entry["to"] == "chua_dat"
    assert entry["actor"] == "iso.secretary"
    # a recompute keeps the changed grade and its reason
    with as_user("iso.secretary"):
        ev.recompute(evaluation)
    row = {r["unit"]: r for r in evaluation.get_rows()}[UNIT]
    assert row["grade"] == "chua_dat"


def test_workflow_and_approved_is_frozen(evaluation, as_user):
    with as_user("iso.secretary"):
        api.content.transition(obj=evaluation, transition="submit")
    assert api.content.get_state(evaluation) == "pending"
    with as_user("iso.secretary"):
        assert not api.user.has_permission("Modify portal content", obj=evaluation)
        with pytest.raises(ev.EvaluationError):
            ev.change_grade(evaluation, UNIT, "tot", "lý do")
    with as_user("leader"):
        wftool = api.portal.get_tool("portal_workflow")
        with pytest.raises(WorkflowException):
            wftool.doActionFor(evaluation, "reject", comment=" ")
        api.content.transition(
            obj=evaluation, transition="reject", comment="Bổ sung khó khăn"
        )
    assert api.content.get_state(evaluation) == "draft"
    with as_user("iso.secretary"):
        api.content.transition(obj=evaluation, transition="submit")
    with as_user("leader"):
        api.content.transition(obj=evaluation, transition="approve")
    assert api.content.get_state(evaluation) == "approved"
    with as_user("iso.secretary"):
        assert not api.user.has_permission("Modify portal content", obj=evaluation)
        with pytest.raises(ev.EvaluationError):
            ev.change_grade(evaluation, UNIT, "tot", "lý do")
    with as_user("vp.staff"):
        assert api.user.has_permission("View", obj=evaluation)


def test_draft_hidden_from_staff(evaluation, as_user):
    with as_user("vp.staff"):
        assert not api.content.find(portal_type="YearlyEvaluation")
    with as_user("vp.head"):  # a unit's head has no role in the section
        assert not api.content.find(portal_type="YearlyEvaluation")
    with as_user("leader"):
        assert api.content.find(portal_type="YearlyEvaluation")


def test_tasks(evaluation, as_user, monkeypatch):
    tasks = ev.EvaluationTasks()
    with as_user("iso.secretary"):
        api.content.transition(obj=evaluation, transition="submit")
    with as_user("leader"):
        found = [t for t in tasks.tasks() if t.kind == "evaluation_to_approve"]
    assert [t.url for t in found] == [evaluation.absolute_url()]
    with as_user("vp.staff"):
        assert tasks.tasks() == []
    monkeypatch.setattr(ev, "today", lambda: date(date.today().year, 1, 10))
    with as_user("iso.secretary"):
        (task,) = [t for t in tasks.tasks() if t.kind == "evaluation_to_prepare"]
    assert str(date.today().year - 1) in task.title
    monkeypatch.setattr(ev, "today", lambda: date(date.today().year, 3, 10))
    with as_user("iso.secretary"):
        assert not [t for t in tasks.tasks() if t.kind == "evaluation_to_prepare"]


def test_demo_module(integration):
    from qms.intranet.site.demo.evaluation import create_evaluation

    made = create_evaluation(integration["portal"])
    assert made.getId() == str(date.today().year)
    assert api.content.get_state(made) == "draft"
    assert len(made.get_rows()) == 9
    assert made.difficulties


def comment(conversation, text, when, reply_to=None):
    from plone.app.discussion.interfaces import IComment  # noqa: F401
    from zope.component import createObject

    made = createObject("plone.Comment")
    made.text = text
    made.author_username = "vp.staff"
    made.creation_date = made.modification_date = when
    if reply_to is not None:
        made.in_reply_to = reply_to
    return conversation.addComment(made)


def test_comments_answered(integration, as_user):
    """Three comments of 2015 on a procedure of the unit: one got a reply,
    one was published by the moderator, one still waits; a reply is not
    counted as a comment; a comment of 2014 is not counted."""
    from datetime import datetime
    from plone.app.discussion.interfaces import IConversation

    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        document = procedure(portal[UNITS_FOLDER][UNIT], 50, "effective")
        conversation = IConversation(document)
        when = datetime(ARTICLE_YEAR, 4, 1, 9, 0)
        replied = comment(conversation, "Bước 3 chưa rõ", when)
        comment(conversation, "Đã sửa", when, reply_to=replied)
        published = comment(conversation, "Đề nghị bổ sung biểu mẫu", when)
        comment(conversation, "Chờ trả lời", when)
        comment(conversation, "Năm trước", datetime(ARTICLE_YEAR - 1, 4, 1))
        wftool = api.portal.get_tool("portal_workflow")
        item = conversation[published]
        wftool.doActionFor(item, "publish")  # comments are moderated
        item.reindexObject()
    with as_user("iso.secretary"):
        found = figures.comment_figures(ARTICLE_YEAR)
    # the reply and the publication answer two of the three
    assert found[UNIT] == {"comments": 3, "answered": 2}
