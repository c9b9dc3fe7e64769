"""An audit's team holds its roles on the audit, from the audit's fields:
LeadAuditor (starts and reports it) and Auditor (checklist, findings)."""

from borg.localrole.interfaces import ILocalRoleProvider
from qms.intranet.audits.content import IAudit
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IAudit)
class TeamRoles:
    def __init__(self, context):
        self.context = context

    def _roles(self) -> dict:
        roles = dict.fromkeys(self.context.auditors or (), ("Auditor",))
        if self.context.lead_auditor:
            roles[self.context.lead_auditor] = ("LeadAuditor", "Auditor")
        return roles

    def getRoles(self, principal_id):
        return self._roles().get(principal_id, ())

    def getAllRoles(self):
        yield from self._roles().items()
