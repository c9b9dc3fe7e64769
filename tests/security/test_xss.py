"""Markup typed into a title, a code, a comment or a record-list heading is
shown as text everywhere it appears: never as a tag the browser runs."""

from plone import api
from plone.app.discussion.interfaces import IConversation
from qms.intranet.records import lists
from zope.component import createObject

import pytest
import transaction


SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD = f"XSS {SCRIPT} {IMG}"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def hostile(functional):
    """The layer's vp content renamed with markup: a procedure pending
    review (the head's task), an effective policy, the unit itself, a comment
    and the 2025 record list's heading."""
    portal = functional["portal"]
    unit = portal["don-vi"]["vp"]
    with api.env.adopt_roles(["Manager"]):
        procedure = unit["qt-pending_review"]
        procedure.title = f"Quy trình {PAYLOAD}"
        procedure.code = f"QT-{PAYLOAD}"  # below the form's validation
        policy = portal["he-thong-qlcl"]["cs-effective"]
        policy.title = f"Chính sách {PAYLOAD}"
        unit.title = f"Văn phòng {PAYLOAD}"
        record_list = unit["ho-so"]["2025"]
        record_list.entries = lists.clean_entries(
            [{"id": "e1", "heading": f"Hồ sơ {PAYLOAD}", "retention": "5"}]
        )
        effective = unit["qt-effective"]
        comment = createObject("plone.Comment")
        comment.text = f"Góp ý {PAYLOAD}"
        comment.author_username = "khcn.staff"
        IConversation(effective).addComment(comment)
        for obj in (procedure, policy, unit, record_list, effective):
            obj.reindexObject()
    transaction.commit()


# page -> (who looks, path, query, the hostile texts it must show as text)
PAGES = {
    "document page": (
        "vp.head",
        "don-vi/vp/qt-pending_review",
        {},
        ("Quy trình XSS", "QT-XSS"),
    ),
    "comment on a document": (
        "vp.officer",
        "don-vi/vp/qt-effective",
        {},
        ("Góp ý XSS",),
    ),
    "unit page": ("vp.head", "don-vi/vp", {}, ("Văn phòng XSS", "Quy trình XSS")),
    "section page": ("vp.staff", "he-thong-qlcl", {}, ("Chính sách XSS",)),
    "search results": (
        "vp.head",
        "@@search",
        {"SearchableText": "XSS"},
        ("Quy trình XSS",),
    ),
    "record list page": ("vp.staff", "don-vi/vp/ho-so/2025", {}, ("Hồ sơ XSS",)),
    "home page tasks": ("vp.head", "", {}, ("Quy trình XSS",)),
    "record board": (
        "sec.only",
        "@@record-board",
        {"year": "2025"},
        ("Văn phòng XSS",),
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_markup_is_escaped(hostile, http, portal_url, login_as, page):
    login, path, params, shown = PAGES[page]
    response = http.get(f"{portal_url}/{path}", auth=login_as(login), params=params)
    assert response.status_code == 200
    html = response.text
    assert SCRIPT not in html
    assert IMG not in html
    for text in shown:  # the hostile text is there, as text
        assert f"{text} {ESCAPED}" in html, text
