"""1006 -> 1007: nonconformities and corrective actions (issue #13).

- the types ImprovementRegister, Nonconformity, CorrectiveAction and their
  workflows; the role ActionResponsible and the new permissions: typeinfo,
  workflow, rolemap;
- the indexes the register and the board use: catalog (added one by one,
  the catalog.xml step would empty SearchableText);
- every existing unit gets its register /don-vi/<id>/khac-phuc;
- the tab «Sự không phù hợp» (the improvement board): actions.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.improvement.subscribers import ensure_register
from qms.intranet.upgrades import add_indexes
from qms.intranet.upgrades import import_steps


STEPS = ("typeinfo", "workflow", "rolemap", "actions")
INDEXES = {
    "nc_reference": "FieldIndex",
    "nc_source": "FieldIndex",
    "nc_severity": "FieldIndex",
    "nc_effectiveness": "FieldIndex",
    "nc_reopened": "FieldIndex",
    "detected_on": "FieldIndex",
    "closed_on": "FieldIndex",
    "procedure_uid": "FieldIndex",
    "action_kind": "FieldIndex",
    "responsible": "FieldIndex",
    "due_date": "FieldIndex",
}
COLUMNS = (
    "nc_reference",
    "nc_severity",
    "detected_on",
    "closed_on",
    "responsible",
    "due_date",
    "action_kind",
)


def upgrade(context):
    import_steps(*STEPS)
    add_indexes(INDEXES, COLUMNS)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        ensure_register(brain._unrestrictedGetObject())
    logger.info("Improvement registers in every unit")
