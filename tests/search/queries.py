# ruff: noqa: E501 - one query a line reads better
"""The graded queries of the search test set (issue #17), on corpus.py.

Each query is what a civil servant types, with what they mean by it:
``first`` the document that must come first (a tuple: any of these, for
real near-duplicates such as the same procedure of two units), and
``relevant`` the documents that must all be in the first ten results
(``first`` among them). Kinds:

* ``telex``, ``vni``: typed without a Vietnamese input method;
* ``typo``: one letter wrong, missing, doubled or swapped in a word of four
  letters or more;
* ``variant``: quy/qui and y/i spellings (quý/quí, kỹ/kĩ, lý/lí, tỷ/tỉ);
* ``code_partial``: part of a code (QT-02 for QT-02/VP and BM-01/QT-02/VP);
* ``legal_ref``: a legal reference as cited (Thông tư 15/2023, QĐ 12/2024);
* ``unmarked_in_marked``: a word typed without marks among marked ones
  ("ban chỉ đạo": ban, not bàn or bản);
* ``title_over_citation``: the document whose title it is, before those
  citing it;
* ``adjacency``: the words next to each other before the same words
  scattered;
* ``plain``: controls that work today and must keep working.
"""

KINDS = (
    "telex",
    "vni",
    "typo",
    "variant",
    "code_partial",
    "legal_ref",
    "unmarked_in_marked",
    "title_over_citation",
    "adjacency",
    "plain",
)
SPECIAL_KINDS = KINDS[:-1]

QT01 = ("qt01-vp-2", "qt01-vp-1", "qt01-khcn")
QT02 = ("qt02-vp", "qt02-khcn")
QT06 = ("qt06-vp-2024", "qt06-vp-2019")
BCD = ("qd01-2024", "bb-bcd-1", "bb-bcd-2")
TT15 = ("tt15-2023", "tt15-2022")
QD12 = ("qd12-2024-bkhcn", "qd12-2024-ttg")
KNTC = ("qt08-ttra", "bc-khieunai-2024")
SAOLUU = ("qt15-cntt", "bm01-qt15-cntt")
THAMDINH = ("qt12-khcn", "bm01-qt12-khcn")
# The titles with "đánh giá nội bộ": each as good a first for those words.
DGNB = (
    "qt03-vp",
    "kh-dgnb-2024",
    "kh-dgnb-2025",
    "bc-dgnb-2024",
    "tb-danhgia-2024",
    "bb-khaimac-dgnb",
    "kh-dgnb-khcn-2024",
)


def q(text, kind, first, relevant=()):
    """A query: its first document(s) are always relevant."""
    firsts = (first,) if isinstance(first, str) else tuple(first)
    return {
        "text": text,
        "kind": kind,
        "first": first,
        "relevant": list(dict.fromkeys((*firsts, *relevant))),
    }


QUERIES = [
    # Telex: marks typed as letters, after the vowel or at the end.
    q("quyeets ddinhj thanhf laapj ban chir ddaoj", "telex", "qd01-2024"),
    q("thoong tuw 15/2023", "telex", "tt15-2023"),
    q("giaays mowif hopj", "telex", "bm01-qt19-vp"),
    q("giaays mowif hooij nghij sow keets", "telex", "giaymoi-soket"),
    q("quy trinhf kieemr soats taif lieeuj", "telex", QT01, QT01),
    q(
        "quy trinhf ddanhs gias nooij booj",
        "telex",
        "qt03-vp",
        ["kh-dgnb-2024", "tb-danhgia-2024"],
    ),
    q("phieeus muwonj hoof sow", "telex", "bm02-qt02-vp"),
    q("bieen banr banf giao taif sanr", "telex", "bm02-qt11-khtc"),
    q("soor ddawng kys vawn banr ddi", "telex", "bm01-qt07-vp"),
    q("tuyeenr dungj coong chuwcs", "telex", "qt09-tccb", ["bm01-qt09-tccb"]),
    q("khieeus naij toos caos", "telex", KNTC, KNTC),
    q("nghij ddinhj vawn thuw", "telex", "nd30-2020"),
    q("sao luwu duwx lieeuj", "telex", SAOLUU, SAOLUU),
    q(
        "thaamr ddinhj nhieemj vuj khoa hocj",
        "telex",
        THAMDINH,
        [*THAMDINH, "bb-thamdinh"],
    ),
    q(
        "quy trinhf xem xets cuar lanhx ddaoj",
        "telex",
        "qt05-vp",
        ["bc-xxld-2024", "bm01-qt05-vp"],
    ),
    q(
        "kees hoachj ddaof taoj booif duowngx",
        "telex",
        ("kh-daotao-2024", "qd245-2024"),
        ["kh-daotao-2024", "qd245-2024"],
    ),
    q("chinhs sachs chaats luwowngj", "telex", "chinhsach-cl"),
    q("quyeest ddinhj coong boos heej thoongs", "telex", "qd1520-2022"),
    # VNI: marks and tones typed as digits.
    q("quye61t d9i5nh tha2nh la65p ban chi3 d9a5o", "vni", "qd01-2024"),
    q("tho6ng tu7 15/2023", "vni", "tt15-2023"),
    q("gia61y mo72i ho5p", "vni", "bm01-qt19-vp"),
    q(
        "quy tri2nh d9a1nh gia1 no65i bo65",
        "vni",
        "qt03-vp",
        ["kh-dgnb-2024", "tb-danhgia-2024"],
    ),
    q("quy tri2nh kie63m soa1t ho62 so7", "vni", QT02, QT02),
    q("phie61u mu7o75n ho62 so7", "vni", "bm02-qt02-vp"),
    q("tuye63n du5ng co6ng chu71c", "vni", "qt09-tccb", ["bm01-qt09-tccb"]),
    q("nghi5 d9i5nh va8n thu7", "vni", "nd30-2020"),
    q("sao lu7u du74 lie65u", "vni", SAOLUU, SAOLUU),
    q("bie6n ba3n kie63m ke6 ta2i sa3n", "vni", "bm01-qt11-khtc"),
    q("so63 tie61p co6ng da6n", "vni", "bm01-qt08-ttra"),
    q(
        "ba1o ca1o xem xe1t cu3a la4nh d9a5o",
        "vni",
        ("bc-xxld-2024", "bm01-qt05-vp"),
        ["bc-xxld-2024", "bm01-qt05-vp"],
    ),
    q("ke61 hoa5ch mua sa81m ta2i sa3n", "vni", "kh-muasam-2024"),
    q("va8n ba3n d9e61n", "vni", QT06, QT06),
    q("so63 tay cha61t lu7o75ng", "vni", "sotay-cl"),
    # Typos, on words of four letters or more.
    q("quyet dnih thanh lap ban chi dao", "typo", "qd01-2024"),
    q("thogn bao ket luan ban chi dao", "typo", "tb56-2024"),
    q("chuong trnih cong tac ban chi dao", "typo", "ctr-congtac-2024"),
    q("kiem sota tai lieu", "typo", QT01, QT01),
    q(
        "quy trinh dahn gia noi bo",
        "typo",
        "qt03-vp",
        ["kh-dgnb-2024", "tb-danhgia-2024"],
    ),
    q("tuyen dugn cong chuc", "typo", "qt09-tccb", ["bm01-qt09-tccb"]),
    q("khiue nai to cao", "typo", KNTC, KNTC),
    q("thma dinh nhiem vu khoa hoc", "typo", THAMDINH, THAMDINH),
    q("sao luu du lieuu", "typo", SAOLUU, SAOLUU),
    q("phiue muon ho so", "typo", "bm02-qt02-vp"),
    q("quy trinh xem xet cua lahn dao", "typo", "qt05-vp", ["bc-xxld-2024"]),
    q("giya moi hop", "typo", "bm01-qt19-vp"),
    q("quna ly van ban den", "typo", QT06, QT06),
    q(
        "hanh dong khac phcu",
        "typo",
        ("qt04-vp", "bm01-qt04-vp"),
        ["qt04-vp", "bm01-qt04-vp", "bc-khacphuc-2024"],
    ),
    q("chinh scah chat luong", "typo", "chinhsach-cl"),
    q("muc tieu chta luong nam 2024", "typo", "muctieu-2024"),
    q(
        "kiemm ke tai san",
        "typo",
        ("bm01-qt11-khtc", "bc-taisan-2024"),
        ["bm01-qt11-khtc", "bc-taisan-2024"],
    ),
    # Spelling variants: quy/qui, y/i after a consonant.
    q("báo cáo thu chi quí III", "variant", "bc-thuchi-q3"),
    q("bao cao qui III", "variant", "bc-thuchi-q3"),
    q("kết quả thực hiện nhiệm vụ quý IV năm 2023", "variant", "bc-q4-2023"),
    q("kỹ năng tin học văn phòng", "variant", "kh-tinhoc"),
    q("quản lý kho dữ liệu dùng chung", "variant", "quyche-khodl"),
    q("tỷ lệ hồ sơ trễ hạn", "variant", "bc-iso-2023"),
    q("tỉ lệ hồ sơ giải quyết đúng hạn", "variant", "bc-iso-2024"),
    q("đoàn công tác tại Hoa Kì", "variant", "bc-doan-hk"),
    q("kỷ luật lao động", "variant", "quydinh-kiluat"),
    q("dự tuyển thạc sĩ", "variant", "bm01-qt09-tccb"),
    q("qui trình kiểm soát hồ sơ", "variant", QT02, QT02),
    q(
        "qui định quản lý nhiệm vụ khoa học và công nghệ cấp quốc gia",
        "variant",
        "tt15-2023",
    ),
    q("qui chế làm việc của Bộ", "variant", "qd12-2024-bkhcn", ["tl-quychelamviec"]),
    q("qui chế thi tuyển công chức", "variant", "quyche-thituyen"),
    q("quản lí tài sản công", "variant", "qt11-khtc"),
    # Partial codes.
    q(
        "QT-02",
        "code_partial",
        QT02,
        [*QT02, "bm01-qt02-vp", "bm02-qt02-vp", "bm01-qt02-khcn"],
    ),
    q("qt02", "code_partial", QT02, [*QT02, "bm01-qt02-vp", "bm02-qt02-vp"]),
    q(
        "QT-01",
        "code_partial",
        QT01,
        [*QT01, "bm01-qt01-vp", "bm02-qt01-vp", "bm03-qt01-vp"],
    ),
    q(
        "BM-01/QT-02",
        "code_partial",
        ("bm01-qt02-vp", "bm01-qt02-khcn"),
        ["bm01-qt02-vp", "bm01-qt02-khcn"],
    ),
    q("QT-02/KHCN", "code_partial", "qt02-khcn", ["bm01-qt02-khcn"]),
    q("QT-11", "code_partial", "qt11-khtc", ["bm01-qt11-khtc", "bm02-qt11-khtc"]),
    q("BM-02/QT-11", "code_partial", "bm02-qt11-khtc"),
    q("QT-15", "code_partial", "qt15-cntt", ["bm01-qt15-cntt", "bm02-qt15-cntt"]),
    q("QT-12", "code_partial", "qt12-khcn", ["bm01-qt12-khcn"]),
    q("QT-09", "code_partial", "qt09-tccb", ["bm01-qt09-tccb", "bm02-qt09-tccb"]),
    q("QT-04", "code_partial", "qt04-vp", ["bm01-qt04-vp", "bm02-qt04-vp"]),
    q("QT-07", "code_partial", "qt07-vp", ["bm01-qt07-vp"]),
    q("QT-06", "code_partial", QT06, [*QT06, "bm01-qt06-vp", "bm02-qt06-vp"]),
    q("QT-14", "code_partial", "qt14-htqt", ["bm01-qt14-htqt"]),
    q("BM-01/QT-15", "code_partial", "bm01-qt15-cntt"),
    q("qt-08 ttra", "code_partial", "qt08-ttra", ["bm01-qt08-ttra", "bm02-qt08-ttra"]),
    q("QT-17", "code_partial", "qt17-vp", ["bm01-qt17-vp"]),
    # Legal references as cited.
    q("Thông tư 15/2023", "legal_ref", "tt15-2023", ["qt12-khcn"]),
    q("TT 15/2023", "legal_ref", "tt15-2023"),
    q("thong tu 15", "legal_ref", TT15, TT15),
    q("thông tư 15 năm 2023", "legal_ref", "tt15-2023"),
    q("15/2023", "legal_ref", "tt15-2023"),
    q("QĐ 12/2024", "legal_ref", QD12, QD12),
    q("quyết định số 12/2024/QĐ-TTg", "legal_ref", "qd12-2024-ttg"),
    q("Nghị định 30/2020", "legal_ref", "nd30-2020", ["qt07-vp", "hd-trinhbay-vb"]),
    q("NĐ 30/2020", "legal_ref", "nd30-2020"),
    q("thông tư 26/2014", "legal_ref", "tt26-2014"),
    q("Quyết định 19/2014", "legal_ref", "qd19-2014-ttg", ["bc-apdung-19"]),
    q("QĐ 1/2024", "legal_ref", "qd01-2024"),
    q("thông tư liên tịch 01/2015", "legal_ref", "ttlt01-2015"),
    q("luật 29/2013", "legal_ref", "luat-khcn"),
    q("công văn 1234", "legal_ref", "cv1234-2024", ["bc-iso-2024"]),
    q("chỉ thị 05", "legal_ref", "ct05-2023", ["kh-attt-2024"]),
    q("thông báo 56", "legal_ref", "tb56-2024"),
    q("quyết định 245", "legal_ref", "qd245-2024"),
    q("kế hoạch 05/KH-BKHCN", "legal_ref", "kh05-2024"),
    # A word typed without marks among marked ones: that exact word first.
    q("ban chỉ đạo", "unmarked_in_marked", BCD, BCD),
    q("thành lập ban chỉ đạo", "unmarked_in_marked", "qd01-2024"),
    q("quản lý kho lưu trữ", "unmarked_in_marked", "qt17-vp", ["bm01-qt17-vp"]),
    q("kế hoạch mua sắm", "unmarked_in_marked", "kh-muasam-2024"),
    q("báo cáo thu chi", "unmarked_in_marked", "bc-thuchi-q3"),
    q("tin học văn phòng", "unmarked_in_marked", "kh-tinhoc"),
    q("quy chế thi tuyển", "unmarked_in_marked", "quyche-thituyen"),
    q("cho ý kiến dự thảo", "unmarked_in_marked", "cv-gopy-tt"),
    q("chi phí đánh giá chứng nhận", "unmarked_in_marked", "dt-chiphi-cn"),
    q("tai nạn lao động", "unmarked_in_marked", "bc-tainan-2024"),
    q("kho dữ liệu dùng chung", "unmarked_in_marked", "quyche-khodl"),
    q("thu hồi tài liệu lỗi thời", "unmarked_in_marked", "qt01-vp-1"),
    q(
        "ban đề thi",
        "unmarked_in_marked",
        ("bb-hdtt-2024", "quyche-thituyen"),
        ["bb-hdtt-2024", "quyche-thituyen"],
    ),
    q(
        "họp ban chỉ đạo ISO",
        "unmarked_in_marked",
        ("bb-bcd-1", "bb-bcd-2"),
        ["bb-bcd-1", "bb-bcd-2", "tb56-2024"],
    ),
    # The document whose title it is, before those that cite it.
    q("quy trình kiểm soát hồ sơ", "title_over_citation", QT02, [*QT02, "hd-lapho-so"]),
    q(
        "quy trình quản lý văn bản đi",
        "title_over_citation",
        "qt07-vp",
        ["bm01-qt07-vp", "bc-vanthu-2024"],
    ),
    q(
        "quy trình đánh giá nội bộ",
        "title_over_citation",
        "qt03-vp",
        ["kh-dgnb-2024", "tb-danhgia-2024"],
    ),
    q(
        "nghị định về công tác văn thư",
        "title_over_citation",
        "nd30-2020",
        ["hd-trinhbay-vb"],
    ),
    q(
        "áp dụng hệ thống quản lý chất lượng vào hoạt động của các cơ quan hành chính nhà nước",
        "title_over_citation",
        "qd19-2014-ttg",
        ["bc-apdung-19"],
    ),
    q(
        "quy chế làm việc của Bộ Khoa học và Công nghệ",
        "title_over_citation",
        "qd12-2024-bkhcn",
        ["tl-quychelamviec"],
    ),
    q("chính sách chất lượng", "title_over_citation", "chinhsach-cl", ["sotay-cl"]),
    q("sổ tay chất lượng", "title_over_citation", "sotay-cl", ["ph-sotay"]),
    q(
        "quy trình xem xét của lãnh đạo",
        "title_over_citation",
        "qt05-vp",
        ["bc-xxld-2024"],
    ),
    q(
        "quy trình kiểm soát sự không phù hợp và hành động khắc phục",
        "title_over_citation",
        "qt04-vp",
        ["bc-khacphuc-2024"],
    ),
    q(
        "quản lý nhiệm vụ khoa học và công nghệ cấp quốc gia",
        "title_over_citation",
        "tt15-2023",
        ["bc-thamdinh-2024"],
    ),
    q(
        "quy trình tuyển dụng công chức",
        "title_over_citation",
        "qt09-tccb",
        ["bc-tuyendung-2024"],
    ),
    q(
        "kế hoạch đào tạo bồi dưỡng công chức năm 2024",
        "title_over_citation",
        "kh-daotao-2024",
        ["qd245-2024"],
    ),
    q(
        "mục tiêu chất lượng năm 2024",
        "title_over_citation",
        "muctieu-2024",
        ["ph-sotay"],
    ),
    q(
        "quy trình sao lưu dữ liệu và bảo đảm an toàn thông tin",
        "title_over_citation",
        "qt15-cntt",
        ["bc-saoluu-2024"],
    ),
    q(
        "quy trình quản lý đoàn ra đoàn vào",
        "title_over_citation",
        "qt14-htqt",
        ["hd-doanra-2024"],
    ),
    # Adjacent words before the same words scattered.
    q("sao lưu dữ liệu", "adjacency", SAOLUU, [*SAOLUU, "bc-saoluu-2024"]),
    q(
        "đánh giá nội bộ",
        "adjacency",
        DGNB,
        ["qt03-vp", "kh-dgnb-2024", "bc-dgnb-2024"],
    ),
    q("văn bản đến", "adjacency", QT06, [*QT06, "bm01-qt06-vp"]),
    q(
        "kiểm kê tài sản",
        "adjacency",
        ("bm01-qt11-khtc", "bc-taisan-2024"),
        ["bm01-qt11-khtc", "bc-taisan-2024"],
    ),
    q(
        "an toàn thông tin",
        "adjacency",
        ("qt15-cntt", "kh-attt-2024", "ct05-2023", "bc-attt-2024", "bm02-qt15-cntt"),
        ["qt15-cntt", "kh-attt-2024"],
    ),
    q(
        "đoàn ra",
        "adjacency",
        ("qt14-htqt", "bm01-qt14-htqt"),
        ["qt14-htqt", "bm01-qt14-htqt"],
    ),
    q("mượn hồ sơ", "adjacency", "bm02-qt02-vp", ["qt02-vp"]),
    q(
        "thẩm định nhiệm vụ",
        "adjacency",
        ("qt12-khcn", "bm01-qt12-khcn", "bb-thamdinh"),
        ["qt12-khcn", "bm01-qt12-khcn", "bb-thamdinh"],
    ),
    q("hội nghị hội thảo", "adjacency", "qt19-vp"),
    q("giải quyết văn bản đến", "adjacency", "bm02-qt06-vp", QT06),
    q(
        "lãnh đạo xem xét",
        "adjacency",
        ("qt05-vp", "bc-xxld-2024", "bm01-qt05-vp", "bb-xxld-2024"),
        ["qt05-vp"],
    ),
    q(
        "an toàn thông tin mạng",
        "adjacency",
        ("kh-attt-2024", "ct05-2023"),
        ["kh-attt-2024", "ct05-2023"],
    ),
    q("tiếp công dân", "adjacency", "bm01-qt08-ttra", ["qt08-ttra"]),
    q("đề nghị thanh toán", "adjacency", "bm01-qt16-khtc", ["qt16-khtc"]),
    # Controls.
    q("ISO 9001 năm 2024", "plain", "bc-iso-2024"),
    q("khiếu nại tố cáo", "plain", KNTC, KNTC),
    q("tài sản công", "plain", "qt11-khtc"),
    q("QT-02/VP", "plain", "qt02-vp", ["bm01-qt02-vp", "bm02-qt02-vp"]),
    q("15/2023/TT-BKHCN", "plain", "tt15-2023", ["qt12-khcn", "bb-thamdinh"]),
    q("giấy đề nghị tạm ứng", "plain", "bm02-qt16-khtc"),
    q("phòng chống thiên tai", "plain", "kh-pclb-2024"),
    q("chữ ký số", "plain", "kh-cntt-2024"),
    q("hộ chiếu công vụ", "plain", "hd-doanra-2024"),
    q("lịch công tác tuần", "plain", "lich-congtac"),
    q("tổ chức chứng nhận", "plain", "dt-chiphi-cn"),
    q("danh mục tài liệu nội bộ", "plain", "bm01-qt01-vp"),
    q("Hoa Kỳ", "plain", "bc-doan-hk"),
    q("thi đua khen thưởng", "plain", "qt18-tccb", ["bm01-qt18-tccb"]),
]


def firsts(query: dict) -> tuple[str, ...]:
    """The keys any of which may rank first."""
    first = query["first"]
    return (first,) if isinstance(first, str) else tuple(first)


def iter_queries(kind: str | None = None):
    """The queries, or those of one kind."""
    return (query for query in QUERIES if kind is None or query["kind"] == kind)
