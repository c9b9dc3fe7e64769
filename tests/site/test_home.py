"""The home page "Việc của tôi", @my-tasks, and what every page shows."""

from plone import api
from qms.intranet.core.tasks import my_tasks
from tests.conftest import JSON

import json
import pytest


def kinds(tasks) -> set[str]:
    return {task.kind for task in tasks}


@pytest.mark.parametrize(
    ("login", "expected", "absent"),
    [
        # the test layer's vp documents wait in every state
        ("vp.head", {"document_to_review"}, {"document_to_approve"}),
        ("leader", {"document_to_approve"}, {"document_to_review"}),
        ("vp.officer", {"draft_to_submit"}, {"document_to_approve"}),
        ("khcn.staff", set(), {"document_to_review", "draft_to_submit"}),
    ],
)
def test_tasks_follow_what_each_person_may_do(
    integration, as_user, login, expected, absent
):
    with as_user(login):
        found = kinds(my_tasks())
    assert expected <= found
    assert not absent & found


def test_other_units_drafts_are_not_anyones_task(integration, as_user):
    with as_user("khcn.officer"):
        titles = [task.title for task in my_tasks()]
    assert not any("Quy trình draft" in title for title in titles)


def test_my_tasks_over_rest(rest):
    response = rest("GET", "@my-tasks", "vp.head")
    assert response.status_code == 200
    items = response.json()["items"]
    review = [i for i in items if i["kind"] == "document_to_review"]
    assert review
    assert review[0]["url"].startswith("http")
    assert review[0]["group"] == "Tài liệu chờ anh/chị xem xét"
    assert rest("GET", "@my-tasks", None).status_code == 401


def test_home_page_lists_tasks_and_quick_links(http, portal_url, login_as):
    page = http.get(portal_url, auth=login_as("vp.head"))
    assert page.status_code == 200
    assert "Việc của tôi" in page.text
    assert "Tài liệu chờ anh/chị xem xét" in page.text
    assert f"{portal_url}/don-vi/vp/ho-so" in page.text  # the unit's records
    assert f"{portal_url}/he-thong-qlcl" in page.text


def test_folder_contents_rows_in_vietnamese(http, portal_url, login_as):
    params = {
        "name": "plone.app.vocabularies.Catalog",
        "query": json.dumps(
            {
                "criteria": [
                    {
                        "i": "path",
                        "o": "plone.app.querystring.operation.string.path",
                        "v": "/don-vi/vp::1",
                    }
                ]
            }
        ),
        "attributes": json.dumps(["Title", "review_state", "Type", "portal_type"]),
    }
    response = http.get(
        f"{portal_url}/@@getVocabulary",
        params=params,
        headers=JSON,
        auth=login_as("iso.secretary"),
    )
    assert response.status_code == 200
    rows = {row["Title"]: row for row in response.json()["results"]}
    procedure = rows["Quy trình quản lý văn bản đi"]
    assert procedure["review_state"] == "Có hiệu lực"
    assert procedure["Type"] == "Quy trình"
    assert procedure["portal_type"] == "Procedure"  # icons and logic keep the id


def test_every_host_is_themed(integration):
    hosts = api.portal.get_registry_record(
        "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"
    )
    assert "127.0.0.1" not in (hosts or [])


def test_rich_text_is_html_only(integration):
    assert api.portal.get_registry_record("plone.allowed_types") == ("text/html",)


def test_feed_links_are_named_plainly(http, portal_url, login_as):
    page = http.get(portal_url, auth=login_as("vp.staff"))
    assert "b'RSS" not in page.text
    assert "- RSS 2.0" in page.text
