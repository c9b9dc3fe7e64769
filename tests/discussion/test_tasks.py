""" "Việc của tôi": the góp ý waiting for this person's moderation."""

from qms.intranet.core.tasks import my_tasks
from zope.component import getUtility

import transaction


EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"


def comment_tasks():
    return [t for t in my_tasks() if t.kind == "comment_to_moderate"]


def test_provider_is_registered(functional):
    from qms.intranet.core.tasks import ITaskProvider

    assert getUtility(ITaskProvider, name="discussion") is not None


def test_officer_and_secretariat_get_the_pending_comment(rest, functional, as_user):
    posted = rest(
        "POST", f"{EFFECTIVE}/@comments", "khcn.staff", json={"text": "Góp ý chờ"}
    )
    assert posted.status_code == 204
    transaction.begin()
    for login in ("vp.officer", "sec.only"):
        with as_user(login):
            (task,) = comment_tasks()
        assert "QT-02/VP" in task.title
        assert task.group == "Góp ý chờ kiểm duyệt"
        assert task.action == "Duyệt hoặc từ chối"
        assert "@@qms-moderation" in task.url
        assert task.as_dict()["kind"] == "comment_to_moderate"
    for login in ("khcn.officer", "phapche.staff", "khcn.staff"):
        with as_user(login):
            assert comment_tasks() == [], login
