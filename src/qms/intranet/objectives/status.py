"""Where an objective stands, computed from its data, and the year's figures.

Periods of a year, by frequency: monthly `M01`…`M12`, quarterly `Q1`…`Q4`,
half-yearly `H1`, `H2`, yearly `Y`. A period is *due* once it ended and
`GRACE_DAYS` more days passed (the time to compute the figure).

Status (`STATUSES`), as of a day:
- during the year: `no_data` if a due period has no value, else `at_risk` if
  the last value misses the target, else `on_track`;
- once the year ended: `no_data` if nothing was ever measured, else
  `achieved` or `not_achieved` by the last value.
"""

from datetime import date
from datetime import timedelta
from plone import api
from qms.intranet.objectives.content import BLOC
from qms.intranet.objectives.content import plan_of

import calendar


GRACE_DAYS = 15
STATUSES = ("on_track", "at_risk", "achieved", "not_achieved", "no_data")
COUNT_KEYS = ("total", "achieved", "not_achieved", "no_data", "at_risk", "on_track")
FINAL = frozenset({"achieved", "not_achieved"})

PERIODS = {
    "monthly": tuple(f"M{m:02d}" for m in range(1, 13)),
    "quarterly": ("Q1", "Q2", "Q3", "Q4"),
    "half_yearly": ("H1", "H2"),
    "yearly": ("Y",),
}


def periods(frequency: str) -> tuple[str, ...]:
    return PERIODS.get(frequency or "yearly", PERIODS["yearly"])


def period_end(year: int, period: str) -> date:
    """The last day of `period` of `year`."""
    if period.startswith("M"):
        month = int(period[1:])
    elif period.startswith("Q"):
        month = int(period[1:]) * 3
    elif period.startswith("H"):
        month = int(period[1:]) * 6
    else:
        month = 12
    return date(year, month, calendar.monthrange(year, month)[1])


def period_start(year: int, period: str) -> date:
    """The first day of `period` of `year`."""
    if period.startswith("M"):
        month = int(period[1:])
    elif period.startswith("Q"):
        month = int(period[1:]) * 3 - 2
    elif period.startswith("H"):
        month = int(period[1:]) * 6 - 5
    else:
        month = 1
    return date(year, month, 1)


def is_due(year: int, period: str, today: date | None = None) -> bool:
    today = today or date.today()
    return period_end(year, period) + timedelta(days=GRACE_DAYS) < today


def valid_period(frequency: str, period: str) -> bool:
    return period in periods(frequency)


def latest_values(measurements) -> dict[str, dict]:
    """Period -> its latest row (a period measured again keeps the history,
    the last row counts)."""
    latest = {}
    for row in measurements or []:
        if isinstance(row, dict) and row.get("period"):
            latest[row["period"]] = row
    return latest


def meets(value, target, direction) -> bool:
    if value is None or target is None:
        return False
    if direction == "at_most":
        return value <= target
    return value >= target


def missing_periods(obj, year: int, today: date | None = None) -> list[str]:
    """Due periods without a value, in order."""
    values = latest_values(getattr(obj, "measurements", None))
    return [
        p
        for p in periods(getattr(obj, "frequency", None))
        if is_due(year, p, today) and p not in values
    ]


def last_value(obj, year: int | None = None):
    """The value of the latest period measured, or None."""
    values = latest_values(getattr(obj, "measurements", None))
    for period in reversed(periods(getattr(obj, "frequency", None))):
        if period in values:
            return values[period].get("value")
    return None


def compute_status(obj, year: int, today: date | None = None) -> str:
    """The status of objective `obj` of a plan of `year` as of `today`."""
    today = today or date.today()
    target = getattr(obj, "target", None)
    direction = getattr(obj, "direction", None) or "at_least"
    value = last_value(obj)
    if today > date(year, 12, 31):
        if value is None:
            return "no_data"
        return "achieved" if meets(value, target, direction) else "not_achieved"
    if missing_periods(obj, year, today):
        return "no_data"
    if value is not None and not meets(value, target, direction):
        return "at_risk"
    return "on_track"


def year_of(obj) -> int | None:
    plan = plan_of(obj)
    return getattr(plan, "year", None) if plan is not None else None


def status_of(obj, today: date | None = None) -> str:
    year = year_of(obj)
    if not year:
        return "no_data"
    return compute_status(obj, year, today)


def owner_key(path: str) -> str | None:
    """`<unit id>` or "bloc" from an object's physical path."""
    parts = path.strip("/").split("/")
    if "don-vi" in parts:
        index = parts.index("don-vi")
        if len(parts) > index + 1:
            return parts[index + 1]
    if "he-thong-qlcl" in parts:
        return BLOC
    return None


def empty_counts() -> dict:
    return dict.fromkeys(COUNT_KEYS, 0)


def year_summary(year: int) -> dict[str, dict]:
    """Unit id (and "bloc" for /he-thong-qlcl) -> counts of the objectives of
    that year's plans the current user may see, by status:
    {"total", "achieved", "not_achieved", "no_data", "at_risk", "on_track"}.

    Every visible plan of the year counts (whatever its state); a plan with no
    objective gives zeros. Statuses come from the `objective_status` metadata
    when final (achieved, not_achieved); the others depend on the day and are
    computed from the objective."""
    catalog = api.portal.get_tool("portal_catalog")
    summary: dict[str, dict] = {}
    for brain in catalog(portal_type="ObjectivePlan", qms_year=int(year)):
        key = owner_key(brain.getPath())
        if key:
            summary.setdefault(key, empty_counts())
    today = date.today()
    for brain in catalog(portal_type="QualityObjective", qms_year=int(year)):
        key = owner_key(brain.getPath())
        if not key:
            continue
        status = getattr(brain, "objective_status", None)
        if status not in FINAL or today <= date(int(year), 12, 31):
            try:
                status = compute_status(brain.getObject(), int(year), today)
            except (AttributeError, KeyError):
                continue
        counts = summary.setdefault(key, empty_counts())
        counts["total"] += 1
        if status in counts:
            counts[status] += 1
    return summary
