"""A code is indexed with the parts staff type of it, and a legal reference
typed the way it is cited meets the tokens indexed for the document's
number. No Plone needed."""

from qms.intranet.search import fold
from qms.intranet.search import words
from qms.intranet.search.codeparts import head
from qms.intranet.search.codeparts import legal_reference
from qms.intranet.search.codeparts import parts
from qms.intranet.search.codeparts import query_reference
from qms.intranet.search.codeparts import reference_tokens
from tests.pure import _keep_functional_session  # noqa: F401
from tests.pure import _keep_integration_session  # noqa: F401

import pytest


def test_procedure_code():
    assert parts("qt-02/vp") == ["qt-02", "vp", "qt02", "head:qt-02", "head:qt02"]


def test_heads():
    """A code query finds the codes it begins by their head: tokens."""
    assert head("QT-02") in parts("qt-02/vp")
    assert head("QT-02") in parts("qt-02/khcn")
    assert head("QT-02") not in parts("bm-01/qt-02/vp")
    assert head("BM-01/QT-02") in parts("bm-01/qt-02/vp")
    assert head("qt02") in parts("qt-02/vp")
    assert "head:15/2023" in parts("15/2023/tt-bkhcn")
    assert "head:15" not in parts("15/2023/tt-bkhcn")


def test_form_code():
    found = parts("bm-01/qt-02/vp")
    for part in ("bm-01", "qt-02", "vp", "bm-01/qt-02", "qt-02/vp", "qt02", "bm01"):
        assert part in found
    assert "bm-01/qt-02/vp" not in found


def test_folds_and_lowers():
    assert parts("BM-01/QT-02/VP") == parts("bm-01/qt-02/vp")
    assert parts("01/2024/QĐ-BKHCN") == parts("01/2024/qd-bkhcn")


@pytest.mark.parametrize(
    "token", ["qt-02/vp", "bm-01/qt-02/vp", "15/2023/tt-bkhcn", "9001:2015"]
)
def test_no_weak_parts(token):
    for part in parts(token):
        assert not part.isdigit() or len(part) >= 4  # 9001 yes; 02, 15 no
        assert part not in ("qt", "bm", "tt", "2023", "2015", "head:15")


def test_plain_words_have_no_parts():
    assert parts("quyet") == []
    assert parts("vp") == []
    assert parts("2023") == []


def test_standard():
    assert parts("9001:2015") == ["9001"]


def test_legal_number_parts():
    found = parts("15/2023/tt-bkhcn")
    assert "15/2023" in found
    assert "tt-bkhcn" in found
    assert "ref:tt:15:2023" in found
    assert "ref:15:2023" in found
    assert "ref:tt:15" in found
    assert "2023/tt-bkhcn" not in found


def test_parts_are_single_tokens():
    for token in ("bm-01/qt-02/vp", "15/2023/tt-bkhcn", "30/2020/nd-cp"):
        for part in parts(token):
            assert words(part) == [part]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("15/2023/tt-bkhcn", (15, 2023, "tt", "bkhcn")),
        ("12/2024/qd-ttg", (12, 2024, "qd", "ttg")),
        ("30/2020/nd-cp", (30, 2020, "nd", "cp")),
        ("01/2024/qđ-bkhcn", (1, 2024, "qd", "bkhcn")),
        ("30/2020/NĐ-CP", (30, 2020, "nd", "cp")),
        ("01/2015/ttlt-bkhcn-bnv", (1, 2015, "ttlt", "bkhcn-bnv")),
        ("01/2015/tttl-bkhcn-bnv", (1, 2015, "ttlt", "bkhcn-bnv")),
        ("245/qd-bkhcn", (245, None, "qd", "bkhcn")),
        ("05/ct-bkhcn", (5, None, "ct", "bkhcn")),
        ("56/tb-bkhcn", (56, None, "tb", "bkhcn")),
        ("05/kh-bkhcn", (5, None, "kh", "bkhcn")),
        ("1234/bkhcn-vp", (1234, None, "cv", "bkhcn-vp")),
        ("29/2013/qh13", (29, 2013, "l", "qh13")),
        ("02/2021/nq-cp", (2, 2021, "nq", "cp")),
        ("qd-12/2024", (12, 2024, "qd", None)),
        ("15/2023", (15, 2023, None, None)),
    ],
)
def test_legal_reference(token, expected):
    ref = legal_reference(token)
    assert (ref["number"], ref["year"], ref["kind"], ref["issuer"]) == expected


def test_kind_names():
    assert legal_reference("15/2023/tt-bkhcn")["kind_name"] == "thông tư"
    assert legal_reference("30/2020/nd-cp")["kind_name"] == "nghị định"
    assert legal_reference("12/2024/qd-ttg")["kind_name"] == "quyết định"


@pytest.mark.parametrize(
    "token", ["qt-02/vp", "bm-01/qt-02/vp", "9001:2015", "2023", "quyet", "xx-12/2024"]
)
def test_not_legal_references(token):
    assert legal_reference(token) is None


def test_reference_tokens():
    ref = legal_reference("15/2023/tt-bkhcn")
    assert reference_tokens(ref) == ["ref:tt:15:2023", "ref:15:2023", "ref:tt:15"]
    assert reference_tokens(legal_reference("245/qd-bkhcn")) == ["ref:qd:245"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Thông tư 15/2023", ["ref:tt:15:2023"]),
        ("TT 15/2023", ["ref:tt:15:2023"]),
        ("thong tu 15", ["ref:tt:15"]),
        ("thông tư số 15", ["ref:tt:15"]),
        ("thông tư 15 năm 2023", ["ref:tt:15:2023"]),
        ("QĐ 12/2024", ["ref:qd:12:2024"]),
        ("qd 12/2024", ["ref:qd:12:2024"]),
        ("quyết định số 12/2024/QĐ-TTg", ["ref:qd:12:2024"]),
        ("Nghị định 30/2020", ["ref:nd:30:2020"]),
        ("NĐ 30/2020", ["ref:nd:30:2020"]),
        ("thông tư liên tịch 01/2015", ["ref:ttlt:1:2015"]),
        ("luật 29/2013", ["ref:l:29:2013"]),
        ("công văn 1234", ["ref:cv:1234"]),
        ("chỉ thị 05", ["ref:ct:5"]),
        ("15/2023", ["ref:15:2023"]),
        ("thông tư 15/2023 và nghị định 30/2020", ["ref:tt:15:2023", "ref:nd:30:2020"]),
        ("quy trình QT-02", []),
        ("thông tư", []),
        ("kiểm soát tài liệu", []),
        ("năm 2023", []),
    ],
)
def test_query_reference(query, expected):
    assert query_reference(query) == expected


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Thông tư 15/2023", "15/2023/TT-BKHCN"),
        ("thong tu 15", "15/2023/TT-BKHCN"),
        ("QĐ 12/2024", "12/2024/QĐ-TTg"),
        ("QĐ 12/2024", "12/2024/QĐ-BKHCN"),
        ("quyết định số 12/2024/QĐ-TTg", "12/2024/QĐ-TTg"),
        ("QĐ 1/2024", "01/2024/QĐ-BKHCN"),
        ("Nghị định 30/2020", "30/2020/NĐ-CP"),
        ("15/2023", "15/2023/TT-BKHCN"),
        ("quyết định 245", "245/QĐ-BKHCN"),
        ("công văn 1234", "1234/BKHCN-VP"),
        ("thông tư liên tịch 01/2015", "01/2015/TTLT-BKHCN-BNV"),
        ("luật số 29/2013/QH13", "29/2013/QH13"),
    ],
)
def test_query_meets_index(query, code):
    """What a query looks for is among what the document's code indexes."""
    indexed = parts(fold(code))
    for token in query_reference(query):
        assert token in indexed


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Thông tư 15/2023", "15/2022/TT-BKHCN"),
        ("QĐ 12/2024", "12/2023/QĐ-TTg"),
        ("thông tư 15/2023", "15/2023/QĐ-BKHCN"),
        ("nghị định 30", "30/2020/TT-BKHCN"),
    ],
)
def test_query_misses_other_documents(query, code):
    indexed = parts(fold(code))
    assert not set(query_reference(query)) & set(indexed)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("QT-02", "QT-02/VP"),
        ("QT-02", "QT-02/KHCN"),
        ("QT-02", "BM-01/QT-02/VP"),
        ("qt02", "BM-01/QT-02/VP"),
        ("BM-01/QT-02", "BM-01/QT-02/VP"),
        ("QT-02/VP", "BM-01/QT-02/VP"),
        ("TT-BKHCN", "15/2023/TT-BKHCN"),
        ("15/2023", "15/2023/TT-BKHCN"),
    ],
)
def test_partial_code_queries_meet_index(query, code):
    assert fold(query) in parts(fold(code))
