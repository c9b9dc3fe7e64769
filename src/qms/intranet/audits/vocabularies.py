"""Vocabularies of internal audits: the kinds of findings and checklist
results (values are the REST API's, issue #14), the appointed auditors, the
units an audit covers."""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.audits.content import audit_of
from qms.intranet.core.vocabularies import static_vocabulary
from qms.intranet.units.groups import AUDITORS_GROUP
from qms.intranet.units.groups import unit_titles
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


FINDING_KINDS = (
    ("major_nc", _("finding_major_nc", default="Major nonconformity")),
    ("minor_nc", _("finding_minor_nc", default="Minor nonconformity")),
    ("observation", _("finding_observation", default="Observation")),
    ("improvement", _("finding_improvement", default="Opportunity for improvement")),
)
RESULTS = (
    ("conform", _("checklist_conform", default="Conforms")),
    ("nonconform", _("checklist_nonconform", default="Does not conform")),
    ("na", _("checklist_na", default="Not applicable")),
)


@provider(IVocabularyFactory)
def finding_kinds(context):
    return static_vocabulary(FINDING_KINDS)


@provider(IVocabularyFactory)
def checklist_results(context):
    return static_vocabulary(RESULTS)


def appointed_auditors() -> list[tuple[str, str]]:
    """(user id, full name) of the members of qms-auditors, by name."""
    group = api.group.get(groupname=AUDITORS_GROUP)
    if group is None:
        return []
    people = {
        member.getId(): member.getProperty("fullname") or member.getId()
        for member in api.user.get_users(group=group)
    }
    return sorted(people.items(), key=lambda item: item[1])


class TeamVocabulary(SimpleVocabulary):
    """The appointed auditors, offered in forms. Any user id is accepted as a
    value, so that the audit's own check (content.team_problems) says
    clearly why someone outside the group may not audit, in forms and over
    REST, instead of a bare "constraint not satisfied"."""

    def __contains__(self, value):
        return isinstance(value, str) and bool(value.strip())

    def getTerm(self, value):
        try:
            return super().getTerm(value)
        except LookupError:
            if value not in self:
                raise
            user = api.user.get(userid=value)
            title = (user.getProperty("fullname") or value) if user else value
            return SimpleTerm(value, value, title)


@provider(IVocabularyFactory)
def programme_years(context):
    """Last year, this year and next year (and a programme's own year)."""
    this_year = date.today().year
    years = {this_year - 1, this_year, this_year + 1}
    own = getattr(context, "year", None)
    if isinstance(own, int):
        years.add(own)
    return SimpleVocabulary([SimpleTerm(y, str(y), str(y)) for y in sorted(years)])


@provider(IVocabularyFactory)
def auditors(context):
    return TeamVocabulary(
        [SimpleTerm(uid, uid, name) for uid, name in appointed_auditors()]
    )


@provider(IVocabularyFactory)
def audited_units(context):
    """The units of the audit the context is (or is added to)."""
    audit = audit_of(context)
    titles = unit_titles()
    ids = getattr(audit, "audited_units", None) or ()
    return SimpleVocabulary(
        [SimpleTerm(uid, uid, titles.get(uid, uid)) for uid in ids if uid in titles]
    )
