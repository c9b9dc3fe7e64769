""" "Việc của tôi" from nonconformities (issue #13): to analyse, to plan, plans
to approve, actions to do (overdue ones said so), to send for verification
and to verify, each for the right people only, found with their own
permissions, and each leading to the item where the step is done."""

from datetime import date
from datetime import timedelta
from qms.intranet.core.dates import format_date
from qms.intranet.core.tasks import my_tasks
from tests.improvement.test_workflow import act
from tests.improvement.test_workflow import add_action
from tests.improvement.test_workflow import report


TODAY = date.today()
EVERYONE = (
    "khcn.staff",
    "khcn.officer",
    "khcn.head",
    "vp.staff",
    "vp.officer",
    "vp.head",
    "iso.secretary",
    "sec.only",
    "leader",
)


def tasks_of(as_user, login, kind) -> dict:
    """url -> task of `kind` for `login`."""
    with as_user(login):
        return {t.url: t for t in my_tasks() if t.kind == kind}


def who_has(as_user, kind, url) -> set[str]:
    return {login for login in EVERYONE if url in tasks_of(as_user, login, kind)}


def analysed(portal, as_user):
    nc = report(portal, as_user, title="Sổ giao nhận hồ sơ ghi thiếu ngày")
    nc.root_cause = "Mẫu sổ không có cột ngày giao nhận."
    act(as_user, "khcn.officer", nc, "analyse")
    return nc


def test_reported_ones_to_analyse_for_the_units_officers_and_heads(
    integration, as_user
):
    nc = report(integration["portal"], as_user, title="Thiếu chữ ký phiếu trình")
    url = nc.absolute_url()
    assert who_has(as_user, "nonconformity_to_analyse", url) == {
        "khcn.officer",
        "khcn.head",
    }
    task = tasks_of(as_user, "khcn.officer", "nonconformity_to_analyse")[url]
    assert task.title == f"{nc.reference} – Thiếu chữ ký phiếu trình"
    assert task.detail == "Vụ Khoa học và Công nghệ"
    assert task.group
    assert task.action


def test_analysed_the_officers_plan_then_the_heads_approve(integration, as_user):
    nc = analysed(integration["portal"], as_user)
    url = nc.absolute_url()
    assert who_has(as_user, "nonconformity_to_plan", url) == {"khcn.officer"}
    assert who_has(as_user, "nonconformity_plan_to_approve", url) == set()
    add_action(as_user, nc, kind="correction")  # not yet a corrective action
    assert who_has(as_user, "nonconformity_plan_to_approve", url) == set()
    add_action(as_user, nc)
    assert who_has(as_user, "nonconformity_to_plan", url) == set()
    assert who_has(as_user, "nonconformity_plan_to_approve", url) == {"khcn.head"}
    act(as_user, "khcn.head", nc, "plan")
    assert who_has(as_user, "nonconformity_plan_to_approve", url) == set()


def test_the_responsible_does_their_actions_overdue_ones_said_so(integration, as_user):
    nc = analysed(integration["portal"], as_user)
    late_day, soon_day = TODAY - timedelta(days=3), TODAY + timedelta(days=7)
    late = add_action(as_user, nc, title="Sửa mẫu sổ", due_date=late_day)
    soon = add_action(
        as_user,
        nc,
        title="Tập huấn văn thư",
        responsible="khcn.head",
        due_date=soon_day,
    )
    # before the plan is approved, nothing is asked of them
    assert who_has(as_user, "corrective_action_to_do", late.absolute_url()) == set()
    act(as_user, "khcn.head", nc, "plan")
    assert who_has(as_user, "corrective_action_to_do", late.absolute_url()) == {
        "khcn.staff"
    }
    assert who_has(as_user, "corrective_action_to_do", soon.absolute_url()) == {
        "khcn.head"
    }
    task = tasks_of(as_user, "khcn.staff", "corrective_action_to_do")[
        late.absolute_url()
    ]
    assert task.title == "Sửa mẫu sổ"
    assert task.due == late_day.isoformat()
    assert format_date(late_day) in task.action
    assert nc.reference in task.detail
    other = tasks_of(as_user, "khcn.head", "corrective_action_to_do")[
        soon.absolute_url()
    ]
    assert format_date(soon_day) in other.action
    # the overdue one is said so: another sentence than the one on time
    assert task.action.replace(format_date(late_day), "") != other.action.replace(
        format_date(soon_day), ""
    )
    assert "Quá hạn" in task.action or "Overdue" in task.action
    # done: no longer asked
    late.result = "Đã thêm cột ngày giao nhận."
    act(as_user, "khcn.staff", late, "complete")
    assert who_has(as_user, "corrective_action_to_do", late.absolute_url()) == set()


def test_sent_for_verification_when_every_action_is_done_then_verified(
    integration, as_user
):
    nc = analysed(integration["portal"], as_user)
    first = add_action(as_user, nc)
    second = add_action(as_user, nc, title="Phổ biến mẫu sổ mới", kind="improvement")
    act(as_user, "khcn.head", nc, "plan")
    url = nc.absolute_url()
    for action in (first, second):
        assert who_has(as_user, "nonconformity_to_send", url) == set()
        action.result = "Đã thực hiện."
        act(as_user, "khcn.staff", action, "complete")
    assert who_has(as_user, "nonconformity_to_send", url) == {"khcn.officer"}
    assert who_has(as_user, "nonconformity_to_verify", url) == set()

    act(as_user, "khcn.officer", nc, "complete")
    assert who_has(as_user, "nonconformity_to_send", url) == set()
    assert who_has(as_user, "nonconformity_to_verify", url) == {
        "iso.secretary",
        "sec.only",
    }
    nc.effectiveness = "effective"
    act(as_user, "iso.secretary", nc, "verify")
    assert who_has(as_user, "nonconformity_to_verify", url) == set()


def test_nothing_for_an_anonymous_visitor(integration, as_user):
    report(integration["portal"], as_user)
    with as_user(None):
        assert not [t for t in my_tasks() if "nonconformity" in t.kind]


def test_over_rest_and_on_the_home_page(functional, rest, http, portal_url, login_as):
    """The demo's reported nonconformity of khcn waits for its officer."""
    answer = rest("GET", "@my-tasks", "khcn.officer")
    assert answer.status_code == 200
    found = [
        t for t in answer.json()["items"] if t["kind"] == "nonconformity_to_analyse"
    ]
    assert found
    assert all("/don-vi/khcn/khac-phuc/" in t["url"] for t in found)
    page = http.get(portal_url, auth=login_as("khcn.officer"))
    assert 'data-kind="nonconformity_to_analyse"' in page.text
    assert f'href="{found[0]["url"]}"' in page.text
    # another unit's officer is not asked
    answer = rest("GET", "@my-tasks", "vp.officer")
    assert "/don-vi/khcn/khac-phuc/" not in answer.text
