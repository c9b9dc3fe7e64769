"""1007 -> 1008: internal audits (issue #14).

- the types AuditSection, AuditProgramme, Audit, AuditFinding and their
  workflows; the roles LeadAuditor, Auditor, QMSAuditor and the new
  permissions: typeinfo, workflow, rolemap;
- the workflows auditors read (documents, record lists, records, registers,
  nonconformities, actions) let QMSAuditor view: their permissions are
  applied to existing content and `allowedRolesAndUsers` is reindexed;
- the indexes of audits: catalog (added one by one, the catalog.xml step
  would empty SearchableText);
- the group qms-auditors, the section /danh-gia-noi-bo and its tab.
"""

from plone import api
from qms.intranet import logger
from qms.intranet.audits.subscribers import ensure_section
from qms.intranet.units.groups import ensure_site_groups
from qms.intranet.upgrades import add_indexes
from qms.intranet.upgrades import import_steps


STEPS = ("typeinfo", "workflow", "rolemap", "actions")
INDEXES = {
    "audit_team": "KeywordIndex",
    "audited_units": "KeywordIndex",
    "finding_kind": "FieldIndex",
    "finding_nc_state": "FieldIndex",
}
COLUMNS = ("finding_kind",)


def upgrade(context):
    import_steps(*STEPS)
    add_indexes(INDEXES, COLUMNS)
    catalog = api.portal.get_tool("portal_catalog")
    ensure_site_groups()
    ensure_section()
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog.reindexIndex("allowedRolesAndUsers", None)
    logger.info("Internal audits installed")
