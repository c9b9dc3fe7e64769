"""The year's figures of document control, as the steering committee reports
them: procedures revised, cancelled, newly issued, and new ones not issued yet.

Each figure is a catalog query (written once, in FIGURES): the count, the
QMS section's list behind the figure and @qms-statistics all use it, with
the permissions of the person asking (the secretariat counts every unit).
"""

from datetime import date
from qms.intranet.documents.listing import Found


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


def year_figures(
    year: int | None = None, portal_type: str = "Procedure", found: Found | None = None
) -> dict:
    """Counts for `year` (default: this year), from the catalog's indexes: the
    documents the person may see are searched once (restricted; or given, as
    `found`, by a page that searched them already), and cut to each figure's
    by the indexes of its query (listing.Found): only set operations and
    their lengths."""
    year = year or date.today().year
    if found is None:
        visible = Found(portal_type=portal_type)
    else:
        visible = found.narrowed(portal_type=portal_type)
    counts = {figure: len(visible.where(**FIGURES[figure](year))) for figure in FIGURES}
    effective = len(visible.where(review_state="effective"))
    return {"year": year, **counts, "effective": effective}
