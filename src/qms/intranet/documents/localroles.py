"""The owning unit's groups hold their roles on its documents, wherever kept."""

from borg.localrole.interfaces import ILocalRoleProvider
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.units.groups import unit_local_roles
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IControlledDocument)
class OwningUnitRoles:
    """Local roles from the document's `owning_unit` field."""

    def __init__(self, context):
        self.context = context

    def _roles(self) -> dict:
        unit = getattr(self.context, "owning_unit", None)
        return unit_local_roles(unit) if unit else {}

    def getRoles(self, principal_id):
        return self._roles().get(principal_id, ())

    def getAllRoles(self):
        yield from self._roles().items()
