"""Catalog indexers of internal audits: who audits (the access and the
auditor's list), which units and year (coverage), findings by kind and
their nonconformity's state, and what search finds in them."""

from plone import api
from plone.indexer import indexer
from qms.intranet.audits.content import audit_of
from qms.intranet.audits.content import IAudit
from qms.intranet.audits.content import IAuditFinding
from qms.intranet.audits.content import IAuditProgramme
from qms.intranet.audits.content import programme_of


def _year(obj):
    programme = programme_of(obj)
    return programme.year if programme is not None else None


@indexer(IAuditProgramme)
def programme_year(obj):
    return obj.year


@indexer(IAudit)
def audit_year(obj):
    return _year(obj)


@indexer(IAuditFinding)
def finding_year(obj):
    return _year(obj)


@indexer(IAudit)
def audit_team(obj):
    return obj.team()


@indexer(IAudit)
def audited_units(obj):
    return list(obj.audited_units or ())


@indexer(IAuditFinding)
def finding_unit(obj):
    return obj.unit


@indexer(IAuditFinding)
def finding_kind(obj):
    return obj.kind


@indexer(IAuditFinding)
def finding_nc_state(obj):
    """The state of the nonconformity the finding became (None before)."""
    if not obj.nonconformity:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(UID=obj.nonconformity):
        return brain.review_state
    return None


def _text(*parts) -> str:
    return " ".join(p for p in parts if p)


@indexer(IAudit)
def audit_text(obj):
    units = " ".join(obj.audited_units or ())
    return _text(obj.title, obj.criteria, obj.summary, units)


@indexer(IAuditFinding)
def finding_text(obj):
    audit = audit_of(obj)
    return _text(
        getattr(audit, "title", None),
        obj.title,
        obj.clause,
        obj.description,
        obj.evidence,
    )


@indexer(IAuditProgramme)
def programme_text(obj):
    return _text(obj.title, obj.objectives, obj.scope, obj.criteria, obj.schedule)
