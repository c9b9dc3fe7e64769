"""Named vocabularies of the lifecycle."""

from qms.intranet.core.vocabularies import static_vocabulary
from qms.intranet.lifecycle.acknowledge import SCOPES
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


@provider(IVocabularyFactory)
def acknowledgement_scopes(context):
    return static_vocabulary(SCOPES.items())
