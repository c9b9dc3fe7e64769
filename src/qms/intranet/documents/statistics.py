"""The year's figures of document control, as the steering committee reports
them: procedures revised, cancelled, newly issued, and new ones not issued yet.

Each figure is a catalog query (written once, in FIGURES): the count, the
QMS section's list behind the figure and @qms-statistics all use it, with
the permissions of the person asking (the secretariat counts every unit).
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
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


def _found(results) -> IISet:
    """The record ids (rids) of an unsorted catalog search, as a set, without
    loading a single brain."""
    return IISet(getattr(results, "_seq", None) or ())


def year_figures(year: int | None = None, portal_type: str = "Procedure") -> dict:
    """Counts for `year` (default: this year), from the catalog's indexes: the
    documents the person may see are searched once (restricted), and each
    figure's documents (unrestricted) are cut to them, only set operations
    and their lengths."""
    year = year or date.today().year
    catalog = api.portal.get_tool("portal_catalog")
    visible = _found(catalog.searchResults(portal_type=portal_type))

    def count(query: dict) -> int:
        if not visible:
            return 0
        return len(
            intersection(visible, _found(catalog.unrestrictedSearchResults(**query)))
        )

    counts = {
        figure: count(figure_query(figure, year, portal_type)) for figure in FIGURES
    }
    effective = count({"portal_type": portal_type, "review_state": "effective"})
    return {"year": year, **counts, "effective": effective}
