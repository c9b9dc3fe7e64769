"""Vocabularies and kinds of controlled documents, written once."""

from plone import api
from qms.intranet import _
from qms.intranet.core.states import DOCUMENT_STATES
from qms.intranet.core.states import state_options
from qms.intranet.core.vocabularies import static_vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# The kinds of document staff look for, in the order pages list them:
# key -> (portal_type, kind of procedure or None, label).
DOCUMENT_KINDS = {
    "policy": ("QualityPolicy", None, _("group_policy", default="Quality policy")),
    "system": ("Procedure", "system", _("kind_system", default="System procedure")),
    "business": (
        "Procedure",
        "business",
        _("kind_business", default="Business procedure"),
    ),
    "decision": ("Decision", None, _("group_decisions", default="Decisions")),
}
# The types listed on the unit and section pages (forms go with their procedure).
DOCUMENT_TYPES = ("QualityPolicy", "Procedure", "Decision")
PROCEDURE_KINDS = tuple(
    (key, label) for key, (_type, kind, label) in DOCUMENT_KINDS.items() if kind
)


def kind_of(brain) -> str | None:
    """The DOCUMENT_KINDS key of a catalog brain."""
    for key, (portal_type, kind, _label) in DOCUMENT_KINDS.items():
        if brain.portal_type == portal_type and kind in (None, brain.procedure_kind):
            return key
    return None


@provider(IVocabularyFactory)
def procedure_kinds(context):
    return static_vocabulary(PROCEDURE_KINDS)


@provider(IVocabularyFactory)
def document_states(context):
    return static_vocabulary(state_options(DOCUMENT_STATES))


@provider(IVocabularyFactory)
def effective_procedures(context):
    """Effective procedures, by code: what a record may come from. The codes
    and titles of effective procedures are read by every staff member."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Procedure", review_state="effective", sort_on="document_code"
    )
    return SimpleVocabulary(
        [
            SimpleTerm(
                b.document_code,
                b.document_code.encode("utf-8").hex(),
                f"{b.document_code} – {b.Title}",
            )
            for b in brains
            if b.document_code
        ]
    )
