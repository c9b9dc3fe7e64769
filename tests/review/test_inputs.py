"""The inputs of a management review (review/inputs.py, ISO 9001 clause
9.3.2) against a unit made here and counted by hand: a new unit `tt` with
its procedures (3 revised, 1 cancelled, 2 new issued, 1 new draft), its
nonconformities (3 reported, 1 cancelled), an audit with a finding of kind
`improvement`, no record list; and the guard when the objectives are not
there."""

from datetime import date
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from qms.intranet.review import inputs
from qms.intranet.review.inputs import gather
from qms.intranet.review.inputs import list_status

import json
import pytest


TODAY = date.today()
YEAR = TODAY.year
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)


def effective(doc):
    for transition in ("submit", "accept", "approve"):
        api.content.transition(obj=doc, transition=transition)


@pytest.fixture
def unit(integration):
    """The unit `tt` and its year, made by a Manager."""
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    tt = api.content.create(
        container=portal["don-vi"], type="Department", id="tt", title="Thanh tra thử"
    )

    def procedure(n, issue=True):
        doc = api.content.create(
            container=tt,
            type="Procedure",
            title=f"Quy trình {n}",
            code=f"QT-{n:02d}/TT",
            owning_unit="tt",
        )
        if issue:
            effective(doc)
        return doc

    old = [procedure(n) for n in range(4)]
    for doc in old:  # issued last year
        first = doc.amendment_history[0]
        doc.amendment_history = [{**first, "date": f"{YEAR - 1}-06-01"}]
        doc.reindexObject()
    for doc in old[:3]:
        copy = ICheckinCheckoutPolicy(doc).checkout(tt)
        copy.change_note = "Rà soát"
        copy.signed_original_unchanged = True
        effective(copy)
    api.content.transition(obj=old[3], transition="withdraw", comment="Hết phù hợp")
    procedure(10)
    procedure(11)
    procedure(12, issue=False)

    register = tt["khac-phuc"]
    ncs = [
        api.content.create(
            container=register,
            type="Nonconformity",
            title=f"Sự không phù hợp {n}",
            source=source,
            detected_on=TODAY,
        )
        for n, source in enumerate(("daily_work", "daily_work", "complaint"))
    ]
    api.content.transition(obj=ncs[2], transition="cancel", comment="Trùng")

    programme = portal["danh-gia-noi-bo"][str(YEAR)]
    audit = api.content.create(
        container=programme,
        type="Audit",
        title="Đánh giá Thanh tra thử",
        audited_units=["tt"],
        lead_auditor="auditor",
        start=TODAY,
        end=TODAY,
    )
    api.content.transition(obj=audit, transition="start")
    api.content.create(
        container=audit,
        type="AuditFinding",
        title="Có thể số hóa sổ theo dõi",
        kind="improvement",
        unit="tt",
        description="Đề xuất số hóa.",
    )
    api.content.create(
        container=audit,
        type="AuditFinding",
        title="Sổ cập nhật chậm",
        kind="observation",
        unit="tt",
        description="Chậm hai ngày.",
    )
    return tt


def test_documents_of_the_year(unit):
    data = gather(START, END, "tt")
    documents = data["changes"]["documents"]
    assert {
        key: documents[key]
        for key in ("revised", "cancelled", "issued_new", "pending_new")
    } == {"revised": 3, "cancelled": 1, "issued_new": 2, "pending_new": 1}
    assert documents["urls"]["revised"].endswith(f"?figure=revised&year={YEAR}")


def test_units_added_in_the_period(unit):
    data = gather(START, END, "bloc")
    # the demo units were made this year too
    assert "tt" in [u["id"] for u in data["changes"]["units_added"]]
    data = gather(START, END, "tt")
    assert [u["id"] for u in data["changes"]["units_added"]] == ["tt"]
    assert (
        gather(date(YEAR - 1, 1, 1), date(YEAR - 1, 12, 31), "bloc")["changes"][
            "units_added"
        ]
        == []
    )


def test_nonconformities(unit):
    ncs = gather(START, END, "tt")["performance"]["nonconformities"]
    assert (ncs["reported"], ncs["open"], ncs["cancelled"], ncs["closed"]) == (
        3,
        2,
        1,
        0,
    )
    assert ncs["by_source"]["daily_work"] == 2
    assert ncs["by_source"]["complaint"] == 1


def test_audits_and_improvement_findings(unit):
    data = gather(START, END, "tt")
    audits = data["performance"]["audits"]
    assert audits["audits"] == 1
    assert audits["status"]["in_progress"] == 1
    assert audits["findings"]["improvement"] == 1
    assert audits["findings"]["observation"] == 1
    assert [f["title"] for f in data["improvement_findings"]] == [
        "Có thể số hóa sổ theo dõi"
    ]
    assert data["improvement_findings"][0]["audit_title"] == "Đánh giá Thanh tra thử"


def test_records_and_json(unit):
    data = gather(START, END, "tt")
    records = data["performance"]["records"]
    assert (records["units"], records["missing"], records["on_time"]) == (1, 1, 0)
    assert json.loads(json.dumps(data)) == data


def test_list_status():
    deadline = date(YEAR, 1, 31)
    assert list_status(None, None, deadline) == "missing"
    assert list_status("draft", None, deadline) == "in_draft"
    assert list_status("approved", f"{YEAR}-01-15", deadline) == "on_time"
    assert list_status("approved", f"{YEAR}-03-02", deadline) == "late"


def test_objectives_missing_is_an_empty_section(unit, monkeypatch):
    monkeypatch.setattr(inputs, "_year_summary", lambda: None)
    objectives = gather(START, END, "tt")["performance"]["objectives"]
    assert objectives["available"] is False
    assert objectives["rows"] == []


def test_objectives_per_unit(unit, monkeypatch):
    def summary(year):
        return {
            "bloc": {"total": 2, "achieved": 1, "no_data": 1},
            "tt": {"total": 3, "achieved": 2, "not_achieved": 1},
        }

    monkeypatch.setattr(inputs, "_year_summary", lambda: summary)
    bloc = gather(START, END, "bloc")["performance"]["objectives"]
    assert [row["key"] for row in bloc["rows"]] == ["bloc", "tt"]
    assert bloc["totals"]["total"] == 5
    tt = gather(START, END, "tt")["performance"]["objectives"]
    assert tt["rows"][0]["achieved"] == 2
    assert tt["rows"][0]["not_achieved"] == 1
