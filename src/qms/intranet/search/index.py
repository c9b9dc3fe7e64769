"""VietnameseTextIndex: a ZCTextIndex on the folding lexicon, which also
remembers which documents have which marked words exactly, so that a query
typed with marks ranks the documents with exactly those words first ("bán"
puts "bán đấu giá" above "bàn giao"). Everything else is ZCTextIndex: globs,
phrases, AND/OR/NOT, Okapi BM25 ranking (scored in C, see okapi.py).

The exact words only decide who comes first, never who is found, so they
are kept as plain sets (word -> documents), evaluated with C set operations
and no scoring: a marked query costs about what an unmarked one costs.

The index also keeps the beginning of each document's text, compressed, so
that result snippets are cut from it without waking the result's object,
and its title's words and own codes for ranking. Beside a document's words
it indexes the parts of its codes, the legal references it cites and its
own code (codeparts.py); queries are read as staff meant them (query.py).
"""

from AccessControl.class_init import InitializeClass
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import weightedUnion
from BTrees.IOBTree import IOBTree
from BTrees.OIBTree import OIBTree
from persistent import Persistent
from plone import api
from Products.ZCTextIndex import getIndexTypes
from Products.ZCTextIndex import WidCode
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError
from Products.ZCTextIndex.QueryParser import QueryParser
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
from qms.intranet.search import fold
from qms.intranet.search import has_marks
from qms.intranet.search import lexicon  # noqa: F401 - registers the elements
from qms.intranet.search import words
from qms.intranet.search.codeparts import own_tokens
from qms.intranet.search.codeparts import text_tokens
from qms.intranet.search.lexicon import LowerCaseNormalizer
from qms.intranet.search.lexicon import VietnameseSplitter
from qms.intranet.search.okapi import VietnameseOkapiIndex
from qms.intranet.search.query import key_of
from qms.intranet.search.query import search as forgiving_search

import random
import zlib


META_TYPE = "VietnameseTextIndex"
# Characters of each document's text kept for its snippets.
STORED_CHARS = 4000

# Queries read as staff meant them (query.py); False: ZCTextIndex's reading
# only, as before issue #17 (benchmarks compare both).
FORGIVING = True
# The attribute (an indexer) giving a document's own code(s).
OWN_CODE = "qms_own_code"

# Word numbers are WidCode-encoded: below 2**28.
MAX_WID = 0x10000000
_random = random.Random()  # noqa: S311 - numbers, not secrets

# Parses a query into its exact (lower case, marked) terms; never stored.
EXACT_PARSER_LEXICON = Lexicon(VietnameseSplitter(), LowerCaseNormalizer())


class ExactWords(Persistent):
    """The words of each document as written, lower case, marked or not:
    word -> documents (a query typed with marks ranks the documents with its
    words exactly as typed first, see query.py).

    Also answers a ZCTextIndex parse tree (it has the index methods the
    nodes call) with the set of documents that have the query's marked words
    exactly. Unmarked terms answer None, "no constraint", as ZCTextIndex's
    own nodes treat stop words. Words are numbered, and each document keeps
    its numbers WidCode-encoded, as ZCTextIndex keeps its own, to stay small.
    """

    def __init__(self):
        self._wids = OIBTree()  # word -> number; only grows, like a lexicon
        self._words = IOBTree()  # number -> word, see _wid
        self._documents = IOBTree()  # number -> IITreeSet of docids
        self._docwids = IOBTree()  # docid -> encoded numbers of its words

    @staticmethod
    def kept_words(texts) -> set[str]:
        """The words kept: every word of letters, marked or not, lower case
        (a query with marks ranks "ban" typed bare above bàn and bản too)."""
        found = {word.lower() for text in texts for word in words(text)}
        return {word for word in found if word.isalpha()}

    def _wid(self, word: str) -> int:
        """The word's number, a new one for a new word: a random free number,
        so that two transactions adding different words at the same time
        neither take the same number (an insert into _words both make, which
        ZODB cannot resolve) nor insert into the same bucket of _words and
        _documents (a bucket split, which it cannot resolve either). The same
        new word in both still conflicts, and one of them retries."""
        wid = self._wids.get(word)
        if wid is None:
            while True:
                wid = _random.randrange(1, MAX_WID)
                if wid not in self._words:
                    break
            self._wids[word] = wid
            self._words[wid] = word
        return wid

    def index_doc(self, docid: int, texts) -> None:
        new = {self._wid(word) for word in self.kept_words(texts)}
        old = self._old(docid)
        for wid in old - new:
            self._remove(wid, docid)
        for wid in new - old:
            documents = self._documents.get(wid)
            if documents is None:
                documents = self._documents[wid] = IITreeSet()
            documents.insert(docid)
        if new:
            if new != old:
                self._docwids[docid] = WidCode.encode(sorted(new))
        else:
            self._docwids.pop(docid, None)

    def unindex_doc(self, docid: int) -> None:
        for wid in self._old(docid):
            self._remove(wid, docid)
        self._docwids.pop(docid, None)

    def _old(self, docid: int) -> set[int]:
        encoded = self._docwids.get(docid)
        return set(WidCode.decode(encoded)) if encoded else set()

    def _remove(self, wid: int, docid: int) -> None:
        documents = self._documents.get(wid)
        if documents is not None:
            documents.remove(docid)
            if not documents:
                del self._documents[wid]

    def _find(self, word: str):
        wid = self._wids.get(word)
        found = self._documents.get(wid) if wid else None
        return IITreeSet() if found is None else found

    # What ZCTextIndex's parse tree nodes call.

    def exact_documents(self, word: str):
        """The documents having `word` (lower case) exactly as typed."""
        return self._find(word)

    def search(self, term):
        return self.search_phrase([term])

    def search_phrase(self, phrase):
        terms = phrase.split() if isinstance(phrase, str) else phrase
        sets = [self._find(term) for term in terms if has_marks(term)]
        if not sets:
            return None
        found = sets[0]
        for documents in sets[1:]:
            found = intersection(found, documents)
        return found

    def search_glob(self, pattern: str):
        prefix = pattern.split("*")[0].split("?")[0]
        if not has_marks(prefix):
            return None
        wids = self._wids.values(min=prefix, max=prefix + "\uffff")
        return multiunion([self._documents[w] for w in wids if w in self._documents])

    def documents(self, query: str):
        """Documents that have the marked words of `query` exactly, or None.
        Always a new set: never one of the index's own."""
        try:
            tree = QueryParser(EXACT_PARSER_LEXICON).parseQuery(query)
            found = tree.executeQuery(self)
        except (ParseError, QueryError):
            return None
        return None if found is None else multiunion([found])


class VietnameseTextIndex(ZCTextIndex):
    meta_type = META_TYPE

    exact = None  # ExactWords; None until created or upgraded (v1002)
    stored = None  # docid -> compressed start of its text; None before v1003
    titles = None  # docid -> its title's folded words, tab, its own codes; v1011

    def __init__(
        self,
        id,
        extra=None,
        caller=None,
        index_factory=None,
        field_name=None,
        lexicon_id=None,
    ):
        super().__init__(
            id,
            extra=extra,
            caller=caller,
            index_factory=index_factory or VietnameseOkapiIndex,
            field_name=field_name,
            lexicon_id=lexicon_id,
        )
        self.exact = ExactWords()
        self.stored = IOBTree()
        self.titles = IOBTree()

    def index_object(self, documentId, obj, threshold=None):
        # The lexicon numbers new words from a random start, then one after
        # another for as long as its copy stays in this thread's cache: every
        # new word of every document indexed by a thread lands in the same
        # bucket of the lexicon's _words and the index's _wordinfo, and two
        # threads whose starts fall between the same two words fill the same
        # buckets, whose splits ZODB cannot resolve. A new start per document
        # spreads new words over the buckets.
        words_of = self.getLexicon()
        if getattr(words_of, "_v_nextid", None) is not None:
            words_of._v_nextid = None
        texts = self._texts(obj)
        own = _own_codes(obj)
        # The parts of codes, legal references and the document's own code
        # go after its words: phrases and adjacency see the text as written.
        extra = " ".join(
            dict.fromkeys(
                token for text in (*texts, *own) for token in text_tokens(text)
            )
        )
        heads = " ".join(t for code in own for t in own_tokens(code))
        indexed = [t for t in (*texts, extra, heads) if t]
        count = self.index.index_doc(documentId, indexed) if indexed else 0
        if self.exact is None:
            self.exact = ExactWords()
        self.exact.index_doc(documentId, texts)
        self._store(documentId, texts)
        self._store_title(documentId, obj, own)
        return count

    def _store_title(self, docid: int, obj, own: list[str]) -> None:
        if self.titles is None:
            self.titles = IOBTree()
        title = getattr(obj, "Title", None)
        if callable(title):
            title = title()
        title = title if isinstance(title, str) else ""
        folded = " ".join(key_of(word) for word in words(title))
        codes = " ".join(fold(token) for code in own for token in words(code))
        if codes:
            folded = f"{folded}\t{codes}"
        if not folded:
            self.titles.pop(docid, None)
        elif self.titles.get(docid) != folded:
            self.titles[docid] = folded

    def title_words(self, docid: int) -> set[str]:
        """The folded words of the document's title."""
        folded = self.titles.get(docid) if self.titles is not None else None
        return set(folded.split("\t")[0].split()) if folded else set()

    def own_codes(self, docid: int) -> list[str]:
        """The document's own codes, folded (QT-02/VP: qt-02/vp)."""
        folded = self.titles.get(docid) if self.titles is not None else None
        return folded.split("\t")[1].split() if folded and "\t" in folded else []

    def _store(self, docid: int, texts: list[str]) -> None:
        if self.stored is None:
            self.stored = IOBTree()
        data = zlib.compress(" ".join(texts)[:STORED_CHARS].encode("utf-8"))
        if self.stored.get(docid) != data:
            self.stored[docid] = data

    def stored_text(self, docid: int) -> str | None:
        """The beginning of the text indexed for `docid` (None: not kept)."""
        data = self.stored.get(docid) if self.stored is not None else None
        return zlib.decompress(data).decode("utf-8") if data else None

    def _texts(self, obj) -> list[str]:
        texts = []
        for attr in getattr(self, "_indexed_attrs", [self._fieldname]):
            text = getattr(obj, attr, None)
            if callable(text):
                text = text()
            if isinstance(text, (list, tuple, set)):
                texts.extend(t for t in text if isinstance(t, str))
            elif isinstance(text, str):
                texts.append(text)
        return texts

    def unindex_object(self, docid):
        super().unindex_object(docid)
        if self.exact is not None:
            self.exact.unindex_doc(docid)
        if self.stored is not None:
            self.stored.pop(docid, None)
        if self.titles is not None:
            self.titles.pop(docid, None)

    def query_index(self, record, resultset=None):
        query = " ".join(record.keys)
        if not query.strip():
            return None
        if FORGIVING:
            results = forgiving_search(self, query)
            if results is not None:
                return results
        return self._plain_query(record, resultset)

    def _plain_query(self, record, resultset=None):
        """ZCTextIndex's query, the exact words typed with marks first."""
        results = super().query_index(record, resultset)
        query = " ".join(record.keys)
        if not results or self.exact is None or not has_marks(query):
            return results
        exact = self.exact.documents(query)
        if exact is None:
            return results
        exact = intersection(exact, results)
        if not exact or len(exact) == len(results):
            return results
        # every exact document above every other one
        boost = max(results.values()) + 1
        return weightedUnion(results, exact, 1, boost)[1]

    def clear(self):
        super().clear()
        self.exact = ExactWords()
        self.stored = IOBTree()
        self.titles = IOBTree()


InitializeClass(VietnameseTextIndex)


def _own_codes(obj) -> list[str]:
    """The document's own code(s), from its `qms_own_code` indexer."""
    codes = getattr(obj, OWN_CODE, None)
    if callable(codes):
        codes = codes()
    if isinstance(codes, str):
        codes = [codes]
    return [c for c in codes or () if isinstance(c, str) and c.strip()]


def manage_addVietnameseTextIndex(self, id, extra=None, REQUEST=None, RESPONSE=None):
    """Add a Vietnamese text index (ZMI and GenericSetup)."""
    return self.manage_addIndex(id, META_TYPE, extra, REQUEST, RESPONSE)


def initialize(context):
    """Register the index type with Zope, so catalog.xml can create it."""
    context.registerClass(
        VietnameseTextIndex,
        permission="Add Pluggable Index",
        constructors=(manage_addVietnameseTextIndex, getIndexTypes),
        icon="www/index.gif",
        visibility=None,
    )


def searchable_text_index():
    """The site catalog's SearchableText index, wrapped in its catalog as the
    catalog itself uses it (ZCTextIndex finds its lexicon through it)."""
    catalog = api.portal.get_tool("portal_catalog")
    return next(i for i in catalog.getIndexObjects() if i.getId() == "SearchableText")
