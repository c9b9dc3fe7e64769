"""1003 -> 1004: every task works in the browser.

- the state menus of our workflows open one small form per step
  (@@qms-transition) instead of Plone's generic state form: workflows;
- the editing toolbar only for those who edit or decide, the secretariat
  sets the site's name and logo: rolemap;
- our style sheets, and 127.0.0.1 themed like any host: registry;
- the record-board tab no longer lights up on every page: actions;
- rejected and spam comments are seen by moderators only: workflow, and
  the role mappings of existing comments;
- the site root shows "Việc của tôi";
- revisions being drafted are indexed (is_working_copy) so listings mark
  them and the year's figures leave them out: catalog.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.site.setuphandlers import set_home_page


STEPS = (
    "workflow",
    "rolemap",
    "plone.app.registry",
    "actions",
    "typeinfo",
)
DOCUMENT_TYPES = ("QualityPolicy", "Procedure", "ProcedureForm", "Decision")


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(
            "profile-qms.intranet:default", step, run_dependencies=False
        )
    set_home_page()
    # Rejected and spam comments lose their public View (comment workflow).
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    # Only what catalog.xml adds: its import step would empty SearchableText.
    if "is_working_copy" not in catalog.indexes():
        catalog.addIndex("is_working_copy", "BooleanIndex")
    if "is_working_copy" not in catalog.schema():
        catalog.addColumn("is_working_copy")
    for brain in catalog.unrestrictedSearchResults(portal_type=DOCUMENT_TYPES):
        brain._unrestrictedGetObject().reindexObject(idxs=["is_working_copy"])
    logger.info("Transition forms, toolbar, styles, tabs and home page in place")
