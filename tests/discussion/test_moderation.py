"""Moderation of góp ý: only effective documents take comments, rejected
ones are hidden, and the units' ISO officers have a moderation queue."""

from plone import api
from plone.app.discussion.interfaces import IConversation
from tests.conftest import acting_as

import transaction


EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"
OTHER_UNIT = "don-vi/khcn/quy-trinh-xay-dung-tieu-chuan-quy-chuan-ky-thuat"
OBSOLETE = "don-vi/vp/quy-trinh-to-chuc-hoi-nghi-hoi-thao"
DRAFT = "don-vi/khcn/quy-trinh-danh-gia-ket-qua-nhiem-vu-khoa-hoc"


def post(rest, path, login, text):
    response = rest("POST", f"{path}/@comments", login, json={"text": text})
    assert response.status_code == 204, response.text
    transaction.begin()  # see what the HTTP request committed


def comment_with(functional, path, text):
    transaction.begin()
    conversation = IConversation(functional["portal"].unrestrictedTraverse(path))
    return next(c for c in conversation.values() if text in c.text)


def test_no_comments_on_obsolete_or_draft_even_for_site_administrators(rest):
    # iso.secretary is also Site Administrator: "Reply to item" everywhere
    for path in (OBSOLETE, DRAFT):
        posted = rest("POST", f"{path}/@comments", "iso.secretary", json={"text": "x"})
        assert posted.status_code in (401, 403), (path, posted.status_code)


def test_rejected_comment_is_hidden(rest, functional):
    post(rest, EFFECTIVE, "khcn.staff", "Góp ý không phù hợp")
    comment = comment_with(functional, EFFECTIVE, "Góp ý không phù hợp")
    with acting_as("vp.officer"):
        api.portal.get_tool("portal_workflow").doActionFor(comment, "reject")
        comment.reindexObject()
    transaction.commit()
    for login in ("phapche.staff", "khcn.staff"):
        seen = rest("GET", f"{EFFECTIVE}/@comments", login).json()
        assert "Góp ý không phù hợp" not in str(seen["items"]), login


def test_queue_lists_what_each_person_may_moderate(rest, http, portal_url, login_as):
    post(rest, EFFECTIVE, "khcn.staff", "Góp ý cho Văn phòng")
    post(rest, OTHER_UNIT, "phapche.staff", "Góp ý cho Vụ KHCN")

    def queue(login):
        response = http.get(f"{portal_url}/@@qms-moderation", auth=login_as(login))
        assert response.status_code == 200, (login, response.status_code)
        return response.text

    vp = queue("vp.officer")
    assert "Góp ý cho Văn phòng" in vp
    assert "Góp ý cho Vụ KHCN" not in vp
    khcn = queue("khcn.officer")
    assert "Góp ý cho Vụ KHCN" in khcn
    assert "Góp ý cho Văn phòng" not in khcn
    secretariat = queue("sec.only")
    assert "Góp ý cho Văn phòng" in secretariat
    assert "Góp ý cho Vụ KHCN" in secretariat
    staff = queue("phapche.staff")
    assert "Góp ý cho" not in staff
    assert "Không có góp ý nào đang chờ anh/chị kiểm duyệt" in staff


def test_approve_from_the_queue(rest, http, portal_url, login_as, functional):
    post(rest, EFFECTIVE, "khcn.staff", "Đề nghị rút ngắn thời hạn")
    comment = comment_with(functional, EFFECTIVE, "Đề nghị rút ngắn thời hạn")
    url = comment.absolute_url()
    auth = login_as("vp.officer")
    page = http.get(f"{portal_url}/@@qms-moderation", auth=auth).text
    token = page.split('name="_authenticator"', 1)[1].split('value="', 1)[1]
    token = token.split('"', 1)[0]
    # another unit's officer may not
    refused = http.post(
        f"{url}/@@qms-moderate-comment",
        data={"transition": "publish", "_authenticator": token},
        auth=login_as("khcn.officer"),
        allow_redirects=False,
    )
    assert refused.status_code in (302, 401, 403)
    assert "@@qms-moderation" not in refused.headers.get("location", "")
    seen = rest("GET", f"{EFFECTIVE}/@comments", "phapche.staff").json()
    assert "Đề nghị rút ngắn thời hạn" not in str(seen["items"])
    done = http.post(
        f"{url}/@@qms-moderate-comment",
        data={
            "transition": "publish",
            "_authenticator": token,
            "came_from": f"{portal_url}/@@qms-moderation",
        },
        auth=auth,
        allow_redirects=False,
    )
    assert done.status_code == 302, done.text
    assert done.headers["location"].endswith("@@qms-moderation")
    seen = rest("GET", f"{EFFECTIVE}/@comments", "phapche.staff").json()
    assert "Đề nghị rút ngắn thời hạn" in str(seen["items"])
