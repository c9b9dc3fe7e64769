"""No GET writes to the database: the board, the year's figures, the home
page and search, as each role, on a fresh site (the functional layer's
database, stacked anew for each test), over real HTTP. A write on read costs
a commit per page and makes concurrent readers conflict with writers."""

from datetime import date
from tests.conftest import JSON

import pytest


LOGINS = (
    "iso.secretary",
    "leader",
    "vp.head",
    "vp.officer",
    "vp.staff",
    "khcn.head",
    "khcn.officer",
    "khcn.staff",
    "phapche.head",
    "phapche.officer",
    "phapche.staff",
    "auditor",
)
# (path, REST?): what everyone opens
PAGES = (
    ("", False),  # home page, "Việc của tôi"; see test_first_page_of_a_fresh_site
    ("@@record-board", False),
    ("@@record-board.csv", False),
    ("@@improvement-board", False),
    ("@@improvement-board.csv", False),
    ("don-vi/khcn/khac-phuc", False),  # the improvement register
    ("he-thong-qlcl", False),  # the QMS section and its figures
    ("@@search?SearchableText=quy%20tr%C3%ACnh", False),
    ("danh-gia-noi-bo", False),  # internal audits: programmes
    (f"danh-gia-noi-bo/{date.today().year}", False),  # coverage
    ("@@my-audits", False),
    ("don-vi/khcn", False),  # read by its auditors now (computed roles)
    ("don-vi/khcn/muc-tieu", False),  # quality objectives
    (f"don-vi/khcn/muc-tieu/{date.today().year}", False),
    ("xem-xet-lanh-dao", False),  # management reviews
    ("danh-gia-hang-nam", False),  # yearly evaluations
    ("@@qms-dashboard", False),
    ("@@yearly-report", False),
    ("@record-board", True),
    ("@improvement-board", True),
    ("@qms-statistics", True),
    ("@my-tasks", True),
    ("@audit-coverage", True),
    ("@search?SearchableText=h%E1%BB%93%20s%C6%A1", True),
    ("@search?SearchableText=ban%20hanh&portal_type=Procedure", True),
)


def last_transaction(functional) -> bytes:
    return functional["portal"]._p_jar.db().lastTransaction()


def get(http, url, auth, rest=False):
    return http.get(url, auth=auth, headers=JSON if rest else {}, allow_redirects=False)


@pytest.mark.parametrize("login", LOGINS)
def test_gets_write_nothing(functional, http, portal_url, login_as, login):
    # the one write of a fresh site's first page (test below) out of the way
    get(http, portal_url, login_as("iso.secretary"))
    answered = {}
    wrote = []
    for path, rest in PAGES:
        before = last_transaction(functional)
        url = f"{portal_url}/++api++/{path}" if rest else f"{portal_url}/{path}"
        response = get(http, url, login_as(login), rest)
        answered[path] = response.status_code
        assert response.status_code < 500, (path, response.text[:500])
        if last_transaction(functional) != before:
            wrote.append(path)
    # the board is the secretariat's and the heads'; the rest everyone's
    assert answered["@qms-statistics"] == 200
    assert answered[""] == 200
    if login == "iso.secretary" or login.endswith(".head"):
        assert answered["@@record-board"] == 200
        assert answered["@record-board"] == 200
    assert wrote == []


def test_first_page_of_a_fresh_site(functional, http, portal_url, login_as):
    before = last_transaction(functional)
    assert get(http, portal_url, login_as("vp.staff")).status_code == 200
    assert last_transaction(functional) == before


def test_a_write_is_seen(functional, rest):
    """The check above sees a commit made over HTTP."""
    before = last_transaction(functional)
    posted = rest(
        "POST",
        "don-vi/vp/quy-trinh-quan-ly-van-ban-di/@comments",
        "vp.staff",
        json={"text": "Góp ý"},
    )
    assert posted.status_code < 300, posted.text
    assert last_transaction(functional) != before
