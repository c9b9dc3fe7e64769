"""1004 -> 1005: hardening.

- one configurable size limit for every file field
  (`qms.intranet.max_file_size_mb`): registry;
- document codes compare after normalising spaces, case and Unicode form:
  `document_code` reindexed;
- the site root's portlet settings made once, so that no page view writes.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.site.setuphandlers import prepare_portlet_settings


DOCUMENT_TYPES = ("QualityPolicy", "Procedure", "ProcedureForm", "Decision")


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-qms.intranet:default", "plone.app.registry", run_dependencies=False
    )
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=DOCUMENT_TYPES):
        brain._unrestrictedGetObject().reindexObject(idxs=["document_code"])
    prepare_portlet_settings()
    logger.info("File size limit in the registry; document codes reindexed")
