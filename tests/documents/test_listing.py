"""The unit and section pages' listings (documents/listing.py): one search cut
by the catalog's indexes gives the same groups, counts and rows, in the same
order, as a catalog search per group sorted by code, for each person. And the
two pages offer no "Display" menu: no content item may replace them."""

from plone import api
from qms.intranet.documents.listing import _walk
from qms.intranet.documents.listing import Found
from qms.intranet.documents.listing import SORT_INDEX
from qms.intranet.documents.vocabularies import DOCUMENT_KINDS
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.search import munge

import pytest


TYPES = list(DOCUMENT_TYPES)
STATES = ("effective", "pending_approval", "pending_review", "draft", "obsolete")
LOGINS = ("iso.secretary", "vp.staff", "vp.officer", "khcn.head")
# (start, size): a preview, a first page, a later page, a page past the end
PAGES = ((0, 10), (0, 2), (2, 3), (500, 50))


def by_catalog(start: int, size: int, **query) -> tuple[int, list[str]]:
    brains = api.content.find(sort_on="document_code", **query)
    return len(brains), [b.getPath() for b in brains[start : start + size]]


def by_found(found: Found, rids, start: int, size: int) -> tuple[int, list[str]]:
    brains = found.by_code(rids, start, size)
    assert brains.actual_result_count == len(rids)
    return len(rids), [b.getPath() for b in brains]


@pytest.mark.parametrize("login", LOGINS)
def test_unit_groups_as_the_catalog_sorts_them(integration, as_user, login):
    with as_user(login):
        for unit in ("vp", "khcn"):
            found = Found(portal_type=TYPES, owning_unit=unit)
            for state in STATES:
                rids = found.where(review_state=state)
                for start, size in PAGES:
                    expected = by_catalog(
                        start,
                        size,
                        portal_type=TYPES,
                        owning_unit=unit,
                        review_state=state,
                    )
                    assert by_found(found, rids, start, size) == expected, (unit, state)


@pytest.mark.parametrize("login", LOGINS)
def test_section_groups_as_the_catalog_sorts_them(integration, as_user, login):
    with as_user(login):
        effective = Found(portal_type=TYPES).narrowed(review_state="effective")
        for portal_type, kind, _label in DOCUMENT_KINDS.values():
            query = {"portal_type": portal_type}
            if kind:
                query["procedure_kind"] = kind
            rids = effective.where(**query)
            for start, size in PAGES:
                expected = by_catalog(start, size, review_state="effective", **query)
                assert by_found(effective, rids, start, size) == expected, query


def test_text_search_found_by_code(integration, as_user):
    words = munge("quy trình")
    with as_user("iso.secretary"):
        found = Found(portal_type=TYPES, SearchableText=words)
        assert found.rids
        expected = by_catalog(0, 10, portal_type=TYPES, SearchableText=words)
        assert by_found(found, found.rids, 0, 10) == expected


def test_many_found_read_in_code_order_from_the_index(integration, as_user):
    """Most of the documents: their first codes are the index's first, read
    in its order; the few of a group are sorted (both give the catalog's
    order)."""
    with as_user("iso.secretary"):
        found = Found(portal_type=TYPES)
        index = found.catalog.getIndex(SORT_INDEX)
        walked = _walk(index, found.rids, 5, budget=len(found.rids))
        assert walked is not None
        assert len(walked) == 5
        assert [b.getPath() for b in found.by_code(found.rids, 0, 5)] == (
            by_catalog(0, 5, portal_type=TYPES)[1]
        )
        assert _walk(index, found.rids, 5, budget=0) is None  # sorted instead


def test_where_only_narrows_what_the_person_may_see(integration, as_user):
    """An index's documents are everyone's: cut from a restricted search they
    add nothing another unit's staff may not see."""
    draft = "QT-03/KHCN"  # a draft of Vụ Khoa học và Công nghệ
    with as_user("vp.staff"):
        found = Found(portal_type=TYPES)
        brains = found.by_code(found.where(document_code=draft), 0, 10)
        assert list(brains) == []
    with as_user("khcn.head"):
        found = Found(portal_type=TYPES)
        assert len(found.where(document_code=draft)) == 1


@pytest.mark.parametrize("path", ["don-vi/vp", "he-thong-qlcl"])
def test_no_content_item_replaces_the_page(http, portal_url, login_as, path):
    page = http.get(f"{portal_url}/{path}", auth=login_as("iso.secretary"))
    assert page.status_code == 200
    assert "plone-contentmenu-factories" in page.text  # the toolbar is there
    assert "plone-contentmenu-display" not in page.text
    assert "select_default_page" not in page.text
