"""1009 -> 1010: keeping the system alive (issue #16).

- documents carry who must acknowledge them (behavior
  `qms.acknowledgement`): typeinfo;
- the permissions to confirm a review and to follow acknowledgements, and
  those of training: rolemap;
- the training types and the training request's workflow: typeinfo,
  workflow; the competence rules: registry;
- each person's choice of e-mail notifications in their personal
  information (plone.app.users' member schema, which this step replaces
  whole: Plone's own four fields are repeated in userschema.xml);
- the indexes `next_review_date` and `ack_units` (added one by one: the
  catalog.xml step would empty SearchableText), filled for every document;
- the section /dao-tao and its tab «Đào tạo ISO» (actions);
- acknowledgements are asked for the issues from today on (those issued
  before were known already: nobody finds years of documents to read).
"""

from plone import api
from qms.intranet import logger
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.lifecycle.acknowledge import start_asking
from qms.intranet.upgrades import add_indexes
from qms.intranet.upgrades import import_steps


STEPS = (
    "typeinfo",
    "workflow",
    "rolemap",
    "plone.app.registry",
    "usersschema",
    "actions",
)
INDEXES = {
    "next_review_date": "DateIndex",
    "ack_units": "KeywordIndex",
}
COLUMNS = ("next_review_date", "ack_units")


def upgrade(context):
    from qms.intranet.site.setuphandlers import ensure_structure

    start_asking()
    import_steps(*STEPS)
    add_indexes(INDEXES, COLUMNS)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=list(DOCUMENT_TYPES)):
        brain._unrestrictedGetObject().reindexObject(idxs=list(INDEXES))
    ensure_structure()
    logger.info("Periodic review, acknowledgements, notifications, training installed")
