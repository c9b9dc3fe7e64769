"""The year's figures of document control, as the steering committee reports
them: procedures revised, cancelled, newly issued, and new ones not issued yet.

Each figure is a catalog query (written once, in FIGURES): the count, the
QMS section's list behind the figure and @qms-statistics all use it, with
the permissions of the person asking (the secretariat counts every unit).
"""

from datetime import date
from plone import api


PENDING_STATES = ("draft", "pending_review", "pending_approval")
# figure -> catalog query for `year` (documents of the type asked)
FIGURES = {
    "revised": lambda year: {"qms_events": f"revised:{year}"},
    "cancelled": lambda year: {"qms_events": f"cancelled:{year}"},
    "issued_new": lambda year: {"qms_events": f"issued:{year}"},
    # drafted, not issued yet: a first issue still in the approval path
    "pending_new": lambda year: {
        "review_state": PENDING_STATES,
        "is_working_copy": False,
        "document_revision": 1,
    },
}


def figure_query(figure: str, year: int, portal_type="Procedure") -> dict:
    """The catalog query of the documents behind one figure."""
    return {"portal_type": portal_type, **FIGURES[figure](year)}


def year_figures(year: int | None = None, portal_type: str = "Procedure") -> dict:
    """Counts for `year` (default: this year)."""
    year = year or date.today().year
    counts = {
        figure: len(api.content.find(**figure_query(figure, year, portal_type)))
        for figure in FIGURES
    }
    effective = api.content.find(portal_type=portal_type, review_state="effective")
    return {"year": year, **counts, "effective": len(effective)}
