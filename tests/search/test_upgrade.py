"""Upgrade step 1011 brings a site of profile 1010 to forgiving search: its
SearchableText rebuilt (parts of codes, own codes, titles) and the scans
already stored queued for OCR."""

from plone import api
from qms.intranet.search import munge
from qms.intranet.search import ocr
from qms.intranet.search.attachments import NO_TEXT
from qms.intranet.search.attachments import PROBLEM_ATTR
from qms.intranet.search.index import searchable_text_index
from qms.intranet.upgrades import v1011


def first_path(text: str) -> str:
    catalog = api.portal.get_tool("portal_catalog")
    results = catalog.unrestrictedSearchResults(SearchableText=munge(text))
    return results[0].getPath() if results else ""


def test_1011_on_a_1010_site(integration):
    portal = integration["portal"]
    procedure = portal["don-vi"]["vp"]["quy-trinh-quan-ly-van-ban-di"]
    path = "/".join(procedure.getPhysicalPath())
    # what a 1010 site has: an index without parts, own codes or titles, and
    # a scan whose text could not be read
    index = searchable_text_index()
    index.clear()
    index.titles = None
    setattr(procedure, PROBLEM_ATTR, {"signed_original": NO_TEXT})

    v1011.upgrade(portal.portal_setup)

    assert first_path("QT-02/VP") == path
    assert first_path("vawn banr ddi") == path  # Telex
    assert index.titles is not None
    assert index.title_words(api.portal.get_tool("portal_catalog").getrid(path)) >= {
        "quy",
        "trinh",
        "van",
        "ban",
        "di",
    }
    queue = ocr.queue_of(portal)
    assert f"{procedure.UID()}:signed_original" in queue
    assert getattr(procedure, PROBLEM_ATTR)["signed_original"] == ocr.OCR_PENDING
    # a second run changes nothing and fails on nothing
    v1011.upgrade(portal.portal_setup)
    assert first_path("QT-02/VP") == path
