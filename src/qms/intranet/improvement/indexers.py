"""Catalog indexers of the improvement register: what its page filters and
the improvement board counts (by unit, year, state, source, severity), and
what search finds in nonconformities and actions."""

from plone.indexer import indexer
from qms.intranet.improvement.content import ICorrectiveAction
from qms.intranet.improvement.content import INonconformity
from qms.intranet.improvement.content import nonconformity_of
from qms.intranet.units.groups import unit_of


def _unit_id(obj):
    unit = unit_of(obj)
    return unit.getId() if unit is not None else None


@indexer(INonconformity)
def nc_unit(obj):
    return _unit_id(obj)


@indexer(ICorrectiveAction)
def action_unit(obj):
    return _unit_id(obj)


@indexer(INonconformity)
def nc_year(obj):
    """The year it was detected in: the year the board counts it in."""
    return obj.detected_on.year if obj.detected_on else None


@indexer(ICorrectiveAction)
def action_year(obj):
    parent = nonconformity_of(obj.aq_parent)
    return parent.detected_on.year if parent and parent.detected_on else None


@indexer(INonconformity)
def nc_reference(obj):
    return obj.reference


@indexer(INonconformity)
def nc_source(obj):
    return obj.source


@indexer(INonconformity)
def nc_severity(obj):
    return obj.severity


@indexer(INonconformity)
def nc_effectiveness(obj):
    return obj.effectiveness


@indexer(INonconformity)
def nc_reopened(obj):
    """Was it ever found not effective and reopened?"""
    return bool(getattr(obj, "reopened", 0))


@indexer(INonconformity)
def detected_on(obj):
    return obj.detected_on


@indexer(INonconformity)
def closed_on(obj):
    return obj.closed_on


@indexer(INonconformity)
def nc_procedure(obj):
    return obj.procedure


@indexer(ICorrectiveAction)
def action_procedure(obj):
    """The procedure a "revise this procedure" action revises."""
    return getattr(obj, "revises", None)


@indexer(ICorrectiveAction)
def action_kind(obj):
    return obj.kind


@indexer(ICorrectiveAction)
def responsible(obj):
    return obj.responsible


@indexer(ICorrectiveAction)
def due_date(obj):
    return obj.due_date


def _text(*parts) -> str:
    return " ".join(p for p in parts if p)


@indexer(INonconformity)
def nc_text(obj):
    return _text(
        obj.reference,
        obj.title,
        obj.description,
        obj.clause,
        obj.correction,
        obj.root_cause,
        obj.effectiveness_note,
    )


@indexer(ICorrectiveAction)
def action_text(obj):
    parent = nonconformity_of(obj.aq_parent)
    return _text(
        getattr(parent, "reference", None), obj.title, obj.description, obj.result
    )
