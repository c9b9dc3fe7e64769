"""Spelling variants fold to one word, and a typo one edit away from a known
word of four letters or more finds it, quickly on a large word list. No
Plone needed."""

from qms.intranet.search.spelling import adjacent
from qms.intranet.search.spelling import canonical
from qms.intranet.search.spelling import Corrector
from qms.intranet.search.spelling import edit_kind
from qms.intranet.search.spelling import TRANSPOSITION
from tests.pure import _keep_functional_session  # noqa: F401
from tests.pure import _keep_integration_session  # noqa: F401

import pytest
import random


LEXICON = "quyet dinh thong bao chuong trinh tinh tin thang bang kiem soat".split()  # noqa: SIM905


@pytest.mark.parametrize(
    ("variant", "word"),
    [
        ("qui", "quy"),
        ("quy", "quy"),
        ("quit", "quyt"),
        ("quyt", "quyt"),
        ("ky", "ki"),
        ("ki", "ki"),
        ("ly", "li"),
        ("li", "li"),
        ("my", "mi"),
        ("ty", "ti"),
        ("sy", "si"),
        ("hy", "hi"),
        ("vy", "vi"),
    ],
)
def test_variants(variant, word):
    assert canonical(variant) == word


@pytest.mark.parametrize(
    "word",
    [
        "tuy",
        "huy",
        "thuy",
        "khuya",
        "y",
        "yen",
        "yeu",
        "uy",
        "chi",
        "khi",
        "nghi",
        "thi",
        "phi",
        "quyet",
        "ban",
        "ly-do",
        "qt-02",
    ],
)
def test_not_variants(word):
    assert canonical(word) == word


def test_both_spellings_meet():
    assert canonical("qui") == canonical("quy")
    for consonant in "hklmstv":
        assert canonical(consonant + "y") == canonical(consonant + "i")


@pytest.fixture
def corrector():
    return Corrector(LEXICON)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("dnih", "dinh"),  # transposition
        ("thogn", "thong"),
        ("trnih", "trinh"),
        ("quyett", "quyet"),  # a key typed twice
        ("quyt", "quyet"),  # deletion
        ("quyeet", "quyet"),  # insertion
        ("quyrt", "quyet"),  # neighbouring key
        ("chuonh", "chuong"),
        ("kiwm", "kiem"),
        ("soatt", "soat"),
    ],
)
def test_candidates(corrector, typo, meant):
    assert corrector.candidates(typo)[0] == meant


def test_short_words_ignored(corrector):
    assert corrector.candidates("tni") == []
    assert corrector.candidates("bao") == []
    assert corrector.candidates("") == []


def test_known_word_not_its_own_candidate(corrector):
    assert "thong" not in corrector.candidates("thong")
    assert corrector.correct("thong") is None
    assert corrector.correct("thogn") == "thong"


def test_nothing_two_edits_away(corrector):
    assert corrector.candidates("htgon") == []
    assert corrector.candidates("thnogg") == []
    assert corrector.candidates("xyzzy") == []


def test_likely_slips_first():
    # tinj: j is next to h (neighbour), b is not; tibh: a transposition
    corrector = Corrector(["tinh", "tinb", "tibn"], counts={"tinb": 100})
    assert corrector.candidates("tinj") == ["tinh", "tinb"]
    assert corrector.candidates("tinb") == ["tibn", "tinh"]


def test_frequency_then_alphabet():
    corrector = Corrector(["xanh", "xinh", "xunh"], counts={"xunh": 3, "xinh": 7})
    # all three are substitutions of non-neighbouring keys in "xonh"... o is a
    # neighbour of i, so xinh first, then by count, then alphabet.
    assert corrector.candidates("xonh") == ["xinh", "xunh", "xanh"]


def test_edit_kinds():
    assert edit_kind("dnih", "dinh") == TRANSPOSITION
    assert edit_kind("dinh", "dinh") is None
    assert edit_kind("abcd", "badc") is None
    assert adjacent("q", "w")
    assert adjacent("s", "z")
    assert not adjacent("q", "p")
    assert not adjacent("a", "a")


def test_large_word_list():
    rnd = random.Random(17)  # noqa: S311 - words, not secrets
    letters = "abcdeghiklmnopqrstuvxy"
    words = {
        "".join(rnd.choice(letters) for _ in range(rnd.randint(3, 12)))
        for _ in range(100_000)
    }
    words.add("quyetdinh")
    corrector = Corrector(words)
    assert len(corrector) == len(words)
    assert "quyetdinh" in corrector.candidates("quyetdnih")
    sample = rnd.sample(sorted(words), 200)
    for word in sample:
        if len(word) > 4:
            typo = word[0] + word[2:]
            assert word in corrector.candidates(typo)
