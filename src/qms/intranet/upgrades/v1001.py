"""1000 -> 1001: Vietnamese full-text search on an existing site.

Replaces Plone's SearchableText (ZCTextIndex on plone_lexicon) with our
VietnameseTextIndex on the folding lexicon, reads the text of the files
already attached, and reindexes.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.search.attachments import update


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-qms.intranet:default", "catalog")
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        for brain in catalog.unrestrictedSearchResults(
            portal_type=["QualityPolicy", "Procedure", "ProcedureForm", "Decision"]
        ):
            update(brain._unrestrictedGetObject())
    catalog.manage_reindexIndex(ids=["SearchableText", "qms_year"])
    logger.info("SearchableText is a Vietnamese text index now")
