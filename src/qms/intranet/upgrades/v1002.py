"""1001 -> 1002: faster Vietnamese search.

Sites made at 1001 keep a second, scored ZCTextIndex of the marked words
(`exact_lexicon`, `exact_index`) only to rank exact words first, and score
BM25 in Python at query time. 1002 ranks exact words with a set per word
(search.index.ExactWords) and stores BM25's term weights at indexing
(search.okapi), so queries are scored in C. Drops the old structures and
rebuilds SearchableText.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.search.index import META_TYPE
from qms.intranet.search.index import searchable_text_index
from qms.intranet.search.okapi import VietnameseOkapiIndex


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    index = searchable_text_index()
    if index.meta_type != META_TYPE:
        return
    for old in ("exact_lexicon", "exact_index", "_index_type"):
        if old in index.__dict__:
            delattr(index, old)
    index._index_factory = VietnameseOkapiIndex
    index.clear()  # a new VietnameseOkapiIndex and new ExactWords
    catalog.manage_reindexIndex(ids=["SearchableText"])
    logger.info("SearchableText rebuilt: exact words as sets, BM25 in C")
