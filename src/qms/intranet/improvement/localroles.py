"""The person responsible for a corrective action holds the local role
ActionResponsible on it: with it they edit and complete that action only."""

from borg.localrole.interfaces import ILocalRoleProvider
from qms.intranet.improvement.content import ICorrectiveAction
from zope.component import adapter
from zope.interface import implementer


ROLE = "ActionResponsible"


@implementer(ILocalRoleProvider)
@adapter(ICorrectiveAction)
class ResponsibleRole:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        return (ROLE,) if principal_id == self.context.responsible else ()

    def getAllRoles(self):
        if self.context.responsible:
            yield self.context.responsible, (ROLE,)
