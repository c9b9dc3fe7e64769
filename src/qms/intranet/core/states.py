"""Labels and badges of every workflow state we ship, written once.

Pages, badges, filters, search results and tests read them from here.
"""

from qms.intranet import _


# state id -> (label, Bootstrap classes of its badge)
STATES = {
    "draft": (_("state_draft", default="Draft"), "bg-secondary"),
    "pending_review": (
        _("state_pending_review", default="Pending review"),
        "bg-warning text-dark",
    ),
    "pending_approval": (
        _("state_pending_approval", default="Pending approval"),
        "bg-info text-dark",
    ),
    "effective": (_("state_effective", default="Effective"), "bg-success"),
    "obsolete": (_("state_obsolete", default="Obsolete"), "bg-danger"),
    "approved": (_("state_issued", default="Issued"), "bg-success"),
    "open": (_("state_open", default="Open"), "bg-primary"),
    "closed": (_("state_closed", default="Closed"), "bg-dark"),
    # pages and folders (qms_intranet_workflow)
    "private": (_("state_private", default="Private"), "bg-secondary"),
    "internal": (_("state_internal", default="Published internally"), "bg-info"),
    # comments (góp ý)
    "pending": (
        _("comment_state_pending", default="Pending"),
        "bg-warning text-dark",
    ),
    "published": (_("comment_state_published", default="Published"), "bg-success"),
    "rejected": (_("comment_state_rejected", default="Rejected"), "bg-danger"),
    "spam": (_("comment_state_spam", default="Spam"), "bg-dark"),
    # nonconformities (sự không phù hợp); `closed` is above
    "reported": (_("state_reported", default="Reported"), "bg-danger"),
    "analysed": (
        _("state_analysed", default="Cause analysed"),
        "bg-warning text-dark",
    ),
    "in_progress": (
        _("state_in_progress", default="Actions in progress"),
        "bg-primary",
    ),
    "pending_verification": (
        _("state_pending_verification", default="Pending verification"),
        "bg-info text-dark",
    ),
    "cancelled": (_("state_cancelled", default="Cancelled"), "bg-secondary"),
    # corrective actions (hành động khắc phục); `open` is above
    "done": (_("state_done", default="Done"), "bg-success"),
    # internal audits (đánh giá nội bộ); `reported`, `closed` are above
    "planned": (_("state_planned", default="Planned"), "bg-secondary"),
}

# Where one state id means something else for a type: portal type -> state
# id -> (label, badge). Pass the portal type to state_label / state_badge
# wherever it is known.
TYPE_STATES = {
    "Audit": {
        "in_progress": (
            _("state_audit_in_progress", default="Audit in progress"),
            "bg-primary",
        ),
        "reported": (
            _("state_audit_reported", default="Report submitted"),
            "bg-info text-dark",
        ),
    },
    "AuditProgramme": {
        "approved": (_("state_programme_approved", default="Approved"), "bg-success"),
    },
    "YearlyEvaluation": {
        "pending": (
            _("state_pending_approval", default="Pending approval"),
            "bg-info text-dark",
        ),
        "approved": (_("state_programme_approved", default="Approved"), "bg-success"),
    },
    "ObjectivePlan": {
        "pending": (
            _("state_objectives_pending", default="Pending issue"),
            "bg-warning text-dark",
        ),
        "issued": (_("state_issued", default="Issued"), "bg-success"),
    },
    "ManagementReview": {
        "draft": (_("state_review_draft", default="Being prepared"), "bg-secondary"),
        "held": (_("state_review_held", default="Held"), "bg-primary"),
        "closed": (_("state_review_closed", default="Closed"), "bg-dark"),
    },
    # training requests (đề nghị đào tạo)
    "TrainingRequest": {
        "pending": (
            _("state_training_pending", default="Waiting for the secretariat"),
            "bg-warning text-dark",
        ),
        "planned": (
            _("state_training_planned", default="Training planned"),
            "bg-success",
        ),
        "declined": (_("state_training_declined", default="Declined"), "bg-danger"),
    },
}

# The states of each workflow, in the order a document goes through them.
DOCUMENT_STATES = (
    "draft",
    "pending_review",
    "pending_approval",
    "effective",
    "obsolete",
)
RECORD_LIST_STATES = ("draft", "pending_review", "approved")
RECORD_STATES = ("open", "closed")
COMMENT_STATES = ("pending", "published", "rejected", "spam")


def _entry(state, portal_type):
    return TYPE_STATES.get(portal_type or "", {}).get(state) or STATES.get(state)


def state_label(state: str | None, portal_type: str | None = None):
    """The state's label (a message to translate), or the id itself."""
    entry = _entry(state, portal_type)
    return entry[0] if entry else state or ""


def state_badge(state: str | None, portal_type: str | None = None) -> str:
    entry = _entry(state, portal_type)
    return entry[1] if entry else "bg-secondary"


def state_options(states=DOCUMENT_STATES) -> list[tuple[str, object]]:
    """(id, label) pairs, for vocabularies and filters."""
    return [(state, state_label(state)) for state in states]
