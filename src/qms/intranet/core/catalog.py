"""Counting from the catalog's indexes, for boards and figures: a search
restricted to what the person may see gives a set of record ids (rids),
which index sets cut without loading a single brain."""

from BTrees.IIBTree import IISet
from plone.indexer import indexer
from zope.interface import Interface


def index(catalog, name: str):
    """The catalog's index `name` (its `_index`: value -> rids, and
    `_unindex`: rid -> value)."""
    return catalog._catalog.getIndex(name)


def found_rids(catalog, **query) -> IISet:
    """The rids of a catalog search restricted to what the current person
    may see, as a set."""
    results = catalog.searchResults(**query)
    return IISet(getattr(results, "_seq", None) or ())


def as_set(found) -> IISet:
    """An index's rids for one value as a set (an index keeps a lone rid
    as an int)."""
    if found is None:
        return IISet()
    return IISet((found,)) if isinstance(found, int) else found


def indexed_rids(catalog, name: str, value) -> IISet:
    """The rids an index holds for one value (unrestricted: only ever
    intersected with a restricted set)."""
    return as_set(index(catalog, name)._index.get(value))


@indexer(Interface)
def not_indexed(obj):
    """Registered under each of our index names for every object, below the
    types' own indexers: an object the index is not about is skipped at
    once. Without it the catalog looks the name up as an attribute, through
    every parent up to the site (a dozen misses per index and object),
    only to skip the object all the same."""
    raise AttributeError
