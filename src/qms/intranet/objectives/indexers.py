"""Catalog indexers of quality objectives: the unit and year they belong to
(owning_unit, qms_year), where each stands (objective_status) and what
search finds in them."""

from plone.indexer import indexer
from qms.intranet.objectives.content import IObjectivePlan
from qms.intranet.objectives.content import IQualityObjective
from qms.intranet.objectives.content import plan_of
from qms.intranet.objectives.status import status_of
from qms.intranet.units.groups import unit_of


def _unit_id(obj):
    unit = unit_of(obj)
    return unit.getId() if unit is not None else None


@indexer(IObjectivePlan)
def plan_unit(obj):
    return _unit_id(obj)


@indexer(IQualityObjective)
def objective_unit(obj):
    return _unit_id(obj)


@indexer(IObjectivePlan)
def plan_year(obj):
    return obj.year


@indexer(IQualityObjective)
def objective_year(obj):
    plan = plan_of(obj)
    return plan.year if plan is not None else None


@indexer(IQualityObjective)
def objective_status(obj):
    """As of the day it is indexed (a measurement recorded reindexes it)."""
    return status_of(obj)


@indexer(IQualityObjective)
def objective_text(obj):
    return " ".join(
        str(part)
        for part in (
            obj.objective,
            obj.indicator,
            obj.responsible,
            obj.actions,
            obj.resources,
        )
        if part
    )
