"""Dates as Vietnamese documents write them, and date arithmetic."""

from datetime import date
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
