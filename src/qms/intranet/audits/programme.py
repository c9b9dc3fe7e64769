"""Pages of the internal audit programmes (issue #14):

- qms-audit-section (/danh-gia-noi-bo): the programmes by year, newest
  first, with their audits counted; «plan the programme of year N» for
  whoever may add one; «my audits» for the auditors.
- qms-audit-programme (/danh-gia-noi-bo/<year>): the programme's text, the
  coverage of its year (a row per unit, the units not planned marked), its
  audits; «plan an audit» for whoever may add one.
- my-audits (site root): the audits whose team the person is in, and while
  one runs the audited units' documents, records and nonconformities, one
  click away.

Everything is found with the person's own permissions: someone who sees
little gets a short page, never an error.
"""

from datetime import date
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from qms.intranet import _
from qms.intranet.audits.access import audited_now
from qms.intranet.audits.content import SECTION_ID
from qms.intranet.audits.coverage import coverage
from qms.intranet.audits.coverage import KINDS
from qms.intranet.audits.views import STYLES
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import parse_iso
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.improvement.content import REGISTER_ID
from qms.intranet.records.lists import ARCHIVE_ID
from qms.intranet.units.groups import AUDITORS_GROUP
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER


ADD_PROGRAMME = "qms.intranet: Add AuditProgramme"
ADD_AUDIT = "qms.intranet: Add Audit"
# The order of the auditor's list: what needs them now first.
STATE_ORDER = {"in_progress": 0, "planned": 1, "reported": 2, "closed": 3}

STATUS_LABELS = {
    "audited": (_("coverage_audited", default="Audited"), "bg-success"),
    "in_progress": (
        _("coverage_in_progress", default="Being audited"),
        "bg-primary",
    ),
    "planned": (_("coverage_planned", default="Planned"), "bg-info text-dark"),
    "not_planned": (
        _("coverage_not_planned", default="Not planned"),
        "bg-warning text-dark",
    ),
}


def is_auditor(user=None) -> bool:
    """An appointed internal auditor (member of qms-auditors)."""
    if api.user.is_anonymous():
        return False
    user = user or api.user.get_current()
    return AUDITORS_GROUP in (user.getGroups() or ())


def my_audits_url() -> str:
    return f"{api.portal.get().absolute_url()}/@@my-audits"


class _AuditPage(BrowserView):
    """What the three pages share: styles, labels of states and dates."""

    def styles(self) -> str:
        return f"{api.portal.get().absolute_url()}/{STYLES}"

    def state_title(self, state: str, portal_type: str = "Audit") -> str:
        """An audit's state (a programme's when told), as its type says it."""
        return translated(state_label(state, portal_type), self.request)

    def state_badge(self, state: str, portal_type: str = "Audit") -> str:
        return state_badge(state, portal_type)

    def day(self, value) -> str:
        """An ISO date (or a date) as dd/mm/yyyy."""
        if isinstance(value, str):
            value = parse_iso(value)
        return format_date(value)


class SectionView(_AuditPage):
    """/danh-gia-noi-bo: the programmes, newest first."""

    @memoize
    def programmes(self) -> list[dict]:
        """Each programme with its audits counted by state."""
        found = []
        for brain in api.content.find(
            context=self.context, portal_type="AuditProgramme", depth=1
        ):
            year = self._year(brain)
            audits = api.content.find(portal_type="Audit", qms_year=year)
            states = [audit.review_state for audit in audits]
            found.append(
                {
                    "year": year,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "state": brain.review_state,
                    "audits": len(states),
                    "done": sum(s in ("reported", "closed") for s in states),
                }
            )
        return sorted(found, key=lambda p: p["year"] or 0, reverse=True)

    def _year(self, brain) -> int | None:
        """The programme's year, from the qms_year index (its id says it
        too, but may have been changed)."""
        catalog = api.portal.get_tool("portal_catalog")
        year = catalog._catalog.indexes["qms_year"]._unindex.get(brain.getRID())
        if isinstance(year, int):
            return year
        return int(brain.getId) if str(brain.getId).isdigit() else None

    @memoize
    def add_programme(self) -> dict | None:
        """The first of this year and the next without a programme, and the
        add form, if the person may add one. (Plone refuses to prefill a
        form from a GET request: the form asks for the year.)"""
        if not api.user.has_permission(ADD_PROGRAMME, obj=self.context):
            return None
        years = {p["year"] for p in self.programmes()}
        this_year = date.today().year
        for year in (this_year, this_year + 1):
            if year not in years:
                url = f"{self.context.absolute_url()}/++add++AuditProgramme"
                return {"year": year, "url": url}
        return None

    def my_audits_url(self) -> str | None:
        """For the auditors: their audits."""
        return my_audits_url() if is_auditor() else None


class ProgrammeView(_AuditPage):
    """/danh-gia-noi-bo/<year>: the programme, its coverage and audits."""

    @memoize
    def data(self) -> dict:
        return coverage(self.context.year)

    def texts(self) -> list[dict]:
        """The programme's text, the parts written."""
        fields = (
            ("objectives", _("label_audit_objectives", default="Objectives")),
            ("scope", _("label_audit_scope", default="Scope")),
            ("criteria", _("label_audit_criteria", default="Audit criteria")),
            ("schedule", _("label_audit_schedule", default="Schedule")),
        )
        return [
            {
                "name": name,
                "label": translated(label, self.request),
                "text": getattr(self.context, name, None),
            }
            for name, label in fields
            if getattr(self.context, name, None)
        ]

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def kinds(self) -> tuple:
        return KINDS

    def kind_titles(self) -> dict:
        return {kind["id"]: kind["title"] for kind in self.data()["kinds"]}

    def status_title(self, status: str) -> str:
        return translated(STATUS_LABELS[status][0], self.request)

    def status_badge(self, status: str) -> str:
        return STATUS_LABELS[status][1]

    def unit_names(self, audit: dict) -> str:
        titles = unit_titles()
        return ", ".join(titles.get(unit, unit) for unit in audit["units"])

    def add_audit_url(self) -> str | None:
        """The form to plan an audit, for who may add one here."""
        if not api.user.has_permission(ADD_AUDIT, obj=self.context):
            return None
        return f"{self.context.absolute_url()}/++add++Audit"

    def section_url(self) -> str:
        return self.context.aq_parent.absolute_url()

    def my_audits_url(self) -> str | None:
        return my_audits_url() if is_auditor() else None


def unit_links(unit: str) -> dict:
    """Where an auditor reads a unit: its page (documents), records and
    nonconformities."""
    base = f"{api.portal.get().absolute_url()}/{UNITS_FOLDER}/{unit}"
    return {
        "documents": base,
        "records": f"{base}/{ARCHIVE_ID}",
        "nonconformities": f"{base}/{REGISTER_ID}",
    }


class MyAuditsView(_AuditPage):
    """@@my-audits: the audits the person is in the team of."""

    def user_id(self) -> str | None:
        if api.user.is_anonymous():
            return None
        return api.user.get_current().getId()

    @memoize
    def audits(self) -> list[dict]:
        """In progress first, then planned, reported, closed; soonest first."""
        user_id = self.user_id()
        if not user_id:
            return []
        open_units = audited_now(user_id)
        found = [
            self._audit(brain, user_id, open_units)
            for brain in api.content.find(portal_type="Audit", audit_team=user_id)
        ]
        return sorted(
            found, key=lambda a: (STATE_ORDER.get(a["state"], 9), a["start"] or "")
        )

    def _audit(self, brain, user_id: str, open_units) -> dict:
        audit = brain.getObject()
        titles = unit_titles()
        units = list(audit.audited_units or ())
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "state": brain.review_state,
            "start": audit.start.isoformat() if audit.start else "",
            "end": audit.end.isoformat() if audit.end else "",
            "lead": audit.lead_auditor == user_id,
            "units": [
                {
                    "id": unit,
                    "title": titles.get(unit, unit),
                    "open": unit in open_units,
                    **unit_links(unit),
                }
                for unit in units
            ],
            "access": self._access(brain.review_state, audit),
        }

    def _access(self, state: str, audit) -> str:
        """Why the audited units are not (or no longer) open to the team:
        `open`, `not_started` (opens on the start date), `ended`."""
        day = date.today()
        if state in ("reported", "closed") or (audit.end and audit.end < day):
            return "ended"
        if state == "in_progress" and audit.in_window(day):
            return "open"
        return "not_started"

    def section_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/{SECTION_ID}"
