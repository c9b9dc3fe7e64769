"""1005 -> 1006: no ConflictError under load (issue #12).

- the catalog's Okapi text indexes (Title, Description, SearchableText) keep
  every word's documents in an IIBTree, which ZODB can merge, not in a dict;
- units, record archives and record lists keep no manual order (their
  position list was rewritten by every add): the old lists are dropped.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.search.okapi import make_mergeable
from zope.annotation.interfaces import IAnnotations


UNORDERED_TYPES = ("Department", "RecordArchive", "RecordList")
ORDER_KEYS = ("plone.folder.ordered.order", "plone.folder.ordered.pos")


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    make_mergeable(catalog)
    for brain in catalog.unrestrictedSearchResults(portal_type=UNORDERED_TYPES):
        annotations = IAnnotations(brain._unrestrictedGetObject())
        for key in ORDER_KEYS:
            annotations.pop(key, None)
    logger.info("Text indexes mergeable; units and record lists unordered")
