"""Management review (issue #15, ISO 9001 clause 9.3): the section and
the demo reviews, the workflow (hold freezes the inputs, close refused
while an action lacks a person responsible or a due date), output actions
tracked and shown as input (a) of the next review, the tasks."""

from datetime import date
from datetime import timedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet.review.content import ensure_review_section
from qms.intranet.review.content import SECTION_ID
from qms.intranet.review.inputs import gather
from qms.intranet.site.demo.review import create_reviews

import pytest


TODAY = date.today()
YEAR = TODAY.year


def section_with_demo(portal):
    """/xem-xet-lanh-dao with the demo reviews (made here until the site's
    install makes them)."""
    section = ensure_review_section()
    if not section.objectIds():
        create_reviews(portal)
    return section


def demo_reviews(portal) -> tuple:
    """(last year's closed review, this year's draft)."""
    section = section_with_demo(portal)
    reviews = sorted(section.objectValues(), key=lambda r: r.period_end)
    return reviews[-2], reviews[-1]


def new_review(as_user, section, login="iso.secretary", **fields):
    values = {
        "title": "Xem xét kiểm thử",
        "meeting_date": TODAY,
        "scope": "bloc",
        "period_start": date(YEAR + 1, 1, 1),
        "period_end": date(YEAR + 1, 12, 31),
        **fields,
    }
    with as_user(login):
        return api.content.create(container=section, type="ManagementReview", **values)


def add_action(as_user, review, login="iso.secretary", **fields):
    values = {
        "title": "Tập huấn cán bộ ISO",
        "kind": "improvement",
        "responsible": "khcn.officer",
        "due_date": TODAY + timedelta(days=30),
        **fields,
    }
    with as_user(login):
        return api.content.create(container=review, type="CorrectiveAction", **values)


def act(as_user, login, obj, transition, **kwargs):
    with as_user(login):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition, **kwargs)
    return api.content.get_state(obj=obj)


class TestDemo:
    def test_section_and_reviews(self, integration):
        portal = integration["portal"]
        last, this = demo_reviews(portal)
        assert portal[SECTION_ID].portal_type == "ReviewSection"
        assert api.content.get_state(obj=last) == "closed"
        assert api.content.get_state(obj=this) == "draft"
        states = sorted(api.content.get_state(obj=a) for a in last.objectValues())
        assert states == ["done", "open"]
        assert last.inputs["period"]["year"] == YEAR - 1
        assert this.inputs is None

    def test_last_years_actions_are_input_a_of_this_year(self, integration, as_user):
        last, this = demo_reviews(integration["portal"])
        with as_user("iso.secretary"):
            data = gather(this.period_start, this.period_end, this.scope, this)
        previous = data["previous_actions"]
        assert (previous["total"], previous["done"], previous["open"]) == (2, 1, 1)
        # the open one was due on 30 June of this year
        assert previous["overdue"] == int(date(YEAR, 6, 30) < TODAY)
        assert {item["review_url"] for item in previous["items"]} == {
            last.absolute_url()
        }


class TestWorkflow:
    def test_hold_freezes_the_inputs(self, integration, as_user):
        portal = integration["portal"]
        section = section_with_demo(portal)
        review = new_review(as_user, section)
        before = add_action(as_user, review)
        assert act(as_user, "iso.secretary", review, "hold") == "held"
        frozen = review.inputs
        assert frozen["period"]["year"] == YEAR + 1
        assert frozen["scope"] == "bloc"
        revised_before = frozen["changes"]["documents"]["pending_new"]
        # the data change after the meeting: a new draft procedure, a unit
        with as_user("iso.secretary"):
            api.content.create(
                container=portal["he-thong-qlcl"],
                type="Procedure",
                title="Quy trình mới sau cuộc họp",
                owning_unit="khcn",
            )
        with as_user("iso.secretary"):
            live = gather(review.period_start, review.period_end, "bloc", review)
        assert live["changes"]["documents"]["pending_new"] == revised_before + 1
        assert review.inputs == frozen
        assert review.inputs["changes"]["documents"]["pending_new"] == revised_before
        assert before.UID()  # the action stays

    def test_close_refused_without_owner_then_closes(self, integration, as_user):
        section = section_with_demo(integration["portal"])
        review = new_review(as_user, section)
        action = add_action(as_user, review, responsible=None)
        act(as_user, "iso.secretary", review, "hold")
        with pytest.raises(WorkflowException) as refused:
            act(as_user, "iso.secretary", review, "close")
        assert "Tập huấn cán bộ ISO" in str(refused.value)
        assert api.content.get_state(obj=review) == "held"
        action.responsible = "khcn.officer"
        action.due_date = None
        with pytest.raises(WorkflowException):
            act(as_user, "iso.secretary", review, "close")
        action.due_date = TODAY + timedelta(days=5)
        assert act(as_user, "iso.secretary", review, "close") == "closed"

    def test_hold_refused_for_a_meeting_in_the_future(self, integration, as_user):
        section = section_with_demo(integration["portal"])
        review = new_review(as_user, section, meeting_date=TODAY + timedelta(days=3))
        with pytest.raises(WorkflowException) as refused:
            act(as_user, "iso.secretary", review, "hold")
        assert (TODAY + timedelta(days=3)).strftime("%d/%m/%Y") in str(refused.value)

    @pytest.mark.parametrize("login", ["leader", "khcn.head", "khcn.officer"])
    def test_only_the_secretariat_holds(self, integration, as_user, login):
        section = section_with_demo(integration["portal"])
        review = new_review(as_user, section)
        with pytest.raises(WorkflowException):
            act(as_user, login, review, "hold")


class TestActions:
    def test_people_of_the_scope_are_offered(self, integration, as_user):
        from zope.component import getUtility
        from zope.schema.interfaces import IVocabularyFactory

        section = section_with_demo(integration["portal"])
        factory = getUtility(IVocabularyFactory, "qms.intranet.UnitPeople")
        bloc = new_review(as_user, section)
        unit = new_review(as_user, section, scope="phapche")
        everyone = {term.value for term in factory(bloc)}
        assert {"khcn.officer", "vp.staff", "phapche.head"} <= everyone
        only = {term.value for term in factory(unit)}
        assert "phapche.head" in only
        assert "khcn.officer" not in only
        action = add_action(as_user, unit, responsible="phapche.staff")
        assert "phapche.staff" in {term.value for term in factory(action)}

    def test_tracked_to_done_and_input_a_of_the_next(self, integration, as_user):
        section = section_with_demo(integration["portal"])
        review = new_review(as_user, section)
        action = add_action(as_user, review, responsible="khcn.officer")
        act(as_user, "iso.secretary", review, "hold")
        # the person responsible sees it and is told to do it
        with as_user("khcn.officer"):
            assert api.user.has_permission("View", obj=action)
            from qms.intranet.review.meeting import ReviewTasks

            tasks = ReviewTasks().tasks()
        assert [t.url for t in tasks if t.kind == "review_action_to_do"] == [
            action.absolute_url()
        ]
        action.result = "Đã tập huấn 24 cán bộ."
        assert act(as_user, "khcn.officer", action, "complete") == "done"
        act(as_user, "iso.secretary", review, "close")
        nxt = new_review(
            as_user,
            section,
            period_start=date(YEAR + 2, 1, 1),
            period_end=date(YEAR + 2, 12, 31),
        )
        with as_user("iso.secretary"):
            data = gather(nxt.period_start, nxt.period_end, "bloc", nxt)
        mine = [
            i for i in data["previous_actions"]["items"] if i["uid"] == action.UID()
        ]
        assert len(mine) == 1
        assert mine[0]["state"] == "done"
        assert mine[0]["done_on"] == TODAY.isoformat()

    def test_completed_after_the_review_is_closed(self, integration, as_user):
        section = section_with_demo(integration["portal"])
        review = new_review(as_user, section)
        action = add_action(as_user, review, responsible="khcn.officer")
        act(as_user, "iso.secretary", review, "hold")
        act(as_user, "iso.secretary", review, "close")
        action.result = "Đã làm."
        assert act(as_user, "khcn.officer", action, "complete") == "done"


class TestTasks:
    def test_secretariat_holds_and_closes(self, integration, as_user):
        from qms.intranet.review.meeting import ReviewTasks

        section = section_with_demo(integration["portal"])
        held = new_review(as_user, section, title="Cuộc họp đã họp")
        act(as_user, "iso.secretary", held, "hold")
        with as_user("iso.secretary"):
            tasks = ReviewTasks().tasks()
        kinds = {(t.kind, t.title) for t in tasks}
        assert ("review_to_close", "Cuộc họp đã họp") in kinds
        assert ("review_to_hold", f"Xem xét của lãnh đạo năm {YEAR}") in kinds
        with as_user("khcn.staff"):
            assert ReviewTasks().tasks() == []
