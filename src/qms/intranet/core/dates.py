"""Dates as Vietnamese documents write them, and date arithmetic."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from dateutil.relativedelta import relativedelta


def format_date(value) -> str:
    """dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_iso(value) -> date | None:
    """A date from 'YYYY-MM-DD', or None."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the last day of a shorter month)."""
    return day + relativedelta(months=months)


def as_day(value) -> date | None:
    """A date from a date, a datetime or a Zope DateTime (catalog metadata
    of a date field may be any of them), or None."""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None
