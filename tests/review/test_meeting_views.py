"""The management review pages over real HTTP (issue #15): the section,
a review's page (inputs live in draft, the snapshot once held, the texts
(d)–(f) and decisions, the actions), «Thêm hành động» with its refusals,
the `hold` and `close` steps with theirs. Messages are compared with their
translation, never with a fixed Vietnamese string."""

from datetime import date
from datetime import timedelta
from plone import api
from qms.intranet.review.meeting import ACTIONS_INCOMPLETE
from qms.intranet.review.meeting_views import DUE_REQUIRED
from qms.intranet.review.meeting_views import TITLE_REQUIRED
from tests.matrix import refused
from tests.review.test_meeting import demo_reviews
from zope.i18n import translate
from zope.i18nmessageid import Message

import html
import pytest
import re
import transaction


TODAY = date.today()
SECRETARY = ("iso.secretary", "qms-demo")


def vi(message, **mapping) -> str:
    if mapping:
        message = Message(message, mapping=mapping)
    return translate(message, target_language="vi")


def token(text: str) -> str:
    return re.search(r'name="_authenticator" value="([^"]+)"', text).group(1)


def text_of(response) -> str:
    return html.unescape(response.text)


@pytest.fixture
def reviews(functional):
    portal = functional["portal"]
    last, this = demo_reviews(portal)
    transaction.commit()
    return {"portal": portal, "last": last, "this": this}


def get(http, url, auth=SECRETARY, **kw):
    return http.get(url, auth=auth, **kw)


class TestPages:
    def test_section_lists_the_reviews(self, reviews, http):
        url = reviews["portal"].absolute_url() + "/xem-xet-lanh-dao"
        response = get(http, url)
        assert response.status_code == 200
        page = text_of(response)
        assert page.count('class="qms-review-row"') == 2
        assert "++add++ManagementReview" in page
        head = get(http, url, auth=("khcn.head", "qms-demo"))
        assert head.status_code == 200
        assert "++add++ManagementReview" not in head.text
        assert head.text.count('class="qms-review-row"') == 2

    def test_draft_shows_live_inputs(self, reviews, http):
        response = get(http, reviews["this"].absolute_url())
        assert response.status_code == 200
        page = text_of(response)
        for part in ("a", "b", "c", "d", "e", "f"):
            assert f'id="qms-input-{part}"' in page
        assert 'class="qms-live-note' in page
        assert "qms-snapshot-note" not in page
        # input a: last year's two actions
        assert page.count('class="qms-previous-action"') == 2
        assert 'data-transition="hold"' in page
        assert "@@add-review-action" in page
        assert 'name="resources"' in page

    def test_closed_shows_the_snapshot_and_its_actions(self, reviews, http):
        response = get(http, reviews["last"].absolute_url())
        page = text_of(response)
        assert response.status_code == 200
        assert "qms-snapshot-note" in page
        assert page.count("qms-review-action-row") == 2
        assert 'name="resources"' not in page  # closed: nobody edits

    def test_unit_head_reads_without_tools(self, reviews, http):
        response = get(
            http, reviews["this"].absolute_url(), auth=("vp.head", "qms-demo")
        )
        assert response.status_code == 200
        page = text_of(response)
        assert "@@add-review-action" not in page
        assert 'name="resources"' not in page
        assert "qms-step" not in page


class TestNotesAndActions:
    def test_notes_saved(self, reviews, http):
        review = reviews["this"]
        page = get(http, review.absolute_url()).text
        response = http.post(
            f"{review.absolute_url()}/@@review-notes",
            auth=SECRETARY,
            data={
                "_authenticator": token(page),
                "resources": "Đủ nguồn lực",
                "risks": "Rủi ro đã xử lý",
                "improvement_notes": "Số hóa biểu mẫu",
                "decisions": "Duy trì hệ thống",
            },
        )
        assert response.status_code == 200
        transaction.begin()
        assert review.resources == "Đủ nguồn lực"
        assert review.decisions == "Duy trì hệ thống"

    def test_action_without_due_date_refused(self, reviews, http):
        review = reviews["this"]
        url = f"{review.absolute_url()}/@@add-review-action"
        form = get(http, url)
        assert form.status_code == 200
        response = http.post(
            url,
            auth=SECRETARY,
            data={
                "_authenticator": token(form.text),
                "form.submitted": "1",
                "title": "",
                "responsible": "khcn.officer",
                "due_date": "",
            },
        )
        page = text_of(response)
        assert vi(DUE_REQUIRED) in page
        assert vi(TITLE_REQUIRED) in page
        transaction.begin()
        assert len(review.objectIds()) == 0

    def test_action_added_then_close_refused_then_closed(self, reviews, http):
        review = reviews["this"]
        review.meeting_date = TODAY
        transaction.commit()
        url = f"{review.absolute_url()}/@@add-review-action"
        form = get(http, url)
        response = http.post(
            url,
            auth=SECRETARY,
            data={
                "_authenticator": token(form.text),
                "form.submitted": "1",
                "title": "Rà soát quy trình nghiệp vụ",
                "responsible": "",
                "due_date": (TODAY + timedelta(days=60)).isoformat(),
            },
        )
        assert response.status_code == 200
        transaction.begin()
        (action,) = review.objectValues()
        assert action.kind == "improvement"
        assert action.responsible is None
        # hold
        step = get(http, f"{review.absolute_url()}/@@qms-transition?transition=hold")
        assert step.status_code == 200
        held = http.post(
            f"{review.absolute_url()}/@@qms-transition",
            auth=SECRETARY,
            data={
                "_authenticator": token(step.text),
                "transition": "hold",
                "form.submitted": "1",
            },
        )
        assert held.status_code == 200
        transaction.begin()
        assert api.content.get_state(obj=review) == "held"
        assert review.inputs["previous_actions"]["total"] == 2
        # close: refused, the action has nobody responsible
        step = get(http, f"{review.absolute_url()}/@@qms-transition?transition=close")
        refusal = http.post(
            f"{review.absolute_url()}/@@qms-transition",
            auth=SECRETARY,
            data={
                "_authenticator": token(step.text),
                "transition": "close",
                "form.submitted": "1",
                "decisions": "Duy trì hệ thống",
            },
        )
        expected = vi(ACTIONS_INCOMPLETE, actions="Rà soát quy trình nghiệp vụ")
        assert expected in text_of(refusal)
        transaction.begin()
        assert api.content.get_state(obj=review) == "held"
        assert not review.decisions
        action.responsible = "vp.officer"
        transaction.commit()
        closed = http.post(
            f"{review.absolute_url()}/@@qms-transition",
            auth=SECRETARY,
            data={
                "_authenticator": token(step.text),
                "transition": "close",
                "form.submitted": "1",
                "decisions": "Duy trì hệ thống",
            },
        )
        assert closed.status_code == 200
        transaction.begin()
        assert api.content.get_state(obj=review) == "closed"
        assert review.decisions == "Duy trì hệ thống"


class TestActionPages:
    def test_action_page_and_its_step_for_the_person_responsible(self, reviews, http):
        actions = {
            api.content.get_state(obj=a): a for a in reviews["last"].objectValues()
        }
        url = actions["open"].absolute_url()
        for auth in (SECRETARY, ("vp.officer", "qms-demo"), ("leader", "qms-demo")):
            assert get(http, url, auth=auth).status_code == 200
        step = get(
            http,
            f"{url}/@@qms-transition?transition=complete",
            auth=("vp.officer", "qms-demo"),
        )
        assert step.status_code == 200
        staff = get(http, url, auth=("khcn.staff", "qms-demo"), allow_redirects=False)
        assert refused(staff)

    def test_tasks_on_the_home_page(self, reviews, http):
        home = get(
            http, reviews["portal"].absolute_url(), auth=("vp.officer", "qms-demo")
        )
        assert home.status_code == 200
        open_action = next(
            a
            for a in reviews["last"].objectValues()
            if api.content.get_state(obj=a) == "open"
        )
        assert open_action.absolute_url() in home.text
        secretary = get(http, reviews["portal"].absolute_url())
        assert reviews["this"].absolute_url() in secretary.text


class TestMinutes:
    def test_minutes_to_print_and_as_pdf(self, reviews, http):
        url = reviews["last"].absolute_url()
        sheet = get(http, f"{url}/@@review-minutes")
        assert sheet.status_code == 200
        page = text_of(sheet)
        assert "Thứ trưởng Nguyễn Minh Hồng" in page
        assert "Tổ chức tập huấn TCVN ISO 9001:2015" in page
        pdf = get(http, f"{url}/@@review-minutes.pdf")
        assert pdf.status_code == 200
        assert pdf.content.startswith(b"%PDF-")
        draft = get(http, f"{reviews['this'].absolute_url()}/@@review-minutes")
        assert draft.status_code == 200
        staff = get(
            http,
            f"{url}/@@review-minutes",
            auth=("khcn.staff", "qms-demo"),
            allow_redirects=False,
        )
        assert refused(staff)


class TestForms:
    def test_add_and_edit_forms(self, reviews, http):
        section = reviews["portal"].absolute_url() + "/xem-xet-lanh-dao"
        add = get(http, f"{section}/++add++ManagementReview")
        assert add.status_code == 200
        assert 'name="form.widgets.scope:list"' in add.text
        assert 'name="form.widgets.resources"' not in add.text
        edit = get(http, f"{reviews['this'].absolute_url()}/edit")
        assert edit.status_code == 200
        assert 'name="form.widgets.decisions"' in edit.text
        leader = get(
            http,
            f"{section}/++add++ManagementReview",
            auth=("leader", "qms-demo"),
            allow_redirects=False,
        )
        assert refused(leader)

    def test_period_in_order(self, reviews, http):
        section = reviews["portal"].absolute_url() + "/xem-xet-lanh-dao"
        page = get(http, reviews["this"].absolute_url())
        response = http.post(
            f"{section}/++add++ManagementReview",
            auth=SECRETARY,
            data={
                "_authenticator": token(page.text),
                "form.widgets.title": "Sai kỳ",
                "form.widgets.meeting_date": TODAY.isoformat(),
                "form.widgets.scope:list": "bloc",
                "form.widgets.period_start": "2026-12-31",
                "form.widgets.period_end": "2026-01-01",
                "form.buttons.save": "Lưu",
            },
        )
        assert response.status_code == 200
        assert "++add++ManagementReview" in response.url
        transaction.begin()
        assert "sai-ky" not in reviews["portal"]["xem-xet-lanh-dao"]
