"""Who holds which role where in /dao-tao, computed (nothing is stored):

- on the section, the ISO officers and heads of every unit are Contributors:
  they may add a training request there (rolemap.xml: «Add TrainingRequest»),
  and nothing else (courses need «Add TrainingCourse», the secretariat's);
- on a request, the requesting unit's groups hold their unit roles
  (UnitMember, UnitOfficer, UnitHead): the unit sees its own requests,
  the other units do not (qms_training_request_workflow).
"""

from Acquisition import aq_inner
from borg.localrole.interfaces import ILocalRoleProvider
from qms.intranet.training.content import ITrainingRequest
from qms.intranet.training.content import ITrainingSection
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import unit_local_roles
from qms.intranet.units.groups import UNITS_FOLDER
from zope.component import adapter
from zope.interface import implementer


REQUESTER_KINDS = ("officers", "heads")
REQUESTER_ROLES = ("Contributor",)


def _units_folder(context):
    """/don-vi, acquired from the section (roles are also computed while
    the indexing queue is processed at commit, where plone.api finds no
    site)."""
    folder = getattr(aq_inner(context), UNITS_FOLDER, None)
    return folder if hasattr(folder, "objectIds") else None


@implementer(ILocalRoleProvider)
@adapter(ITrainingSection)
class RequesterRoles:
    """The officers' and heads' groups of every unit: Contributor.

    The units are the ids of /don-vi, never a catalog search: roles are
    computed while the catalog indexes (allowedRolesAndUsers), and a search
    then would index the same object a second time."""

    def __init__(self, context):
        self.context = context

    def _roles(self) -> dict:
        folder = _units_folder(self.context)
        return {
            group_id(unit, kind): REQUESTER_ROLES
            for unit in (folder.objectIds() if folder is not None else ())
            for kind in REQUESTER_KINDS
        }

    def getRoles(self, principal_id):
        for kind in REQUESTER_KINDS:
            suffix = f"-{kind}"
            if principal_id.endswith(suffix):
                folder = _units_folder(self.context)
                unit = principal_id.removesuffix(suffix)
                if folder is not None and unit in folder.objectIds():
                    return REQUESTER_ROLES
        return ()

    def getAllRoles(self):
        yield from self._roles().items()


@implementer(ILocalRoleProvider)
@adapter(ITrainingRequest)
class RequestUnitRoles:
    """The requesting unit's groups hold their roles on the request."""

    def __init__(self, context):
        self.context = context

    def _roles(self) -> dict:
        unit = getattr(self.context, "unit", None)
        return unit_local_roles(unit) if unit else {}

    def getRoles(self, principal_id):
        return self._roles().get(principal_id, ())

    def getAllRoles(self):
        yield from self._roles().items()
