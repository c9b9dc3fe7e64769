"""Vocabularies of training: the kinds of training (values are the REST
API's), the members of staff, the units a person files requests for, the
courses a request may be planned in."""

from plone import api
from qms.intranet import _
from qms.intranet.core.vocabularies import static_vocabulary
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_where
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


KINDS = (
    (
        "iso_awareness",
        _("training_kind_iso_awareness", default="ISO 9001:2015 awareness"),
    ),
    (
        "internal_auditor",
        _("training_kind_internal_auditor", default="Internal auditor"),
    ),
    (
        "document_control",
        _("training_kind_document_control", default="Document and record control"),
    ),
    ("other", _("training_kind_other", default="Other")),
)
KIND_IDS = tuple(kind for kind, _label in KINDS)


@provider(IVocabularyFactory)
def kinds(context):
    return static_vocabulary(KINDS)


def staff_people() -> list[tuple[str, str]]:
    """(user id, full name) of every account, by name."""
    people = {
        user.getId(): user.getProperty("fullname") or user.getId()
        for user in api.user.get_users()
        if user is not None and user.getId()
    }
    return sorted(people.items(), key=lambda item: (item[1].lower(), item[0]))


@provider(IVocabularyFactory)
def staff_users(context):
    """Every member of staff, titled by full name (and id)."""
    return SimpleVocabulary(
        [SimpleTerm(uid, uid, name) for uid, name in staff_people()]
    )


def requester_units(user=None) -> list[str]:
    """The units the person may file a training request for: those where
    they are an ISO officer or a head."""
    return list(
        dict.fromkeys(units_where("officers", user) + units_where("heads", user))
    )


class UnitVocabulary(SimpleVocabulary):
    """The person's units, offered in forms. Any unit of the site is
    accepted as a value, so that the field's own check (NotOwnUnit) says
    clearly why another unit may not be chosen, in forms and over REST."""

    def __init__(self, terms, titles):
        super().__init__(terms)
        self.titles = titles

    def __contains__(self, value):
        return isinstance(value, str) and value in self.titles

    def getTerm(self, value):
        try:
            return super().getTerm(value)
        except LookupError:
            if value not in self:
                raise
            return SimpleTerm(value, value, self.titles[value])

    def getTermByToken(self, token):
        try:
            return super().getTermByToken(token)
        except LookupError:
            if token not in self:
                raise
            return SimpleTerm(token, token, self.titles[token])


@provider(IVocabularyFactory)
def requester_units_vocabulary(context):
    """The units the current person files requests for (every unit for the
    secretariat), and the request's own unit."""
    titles = unit_titles()
    if api.user.is_anonymous():
        ids = []
    elif sees_every_unit():
        ids = list(titles)
    else:
        ids = requester_units()
    own = getattr(context, "unit", None)
    if isinstance(own, str) and own in titles and own not in ids:
        ids.append(own)
    return UnitVocabulary(
        [SimpleTerm(uid, uid, titles[uid]) for uid in ids if uid in titles], titles
    )
