"""Lifecycle of the improvement register: every unit has its register, and
every nonconformity its reference when it is reported."""

from BTrees.OOBTree import OOBTree
from datetime import date
from plone import api
from qms.intranet.improvement.content import REGISTER_ID
from qms.intranet.improvement.content import register_of
from qms.intranet.units.groups import unit_of


REGISTER_TITLE = "Sự không phù hợp và hành động khắc phục"


def ensure_register(unit):
    """The unit's register (/don-vi/<unit>/khac-phuc) exists."""
    if REGISTER_ID not in unit.objectIds():
        with api.env.adopt_roles(["Manager"]):
            register = api.content.create(
                container=unit,
                type="ImprovementRegister",
                id=REGISTER_ID,
                title=REGISTER_TITLE,
            )
            register.numbers = OOBTree()
    return unit[REGISTER_ID]


def unit_added(unit, event):
    ensure_register(unit)


def reference_for(nonconformity) -> str | None:
    """NN/YYYY/UNIT: the register's next number of the year of detection."""
    register, unit = register_of(nonconformity), unit_of(nonconformity)
    if register is None or unit is None:
        return None
    year = (nonconformity.detected_on or date.today()).year
    number = register.next_number(year)
    return f"{number:02d}/{year}/{unit.getId().upper()}"


def nonconformity_added(nonconformity, event):
    """A reported nonconformity gets its reference (once: a move or a rename
    keeps it) and, unless told, who detected it."""
    if not getattr(nonconformity, "reference", None):
        nonconformity.reference = reference_for(nonconformity)
    if not getattr(nonconformity, "detected_by", None):
        user = api.user.get_current()
        nonconformity.detected_by = user.getProperty("fullname", "") or user.getId()
    nonconformity.reindexObject()


def nonconformity_copied(nonconformity, event):
    """A copy is a new report: it gets a number of its own when added."""
    nonconformity.reference = None
