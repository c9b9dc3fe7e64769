"""The search page, its feed and live search over real HTTP, on the demo
site: results without a workflow state of their own (a record's file, a
procedure's form) used to answer 500 ("unhashable type: 'Missing'"); each
result says its kind, unit, state (when it has one) and, for a file or a
form, the record or procedure it belongs to; everything in Vietnamese."""

from lxml import etree
from lxml import html
from tests.browser import english_left

import pytest


STAFF = ("vp.staff", "khcn.staff", "khcn.officer", "iso.secretary")
KHCN = ("khcn.staff", "khcn.officer", "iso.secretary")

FORM = "Sổ đăng ký văn bản đi"
FORM_PROCEDURE = "Quy trình quản lý văn bản đi"
RECORD_FILE = "02/KHCN.pdf"
RECORD = "Hồ sơ soát xét tài liệu quý II"


def search_page(http, portal_url, auth, **params):
    response = http.get(f"{portal_url}/@@search", params=params, auth=auth)
    assert response.status_code == 200, response.text[-2000:]
    return html.fromstring(response.text)


def results(tree) -> dict[str, html.HtmlElement]:
    """Title -> the result's <li>."""
    return {
        li.cssselect(".qms-result-title")[0].text_content().strip(): li
        for li in tree.cssselect("li.qms-result")
    }


def text_of(element, selector) -> str:
    found = element.cssselect(selector)
    return found[0].text_content().strip() if found else ""


@pytest.mark.parametrize("login", STAFF)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quy", FORM_PROCEDURE),
        ("biên bản", "Quy trình xem xét của lãnh đạo"),
        ("bien ban", "Quy trình xem xét của lãnh đạo"),
        ("BM-01", FORM),
        ("QT-02/VP", FORM_PROCEDURE),
    ],
)
def test_queries_answer(http, portal_url, login_as, login, query, expected):
    tree = search_page(http, portal_url, login_as(login), SearchableText=query)
    assert expected in results(tree)


@pytest.mark.parametrize("login", KHCN)
@pytest.mark.parametrize("query", ["02/KHCN", "02/khcn", "01/KHCN"])
def test_record_files_answer(http, portal_url, login_as, login, query):
    found = results(
        search_page(http, portal_url, login_as(login), SearchableText=query)
    )
    number = query.upper()
    assert f"{number}.pdf" in found


def test_record_file_result(http, portal_url, login_as):
    """A record's file: no state badge, its kind, unit, record and download."""
    found = results(
        search_page(http, portal_url, login_as("khcn.staff"), SearchableText="02/KHCN")
    )
    item = found[RECORD_FILE]
    assert not item.cssselect(".qms-state")
    assert text_of(item, ".qms-kind") == "Tệp hồ sơ"
    assert text_of(item, ".qms-unit") == "Vụ Khoa học và Công nghệ"
    parent = item.cssselect(".qms-parent a")[0]
    assert parent.text_content().strip() == RECORD
    assert parent.get("href").endswith("/ho-so-soat-xet-tai-lieu-quy-ii")
    assert text_of(item, ".qms-parent").startswith("Hồ sơ:")
    download = item.cssselect("a.qms-download")[0]
    assert download.get("href").endswith("/02-khcn.pdf/@@download/file")
    assert download.text_content().strip() == "Tải về"
    # the record itself: its state, no parent, nothing to download
    record = found[RECORD]
    assert text_of(record, ".qms-state") == "Đang mở"
    assert "bg-primary" in record.cssselect(".qms-state")[0].get("class")
    assert text_of(record, ".qms-kind") == "Hồ sơ"
    assert not record.cssselect(".qms-parent, .qms-download")


@pytest.mark.parametrize("login", STAFF)
def test_form_result(http, portal_url, login_as, login):
    item = results(
        search_page(http, portal_url, login_as(login), SearchableText="BM-01")
    )[FORM]
    assert not item.cssselect(".qms-state")
    assert text_of(item, ".qms-kind") == "Biểu mẫu"
    assert text_of(item, ".qms-unit") == "Văn phòng Bộ"
    assert item.cssselect(".qms-result-title")[0].get("href").endswith("/bm-01/view")
    parent = item.cssselect(".qms-parent a")[0]
    assert parent.text_content().strip() == FORM_PROCEDURE
    assert text_of(item, ".qms-parent").startswith("Quy trình:")


def test_document_result(http, portal_url, login_as):
    item = results(
        search_page(http, portal_url, login_as("khcn.staff"), SearchableText="QT-02/VP")
    )[FORM_PROCEDURE]
    assert text_of(item, ".qms-state") == "Có hiệu lực"
    assert text_of(item, ".qms-kind") == "Quy trình"
    assert text_of(item, ".qms-unit") == "Văn phòng Bộ"
    assert not item.cssselect(".qms-parent, .qms-download")


def test_page_two_through_the_batch_link(http, portal_url, login_as):
    """The secretariat's "quy" has more than a page; page 2 answers too."""
    auth = login_as("iso.secretary")
    first = search_page(http, portal_url, auth, SearchableText="quy")
    count = int(text_of(first, ".qms-count").split()[0])
    assert count > 20
    assert len(first.cssselect("li.qms-result")) == 20
    links = [
        a.get("href")
        for a in first.cssselect(".pagination a")
        if "b_start:int=20" in a.get("href", "")
    ]
    assert links
    response = http.get(links[0], auth=auth)
    assert response.status_code == 200
    page_two = html.fromstring(response.text)
    assert len(page_two.cssselect("li.qms-result")) == min(count - 20, 20)
    links_of = lambda tree: {  # noqa: E731
        a.get("href") for a in tree.cssselect("li.qms-result .qms-result-title")
    }
    assert not links_of(page_two) & links_of(first)


@pytest.mark.parametrize("b_start", ["abc", "-5", ""])
def test_bad_batch_start(http, portal_url, login_as, b_start):
    response = http.get(
        f"{portal_url}/@@search",
        params={"SearchableText": "quy", "b_start": b_start},
        auth=login_as("khcn.staff"),
    )
    assert response.status_code == 200


def test_filters_and_labels_in_vietnamese(http, portal_url, login_as):
    tree = search_page(http, portal_url, login_as("khcn.staff"), SearchableText="ho so")
    form = tree.cssselect("form.qms-search")[0]
    labels = {e.get("name"): e.get("aria-label") for e in form.cssselect("[name]")}
    assert labels["SearchableText"] == "Tìm kiếm"
    assert labels["portal_type"] == "Loại"
    assert labels["owning_unit"] == "Đơn vị"
    assert labels["review_state"] == "Trạng thái"
    assert labels["year"] == "Năm"
    assert form.cssselect("[name=year]")[0].get("placeholder") == "Năm"
    kinds = [o.text_content() for o in form.cssselect("[name=portal_type] option")]
    assert {"Quy trình", "Biểu mẫu", "Hồ sơ", "Tệp hồ sơ", "Danh mục hồ sơ"} <= set(
        kinds
    )
    states = [o.text_content() for o in form.cssselect("[name=review_state] option")]
    assert states[:6] == [
        "Mọi trạng thái",
        "Dự thảo",
        "Chờ xem xét",
        "Chờ phê duyệt",
        "Có hiệu lực",
        "Hết hiệu lực",
    ]
    assert {"Đang mở", "Đã kết thúc", "Đã ban hành"} <= set(states)
    main = tree.cssselect("#content")[0].text_content()
    assert english_left(main) == []
    for raw in ("RecordFile", "ProcedureForm", "effective", "No value", "Select"):
        assert raw not in main


@pytest.mark.parametrize(
    ("params", "expected", "absent"),
    [
        ({"portal_type": "RecordFile"}, {RECORD_FILE}, {RECORD}),
        ({"review_state": "open"}, {RECORD}, {RECORD_FILE}),
        ({"owning_unit": "khcn"}, {RECORD}, set()),
        ({"year": "2020"}, set(), {RECORD, RECORD_FILE}),
    ],
)
def test_filters(http, portal_url, login_as, params, expected, absent):
    found = set(
        results(
            search_page(
                http,
                portal_url,
                login_as("khcn.staff"),
                SearchableText="02/KHCN",
                **params,
            )
        )
    )
    assert expected <= found
    assert not absent & found


def test_live_search_says_what_and_where(http, portal_url, login_as):
    items = http.get(
        f"{portal_url}/@@ajax-search",
        params={"SearchableText": "02/KHCN"},
        auth=login_as("khcn.staff"),
    ).json()["items"]
    by_title = {i["title"]: i for i in items}
    assert by_title[RECORD_FILE]["description"] == (
        f"Tệp hồ sơ · Vụ Khoa học và Công nghệ · {RECORD}"
    )
    assert by_title[RECORD_FILE]["state"] is None
    form = http.get(
        f"{portal_url}/@@ajax-search",
        params={"SearchableText": "BM-01/QT-02"},
        auth=login_as("vp.staff"),
    ).json()["items"][0]
    assert form["description"] == f"Biểu mẫu · Văn phòng Bộ · {FORM_PROCEDURE}"


class TestFeed:
    """search_rss: the page's results as RSS; Plone's own listed the site's
    top folder whatever was asked."""

    def feed(self, http, portal_url, auth, **params):
        response = http.get(f"{portal_url}/search_rss", params=params, auth=auth)
        assert response.status_code == 200, response.text[-2000:]
        assert response.headers["Content-Type"].startswith("application/rss+xml")
        return etree.fromstring(response.content)

    @pytest.mark.parametrize("login", STAFF)
    @pytest.mark.parametrize("query", ["quy", "BM-01", "bien ban", "biên bản"])
    def test_answers(self, http, portal_url, login_as, login, query):
        rss = self.feed(http, portal_url, login_as(login), SearchableText=query)
        assert rss.findall("channel/item")
        assert rss.findtext("channel/title").endswith(f"Tìm kiếm: {query}")

    def test_record_file_and_form(self, http, portal_url, login_as):
        rss = self.feed(
            http, portal_url, login_as("khcn.staff"), SearchableText="02/KHCN"
        )
        items = {i.findtext("title"): i for i in rss.findall("channel/item")}
        assert set(items) == {RECORD_FILE, RECORD}
        assert items[RECORD_FILE].findtext("category") == "Tệp hồ sơ"
        assert RECORD in items[RECORD_FILE].findtext("description")
        assert "<mark>02/KHCN</mark>" in items[RECORD].findtext("description")
        form = self.feed(
            http, portal_url, login_as("vp.staff"), SearchableText="BM-01/QT-02"
        )
        (item,) = form.findall("channel/item")
        assert item.findtext("title") == FORM
        assert item.findtext("link").endswith("/bm-01/view")

    def test_page_two_and_nothing_asked(self, http, portal_url, login_as):
        auth = login_as("iso.secretary")
        second = self.feed(
            http, portal_url, auth, SearchableText="quy", **{"b_start:int": "20"}
        )
        assert len(second.findall("channel/item")) >= 1
        assert self.feed(http, portal_url, auth).findall("channel/item") == []
        bad = self.feed(http, portal_url, auth, SearchableText="quy", b_start="abc")
        assert len(bad.findall("channel/item")) == 20

    def test_obsolete_left_out(self, http, portal_url, login_as):
        titles = [
            i.findtext("title")
            for i in self.feed(
                http, portal_url, login_as("vp.officer"), SearchableText="hoi nghi"
            ).findall("channel/item")
        ]
        assert "Quy trình tổ chức hội nghị, hội thảo" not in titles
