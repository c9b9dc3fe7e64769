"""Vocabularies of the improvement register: the values are the REST API's
(issue #13), the labels Vietnamese in the glossary's terms."""

from plone import api
from qms.intranet import _
from qms.intranet.core.vocabularies import static_vocabulary
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import UNIT_GROUPS
from qms.intranet.units.groups import unit_of
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


SOURCES = (
    ("daily_work", _("nc_source_daily_work", default="Daily work")),
    ("internal_audit", _("nc_source_internal_audit", default="Internal audit")),
    ("external_audit", _("nc_source_external_audit", default="External audit")),
    ("complaint", _("nc_source_complaint", default="Complaint")),
    (
        "management_review",
        _("nc_source_management_review", default="Management review"),
    ),
    ("other", _("nc_source_other", default="Other")),
)
SEVERITIES = (
    ("major", _("nc_severity_major", default="Major")),
    ("minor", _("nc_severity_minor", default="Minor")),
)
CAUSE_CATEGORIES = (
    ("people", _("cause_people", default="People")),
    ("method", _("cause_method", default="Method")),
    ("documents", _("cause_documents", default="Documents")),
    ("equipment", _("cause_equipment", default="Equipment")),
    ("environment", _("cause_environment", default="Environment")),
    ("other", _("cause_other", default="Other")),
)
EFFECTIVENESS = (
    ("effective", _("effectiveness_effective", default="Effective")),
    ("not_effective", _("effectiveness_not_effective", default="Not effective")),
)
ACTION_KINDS = (
    ("correction", _("action_kind_correction", default="Correction")),
    ("corrective", _("action_kind_corrective", default="Corrective action")),
    ("improvement", _("action_kind_improvement", default="Improvement")),
)


def label_of(items, value):
    """The label of `value` among (value, label) pairs (the value if unknown)."""
    return dict(items).get(value, value or "")


@provider(IVocabularyFactory)
def sources(context):
    return static_vocabulary(SOURCES)


@provider(IVocabularyFactory)
def severities(context):
    return static_vocabulary(SEVERITIES)


@provider(IVocabularyFactory)
def cause_categories(context):
    return static_vocabulary(CAUSE_CATEGORIES)


@provider(IVocabularyFactory)
def effectiveness(context):
    return static_vocabulary(EFFECTIVENESS)


@provider(IVocabularyFactory)
def action_kinds(context):
    return static_vocabulary(ACTION_KINDS)


@provider(IVocabularyFactory)
def effective_procedure_relations(context):
    """Effective procedures by UID (the relation survives revisions and code
    changes), titled "code – title": read by every staff member."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Procedure", review_state="effective", sort_on="document_code"
    )
    return SimpleVocabulary(
        [
            SimpleTerm(b.UID, b.UID, f"{b.document_code or ''} – {b.Title}")
            for b in brains
        ]
    )


def unit_people(unit_id: str) -> list[tuple[str, str]]:
    """(user id, full name) of everyone in the unit's groups, by name."""
    people = {}
    for kind in UNIT_GROUPS:
        group = api.group.get(groupname=group_id(unit_id, kind))
        if group is None:
            continue
        for member in api.user.get_users(group=group):
            people[member.getId()] = member.getProperty("fullname") or member.getId()
    return sorted(people.items(), key=lambda item: item[1])


def people_of_scope(context) -> list[tuple[str, str]]:
    """Outside a unit, in what has a `scope` (a management review and its
    actions, which acquire it): the people of the unit the scope names, or
    of every unit (the whole bloc). Elsewhere nobody."""
    scope = getattr(context, "scope", None)
    if not isinstance(scope, str) or not scope:
        return []
    units = [brain.getId for brain in all_units()]
    if scope in units:
        units = [scope]
    people = {}
    for unit_id in units:
        people.update(unit_people(unit_id))
    return sorted(people.items(), key=lambda item: item[1])


@provider(IVocabularyFactory)
def unit_people_vocabulary(context):
    """The people of the unit the context lies in: who may be responsible
    for one of its actions; outside a unit, see people_of_scope."""
    unit = unit_of(context)
    people = unit_people(unit.getId()) if unit is not None else people_of_scope(context)
    return SimpleVocabulary([SimpleTerm(uid, uid, name) for uid, name in people])
