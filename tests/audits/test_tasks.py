""" "Việc của tôi" from internal audits (issue #14): the lead auditor starts
and reports, the team fills, the secretariat closes the reported audits,
the leaders and the secretariat approve draft programmes; nobody else is
asked anything."""

from datetime import date
from datetime import timedelta
from plone import api
from qms.intranet.core.tasks import my_tasks
from tests.audits.test_workflow import plan
from tests.audits.test_workflow import programme
from tests.improvement.test_workflow import act


TODAY = date.today()
EVERYONE = (
    "auditor",
    "auditor2",
    "iso.secretary",
    "leader",
    "khcn.staff",
    "khcn.head",
    "phapche.officer",
    "vp.head",
)


def tasks_of(as_user, login, kind) -> dict:
    """url -> task of `kind` for `login`."""
    with as_user(login):
        return {t.url: t for t in my_tasks() if t.kind == kind}


def who_has(as_user, kind, url) -> set[str]:
    return {login for login in EVERYONE if url in tasks_of(as_user, login, kind)}


def running(portal):
    """The demo's audit in progress (khcn: lead auditor, with auditor2)."""
    (audit,) = [
        a
        for a in programme(portal).objectValues()
        if api.content.get_state(obj=a) == "in_progress"
    ]
    return audit


def test_the_lead_reports_the_team_fills(integration, as_user):
    audit = running(integration["portal"])
    url = audit.absolute_url()
    assert who_has(as_user, "audit_to_report", url) == {"auditor"}
    assert who_has(as_user, "audit_to_fill", url) == {"auditor2"}
    task = tasks_of(as_user, "auditor", "audit_to_report")[url]
    assert task.title == audit.Title()
    assert "Vụ Khoa học và Công nghệ" in task.detail
    assert task.due == audit.end.isoformat()
    assert task.group
    assert task.action


def test_a_planned_audit_is_started_from_its_start_date(integration, as_user):
    portal = integration["portal"]
    later = plan(
        portal,
        as_user,
        units=("thanhtra",),
        lead="auditor2",
        start=TODAY + timedelta(days=3),
        end=TODAY + timedelta(days=4),
    )
    now = plan(portal, as_user, units=("khtc",), lead="auditor2", auditors=["auditor"])
    starting = tasks_of(as_user, "auditor2", "audit_to_start")
    assert later.absolute_url() not in starting
    assert now.absolute_url() in starting
    assert who_has(as_user, "audit_to_start", now.absolute_url()) == {"auditor2"}
    act(as_user, "auditor2", now, "start")
    assert who_has(as_user, "audit_to_start", now.absolute_url()) == set()
    assert who_has(as_user, "audit_to_fill", now.absolute_url()) == {"auditor"}


def test_the_secretariat_closes_reported_audits(integration, as_user):
    audit = running(integration["portal"])
    url = audit.absolute_url()
    assert tasks_of(as_user, "iso.secretary", "audit_to_close") == {}
    audit.summary = "Vụ áp dụng phù hợp; một điểm không phù hợp nhẹ."
    act(as_user, "auditor", audit, "report")
    assert who_has(as_user, "audit_to_close", url) == {"iso.secretary"}
    assert who_has(as_user, "audit_to_report", url) == set()
    assert who_has(as_user, "audit_to_fill", url) == set()


def test_draft_programmes_to_approve(integration, as_user):
    portal = integration["portal"]
    assert tasks_of(as_user, "leader", "audit_programme_to_approve") == {}
    with as_user("iso.secretary"):
        draft = api.content.create(
            container=portal["danh-gia-noi-bo"],
            type="AuditProgramme",
            id=str(TODAY.year + 1),
            year=TODAY.year + 1,
        )
    url = draft.absolute_url()
    assert who_has(as_user, "audit_programme_to_approve", url) == {
        "leader",
        "iso.secretary",
    }
    act(as_user, "leader", draft, "approve")
    assert who_has(as_user, "audit_programme_to_approve", url) == set()


def test_staff_are_asked_nothing(integration, as_user):
    for login in ("khcn.staff", "khcn.head", "vp.head"):
        with as_user(login):
            assert [t for t in my_tasks() if "audit" in t.kind] == [], login
    with as_user(None):
        assert [t for t in my_tasks() if "audit" in t.kind] == []
