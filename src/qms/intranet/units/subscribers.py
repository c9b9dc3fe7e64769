"""A new unit gets its staff, officers and heads groups."""

from qms.intranet.units.groups import ensure_unit_groups


def unit_added(unit, event):
    ensure_unit_groups(unit)
