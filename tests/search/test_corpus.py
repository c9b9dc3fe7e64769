"""The graded search test set of issue #17 is well-formed, and each query
really is of its kind: Telex and VNI queries decode, typos are one edit from
a word of the corpus, legal references and partial codes meet what the first
document's code indexes. No Plone needed (nor any search: the ranking
itself is asserted where the index is)."""

from qms.intranet.search import fold
from qms.intranet.search import has_marks
from qms.intranet.search import words
from qms.intranet.search.codeparts import parts
from qms.intranet.search.codeparts import query_reference
from qms.intranet.search.keyboard import decode_query
from qms.intranet.search.spelling import canonical
from qms.intranet.search.spelling import Corrector
from qms.intranet.search.spelling import MIN_LENGTH
from tests.pure import _keep_functional_session  # noqa: F401
from tests.pure import _keep_integration_session  # noqa: F401
from tests.search.corpus import BY_KEY
from tests.search.corpus import document_text
from tests.search.corpus import DOCUMENTS
from tests.search.queries import firsts
from tests.search.queries import iter_queries
from tests.search.queries import KINDS
from tests.search.queries import QUERIES
from tests.search.queries import SPECIAL_KINDS

import pytest


LEXICON = {fold(w) for d in DOCUMENTS for w in words(document_text(d))}


def test_documents():
    assert len(DOCUMENTS) >= 120
    assert len(BY_KEY) == len(DOCUMENTS)  # unique keys
    for document in DOCUMENTS:
        assert set(document) == {"key", "title", "code", "unit", "year", "text"}
        assert document["title"]
        assert len(document["text"]) > 60
        assert document["key"].isascii()


def test_near_duplicates():
    titles = [d["title"] for d in DOCUMENTS]
    assert titles.count("Quy trình kiểm soát hồ sơ") == 2
    assert titles.count("Quy trình quản lý văn bản đến") == 2
    codes = [d["code"] for d in DOCUMENTS]
    assert codes.count("QT-06/VP") == 2


def test_queries():
    assert len(QUERIES) >= 150
    assert len({q["text"] for q in QUERIES}) == len(QUERIES)
    for query in QUERIES:
        assert query["kind"] in KINDS
        assert query["relevant"]
        assert len(query["relevant"]) <= 10
        assert set(firsts(query)) <= set(query["relevant"])
        for key in query["relevant"]:
            assert key in BY_KEY, (query["text"], key)


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_each_kind(kind):
    assert len(list(iter_queries(kind))) >= 12


def test_plain_controls():
    assert len(list(iter_queries("plain"))) >= 10


@pytest.mark.parametrize("kind", ["telex", "vni"])
def test_keyboard_queries_decode(kind):
    for query in iter_queries(kind):
        decoded = decode_query(query["text"])
        assert decoded != words(query["text"]), query["text"]
        first = fold(document_text(BY_KEY[firsts(query)[0]]))
        for word in decoded:  # what was meant is in the document
            assert fold(word) in first, (query["text"], word)


def test_typos_are_one_edit_from_a_corpus_word():
    corrector = Corrector(LEXICON)
    for query in iter_queries("typo"):
        unknown = [w for w in words(query["text"]) if fold(w) not in LEXICON]
        assert unknown, query["text"]
        for word in unknown:
            assert len(word) >= MIN_LENGTH
            assert corrector.candidates(fold(word)), (query["text"], word)


def test_variants_differ_from_the_document_but_meet_it():
    for query in iter_queries("variant"):
        first = {
            canonical(fold(w)) for w in words(document_text(BY_KEY[firsts(query)[0]]))
        }
        typed = [fold(w) for w in words(query["text"])]
        assert any(canonical(w) != w for w in typed) or any(
            canonical(w) != w
            for w in (fold(x) for x in words(document_text(BY_KEY[firsts(query)[0]])))
        )
        for word in typed:
            assert canonical(word) in first, (query["text"], word)


def test_legal_references_meet_the_first_document():
    for query in iter_queries("legal_ref"):
        tokens = query_reference(query["text"])
        assert tokens, query["text"]
        for key in firsts(query):
            indexed = parts(fold(BY_KEY[key]["code"]))
            assert set(tokens) <= set(indexed), (query["text"], key)


def test_partial_codes_meet_the_relevant_documents():
    for query in iter_queries("code_partial"):
        codes = [fold(w) for w in words(query["text"]) if not w.isalpha()]
        assert codes, query["text"]
        partial = False
        for key in query["relevant"]:
            code = fold(BY_KEY[key]["code"])
            assert all(c in (code, *parts(code)) for c in codes), (query["text"], key)
            partial = partial or code not in codes
        assert partial, query["text"]  # some relevant code is not the one typed


def test_unmarked_in_marked():
    for query in iter_queries("unmarked_in_marked"):
        typed = words(query["text"])
        assert any(has_marks(w) for w in typed)
        unmarked = [w for w in typed if not has_marks(w) and w.isalpha()]
        assert unmarked, query["text"]
        for key in firsts(query):
            exact = {w.lower() for w in words(document_text(BY_KEY[key]))}
            assert all(w.lower() in exact for w in unmarked), (query["text"], key)


def test_title_queries_match_the_first_title():
    for query in iter_queries("title_over_citation"):
        typed = {fold(w) for w in words(query["text"])}
        for key in firsts(query):
            title = {fold(w) for w in words(BY_KEY[key]["title"])}
            assert len(typed & title) >= len(typed) - 1, (query["text"], key)
        cited = [
            d
            for d in DOCUMENTS
            if d["key"] not in firsts(query)
            and typed <= {fold(w) for w in words(document_text(d))}
        ]
        assert cited, query["text"]  # someone cites it: the test means something
