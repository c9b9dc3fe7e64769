"""Kinds and labels of quality objectives, written once: the values are the
REST API's, the labels Vietnamese in the glossary's terms."""

from qms.intranet import _
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.vocabularies import static_vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


# value -> (label, what is written after a number)
MEASURES = (
    ("percent", _("measure_percent", default="Percent (%)"), "%"),
    ("days", _("measure_days", default="Days"), _("measure_unit_days", default="days")),
    (
        "working_days",
        _("measure_working_days", default="Working days"),
        _("measure_unit_working_days", default="working days"),
    ),
    (
        "hours",
        _("measure_hours", default="Hours"),
        _("measure_unit_hours", default="hours"),
    ),
    ("count", _("measure_count", default="Number (count)"), ""),
    (
        "score",
        _("measure_score", default="Score"),
        _("measure_unit_score", default="points"),
    ),
)
DIRECTIONS = (
    ("at_least", _("direction_at_least", default="At least (≥)")),
    ("at_most", _("direction_at_most", default="At most (≤)")),
)
FREQUENCIES = (
    ("monthly", _("frequency_monthly", default="Monthly")),
    ("quarterly", _("frequency_quarterly", default="Quarterly")),
    ("half_yearly", _("frequency_half_yearly", default="Half-yearly")),
    ("yearly", _("frequency_yearly", default="Yearly")),
)
# status -> (label, Bootstrap classes of its badge)
STATUS_LABELS = {
    "on_track": (_("objective_on_track", default="On track"), "bg-success"),
    "at_risk": (
        _("objective_at_risk", default="At risk"),
        "bg-warning text-dark",
    ),
    "achieved": (_("objective_achieved", default="Achieved"), "bg-primary"),
    "not_achieved": (_("objective_not_achieved", default="Not achieved"), "bg-danger"),
    "no_data": (
        _("objective_no_data", default="Measurement missing"),
        "bg-secondary",
    ),
}


def plan_state(state: str | None) -> tuple:
    """(label, badge) of a plan's state (core.states.TYPE_STATES)."""
    return state_label(state, "ObjectivePlan"), state_badge(state, "ObjectivePlan")


def period_label(period: str):
    """A period's name: «Tháng 3», «Quý 2», «6 tháng đầu năm», «Cả năm»."""
    if period.startswith("M"):
        return _("period_month", default="Month ${n}", mapping={"n": int(period[1:])})
    if period.startswith("Q"):
        return _("period_quarter", default="Quarter ${n}", mapping={"n": period[1:]})
    if period == "H1":
        return _("period_h1", default="First half")
    if period == "H2":
        return _("period_h2", default="Second half")
    return _("period_year", default="Whole year")


def period_short(period: str):
    """The label under a bar of the chart: T3, Q2, 6T1, Năm."""
    if period.startswith("M"):
        return _("period_short_month", default="M${n}", mapping={"n": int(period[1:])})
    if period.startswith("Q"):
        return _("period_short_quarter", default="Q${n}", mapping={"n": period[1:]})
    if period.startswith("H"):
        return _("period_short_half", default="H${n}", mapping={"n": period[1:]})
    return _("period_short_year", default="Year")


def label_of(items, value):
    return {item[0]: item[1] for item in items}.get(value, value or "")


def unit_symbol(measure):
    return {item[0]: item[2] for item in MEASURES}.get(measure, "")


@provider(IVocabularyFactory)
def measures(context):
    return static_vocabulary([(value, label) for value, label, _u in MEASURES])


@provider(IVocabularyFactory)
def directions(context):
    return static_vocabulary(DIRECTIONS)


@provider(IVocabularyFactory)
def frequencies(context):
    return static_vocabulary(FREQUENCIES)


@provider(IVocabularyFactory)
def statuses(context):
    return static_vocabulary(
        [(value, label) for value, (label, _b) in STATUS_LABELS.items()]
    )
