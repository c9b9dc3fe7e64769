"""Vocabularies: units, kinds of units and procedures, document states."""

from plone import api
from qms.intranet import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _static(items):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in items])


PROCEDURE_KINDS = (
    ("system", _("kind_system", default="System procedure")),
    ("business", _("kind_business", default="Business procedure")),
)

UNIT_KINDS = (
    ("vu", _("unit_kind_vu", default="Department (Vụ)")),
    ("cuc", _("unit_kind_cuc", default="Agency (Cục)")),
    ("van-phong", _("unit_kind_van_phong", default="Office (Văn phòng)")),
    ("thanh-tra", _("unit_kind_thanh_tra", default="Inspectorate (Thanh tra)")),
    ("khac", _("unit_kind_other", default="Other")),
)

DOCUMENT_STATES = (
    ("draft", _("state_draft", default="Draft")),
    ("pending_review", _("state_pending_review", default="Pending review")),
    ("pending_approval", _("state_pending_approval", default="Pending approval")),
    ("effective", _("state_effective", default="Effective")),
    ("obsolete", _("state_obsolete", default="Obsolete")),
)


@provider(IVocabularyFactory)
def procedure_kinds(context):
    return _static(PROCEDURE_KINDS)


@provider(IVocabularyFactory)
def unit_kinds(context):
    return _static(UNIT_KINDS)


@provider(IVocabularyFactory)
def document_states(context):
    return _static(DOCUMENT_STATES)


@provider(IVocabularyFactory)
def units(context):
    """Every unit of the site, by id, titled by name (for every logged-in user)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Department", sort_on="sortable_title"
    )
    return SimpleVocabulary(
        [SimpleTerm(brain.getId, brain.getId, brain.Title) for brain in brains]
    )


CONFIDENTIALITY = (
    ("normal", _("confidentiality_normal", default="Normal")),
    ("confidential", _("confidentiality_confidential", default="Confidential (Mật)")),
    ("secret", _("confidentiality_secret", default="Secret (Tối mật)")),
)


@provider(IVocabularyFactory)
def confidentiality(context):
    return _static(CONFIDENTIALITY)


@provider(IVocabularyFactory)
def effective_procedures(context):
    """Effective procedures, by code: what a record may come from."""
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


@provider(IVocabularyFactory)
def record_entries(context):
    """Entries of the record list a record is (or will be) filed in."""
    from qms.intranet.content.records import IRecordList

    for item in getattr(context, "aq_chain", ()):
        if IRecordList.providedBy(item):
            return SimpleVocabulary(
                [
                    SimpleTerm(
                        e["id"],
                        e["id"],
                        f"{e.get('code') or ''} {e['heading']}".strip(),
                    )
                    for e in item.entries or []
                ]
            )
    return SimpleVocabulary([])
