"""The lifecycle's pages over real HTTP: the document's box, the coverage
page, the unit's box and the secretariat's board, for who may see them, and
never a 5xx."""

from tests.matrix import refused
from tests.matrix import Requests

import pytest


DOC = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"


@pytest.fixture
def site(functional, portal_url, http):
    return Requests(portal_url, http)


@pytest.mark.parametrize(
    ("login", "allowed"),
    [
        ("iso.secretary", True),
        ("vp.officer", False),
        ("vp.head", False),
        ("leader", False),
        ("vp.staff", False),
        (None, False),
    ],
)
def test_board_is_the_secretariats(site, login, allowed):
    answer = site.call(login, "GET", "@@lifecycle-board", api_call=False)
    assert answer.status_code < 500
    if allowed:
        assert answer.status_code == 200
        assert "qms-review-due" in answer.text
        assert 'data-unit="vp"' in answer.text
        # The demo's QT-02/VP is due: listed by its title, with its state.
        assert "Quy trình quản lý văn bản đi" in answer.text
        assert "Đến hạn soát xét" in answer.text
    else:
        assert refused(answer)


def test_board_filters_by_unit_and_ignores_nonsense(site):
    for unit in ("vp", "nope", "<script>"):
        answer = site.call(
            "iso.secretary", "GET", f"@@lifecycle-board?unit={unit}", api_call=False
        )
        assert answer.status_code == 200
        assert "<script>" not in answer.text.split("qms-lifecycle-board")[1][:2000]


@pytest.mark.parametrize(
    ("login", "allowed"),
    [("vp.officer", True), ("vp.head", True), ("vp.staff", False), (None, False)],
)
def test_coverage_page(site, login, allowed):
    answer = site.call(login, "GET", f"{DOC}/@@acknowledgements", api_call=False)
    assert answer.status_code < 500
    if allowed:
        assert answer.status_code == 200
        assert "qms-ack-missing" in answer.text
    else:
        assert refused(answer)


def test_document_box_for_a_reader(site):
    answer = site.call("vp.staff", "GET", DOC, api_call=False)
    assert answer.status_code == 200
    assert "qms-acknowledge" in answer.text
    assert "qms-confirm-review" not in answer.text
    assert "@@acknowledgements" not in answer.text


def test_document_box_for_the_officer(site):
    answer = site.call("vp.officer", "GET", DOC, api_call=False)
    assert "qms-confirm-review" in answer.text
    assert "@@acknowledgements" in answer.text


def test_unit_box(site):
    officer = site.call("vp.officer", "GET", "don-vi/vp", api_call=False)
    assert "qms-unit-lifecycle" in officer.text
    assert "qms-reviews-due" in officer.text  # QT-02/VP is due in the demo
    box = officer.text.split("qms-unit-lifecycle")[1]
    assert "Quy trình quản lý văn bản đi" in box
    staff = site.call("vp.staff", "GET", "don-vi/vp", api_call=False)
    assert "qms-unit-lifecycle" not in staff.text


def test_confirm_form_refuses_others(site):
    answer = site.call("vp.staff", "GET", f"{DOC}/@@confirm-review", api_call=False)
    assert answer.status_code in (302, 303)
    assert answer.headers["Location"].rstrip("/").endswith(DOC)


def test_acknowledge_page_needs_post(site):
    answer = site.call("vp.staff", "GET", f"{DOC}/@@acknowledge", api_call=False)
    assert answer.status_code in (302, 303)
