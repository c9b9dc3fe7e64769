"""Building vocabularies from (value, label) pairs written once."""

from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def static_vocabulary(items) -> SimpleVocabulary:
    """A vocabulary of (value, title) pairs."""
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in items])
