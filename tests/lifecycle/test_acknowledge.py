"""Read and acknowledge: who must read an effective issue, «Đã đọc và hiểu»
kept per person and issue number, asked again by a new issue, and never lost
when a revision's check-in replaces the document."""

from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.namedfile.file import NamedBlobFile
from qms.intranet.lifecycle import acknowledge
from qms.intranet.site.demo.files import pdf_bytes

import pytest


BUSINESS = "quy-trinh-quan-ly-van-ban-di"  # QT-02/VP, effective, business


@pytest.fixture
def portal(integration):
    return integration["portal"]


@pytest.fixture
def doc(portal):
    return portal["don-vi"]["vp"][BUSINESS]


def catalog_doc(code):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(document_code=code, is_working_copy=False)[
        0
    ]._unrestrictedGetObject()


def to_read_paths(as_user, login):
    with as_user(login):
        return {b.getPath() for b in acknowledge.to_read()}


def path(obj):
    return "/".join(obj.getPhysicalPath())


def test_business_procedure_asks_its_unit(doc):
    assert acknowledge.audience_units(doc) == {"vp"}
    people = acknowledge.audience(doc)
    assert {"vp.staff", "vp.officer", "vp.head", "auditor"} <= people
    assert "khcn.staff" not in people


def test_system_procedure_asks_every_unit(portal):
    system = catalog_doc("QT-HT-01")
    assert acknowledge.audience_units(system) == {acknowledge.EVERY_UNIT}
    assert {"vp.staff", "khcn.staff", "phapche.staff"} <= acknowledge.audience(system)


def test_scope_widens_and_narrows(doc):
    doc.ack_scope = "units"
    doc.ack_units = ["khcn"]
    assert acknowledge.audience_units(doc) == {"vp", "khcn"}
    doc.ack_scope = "all"
    assert acknowledge.audience_units(doc) == {acknowledge.EVERY_UNIT}
    doc.ack_scope = "none"
    assert acknowledge.audience_units(doc) == set()
    assert "vp.staff" not in acknowledge.audience(doc)


def test_to_read_until_acknowledged(doc, as_user):
    doc.reindexObject()
    assert path(doc) in to_read_paths(as_user, "vp.staff")
    assert path(doc) not in to_read_paths(as_user, "khcn.staff")
    with as_user("vp.staff"):
        when = acknowledge.acknowledge(doc)
        # Twice: the first date stays.
        assert acknowledge.acknowledge(doc) == when
    assert acknowledge.acknowledged_on(doc, "vp.staff") == when
    assert path(doc) not in to_read_paths(as_user, "vp.staff")
    # Others of the unit still have it to read.
    assert path(doc) in to_read_paths(as_user, "vp.officer")
    found = acknowledge.coverage(doc)
    assert "vp.staff" in found["done"]
    assert "vp.officer" in found["missing"]


def test_outside_the_audience_is_refused(doc, as_user):
    with as_user("khcn.staff"), pytest.raises(acknowledge.AcknowledgeRefused):
        acknowledge.acknowledge(doc)
    assert "khcn.staff" not in acknowledge.acknowledged_by(doc)


def test_a_draft_is_not_acknowledged(portal, as_user):
    draft = catalog_doc("QT-03/KHCN")
    with as_user("khcn.staff"), pytest.raises(acknowledge.AcknowledgeRefused):
        acknowledge.acknowledge(draft)


def test_acknowledgement_survives_the_revision_and_a_new_issue_asks_again(doc, as_user):
    with as_user("vp.staff"):
        acknowledge.acknowledge(doc)
    with as_user("vp.officer"):
        wc = ICheckinCheckoutPolicy(doc).checkout(doc.aq_parent)
        wc.change_note = "Rút ngắn thời hạn"
        wc.signed_original = NamedBlobFile(pdf_bytes("issue 2"), filename="v2.pdf")
    # Someone acknowledges the effective issue while the revision is drafted.
    with as_user("vp.head"):
        acknowledge.acknowledge(doc)
    for transition, login in (
        ("submit", "vp.officer"),
        ("accept", "vp.head"),
        ("approve", "leader"),
    ):
        with api.env.adopt_user(username=login):
            api.content.transition(obj=wc, transition=transition)
    issued = catalog_doc("QT-02/VP")
    assert issued.revision == 2
    # Issue 1's acknowledgements are kept...
    assert acknowledge.acknowledged_on(issued, "vp.staff", revision=1)
    assert acknowledge.acknowledged_on(issued, "vp.head", revision=1)
    # ...and issue 2 asks again.
    assert acknowledge.acknowledged_on(issued, "vp.staff") == ""
    assert path(issued) in to_read_paths(as_user, "vp.staff")
    with as_user("vp.staff"):
        acknowledge.acknowledge(issued)
    assert acknowledge.acknowledged_on(issued, "vp.staff", revision=2)
    assert path(issued) not in to_read_paths(as_user, "vp.staff")


def test_issues_before_the_site_asked_are_not_asked(portal, doc):
    """An upgraded site asks from the day of its upgrade: what was issued
    before was known already."""
    from datetime import date
    from datetime import timedelta
    from zope.annotation.interfaces import IAnnotations

    annotations = IAnnotations(portal)
    annotations[acknowledge.SINCE_KEY] = (date.today() + timedelta(days=1)).isoformat()
    assert acknowledge.audience_units(doc) == set()
    annotations[acknowledge.SINCE_KEY] = date.today().isoformat()
    assert acknowledge.audience_units(doc) == {"vp"}
    # Asked once: a second call keeps the first day.
    assert acknowledge.start_asking(date(2030, 1, 1)) == date.today()
