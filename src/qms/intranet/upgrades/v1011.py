"""1010 -> 1011: search finds what staff mean (issue #17).

SearchableText is rebuilt: codes are now indexed in their parts and legal
references by their ref: tokens, a document's own code marks it (head:
tokens), words typed without marks are kept for ranking, spelling variants
(quí/quý, kĩ/kỹ) are one word, and each title is kept for ranking. Files
whose text could not be read (scans) are queued for OCR.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.search import ocr


def upgrade(context):
    portal = api.portal.get()
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=["SearchableText"])
    queued = ocr.enqueue_existing(portal)
    logger.info(
        "SearchableText rebuilt for forgiving search; %d file(s) queued for OCR", queued
    )
