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


class VietnameseOkapiIndex(OkapiIndex):
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
