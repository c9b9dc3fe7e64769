"""Đơn vị: a unit of the ministry, with its own groups and documents."""

from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core.content import BusyContainer
from zope import schema
from zope.interface import implementer


class IDepartment(model.Schema):
    """A unit (Vụ, Cục, Văn phòng, Thanh tra) at /don-vi/<id>."""

    unit_kind = schema.Choice(
        title=_("label_unit_kind", default="Kind of unit"),
        vocabulary="qms.intranet.UnitKinds",
        required=False,
    )


@implementer(IDepartment)
class Department(BusyContainer):
    """Its id names its groups: <id>-staff, <id>-officers, <id>-heads."""

    def canSetDefaultPage(self) -> bool:
        """A unit's page is the list of its documents: no content item may
        replace it. The toolbar then builds no "Display" menu here, which
        offered nothing else (one view) and cost every page view its
        lookups."""
        return False
