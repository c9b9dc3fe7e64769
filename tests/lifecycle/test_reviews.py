"""Periodic review (7.5.2): due 30 days before the date, overdue after it;
the unit's officers confirm «còn phù hợp» with a comment, which is kept in the
history and the amendment table and moves the next review date on."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from qms.intranet.core.views import history
from qms.intranet.lifecycle import reviews
from zope.globalrequest import getRequest

import pytest


EFFECTIVE = "quy-trinh-quan-ly-van-ban-di"  # QT-02/VP, effective
TODAY = date.today()


@pytest.fixture
def doc(integration):
    return integration["portal"]["don-vi"]["vp"][EFFECTIVE]


def set_next(doc, day):
    doc.next_review_date = day
    doc.reindexObject(idxs=["next_review_date"])


@pytest.mark.parametrize(
    ("offset", "status"),
    [(60, ""), (31, ""), (30, "due"), (0, "due"), (-1, "overdue"), (-400, "overdue")],
)
def test_review_status(offset, status):
    assert reviews.review_status(TODAY + timedelta(days=offset), TODAY) == status


def test_no_date_no_status():
    assert reviews.review_status(None) == ""


def test_due_documents_are_listed_by_unit(doc):
    set_next(doc, TODAY + timedelta(days=10))
    found = [b.getPath() for b in reviews.documents_to_review(units=["vp"])]
    assert "/".join(doc.getPhysicalPath()) in found
    assert not reviews.documents_to_review(units=["khcn-none"])
    set_next(doc, TODAY + timedelta(days=90))
    found = [b.getPath() for b in reviews.documents_to_review(units=["vp"])]
    assert "/".join(doc.getPhysicalPath()) not in found


def test_officer_confirms_review(doc, as_user):
    set_next(doc, TODAY - timedelta(days=5))
    rows_before = len(doc.amendment_history or [])
    with as_user("vp.officer"):
        assert reviews.can_confirm(doc)
        new = reviews.confirm_review(doc, "Đã rà soát căn cứ pháp lý, vẫn phù hợp")
    # Late: the interval counts from today.
    assert new == reviews.months_after(TODAY, doc.review_interval or 12)
    assert doc.next_review_date == new
    row = doc.amendment_history[-1]
    assert len(doc.amendment_history) == rows_before + 1
    assert row["revision"] == doc.revision
    assert "không sửa đổi" in row["changes"]
    assert "căn cứ pháp lý" in row["changes"]
    assert api.content.get_state(doc) == "effective"
    entry = history(doc, getRequest())[0]
    assert entry["comments"] == "Đã rà soát căn cứ pháp lý, vẫn phù hợp"
    assert "phù hợp" in entry["action"]
    # The catalog knows: it is no longer due.
    assert "/".join(doc.getPhysicalPath()) not in [
        b.getPath() for b in reviews.documents_to_review(units=["vp"])
    ]


def test_early_review_keeps_the_rhythm(doc, as_user):
    planned = TODAY + timedelta(days=20)
    set_next(doc, planned)
    with as_user("vp.officer"):
        new = reviews.confirm_review(doc, "Soát xét định kỳ")
    assert new == reviews.months_after(planned, doc.review_interval or 12)


def test_comment_is_required(doc, as_user):
    set_next(doc, TODAY)
    rows = list(doc.amendment_history)
    with as_user("vp.officer"), pytest.raises(reviews.ReviewRefused):
        reviews.confirm_review(doc, "   ")
    assert doc.amendment_history == rows
    assert doc.next_review_date == TODAY


@pytest.mark.parametrize("login", ["vp.staff", "vp.head", "khcn.officer", "leader"])
def test_only_the_units_officers_may_confirm(doc, as_user, login):
    with as_user(login):
        assert not reviews.can_confirm(doc)


def test_secretariat_may_confirm(doc, as_user):
    with as_user("iso.secretary"):
        assert reviews.can_confirm(doc)


def test_not_while_a_revision_is_drafted(doc, as_user):
    with as_user("vp.officer"):
        ICheckinCheckoutPolicy(doc).checkout(doc.aq_parent)
        with pytest.raises(reviews.ReviewRefused, match="sửa đổi|revision"):
            reviews.confirm_review(doc, "Vẫn phù hợp")


def test_a_draft_is_not_reviewed(integration, as_user):
    catalog = api.portal.get_tool("portal_catalog")
    draft = catalog.unrestrictedSearchResults(
        portal_type="Procedure", review_state="draft"
    )[0]._unrestrictedGetObject()
    with as_user("iso.secretary"), pytest.raises(reviews.ReviewRefused):
        reviews.confirm_review(draft, "Vẫn phù hợp")


def test_a_review_counts_as_reviewed_not_as_revised(doc, as_user):
    """The year's figures: «soát xét, không sửa đổi» is a review done, never a
    revision or a new issue."""
    from qms.intranet.documents.indexers import qms_events
    from qms.intranet.review.figures import review_figures

    before = set(qms_events(doc)())
    with as_user("vp.officer"):
        reviews.confirm_review(doc, "Vẫn phù hợp")
    events = set(qms_events(doc)())
    assert events - before == {f"reviewed:{TODAY.year}"}
    with as_user("iso.secretary"):
        row = review_figures(TODAY.year)["vp"]
    assert row["reviewed"] >= 1
    assert row["due"] >= row["reviewed"]
