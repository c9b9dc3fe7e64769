"""Grouped listings of documents: one catalog search, cut into groups by the
catalog's own indexes.

The unit page groups a unit's documents by state, the QMS section the
effective documents by kind and counts the year's figures; each group shows
its count and its first rows by code. A search per group repeated the costly
part of every search (what the person may see, the types) and had the
catalog sort the whole group: the 17,000 effective procedures of the section,
to show ten (and the garbage collector then paused the process for the
tuples of that sort). Here one restricted search finds what the person may
see under the page's filters; a group is that set intersected with what an
index holds for the group's value (so it only ever narrows what the person
may see); its count is the set's length; only the rows shown are put in the
order of their codes and loaded as brains.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from copy import copy
from heapq import nsmallest
from plone import api
from ZTUtils.Lazy import LazyMap


SORT_INDEX = "document_code"


def rids_of(results) -> IISet:
    """The record ids of an unsorted catalog search, without loading a brain
    (a text search gives them with their scores)."""
    seq = getattr(results, "_seq", None) or ()
    if seq and isinstance(seq[0], tuple):
        return IISet(rid for _score, rid in seq)
    return IISet(seq)


class Found:
    """What one catalog search, restricted to what the current person may
    see, found: `rids`, to cut with `where` and order with `by_code`."""

    def __init__(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        self.catalog = catalog._catalog
        self.rids = rids_of(catalog.searchResults(**query))

    def where(self, **query) -> IISet:
        """The documents found that also match `query` (index -> value, as in
        a catalog query), from the indexes alone."""
        rids = self.rids
        for name, value in query.items():
            if not rids:
                break
            index = self.catalog.getIndex(name)
            found = index._apply_index({name: value}, resultset=rids)
            rids = intersection(rids, found[0]) if found is not None else IISet()
        return rids

    def narrowed(self, **query) -> "Found":
        """What was found that also matches `query` (see `where`)."""
        narrowed = copy(self)
        narrowed.rids = self.where(**query)
        return narrowed

    def by_code(self, rids, start: int, size: int) -> LazyMap:
        """Brains `start` to `start + size` of `rids` in the order of their
        codes, as the catalog's sort_on="document_code" gives them, with the
        number of `rids` as their actual_result_count (plone.batching pages
        such a sequence)."""
        end = start + size
        index = self.catalog.getIndex(SORT_INDEX)
        ordered = None
        if end * len(index) < len(rids) ** 2:
            # Many documents: the first codes of the index are theirs.
            ordered = _walk(index, rids, end, budget=len(rids))
        if ordered is None:
            ordered = [rid for _code, rid in nsmallest(end, _coded(index, rids))]
        page = ordered[start:end]
        return LazyMap(
            self.catalog.__getitem__, page, len(page), actual_result_count=len(rids)
        )


def _walk(index, rids, end: int, budget: int) -> list | None:
    """The first `end` of `rids` in the index's order of values (codes), by
    reading the index from its first value; None when that takes more than
    `budget` values (the documents' codes come late: sort them instead)."""
    ordered = []
    for visited, found in enumerate(index._index.values()):
        if visited > budget:
            return None
        for rid in (found,) if isinstance(found, int) else found:
            if rid in rids:
                ordered.append(rid)
        if len(ordered) >= end:
            break
    return ordered


def _coded(index, rids):
    """(code, rid) of those of `rids` the index holds a code for."""
    keys = index.documentToKeyMap()
    for rid in rids:
        code = keys.get(rid)
        if code is not None:
            yield code, rid
