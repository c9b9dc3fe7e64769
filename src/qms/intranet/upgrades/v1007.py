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
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(
            "profile-qms.intranet:default", step, run_dependencies=False
        )
    catalog = api.portal.get_tool("portal_catalog")
    for name, meta_type in INDEXES.items():
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
    for name in COLUMNS:
        if name not in catalog.schema():
            catalog.addColumn(name)
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        ensure_register(brain._unrestrictedGetObject())
    logger.info("Improvement registers in every unit")
