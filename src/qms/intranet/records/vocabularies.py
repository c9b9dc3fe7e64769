"""Vocabularies of records: confidentiality, and the entries of the list a
record is filed in."""

from qms.intranet import _
from qms.intranet.core.vocabularies import static_vocabulary
from qms.intranet.records.content import IRecordList
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


CONFIDENTIALITY = (
    ("normal", _("confidentiality_normal", default="Normal")),
    ("confidential", _("confidentiality_confidential", default="Confidential (Mật)")),
    ("secret", _("confidentiality_secret", default="Secret (Tối mật)")),
)


@provider(IVocabularyFactory)
def confidentiality(context):
    return static_vocabulary(CONFIDENTIALITY)


@provider(IVocabularyFactory)
def record_entries(context):
    """Entries of the record list a record is (or will be) filed in."""
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
