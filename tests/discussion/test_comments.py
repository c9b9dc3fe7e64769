"""Staff comment on effective procedures (góp ý); the owning unit's ISO
officers moderate. Over real HTTP through plone.restapi's @comments."""

from plone import api
from plone.app.discussion.interfaces import IConversation
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.conftest import acting_as

import pytest
import transaction


EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"
DRAFT = "don-vi/khcn/quy-trinh-danh-gia-ket-qua-nhiem-vu-khoa-hoc"


def publish(functional, comment_id, login):
    """Moderate as `login` (the Classic UI's moderation does the same)."""

    transaction.begin()  # see what the HTTP requests committed
    conversation = IConversation(functional["portal"].unrestrictedTraverse(EFFECTIVE))
    comment = conversation[int(comment_id)]
    with acting_as(login):
        api.portal.get_tool("portal_workflow").doActionFor(comment, "publish")
    transaction.commit()


def test_comment_waits_for_the_units_officer(rest, functional):
    posted = rest(
        "POST",
        f"{EFFECTIVE}/@comments",
        "khcn.staff",
        json={"text": "Đề nghị bổ sung mẫu sổ đăng ký."},
    )
    assert posted.status_code == 204, posted.text
    # pending: not shown to other staff yet
    others = rest("GET", f"{EFFECTIVE}/@comments", "phapche.staff").json()
    assert "Đề nghị bổ sung" not in str(others["items"])
    # the owning unit's ISO officer sees it and publishes it
    mine = rest("GET", f"{EFFECTIVE}/@comments", "vp.officer").json()
    (comment,) = [c for c in mine["items"] if "Đề nghị bổ sung" in c["text"]["data"]]
    publish(functional, comment["comment_id"], "vp.officer")
    others = rest("GET", f"{EFFECTIVE}/@comments", "phapche.staff").json()
    assert "Đề nghị bổ sung" in str(others["items"])


def test_no_comments_on_drafts(rest):
    posted = rest("POST", f"{DRAFT}/@comments", "khcn.staff", json={"text": "Góp ý"})
    assert posted.status_code in (401, 403)


def test_other_unit_officer_cannot_moderate(rest, functional):
    rest("POST", f"{EFFECTIVE}/@comments", "khcn.staff", json={"text": "Góp ý thử"})
    mine = rest("GET", f"{EFFECTIVE}/@comments", "vp.officer").json()
    comment = next(c for c in mine["items"] if "Góp ý thử" in c["text"]["data"])
    with pytest.raises(WorkflowException):
        publish(functional, comment["comment_id"], "khcn.officer")
    others = rest("GET", f"{EFFECTIVE}/@comments", "phapche.staff").json()
    assert "Góp ý thử" not in str(others["items"])
