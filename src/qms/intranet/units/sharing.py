"""Our roles on the Sharing tab (and @sharing), with Vietnamese titles."""

from plone.app.workflow.interfaces import ISharingPageRole
from qms.intranet import _
from zope.interface import implementer


@implementer(ISharingPageRole)
class _Role:
    title = None
    required_permission = None
    required_interface = None


class UnitMemberRole(_Role):
    title = _("role_unit_member", default="Unit staff: reads the unit's documents")
    required_permission = "Sharing page: Delegate UnitMember role"


class UnitOfficerRole(_Role):
    title = _("role_unit_officer", default="Unit ISO officer: drafts and revises")
    required_permission = "Sharing page: Delegate UnitOfficer role"


class UnitHeadRole(_Role):
    title = _("role_unit_head", default="Head of unit: reviews")
    required_permission = "Sharing page: Delegate UnitHead role"
