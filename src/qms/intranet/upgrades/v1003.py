"""1002 -> 1003: one folder per concept.

The code of the types moved (qms.intranet.content.* -> units/, documents/,
records/; the controlled-document behavior to documents/behaviors.py).
Pickled content keeps loading through the aliases in qms.intranet's
__init__; this step points the types' FTIs at the new dotted names,
reindexes `object_provides` (it stores the behavior's interface name) and
rebuilds SearchableText, which now keeps the start of each text for result
snippets.
"""

from plone import api
from qms.intranet import logger


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-qms.intranet:default", "typeinfo", run_dependencies=False
    )
    api.portal.get_tool("portal_catalog").manage_reindexIndex(
        ids=["object_provides", "SearchableText"]
    )
    logger.info(
        "Types point at the new modules; object_provides, SearchableText reindexed"
    )
