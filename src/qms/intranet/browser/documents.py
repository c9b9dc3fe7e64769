"""Classic UI views of controlled documents, units and the QMS section."""

from collections import OrderedDict
from plone import api
from plone.app.iterate.interfaces import IWorkingCopy
from Products.Five.browser import BrowserView
from qms.intranet import _
from qms.intranet.vocabularies import DOCUMENT_STATES
from qms.intranet.vocabularies import PROCEDURE_KINDS
from zope.i18n import translate
from zope.i18nmessageid import Message


STATE_TITLES = dict(DOCUMENT_STATES)
STATE_ORDER = [s for s, _t in DOCUMENT_STATES]
# Bootstrap colours of the state badges.
STATE_CLASSES = {
    "draft": "bg-secondary",
    "pending_review": "bg-warning text-dark",
    "pending_approval": "bg-info text-dark",
    "effective": "bg-success",
    "obsolete": "bg-danger",
}
DOCUMENT_TYPES = ("QualityPolicy", "Procedure", "Decision")
KIND_GROUPS = (
    ("QualityPolicy", None, _("group_policy", default="Quality policy")),
    ("Procedure", "system", _("kind_system", default="System procedure")),
    ("Procedure", "business", _("kind_business", default="Business procedure")),
    ("Decision", None, _("group_decisions", default="Decisions")),
)


def format_date(value) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    return value.strftime("%d/%m/%Y") if value else ""


def unit_titles() -> dict:
    catalog = api.portal.get_tool("portal_catalog")
    return {
        b.getId: b.Title
        for b in catalog.unrestrictedSearchResults(portal_type="Department")
    }


class DocumentView(BrowserView):
    """The page of an ISO document: header block, body, files, history."""

    def t(self, message) -> str:
        return translate(message, context=self.request)

    @property
    def state(self) -> str:
        obj = self.context
        if obj.portal_type == "ProcedureForm":
            obj = obj.aq_parent
        return api.content.get_state(obj=obj, default="")

    def state_title(self) -> str:
        return self.t(STATE_TITLES.get(self.state, self.state))

    def state_class(self) -> str:
        return STATE_CLASSES.get(self.state, "bg-secondary")

    def is_obsolete(self) -> bool:
        return self.state == "obsolete"

    def is_working_copy(self) -> bool:
        return IWorkingCopy.providedBy(self.context)

    def header(self) -> list[tuple[str, str]]:
        """The rows of the document's header block, labelled in the UI language."""
        c = self.context
        rows = [
            (_("label_code", default="Document code"), c.code),
            (_("label_revision", default="Issue number"), str(c.revision or "")),
            (_("label_issue_date", default="Issue date"), format_date(c.issue_date)),
            (
                _("label_effective_from", default="Effective date"),
                format_date(c.effective_from),
            ),
            (
                _("label_owning_unit", default="Owning unit"),
                unit_titles().get(c.owning_unit, c.owning_unit),
            ),
            (_("label_drafted_by", default="Drafted by"), c.drafted_by),
            (_("label_reviewed_by", default="Reviewed by"), c.reviewed_by),
            (_("label_approved_by", default="Approved by"), c.approved_by),
            (
                _("label_next_review_date", default="Next review date"),
                format_date(c.next_review_date),
            ),
        ]
        return [(self.t(label), value) for label, value in rows if value]

    def procedure_parts(self) -> list[tuple[str, str]]:
        """The plain-text sections of a procedure that are filled in."""
        parts = (
            ("purpose", _("label_purpose", default="Purpose")),
            ("scope", _("label_scope", default="Scope")),
            ("references", _("label_references", default="Reference documents")),
            (
                "definitions",
                _("label_definitions", default="Definitions and abbreviations"),
            ),
            (
                "responsibilities",
                _("label_responsibilities", default="Responsibilities"),
            ),
        )
        return [
            (self.t(label), getattr(self.context, name))
            for name, label in parts
            if getattr(self.context, name, None)
        ]

    def kind_title(self) -> str:
        kind = getattr(self.context, "kind", None)
        return self.t(dict(PROCEDURE_KINDS).get(kind, "")) if kind else ""

    def files(self) -> list[dict]:
        """Downloadable attachments of the document."""
        base = self.context.absolute_url()
        out = []
        for name, label in (
            (
                "signed_original",
                _("label_signed_original", default="Signed original (PDF)"),
            ),
            (
                "editable_source",
                _("label_editable_source", default="Editable source (DOCX or ODT)"),
            ),
            ("file", _("label_form_file", default="Form file")),
        ):
            value = getattr(self.context, name, None)
            if value is not None and getattr(value, "filename", None):
                out.append(
                    {
                        "label": self.t(label),
                        "filename": value.filename,
                        "size": f"{value.getSize() / 1024:.0f} KB",
                        "url": f"{base}/@@download/{name}/{value.filename}",
                    }
                )
        return out

    def attachment_problems(self) -> list[str]:
        """Why a file's text could not be read, for the notice on the page."""
        from qms.intranet.search.attachments import ENCRYPTED
        from qms.intranet.search.attachments import problems_of

        messages = {
            ENCRYPTED: _(
                "notice_encrypted",
                default="The file ${file} is encrypted: it is stored, but its "
                "text cannot be searched.",
            ),
        }
        default = _(
            "notice_unreadable",
            default="The text of the file ${file} could not be read (damaged, or "
            "a scan without text): it is stored, but its text cannot be searched.",
        )
        out = []
        for name, problem in problems_of(self.context).items():
            value = getattr(self.context, name, None)
            filename = getattr(value, "filename", name) if value else name
            message = messages.get(problem, default)
            out.append(self.t(Message(message, mapping={"file": filename})))
        return out

    def forms(self) -> list:
        if self.context.portal_type != "Procedure":
            return []
        return api.content.find(
            context=self.context,
            portal_type="ProcedureForm",
            sort_on="getObjPositionInParent",
        )

    def amendments(self) -> list[dict]:
        return [
            {**row, "date": format_date(_parse(row.get("date")))}
            for row in (self.context.amendment_history or [])
        ]

    def text(self, name: str) -> str:
        value = getattr(self.context, name, None)
        return value.output if value is not None and hasattr(value, "output") else ""


def _parse(value):
    from datetime import date

    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


class _Listing(BrowserView):
    """Shared by the unit and section pages: grouped catalog listings."""

    def t(self, message) -> str:
        return translate(message, context=self.request)

    def state_title(self, state: str) -> str:
        return self.t(STATE_TITLES.get(state, state))

    def state_class(self, state: str) -> str:
        return STATE_CLASSES.get(state, "bg-secondary")

    def units(self) -> dict:
        return unit_titles()


class UnitView(_Listing):
    """A unit's page: its documents grouped by state, then by kind."""

    def groups(self) -> list[dict]:
        brains = api.content.find(
            portal_type=list(DOCUMENT_TYPES),
            owning_unit=self.context.getId(),
            sort_on="document_code",
        )
        by_state = OrderedDict((s, []) for s in STATE_ORDER)
        for brain in brains:
            by_state.setdefault(brain.review_state, []).append(brain)
        groups = []
        for state, items in by_state.items():
            if not items:
                continue
            kinds = []
            for portal_type, kind, title in KIND_GROUPS:
                members = [
                    b
                    for b in items
                    if b.portal_type == portal_type
                    and (kind is None or b.procedure_kind == kind)
                ]
                if members:
                    kinds.append({"title": self.t(title), "docs": members})
            groups.append(
                {
                    "state": state,
                    "title": self.state_title(state),
                    "css": self.state_class(state),
                    "count": len(items),
                    "kinds": kinds,
                }
            )
        return groups


class SectionView(_Listing):
    """The QMS section: effective documents by kind, filterable."""

    def figures(self) -> dict:
        from qms.intranet.statistics import year_figures

        return year_figures()

    def filters(self) -> dict:
        form = self.request.form
        return {
            "unit": form.get("unit") or "",
            "kind": form.get("kind") or "",
            "text": (form.get("q") or "").strip(),
        }

    def kind_options(self) -> list[dict]:
        current = self.filters()["kind"]
        options = [
            ("policy", _("group_policy", default="Quality policy")),
            ("system", _("kind_system", default="System procedure")),
            ("business", _("kind_business", default="Business procedure")),
            ("decision", _("group_decisions", default="Decisions")),
        ]
        return [
            {"value": v, "title": self.t(t), "selected": v == current}
            for v, t in options
        ]

    def groups(self) -> list[dict]:
        f = self.filters()
        query = {
            "portal_type": list(DOCUMENT_TYPES),
            "review_state": "effective",
            "sort_on": "document_code",
        }
        if f["unit"]:
            query["owning_unit"] = f["unit"]
        if f["text"]:
            query["SearchableText"] = f["text"]
        brains = api.content.find(**query)
        wanted = {
            "policy": ("QualityPolicy", None),
            "system": ("Procedure", "system"),
            "business": ("Procedure", "business"),
            "decision": ("Decision", None),
        }.get(f["kind"])
        groups = []
        for portal_type, kind, title in KIND_GROUPS:
            if wanted and wanted != (portal_type, kind):
                continue
            items = [
                b
                for b in brains
                if b.portal_type == portal_type
                and (kind is None or b.procedure_kind == kind)
            ]
            groups.append({"title": self.t(title), "docs": items})
        return groups
