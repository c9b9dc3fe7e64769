"""The BM25 scoring our index does in C finds exactly what ZCTextIndex's own
OkapiIndex finds, ranks like BM25, and never hands out its stored maps; the
exact-word sets stay right when two editors save at once."""

from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from Products.ZCTextIndex.QueryParser import QueryParser
from qms.intranet.search.index import ExactWords
from qms.intranet.search.lexicon import FoldingNormalizer
from qms.intranet.search.lexicon import VietnameseSplitter
from qms.intranet.search.okapi import MergeableOkapiIndex
from qms.intranet.search.okapi import VietnameseOkapiIndex
from ZODB import DB
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError

import pytest
import random
import transaction


WORDS = (  # noqa: SIM905 - reads as text
    "quy trình quản lý văn bản đến đi hồ sơ ủy ban nhân dân ứng dụng công "
    "nghệ bán đấu giá bàn giao bản sao sổ gốc đánh giá nội bộ thời hạn bảo "
    "quản QT-01/VP TCVN ISO 9001:2015"
).split()


def build(factory, texts):
    lexicon = Lexicon(VietnameseSplitter(), FoldingNormalizer())
    index = factory(lexicon)
    for docid, text in enumerate(texts, start=1):
        index.index_doc(docid, text)
    return lexicon, index


def run(lexicon, index, query):
    return QueryParser(lexicon).parseQuery(query).executeQuery(index)


@pytest.fixture(scope="module")
def pair():
    rng = random.Random(7)  # noqa: S311 - reproducible texts
    texts = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
        for _ in range(400)
    ]
    return build(OkapiIndex, texts), build(VietnameseOkapiIndex, texts)


@pytest.mark.parametrize(
    "query",
    [
        "quy trinh",
        "uy ban",
        "ứng dụng",
        "ban*",
        "ho so AND NOT ban",
        "dau gia OR ban giao",
        '"quan ly van ban"',
        "QT-01/VP",
        "9001*",
        "khong co",
    ],
)
def test_same_documents_as_zctextindex(pair, query):
    (stock_lexicon, stock), (ours_lexicon, ours) = pair
    expected = run(stock_lexicon, stock, query)
    found = run(ours_lexicon, ours, query)
    assert set(found.keys()) == set(expected.keys())


def test_bm25_order():
    """More occurrences rank higher; at equal count, the shorter text."""
    lexicon, index = build(
        VietnameseOkapiIndex,
        [
            "hồ sơ " + "khác " * 20,
            "hồ sơ hồ sơ hồ sơ " + "khác " * 20,
            "hồ sơ",
            "không liên quan",
        ],
    )
    scores = run(lexicon, index, "ho so")
    assert scores[2] > scores[1]  # three times "hồ sơ", same length
    assert scores[3] > scores[1]  # once, in a shorter text
    assert 4 not in scores


def test_rare_words_weigh_more():
    lexicon, index = build(
        VietnameseOkapiIndex,
        ["hồ sơ"] * 20 + ["hồ sơ lưu trữ"],
    )
    scores = run(lexicon, index, "ho OR luu")
    assert max(scores.keys(), key=scores.__getitem__) == 21


def test_results_are_copies(pair):
    """Whoever changes a result (the catalog intersects, boosts) changes
    nothing in the index."""
    _stock, (lexicon, index) = pair
    first = run(lexicon, index, "TCVN")
    for docid in list(first.keys()):
        first[docid] = 0
    again = run(lexicon, index, "TCVN")
    assert min(again.values()) > 0


def test_reindex_changes_the_weights():
    lexicon, index = build(VietnameseOkapiIndex, ["hồ sơ", "hồ sơ khác"])
    index.index_doc(1, "tài liệu")
    assert set(run(lexicon, index, "ho so").keys()) == {2}
    index.unindex_doc(2)
    assert not run(lexicon, index, "ho so")


def test_concurrent_new_words_never_share_a_number(tmp_path):
    """Two editors saving documents with new marked words at once: both
    transactions commit (new words take random free numbers, so neither the
    same number nor, mostly, the same bucket), and the words keep numbers of
    their own."""

    db = DB(FileStorage(str(tmp_path / "exact.fs")))
    first, second = transaction.TransactionManager(), transaction.TransactionManager()
    one, two = db.open(transaction_manager=first), db.open(transaction_manager=second)
    one.root()["exact"] = ExactWords()
    first.commit()
    second.begin()
    one.root()["exact"].index_doc(1, ["bán đấu giá"])
    two.root()["exact"].index_doc(2, ["bàn giao"])
    first.commit()
    second.commit()  # resolved: no retry needed
    first.begin()
    exact = one.root()["exact"]
    assert set(exact.documents("bán")) == {1}
    assert set(exact.documents("bàn")) == {2}
    assert set(exact.documents("đấu giá")) == {1}
    # bán, đấu, giá, bàn and giao (words without marks are kept too)
    assert len(set(exact._wids.values())) == len(exact._wids) == 5
    db.close()


@pytest.mark.parametrize(
    ("factory", "conflicts"),
    [(OkapiIndex, True), (MergeableOkapiIndex, False)],
    ids=["zctextindex", "mergeable"],
)
def test_two_titles_indexed_at_once_both_commit(tmp_path, factory, conflicts):
    """Two people saving documents whose titles share common words while a
    rare word sits in the same bucket of the index: ZCTextIndex's dicts make
    ZODB refuse the second save (a ConflictError, a 500 after Zope's
    retries, issue #12); with word maps as IIBTrees both saves commit."""
    db = DB(FileStorage(str(tmp_path / "title.fs")))
    first, second = transaction.TransactionManager(), transaction.TransactionManager()
    one, two = db.open(transaction_manager=first), db.open(transaction_manager=second)
    lexicon = Lexicon(VietnameseSplitter(), FoldingNormalizer())
    one.root()["lexicon"] = lexicon
    index = one.root()["index"] = factory(lexicon)
    for docid in range(1, 30):  # "quy trình" common, "thử" rare
        index.index_doc(docid, f"quy trình số {docid}")
    index.index_doc(30, "thử")
    first.commit()
    second.begin()
    one.root()["index"].index_doc(31, "quy trình kiểm soát")
    two.root()["index"].index_doc(32, "quy trình đánh giá")
    first.commit()
    if conflicts:
        with pytest.raises(ConflictError):
            second.commit()
        db.close()
        return
    second.commit()
    first.begin()
    lexicon, index = one.root()["lexicon"], one.root()["index"]
    found = run(lexicon, index, "quy trình")
    assert {31, 32} <= set(found.keys())
    assert set(run(lexicon, index, "kiểm soát").keys()) == {31}
    db.close()
