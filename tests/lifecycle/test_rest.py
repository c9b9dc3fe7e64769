"""REST of the lifecycle over real HTTP: POST @confirm-review, POST
@acknowledge, GET @acknowledgements, with who may and clear 400s."""

from datetime import date
from datetime import timedelta
from plone import api

import pytest
import transaction


DOC = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"  # QT-02/VP, effective
SYSTEM_CODE = "QT-HT-01"


@pytest.fixture
def portal(functional):
    return functional["portal"]


def system_path(portal):
    catalog = api.portal.get_tool("portal_catalog")
    brain = catalog.unrestrictedSearchResults(
        document_code=SYSTEM_CODE, is_working_copy=False
    )[0]
    return brain.getPath().removeprefix("/plone/")


def test_officer_confirms_review_over_rest(portal, rest):
    doc = portal.unrestrictedTraverse(DOC)
    doc.next_review_date = date.today() - timedelta(days=2)
    doc.reindexObject()
    transaction.commit()
    rows = len(doc.amendment_history)
    answer = rest("POST", f"{DOC}/@confirm-review", "vp.officer", json={"comment": ""})
    assert answer.status_code == 400
    assert "bắt buộc" in answer.json()["error"]["message"]
    transaction.begin()
    assert len(doc.amendment_history) == rows
    answer = rest(
        "POST",
        f"{DOC}/@confirm-review",
        "vp.officer",
        json={"comment": "Vẫn phù hợp với Nghị định 30/2020"},
    )
    assert answer.status_code == 200, answer.text
    expected = date.today().replace(year=date.today().year + 1)
    assert answer.json()["next_review_date"][:4] == str(expected.year)
    transaction.begin()
    assert len(doc.amendment_history) == rows + 1


@pytest.mark.parametrize("login", ["vp.staff", "vp.head", "khcn.officer", None])
def test_others_may_not_confirm(rest, login):
    answer = rest("POST", f"{DOC}/@confirm-review", login, json={"comment": "x"})
    assert answer.status_code in (401, 403)


def test_bad_json_is_a_400(rest):
    answer = rest(
        "POST",
        f"{DOC}/@confirm-review",
        "vp.officer",
        data="not json",
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400


def test_acknowledge_over_rest(portal, rest):
    path = system_path(portal)
    first = rest("POST", f"{path}/@acknowledge", "phapche.staff")
    assert first.status_code == 200, first.text
    again = rest("POST", f"{path}/@acknowledge", "phapche.staff")
    assert again.json()["acknowledged"] == first.json()["acknowledged"]
    # The unit's reader is gone from «Cần đọc».
    tasks = rest("GET", "@my-tasks", "phapche.staff").json()
    urls = [t["url"] for t in tasks.get("items", tasks.get("tasks", []))]
    assert not any(url.endswith(path) for url in urls)


def test_acknowledge_refused_outside_the_audience(rest):
    answer = rest("POST", f"{DOC}/@acknowledge", "khcn.staff")
    # khcn reads QT-02/VP (effective) but is not asked to acknowledge it.
    assert answer.status_code == 400
    assert "đơn vị khác" in answer.json()["error"]["message"]


@pytest.mark.parametrize(
    ("login", "allowed"),
    [
        ("vp.officer", True),
        ("vp.head", True),
        ("iso.secretary", True),
        ("vp.staff", False),
        ("khcn.officer", False),
        (None, False),
    ],
)
def test_who_follows_acknowledgements(rest, login, allowed):
    answer = rest("GET", f"{DOC}/@acknowledgements", login)
    if allowed:
        assert answer.status_code == 200
        body = answer.json()
        assert body["total"] == body["done"] + len(body["missing"])
        assert "vp.head" in [p["user"] for p in body["acknowledged"]]
        assert "vp.staff" in [p["user"] for p in body["missing"]]
    else:
        assert answer.status_code in (401, 403)
