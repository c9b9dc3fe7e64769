"""Vietnamese full-text search: typed with or without marks, prefixes,
phrases, document codes; exact words ranked first. Over the catalog (what
every search screen uses) and through the search page and @search."""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.UnicodeSplitter.splitter import I18NNormalizer
from qms.intranet.search import fold
from qms.intranet.search import has_marks
from qms.intranet.search import munge
from qms.intranet.search.snippets import snippet

import pytest
import transaction


# title -> body of the documents searched (all effective, unit khtc)
CORPUS = {
    "Ủy ban": "Quy chế phối hợp với Ủy ban nhân dân các tỉnh, thành phố.",
    "Ứng dụng": "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan.",
    "Ổn định": "Bảo đảm hệ thống vận hành ổn định, an toàn.",
    "Ấn phẩm": "Quản lý ấn phẩm, tài liệu tuyên truyền.",
    "Bán": "Tổ chức bán đấu giá tài sản công theo quy định.",
    "Bàn": "Bàn giao hồ sơ, tài liệu khi thay đổi nhân sự.",
    "Bản": "Cấp bản sao văn bản từ sổ gốc.",
    "Đường": "Đầu tư xây dựng đường truyền số liệu chuyên dùng.",
    "Mã hiệu": "Áp dụng quy trình QT-07/KHTC và biểu mẫu BM-02/QT-07/KHTC.",
    "Tiêu chuẩn": "Hệ thống đáp ứng TCVN ISO 9001:2015 và Nghị định 30/2020/NĐ-CP.",
    "Hoa": "HOA KỲ VÀ VIỆT NAM KÝ KẾT BIÊN BẢN GHI NHỚ.",
}

# query -> titles it must find (set), for every staff member
FINDS = [
    ("uy ban", {"Ủy ban"}),
    ("Ủy ban", {"Ủy ban"}),
    ("ủy ban nhân dân", {"Ủy ban"}),
    ("UY BAN", {"Ủy ban"}),
    ("ung dung", {"Ứng dụng"}),
    ("ứng dụng", {"Ứng dụng"}),
    ("ung dung cong nghe thong tin", {"Ứng dụng"}),
    ("on dinh", {"Ổn định"}),
    ("ổn định", {"Ổn định"}),
    ("an pham", {"Ấn phẩm"}),
    ("ấn phẩm", {"Ấn phẩm"}),
    ("duong truyen", {"Đường"}),
    ("đường truyền", {"Đường"}),
    ("dau tu", {"Đường"}),
    ("ung*", {"Ứng dụng", "Tiêu chuẩn"}),  # "đáp ứng"
    ("ứng*", {"Ứng dụng", "Tiêu chuẩn"}),
    ("ôn*", {"Ổn định"}),
    ("tuyen*", {"Ấn phẩm"}),
    ("truyền*", {"Ấn phẩm", "Đường"}),
    ('"ban sao van ban"', {"Bản"}),
    ('"bản sao văn bản"', {"Bản"}),
    ('"van ban sao"', set()),
    ('"dau gia tai san"', {"Bán"}),
    ("QT-07/KHTC", {"Mã hiệu"}),
    ("qt-07/khtc", {"Mã hiệu"}),
    ("BM-02/QT-07/KHTC", {"Mã hiệu"}),
    ("QT-07*", {"Mã hiệu"}),
    ("TCVN ISO 9001:2015", {"Tiêu chuẩn"}),
    ("9001:2015", {"Tiêu chuẩn"}),
    ("9001*", {"Tiêu chuẩn"}),
    ("30/2020/NĐ-CP", {"Tiêu chuẩn"}),
    ("30/2020/nd-cp", {"Tiêu chuẩn"}),
    ("hoa ky", {"Hoa"}),
    ("hoa kỳ", {"Hoa"}),
    ("ky ket bien ban", {"Hoa"}),
    ("ban giao AND ho so", {"Bàn"}),
    ("ban giao AND NOT nhan su", set()),
    ("ban giao AND NOT dau gia", {"Bàn"}),
    ("dau gia OR ban sao", {"Bán", "Bản"}),
    ("tai san", {"Bán"}),
    ("tài sản công", {"Bán"}),
    ("quy dinh", {"Bán"}),
    ("khong co tu nay", set()),
]

# query -> titles in the order they must come first
RANKS = [
    ("bán", ["Bán"]),
    ("bàn", ["Bàn"]),
    ("bản", ["Bản"]),
    ("Bản", ["Bản"]),
    ("bán*", ["Bán"]),  # what the search box sends
    ("bàn OR bán", ["Bán", "Bàn"]),
]


def effective_procedure(portal, **fields):
    """An effective procedure of khtc, committed for HTTP requests."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    doc = api.content.create(
        container=portal["don-vi"]["khtc"],
        type="Procedure",
        owning_unit="khtc",
        **fields,
    )
    for transition in ("submit", "accept", "approve"):
        api.content.transition(obj=doc, transition=transition)
    transaction.commit()
    return doc


@pytest.fixture
def corpus(integration):
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    unit = portal["don-vi"]["khtc"]
    for number, (title, body) in enumerate(CORPUS.items(), start=1):
        doc = api.content.create(
            container=unit,
            type="Procedure",
            title=title,
            code=f"TK-{number:02d}/KHTC",
            owning_unit="khtc",
            purpose=body,
        )
        for transition in ("submit", "accept", "approve"):
            api.content.transition(obj=doc, transition=transition)
    return unit


def titles(query, login_as="phapche.staff", acting=None) -> list[str]:
    with acting(login_as):
        return [
            b.Title
            for b in api.content.find(
                SearchableText=query, path="/plone/don-vi/khtc", portal_type="Procedure"
            )
        ]


@pytest.mark.parametrize(("query", "expected"), FINDS)
def test_finds(corpus, as_user, query, expected):
    assert set(titles(query, acting=as_user)) == expected


@pytest.mark.parametrize(("query", "first"), RANKS)
def test_exact_words_first(corpus, as_user, query, first):
    found = titles(query, acting=as_user)
    assert sorted(found[: len(first)]) == sorted(first)
    # the others that fold the same are found too, after the exact ones
    others = {"Bán", "Bàn", "Bản"} - set(first)
    assert others <= set(found[len(first) :])


def exact_documents(query):

    processQueue()  # edits are indexed at the end of a request, do it now
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("SearchableText")
    catalog = api.portal.get_tool("portal_catalog")
    found = index.exact.documents(query) or ()
    return {catalog.getpath(rid).rsplit("/", 1)[-1] for rid in found}


def test_exact_words_follow_edits_and_deletions(corpus):
    """Ranking uses the text as it is now, not as it was."""
    sale = next(o for o in corpus.objectValues() if o.Title() == "Bán")
    assert exact_documents("bán") == {sale.getId()}
    assert exact_documents("bán đấu giá") == {sale.getId()}
    sale.title = "Đấu giá"
    sale.purpose = "Tổ chức đấu giá tài sản công theo quy định."
    sale.reindexObject()
    assert exact_documents("bán") == set()
    assert sale.getId() in exact_documents("đấu giá")
    api.content.delete(obj=sale)
    assert exact_documents("đấu giá") == set()


@pytest.mark.parametrize(
    ("query", "exact"),
    [
        ("ban", None),  # nothing typed with marks: no preference
        ("bán", {"Bán"}),
        ("hoa kỳ", {"Hoa"}),  # "hoa" unmarked, "kỳ" exact
        ('"bản sao văn bản"', {"Bản"}),
        ("bản*", {"Bản", "Hoa"}),  # bản, biên bản
        ("bàn AND NOT bán", {"Bàn"}),
        ("không có từ này", set()),
    ],
)
def test_exact_documents(corpus, query, exact):
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("SearchableText")
    found = index.exact.documents(query)
    if exact is None:
        assert found is None
    else:
        by_title = {o.getId(): o.Title() for o in corpus.objectValues()}
        found = {by_title[i] for i in exact_documents(query) if i in by_title}
        assert found == exact


def test_folded_query_finds_all_variants(corpus, as_user):
    assert {"Bán", "Bàn", "Bản", "Hoa"} <= set(titles("ban", acting=as_user))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ủy ban", "uy ban"),
        ("ĐẦU TƯ", "dau tu"),
        ("ổn định", "on dinh"),
        ("QT-01/VP", "qt-01/vp"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "marked"), [("bán", True), ("ban", False), ("Đ", True), ("QT-01", False)]
)
def test_has_marks(text, marked):
    assert has_marks(text) is marked


def test_stock_plone_would_miss(corpus):
    """The reason for all this: Plone's own lexicon does not fold 'Ủy'."""

    assert I18NNormalizer().process(["Ủy"]) == ["ủy"]
    assert fold("Ủy") == "uy"


class TestScreens:
    """The search page and plone.restapi's @search behave the same."""

    @pytest.fixture
    def published(self, functional):
        return effective_procedure(
            functional["portal"], title="Quy chế phối hợp với Ủy ban", code="TK-99/KHTC"
        )

    def test_search_page(self, published, http, portal_url, login_as):
        page = http.get(
            f"{portal_url}/@@search",
            params={"SearchableText": "uy ban"},
            auth=login_as("phapche.staff"),
        )
        assert "Quy chế phối hợp với Ủy ban" in page.text

    def test_rest_search(self, published, http, portal_url, login_as):
        found = http.get(
            f"{portal_url}/++api++/@search",
            params={"SearchableText": "uy ban"},
            headers={"Accept": "application/json"},
            auth=login_as("phapche.staff"),
        )
        assert "Quy chế phối hợp với Ủy ban" in [
            i["title"] for i in found.json()["items"]
        ]


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("QT-01/VP", "QT-01/VP*"),
        ("uy ban", "uy* AND ban*"),
        ('"ban sao" văn', '"ban sao" AND văn*'),
        ("ứng dụng and", 'ứng* AND dụng* AND "and"'),
        ("-abc", "abc*"),
    ],
)
def test_search_box_munging(typed, query):

    assert munge(typed) == query


class TestDefaultsAndFilters:
    """Obsolete documents stay out unless asked for; filters by type, unit,
    state and year — the same on the search page and @search."""

    OBSOLETE_TITLE = "Quy trình tổ chức hội nghị, hội thảo"

    def rest(self, http, portal_url, login_as, login, **params):
        response = http.get(
            f"{portal_url}/++api++/@search",
            params=params,
            headers={"Accept": "application/json"},
            auth=login_as(login),
        )
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()["items"]]

    def test_obsolete_left_out_unless_asked(self, http, portal_url, login_as):
        default = self.rest(
            http, portal_url, login_as, "vp.officer", SearchableText="hoi nghi"
        )
        assert self.OBSOLETE_TITLE not in default
        asked = self.rest(
            http,
            portal_url,
            login_as,
            "vp.officer",
            SearchableText="hoi nghi",
            include_obsolete="1",
        )
        assert self.OBSOLETE_TITLE in asked
        by_state = self.rest(
            http,
            portal_url,
            login_as,
            "vp.officer",
            SearchableText="hoi nghi",
            review_state="obsolete",
        )
        assert by_state == [self.OBSOLETE_TITLE]
        # staff of another unit never see it, even when they ask
        assert self.OBSOLETE_TITLE not in self.rest(
            http,
            portal_url,
            login_as,
            "khcn.staff",
            SearchableText="hoi nghi",
            include_obsolete="1",
        )

    def test_search_page_leaves_obsolete_out(self, http, portal_url, login_as):
        page = http.get(
            f"{portal_url}/@@search",
            params={"SearchableText": "hoi nghi"},
            auth=login_as("vp.officer"),
        )
        assert self.OBSOLETE_TITLE not in page.text
        asked = http.get(
            f"{portal_url}/@@search",
            params={"SearchableText": "hoi nghi", "include_obsolete": "1"},
            auth=login_as("vp.officer"),
        )
        assert self.OBSOLETE_TITLE in asked.text

    def test_filters(self, http, portal_url, login_as):
        by_unit = self.rest(
            http,
            portal_url,
            login_as,
            "iso.secretary",
            SearchableText="quy trinh",
            owning_unit="phapche",
            portal_type="Procedure",
        )
        assert by_unit
        assert all("pháp" in t.lower() or "văn bản" in t.lower() for t in by_unit)
        by_type = self.rest(
            http,
            portal_url,
            login_as,
            "iso.secretary",
            SearchableText="cong bo he thong",
            portal_type="Decision",
        )
        assert by_type == [
            "Quyết định công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015"
        ]
        by_state = self.rest(
            http,
            portal_url,
            login_as,
            "iso.secretary",
            SearchableText="quy trinh",
            review_state="draft",
            portal_type="Procedure",
        )
        assert "Quy trình đánh giá kết quả nhiệm vụ khoa học" in by_state
        last_year = self.rest(
            http,
            portal_url,
            login_as,
            "vp.officer",
            SearchableText="danh muc ho so",
            year="2025",
        )
        assert last_year == ["Danh mục hồ sơ năm 2025 – Văn phòng Bộ"]


class TestSnippets:
    @pytest.mark.parametrize(
        ("text", "query", "expected"),
        [
            (
                "Quy chế phối hợp với Ủy ban nhân dân",
                "uy ban",
                "<mark>Ủy</mark> <mark>ban</mark>",
            ),
            ("Kế hoạch ứng dụng công nghệ", "ứng*", "<mark>ứng</mark> dụng"),
            ("Áp dụng QT-07/KHTC ngay", "QT-07/KHTC", "<mark>QT-07/KHTC</mark>"),
            ("Biểu mẫu BM-01/QT-07/KHTC", "QT-07", "<mark>BM-01/QT-07/KHTC</mark>"),
            (
                "<b>không</b> phải HTML",
                "khong",
                "&lt;b&gt;<mark>không</mark>&lt;/b&gt;",
            ),
        ],
    )
    def test_highlight(self, text, query, expected):

        assert expected in snippet(text, query)

    def test_long_text_is_cut_around_the_word(self):

        text = "mở đầu " * 100 + "Ủy ban nhân dân" + " kết thúc" * 100
        result = snippet(text, "uy ban")
        assert result.startswith("… ")
        assert result.endswith(" …")
        assert "<mark>Ủy</mark>" in result
        assert len(result) < 400

    def test_search_page_and_rest_show_snippets(
        self, functional, http, portal_url, login_as
    ):
        effective_procedure(
            functional["portal"],
            title="Phối hợp",
            code="TK-98/KHTC",
            purpose="Quy chế phối hợp với Ủy ban nhân dân các tỉnh.",
        )
        page = http.get(
            f"{portal_url}/@@search",
            params={"SearchableText": "uy ban nhan"},
            auth=login_as("vp.staff"),
        )
        assert "<mark>Ủy</mark> <mark>ban</mark> <mark>nhân</mark>" in page.text
        found = http.get(
            f"{portal_url}/++api++/@search",
            params={"SearchableText": "uy ban"},
            headers={"Accept": "application/json"},
            auth=login_as("vp.staff"),
        ).json()
        item = next(i for i in found["items"] if i["title"] == "Phối hợp")
        assert "<mark>Ủy</mark>" in item["snippet"]


def test_live_search_keeps_codes_and_folds(functional, http, portal_url, login_as):
    """The search box's live results (@@ajax-search) behave like the page."""
    response = http.get(
        f"{portal_url}/@@ajax-search",
        params={"SearchableText": "QT-01/VP"},
        auth=login_as("khcn.staff"),
    )
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Quy trình quản lý văn bản đến"]
    folded = http.get(
        f"{portal_url}/@@ajax-search",
        params={"SearchableText": "quan ly van ban den"},
        auth=login_as("khcn.staff"),
    ).json()
    assert "Quy trình quản lý văn bản đến" in [
        item["title"] for item in folded["items"]
    ]


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        ("vawn banr ddi", "văn bản đi"),  # Telex
        ("va8n ba3n d9i", "văn bản đi"),  # VNI
        ("QT-02/VP", None),  # as typed
    ],
)
def test_rest_search_reads_the_query_as_meant(
    functional, http, portal_url, login_as, typed, reading
):
    """@search finds what the search page finds for Telex, VNI and codes,
    says how it read the query, and marks the words it read."""
    found = http.get(
        f"{portal_url}/++api++/@search",
        params={"SearchableText": typed},
        headers={"Accept": "application/json"},
        auth=login_as("vp.staff"),
    ).json()
    assert found["items"][0]["title"] == "Quy trình quản lý văn bản đi"
    assert found.get("reading") == reading
    assert "<mark>" in found["items"][0]["snippet"]
