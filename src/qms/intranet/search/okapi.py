"""Okapi BM25 scored in C: the term-frequency part computed once, at indexing.

ZCTextIndex's OkapiIndex stores how often each word occurs in each document
and computes BM25's term-frequency weight for every document of every query
word at query time, in a Python loop ("was implemented in C before"). Folded
Vietnamese words are common (ban = bán, bàn, bản, ban), so that loop ran over
most of the site for many queries.

Here the index stores that weight itself, computed when the document is
indexed against a fixed reference length instead of the collection's moving
average, so that it never needs recomputing. A query then only multiplies
each word's stored weights by the word's IDF, which BTrees' weighted set
operations do in C. The ranking is BM25's, with the average length pinned.
"""

from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IIBucket
from Products.ZCTextIndex.BaseIndex import inverse_doc_frequency
from Products.ZCTextIndex.OkapiIndex import OkapiIndex


# Words in a typical indexed document (a procedure with its attachment);
# only the shape of BM25's length normalisation depends on it.
REFERENCE_LENGTH = 500
# Scores are 32-bit integers: TF x 1024 (at most 2253) times IDF x 16 (log(2)
# x 16 = 11 at least, 14 x 16 = 224 for a word in one of a million
# documents) stays below 510,000 a word, far from overflowing in a sum.
TF_SCALE = 1024
IDF_SCALE = 16


class MergeableOkapiIndex(OkapiIndex):
    """OkapiIndex whose word -> documents maps are always IIBTrees.

    ZCTextIndex keeps a rare word's documents in a plain dict inside a bucket
    of `_wordinfo`. When two transactions change the same bucket, ZODB merges
    them by comparing every value in it with `<`, which dicts refuse: one rare
    word made every concurrent indexing of the bucket's common words a
    ConflictError (the Title index was the first cause of 500s under load).
    IIBTrees are persistent references, which compare; and a word's map is
    only put in `_wordinfo` when it is new, so indexing a document changes the
    maps of its words, not the buckets that hold them.
    """

    def _add_wordinfo(self, wid, f, docid):
        self._words_map(wid)[docid] = f

    def _mass_add_wordinfo(self, wid2weight, docid):
        for wid, weight in wid2weight.items():
            self._words_map(wid)[docid] = weight

    def _words_map(self, wid) -> IIBTree:
        doc2score = self._wordinfo.get(wid)
        if doc2score is None:
            doc2score = self._wordinfo[wid] = IIBTree()
            self.length.change(1)
        elif not isinstance(doc2score, IIBTree):
            doc2score = self._wordinfo[wid] = IIBTree(doc2score)
        return doc2score

    def _del_wordinfo(self, wid, docid):
        doc2score = self._wordinfo[wid]
        if not isinstance(doc2score, IIBTree):
            doc2score = self._wordinfo[wid] = IIBTree(doc2score)
        del doc2score[docid]
        if not doc2score:
            del self._wordinfo[wid]
            self.length.change(-1)

    def make_mergeable(self) -> int:
        """Turn the dicts an older index made into IIBTrees (upgrade)."""
        rare = [wid for wid, m in self._wordinfo.items() if isinstance(m, dict)]
        for wid in rare:
            self._wordinfo[wid] = IIBTree(self._wordinfo[wid])
        return len(rare)


def make_mergeable(catalog) -> None:
    """Every Okapi text index of the catalog (Plone's Title and Description,
    our SearchableText) keeps its word maps as IIBTrees, now and for new
    words: the index object's class becomes MergeableOkapiIndex (same data)."""
    for index in catalog.getIndexObjects():
        okapi = getattr(index, "index", None)
        if type(okapi) is OkapiIndex:
            okapi._p_activate()  # a ghost cannot be marked changed
            okapi.__class__ = MergeableOkapiIndex
            okapi._p_changed = True
            # and so when the index is cleared (the type name stays)
            index._index_factory = MergeableOkapiIndex
        if isinstance(okapi, MergeableOkapiIndex):
            okapi.make_mergeable()


class VietnameseOkapiIndex(MergeableOkapiIndex):
    """OkapiIndex whose word -> document maps hold BM25 TF weights."""

    def tf_weight(self, frequency: int, length: int) -> int:
        """BM25's TF(D, t), scaled to an integer, for a document of `length`."""
        K1, B = self.K1, self.B
        norm = K1 * ((1.0 - B) + B * length / REFERENCE_LENGTH)
        return int(frequency * (K1 + 1.0) / (frequency + norm) * TF_SCALE + 0.5)

    def _get_frequencies(self, wids):
        counts = {}
        for wid in wids:
            counts[wid] = counts.get(wid, 0) + 1
        length = len(wids)
        return {w: self.tf_weight(f, length) for w, f in counts.items()}, length

    def _search_wids(self, wids):
        """(stored TF weights, IDF weight) per word; the set operations of
        ZCTextIndex's query tree multiply and add them in C."""
        found = []
        count = self.document_count()
        for wid in wids:
            weights = self._wordinfo[wid]
            if isinstance(weights, dict):  # words in a few documents only
                weights = IIBucket(weights)
            idf = inverse_doc_frequency(len(weights), count)
            # never 1: a weight of 1 would hand the stored map itself to
            # the caller instead of a scaled copy
            found.append((weights, max(2, int(idf * IDF_SCALE + 0.5))))
        return found
