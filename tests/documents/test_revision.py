"""Revising an effective document: staff keep reading the effective issue
while the officer drafts the revision; approval replaces it, raises the issue
number, dates it, adds the amendment row; the previous issue stays
retrievable. And the seed's year, reproduced and counted."""

from AccessControl import Unauthorized
from datetime import date
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from qms.intranet.documents.statistics import year_figures
from qms.intranet.site.demo.files import pdf_bytes

import pytest


EFFECTIVE = "quy-trinh-quan-ly-van-ban-di"  # QT-02/VP, issue 1, effective


@pytest.fixture
def unit(integration):
    return integration["portal"]["don-vi"]["vp"]


@pytest.fixture
def checked_out(unit, as_user):
    with as_user("vp.officer"):
        wc = ICheckinCheckoutPolicy(unit[EFFECTIVE]).checkout(unit)
        wc.title = "Quy trình quản lý văn bản đi (sửa đổi)"
        wc.signed_original = NamedBlobFile(
            pdf_bytes("issue 2"), filename="qt-02-vp-2.pdf"
        )
    return wc


def approve(wc, change_note="Rút ngắn thời hạn phát hành văn bản đi"):
    wc.change_note = change_note
    for transition, login_ in (
        ("submit", "vp.officer"),
        ("accept", "vp.head"),
        ("approve", "leader"),
    ):
        with api.env.adopt_user(username=login_):
            api.content.transition(obj=wc, transition=transition)


def test_staff_read_the_effective_issue_meanwhile(unit, checked_out, as_user):
    with as_user("khcn.staff"):
        assert api.user.has_permission("View", obj=unit[EFFECTIVE])
        assert unit[EFFECTIVE].title == "Quy trình quản lý văn bản đi"
        assert not api.user.has_permission("View", obj=checked_out)
        titles = [b.Title for b in api.content.find(portal_type="Procedure")]
    assert "Quy trình quản lý văn bản đi" in titles
    assert checked_out.title not in titles


def test_revision_starts_as_draft_with_same_code(checked_out):
    assert api.content.get_state(checked_out) == "draft"
    assert checked_out.code == "QT-02/VP"
    assert checked_out.revision == 1


def test_submit_needs_what_changed(checked_out, as_user):

    wf = api.portal.get_tool("portal_workflow")
    with (
        as_user("vp.officer"),
        pytest.raises(WorkflowException, match="sửa đổi|changed"),
    ):
        wf.doActionFor(checked_out, "submit")
    assert api.content.get_state(checked_out) == "draft"


def test_approval_replaces_the_effective_issue(unit, checked_out):
    approve(checked_out)
    assert f"working_copy_of_{EFFECTIVE}" not in unit.objectIds()
    doc = unit[EFFECTIVE]
    assert api.content.get_state(doc) == "effective"
    assert doc.title == "Quy trình quản lý văn bản đi (sửa đổi)"
    assert doc.revision == 2
    assert doc.issue_date == date.today()
    assert doc.effective_from == date.today()
    assert doc.signed_original.filename == "qt-02-vp-2.pdf"
    last = doc.amendment_history[-1]
    assert last["revision"] == 2
    assert last["changes"] == "Rút ngắn thời hạn phát hành văn bản đi"
    assert last["approved_by"] == "Nguyễn Minh Hồng (Lãnh đạo Bộ)"
    assert [row["revision"] for row in doc.amendment_history] == [1, 2]
    assert not doc.change_note
    # the review of the revision is kept in the document's history
    actions = [h["action"] for h in doc.workflow_history["qms_document_workflow"]]
    assert actions[-3:] == ["submit", "accept", "approve"]
    brain = api.content.find(UID=doc.UID(), unrestricted=True)[0]
    assert brain.document_revision == 2


def test_previous_issue_retrievable(unit, checked_out, as_user):
    approve(checked_out)
    repository = api.portal.get_tool("portal_repository")
    with as_user("vp.staff"):
        history = repository.getHistoryMetadata(unit[EFFECTIVE])
        titles = [
            repository.retrieve(unit[EFFECTIVE], i).object.title
            for i in range(history.getLength(countPurged=False))
        ]
    assert "Quy trình quản lý văn bản đi" in titles
    assert "Quy trình quản lý văn bản đi (sửa đổi)" in titles


def test_other_unit_cannot_revise(unit, as_user):

    with as_user("khcn.officer"), pytest.raises((Unauthorized, Exception)):
        unit[EFFECTIVE].restrictedTraverse("@@content-checkout")()
    assert f"working_copy_of_{EFFECTIVE}" not in unit.objectIds()


def test_seed_year_reproduced_and_counted(integration):
    """35 revised, 1 cancelled, 2 new issued, 2 new drafts not issued."""
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    this_year = date.today().year
    unit = api.content.create(
        container=portal["don-vi"], type="Department", id="tt", title="Thanh tra thử"
    )
    before = year_figures(this_year)

    def procedure(title, code, issue=True):
        doc = api.content.create(
            container=unit, type="Procedure", title=title, code=code, owning_unit="tt"
        )
        if issue:
            take_to_effective(doc)
        return doc

    def take_to_effective(doc):
        for transition in ("submit", "accept", "approve"):
            api.content.transition(obj=doc, transition=transition)

    # 36 procedures issued last year
    procedures = [procedure(f"Quy trình {n}", f"QT-{n:02d}/TT") for n in range(36)]
    for doc in procedures:
        first = doc.amendment_history[0]
        doc.amendment_history = [{**first, "date": f"{this_year - 1}-06-01"}]
        doc.reindexObject()
    # this year: 35 revised, 1 cancelled, 2 new issued, 2 new drafts
    for doc in procedures[:35]:
        wc = ICheckinCheckoutPolicy(doc).checkout(unit)
        wc.change_note = "Rà soát, cải tiến"
        wc.signed_original_unchanged = True
        take_to_effective(wc)
    api.content.transition(
        obj=procedures[35], transition="withdraw", comment="Không còn phù hợp"
    )
    for n in (40, 41, 42, 43):
        procedure(f"Quy trình mới {n}", f"QT-{n}/TT", issue=n < 42)
    after = year_figures(this_year)
    assert after["revised"] - before["revised"] == 35
    assert after["cancelled"] - before["cancelled"] == 1
    assert after["issued_new"] - before["issued_new"] == 2
    assert after["pending_new"] - before["pending_new"] == 2
    assert year_figures(this_year - 1)["issued_new"] >= 36


def test_changes_of_an_untouched_revision_do_not_lose_its_forms(
    rest, http, portal_url, login_as
):
    """ "Xem các thay đổi" on a new revision of QT-02/VP (which has a form)
    shows no change, and never says the form was deleted."""
    procedure = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"
    created = rest("POST", f"{procedure}/@workingcopy", "vp.officer")
    assert created.status_code == 201, created.text
    revision = created.json()["@id"]
    diff = http.get(f"{revision}/@@iterate_diff", auth=login_as("vp.officer"))
    assert diff.status_code == 200
    assert "Sổ đăng ký văn bản đi" not in diff.text
