"""The year's figures of document control, as the steering committee reports
them: procedures revised, cancelled, newly issued, and new ones not issued yet.

Counted from the catalog (the `qms_events` index), with the permissions of
the person asking: the secretariat counts every unit.
"""

from datetime import date
from plone import api


PENDING_STATES = ("draft", "pending_review", "pending_approval")


def year_figures(year: int | None = None, portal_type: str = "Procedure") -> dict:
    """Counts for `year` (default: this year)."""
    year = year or date.today().year

    def count(event: str) -> int:
        return len(
            api.content.find(portal_type=portal_type, qms_events=f"{event}:{year}")
        )

    pending = api.content.find(portal_type=portal_type, review_state=PENDING_STATES)
    new_pending = [
        brain
        for brain in pending
        if not getattr(brain, "is_working_copy", False) and brain.document_revision == 1
    ]
    return {
        "year": year,
        "revised": count("revised"),
        "cancelled": count("cancelled"),
        "issued_new": count("issued"),
        "pending_new": len(new_pending),
        "effective": len(
            api.content.find(portal_type=portal_type, review_state="effective")
        ),
    }
