"""Forgiving queries: what staff type, read as they meant it (issue #17).

A query of words, codes and quoted phrases (what the search box, live search
and @search send; anything with OR, NOT or parentheses is left to
ZCTextIndex) is evaluated word by word. Each word is found by its readings:

* literal: the word folded (marks off, quí = quý, kĩ = kỹ), whole or, when it
  ends in ``*``, as a prefix; a code also by its parts (QT-02 finds QT-02/VP
  and BM-01/QT-02/VP, see codeparts);
* decoded: typed in Telex or VNI with the input method off (``quyeets`` is
  quyết, ``d9i5nh`` is định), see keyboard;
* corrected: one letter wrong, missing, doubled or swapped in a word of four
  letters or more that is no known word, see spelling;

and a legal reference ("Thông tư 15/2023", "QĐ 12/2024") by its ref: token.
Every word must be found (AND); then the results are ordered by

1. how literally all words were found (whole words, then prefixes, then
   decoded or corrected readings);
2. the document *is* what was asked for: its own code is the code or legal
   reference typed; or its title holds every word, the more so the more of
   the title the query covers; and a document above those that cite it
   (a procedure above its forms, a decision above the leaflet about it);
3. how many words typed in a query with marks are in it exactly as typed,
   marked or not ("ban chỉ đạo": ban, not bàn or bản);
4. how many pairs of neighbouring query words stand next to each other in
   it ("sao lưu dữ liệu" before the same words scattered);
5. BM25.

The first TOP results are chosen by set operations in C (the documents whose
code is the one typed, then the best by BM25 of those with every word
exactly as typed, whole, literal, then any), and only they are ordered by
all five steps in Python: a query costs about what a plain one costs,
whatever the size of the site. The rest follow in BM25 order.
"""

from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import weightedIntersection
from dataclasses import dataclass
from dataclasses import field
from Products.ZCTextIndex import WidCode
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError
from Products.ZCTextIndex.QueryParser import QueryParser
from Products.ZCTextIndex.SetOps import mass_weightedIntersection
from Products.ZCTextIndex.SetOps import mass_weightedUnion
from qms.intranet.search import fold
from qms.intranet.search import GLOB_WORD
from qms.intranet.search import has_marks
from qms.intranet.search import words
from qms.intranet.search.codeparts import legal_reference
from qms.intranet.search.codeparts import query_references
from qms.intranet.search.keyboard import decode
from qms.intranet.search.spelling import canonical
from qms.intranet.search.spelling import Corrector
from qms.intranet.search.spelling import MIN_LENGTH

import re
import threading
import time


# Results whose titles and word sequences are looked at (steps 2 and 4).
TOP = 50
# Readings, most literal first.
WHOLE, PREFIX, DECODED, CORRECTED = range(4)
# Known words tried for a word that is none (typos).
CORRECTIONS = 3
# Prefix expansions of the last word tried for adjacency.
ADJACENT_PREFIXES = 20
# A query with one of these is ZCTextIndex's (boolean operators, grouping).
OPERATORS = re.compile(r"\b(?:OR|NOT)\b|[()]", re.IGNORECASE)
AND = re.compile(r"\bAND\b", re.IGNORECASE)
PHRASE = re.compile(r'"([^"]*)"')
MAX_SCORE = 2**31 - 1


def key_of(word: str) -> str:
    """How a word is kept in the lexicon: folded, one spelling of variants."""
    return canonical(fold(word))


@dataclass
class Term:
    """One word (or code, or legal reference) of a query and its readings."""

    typed: str
    glob: bool = False
    ref: bool = False
    readings: dict = field(default_factory=dict)  # wid -> reading kind
    prefix: str = ""  # the folded prefix of a glob
    own: int = 0  # wid of head:<code>: documents whose own code it is
    shown: str = ""  # how it was read, when not literally (Telex, typo)

    def wids(self, kinds=None) -> list[int]:
        return [
            w for w, kind in self.readings.items() if kinds is None or kind in kinds
        ]


def parse(query: str) -> tuple[list[str], list[tuple[str, bool]]] | None:
    """(phrases, [(word, glob)]) of a query, None when it uses operators."""
    if OPERATORS.search(PHRASE.sub(" ", query)):
        return None
    phrases = [p.strip() for p in PHRASE.findall(query) if p.strip()]
    rest = AND.sub(" ", PHRASE.sub(" ", query))
    terms = []
    for token in GLOB_WORD.findall(rest):
        word = token.rstrip("*?")
        if word:
            terms.append((word, token.endswith("*")))
    return phrases, terms


class Words:
    """The lexicon's known words for typo correction, rebuilt when it grows
    (at most once a minute on a large site: new words then wait a little)."""

    _lock = threading.Lock()
    _cache: dict = {}

    @classmethod
    def corrector(cls, lexicon) -> Corrector:
        key = (getattr(lexicon._p_jar, "db", lambda: None)(), lexicon._p_oid)
        length = lexicon.length()
        with cls._lock:
            cached = cls._cache.get(key)
            if cached is not None:
                old_length, built, corrector = cached
                fresh = old_length == length or (
                    length > 50_000 and time.monotonic() - built < 60
                )
                if fresh:
                    return corrector
        corrector = Corrector(w for w in lexicon.words() if w.isalpha())
        with cls._lock:
            cls._cache[key] = (length, time.monotonic(), corrector)
        return corrector


def _terms(lexicon, okapi, terms: list[tuple[str, bool]]) -> list[Term]:
    """Each query word with the known words it reads as."""
    known = okapi._wordinfo
    out: list[Term] = []
    spans = {
        start: (token, end)
        for token, start, end in query_references(" ".join(t for t, _ in terms))
    }
    tokens = [t for text, _ in terms for t in words(text)]
    if len(tokens) != len(terms):  # a word words() splits: no references
        spans = {}
    i = 0
    while i < len(terms):
        if i in spans and (wid := lexicon.get_wid(spans[i][0])) in known:
            token, end = spans[i]
            number = key_of(terms[end - 1][0])
            reference = legal_reference(number)
            if reference and reference["issuer"] and lexicon.get_wid(number) in known:
                # 12/2024/QĐ-TTg: that very document, not 12/2024/QĐ-BKHCN
                token, wid = number, lexicon.get_wid(number)
            term = Term(typed=token, ref=True, readings={wid: WHOLE})
            term.own = lexicon.get_wid("head:" + token)
            out.append(term)
            i = end
            continue
        typed, glob = terms[i]
        out.append(_term(lexicon, known, typed, glob, last=i == len(terms) - 1))
        i += 1
    return out


def _term(lexicon, known, typed: str, glob: bool, last: bool) -> Term:
    term = Term(typed=typed, glob=glob)
    folded = key_of(typed)
    wid = lexicon.get_wid(folded)
    if wid in known:
        term.readings[wid] = WHOLE
    if glob:
        term.prefix = folded
        for wid in lexicon.globToWordIds(folded + "*"):
            if wid in known:
                term.readings.setdefault(wid, PREFIX)
    if any(c in folded for c in "-/.:") or (
        any(c.isdigit() for c in folded) and any(c.isalpha() for c in folded)
    ):
        term.own = lexicon.get_wid("head:" + folded)
    for reading in decode(typed):
        wid = lexicon.get_wid(key_of(reading))
        if wid in known:
            term.readings.setdefault(wid, DECODED)
            term.shown = term.shown or reading
    if (
        len(folded) >= MIN_LENGTH
        and folded.isalpha()
        and not any(kind in (WHOLE, DECODED) for kind in term.readings.values())
        and not (last and term.readings)
    ):
        corrector = Words.corrector(lexicon)
        for word in corrector.candidates(folded)[:CORRECTIONS]:
            wid = lexicon.get_wid(word)
            if wid in known:
                term.readings.setdefault(wid, CORRECTED)
                term.shown = term.shown or word
    return term


def reading(text_index, query: str) -> str | None:
    """The query as it was read, when some word of it was found only by its
    Telex/VNI or corrected reading ("quyeets ddinhj" -> "quyết định"), for
    "results for …" and snippets; None when every word was found as typed."""
    parsed = parse(query)
    if parsed is None or not parsed[1]:
        return None
    terms = _terms(text_index.getLexicon(), text_index.index, parsed[1])
    if all(t.ref or t.wids((WHOLE, PREFIX)) or not t.shown for t in terms):
        return None
    return " ".join(
        t.shown if t.shown and not t.wids((WHOLE, PREFIX)) else t.typed for t in terms
    )


def _documents(okapi, wids) -> IITreeSet:
    """The documents having any of the words (no scores)."""
    return multiunion([okapi._wordinfo[w].keys() for w in wids])


def _phrase(text_index, phrase: str):
    try:
        tree = QueryParser(text_index.getLexicon()).parseQuery(f'"{phrase}"')
        return tree.executeQuery(text_index.index)
    except (ParseError, QueryError):
        return None


def search(text_index, query: str):
    """The scored results (docid -> score) of `query`, or None for a query
    this reading does not handle (ZCTextIndex's own then)."""
    parsed = parse(query)
    if parsed is None:
        return None
    phrases, typed = parsed
    if not typed:
        return None
    lexicon, okapi = text_index.getLexicon(), text_index.index
    terms = _terms(lexicon, okapi, typed)
    if any(not term.readings for term in terms):
        return IIBucket()
    scored = [(mass_weightedUnion(okapi._search_wids(t.wids())), 1) for t in terms]
    for phrase in phrases:
        found = _phrase(text_index, phrase)
        if not found:
            return IIBucket()
        scored.append((found, 1))
    results = mass_weightedIntersection(scored)
    if not results:
        return IIBucket()
    return rank(text_index, query, terms, results)


def _restricted(scores, okapi, term: Term, kinds):
    """`scores` kept for the documents having one of the term's readings of
    `kinds` (None: all of them have one)."""
    wids = term.wids(kinds)
    if len(wids) == len(term.readings):
        return scores
    if not wids:
        return IIBucket()
    having = okapi._wordinfo[wids[0]] if len(wids) == 1 else _documents(okapi, wids)
    return weightedIntersection(scores, having, 1, 0)[1]


def _best(scores, count: int) -> list[int]:
    """The `count` best scored documents, best first, without sorting them
    all (the results of a common word are most of the site)."""
    if not scores:
        return []
    if len(scores) > 4 * count:
        highest = max(scores.values())
        for share in (0.9, 0.7, 0.5, 0.3):
            found = scores.byValue(int(highest * share))
            if len(found) >= count:
                return [docid for _, docid in found[:count]]
    return [docid for _, docid in scores.byValue(0)[:count]]


def rank(text_index, query: str, terms: list[Term], results):
    """Steps 1 to 5 of the module's ordering for the first TOP results; the
    others keep their BM25 order below them."""
    okapi = text_index.index
    literal, whole = results, results
    for term in terms:
        literal = _restricted(literal, okapi, term, (WHOLE, PREFIX))
        whole = _restricted(whole, okapi, term, (WHOLE,))
    marked = has_marks(query)
    exact_sets = (
        [text_index.exact.exact_documents(t.typed.lower()) for t in terms if not t.ref]
        if marked and text_index.exact is not None
        else []
    )
    exactly = whole
    for found in exact_sets:
        exactly = weightedIntersection(exactly, found, 1, 0)[1]
    owned = _owned(okapi, terms)
    candidates = list(intersection(owned, results))[:TOP] if owned else []
    for pool in (exactly if exact_sets else None, whole, literal, results):
        if len(candidates) >= TOP or pool is None:
            continue
        for docid in _best(pool, TOP):
            if docid not in candidates:
                candidates.append(docid)
    candidates = candidates[:TOP]
    bands = {d: (d in whole) + (d in literal) for d in candidates}
    exact = {d: sum(d in found for found in exact_sets) for d in candidates}
    titles = {d: _title_score(text_index, d, terms) for d in candidates}
    order = sorted(
        candidates,
        key=lambda d: (
            bands[d],
            d in owned,
            titles[d],
            exact[d],
            _adjacent_pairs(okapi, d, terms),
            results[d],
        ),
        reverse=True,
    )
    order = _cited_first(text_index, order, titles, bands)
    base = max(results[d] for d in order) + 1
    if len(results) > len(order):
        base = max(base, max(results.values()) + 1)
    if base + len(order) < MAX_SCORE:
        for position, docid in enumerate(order):
            results[docid] = base + len(order) - position
    return results


def _cited_first(text_index, order: list[int], titles, bands) -> list[int]:
    """A document whose title holds the query moves up over the documents
    just above it whose titles hold it too and which cite its own code:
    the procedure above its forms, the decision above the leaflet about it;
    never over one that does not cite it."""
    lexicon, okapi = text_index.getLexicon(), text_index.index
    holding = [d for d in order if titles[d]]
    if len(holding) < 2:
        return order
    among = IITreeSet(holding)
    for docid in holding:
        wids = [lexicon.get_wid(code) for code in text_index.own_codes(docid)]
        wids = [w for w in wids if w in okapi._wordinfo]
        if not wids:
            continue
        citing = {
            d
            for d in intersection(_documents(okapi, wids), among)
            if d != docid and bands[d] == bands[docid]
        }
        # up over the documents just above it that cite it, no further
        at = order.index(docid)
        while at > 0 and order[at - 1] in citing:
            order[at - 1], order[at] = order[at], order[at - 1]
            at -= 1
    return order


def _owned(okapi, terms: list[Term]) -> IITreeSet:
    """Documents whose own code is a code or reference typed."""
    wids = [t.own for t in terms if t.own and t.own in okapi._wordinfo]
    return _documents(okapi, wids) if wids else IITreeSet()


def _title_score(text_index, docid: int, terms: list[Term]) -> float:
    """0 unless the document's title holds every word of the query; then
    the share of the title the query covers: "Sổ tay chất lượng" is more
    what "sổ tay chất lượng" asks for than "Phiếu góp ý dự thảo Sổ tay chất
    lượng"."""
    title = text_index.title_words(docid)
    if not title:
        return 0
    lexicon = text_index.getLexicon()
    covered = set()
    for term in terms:
        if term.ref:
            return 0
        wanted = {lexicon.get_word(w) for w in term.wids((WHOLE, DECODED, CORRECTED))}
        found = wanted & title
        if term.prefix:
            found |= {w for w in title if w.startswith(term.prefix)}
        if not found:
            return 0
        covered |= found
    return len(covered) / len(title)


def _adjacent_pairs(okapi, docid: int, terms: list[Term]) -> int:
    """How many neighbouring query words stand next to each other."""
    if len(terms) < 2:
        return 0
    docwords = okapi._docwords.get(docid)
    if not docwords:
        return 0
    count = 0
    for left, right in zip(terms, terms[1:], strict=False):
        if left.ref or right.ref:
            continue
        lefts = (
            left.wids((WHOLE, DECODED, CORRECTED)) or left.wids()[:ADJACENT_PREFIXES]
        )
        rights = (
            right.wids((WHOLE, DECODED, CORRECTED)) or right.wids()[:ADJACENT_PREFIXES]
        )
        if any(
            docwords.find(WidCode.encode([a, b])) >= 0 for a in lefts for b in rights
        ):
            count += 1
    return count
