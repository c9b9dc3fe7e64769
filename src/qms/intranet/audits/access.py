"""While an audit is in progress and today lies between its start and end
dates, its team reads the audited units' controlled documents (drafts
included), record lists, records and nonconformities, and nothing else.

Nothing is stored: the local role QMSAuditor is computed on each request
from the audits' state and dates, so the access ends by itself when the
audit is reported or its end date passes.

- Pages, REST and downloads check permissions through borg.localrole: the
  adapters below give QMSAuditor to a user who audits the unit now. The
  workflows of what auditors read grant View to QMSAuditor; the others
  (comments, objectives, pages) do not.
- The catalog filters searches by `allowedRolesAndUsers`, stored at
  indexing time. The adapters name a fixed principal per unit,
  `qms-auditing:<unit>`, which is stored on the unit's content where
  QMSAuditor may view; `auditing_tokens` adds that principal to the
  searches of whoever audits the unit now (CatalogTool's list of the
  user's roles and groups, extended in audits/__init__.py).
"""

from borg.localrole.interfaces import ILocalRoleProvider
from datetime import date
from plone import api
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.units.content import IDepartment
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import implementer


ROLE = "QMSAuditor"
PREFIX = "qms-auditing:"
_CACHE = "qms.intranet.audits.access"


def principal(unit_id: str) -> str:
    """The principal that stands for "whoever audits `unit_id` now"."""
    return f"{PREFIX}{unit_id}"


def _audited_now(user_id: str) -> frozenset:
    catalog = api.portal.get_tool("portal_catalog")
    today = date.today()
    units = set()
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Audit", review_state="in_progress", audit_team=user_id
    ):
        audit = brain._unrestrictedGetObject()
        if audit.in_window(today):
            units.update(audit.audited_units or ())
    return frozenset(units)


def audited_now(user_id: str | None) -> frozenset:
    """The units `user_id` audits today (an in-progress audit whose team
    they are in, today between its dates). Kept for the request, until
    something is indexed (a transition, a change of dates)."""
    if not user_id:
        return frozenset()
    try:
        catalog = api.portal.get_tool("portal_catalog")
    except Exception:  # noqa: BLE001 - no site (Zope root, startup)
        return frozenset()
    request = getRequest()
    if request is None:
        return _audited_now(user_id)
    cache = IAnnotations(request).setdefault(_CACHE, {})
    key = (user_id, catalog.getCounter(), date.today())
    if key not in cache:
        cache[key] = _audited_now(user_id)
    return cache[key]


def auditing_tokens(user) -> list[str]:
    """Catalog tokens (`user:<principal>`) of the units `user` audits now."""
    user_id = getattr(user, "getId", lambda: None)()
    return [f"user:{principal(unit)}" for unit in sorted(audited_now(user_id))]


class _AuditAccess:
    def __init__(self, context):
        self.context = context

    def unit_id(self) -> str | None:
        raise NotImplementedError

    def getRoles(self, principal_id):
        unit = self.unit_id()
        if unit and unit in audited_now(principal_id):
            return (ROLE,)
        return ()

    def getAllRoles(self):
        unit = self.unit_id()
        if unit:
            yield principal(unit), (ROLE,)


@implementer(ILocalRoleProvider)
@adapter(IDepartment)
class UnitAuditAccess(_AuditAccess):
    """On a unit's folder: everything kept in it."""

    def unit_id(self):
        return self.context.getId()


@implementer(ILocalRoleProvider)
@adapter(IControlledDocument)
class DocumentAuditAccess(_AuditAccess):
    """On a unit's documents wherever they are kept (the QMS section)."""

    def unit_id(self):
        return getattr(self.context, "owning_unit", None)
