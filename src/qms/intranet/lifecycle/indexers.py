"""Catalog indexers of the lifecycle: what the lists of reviews due and of
documents to read query without waking objects."""

from plone.indexer import indexer
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.lifecycle import acknowledge


@indexer(IControlledDocument)
def next_review_date(obj):
    return obj.next_review_date


@indexer(IControlledDocument)
def ack_units(obj):
    """The units that must acknowledge it ('*' for every unit)."""
    return sorted(acknowledge.audience_units(obj)) or None
