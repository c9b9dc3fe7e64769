"""Classic UI pages of controlled documents, the unit page and the QMS
section. Labels come from the schemas and core.states, never retyped."""

from collections import OrderedDict
from plone import api
from plone.app.iterate.interfaces import IWorkingCopy
from Products.Five.browser import BrowserView
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import parse_iso
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import DOCUMENT_STATES
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.documents.content import IProcedure
from qms.intranet.documents.content import IProcedureForm
from qms.intranet.documents.statistics import year_figures
from qms.intranet.documents.vocabularies import DOCUMENT_KINDS
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.documents.vocabularies import kind_of
from qms.intranet.search.attachments import ENCRYPTED
from qms.intranet.search.attachments import problems_of
from qms.intranet.units.groups import unit_titles
from zope.i18nmessageid import Message


# The header block of a document: fields of the behavior, in this order;
# dates are written dd/mm/yyyy.
HEADER_FIELDS = (
    "code",
    "revision",
    "issue_date",
    "effective_from",
    "owning_unit",
    "drafted_by",
    "reviewed_by",
    "approved_by",
    "next_review_date",
)
PROCEDURE_PARTS = ("purpose", "scope", "references", "definitions", "responsibilities")
# field name -> schema holding it, for the files a document may carry
FILE_FIELDS = (
    ("signed_original", IControlledDocument),
    ("editable_source", IControlledDocument),
    ("file", IProcedureForm),
)
ATTACHMENT_NOTICES = {
    ENCRYPTED: _(
        "notice_encrypted",
        default="The file ${file} is encrypted: it is stored, but its "
        "text cannot be searched.",
    ),
}
UNREADABLE_NOTICE = _(
    "notice_unreadable",
    default="The text of the file ${file} could not be read (damaged, or "
    "a scan without text): it is stored, but its text cannot be searched.",
)


class _View(BrowserView):
    def t(self, message) -> str:
        return translated(message, self.request)

    def state_title(self, state: str) -> str:
        return self.t(state_label(state))

    def state_class(self, state: str) -> str:
        return state_badge(state)


class DocumentView(_View):
    """The page of an ISO document: header block, body, files, history."""

    @property
    def state(self) -> str:
        obj = self.context
        if obj.portal_type == "ProcedureForm":
            obj = obj.aq_parent
        return api.content.get_state(obj=obj, default="")

    def state_title(self) -> str:
        return super().state_title(self.state)

    def state_class(self) -> str:
        return super().state_class(self.state)

    def is_obsolete(self) -> bool:
        return self.state == "obsolete"

    def is_working_copy(self) -> bool:
        return IWorkingCopy.providedBy(self.context)

    def _value(self, name: str) -> str:
        value = getattr(self.context, name, None)
        if name == "owning_unit":
            return unit_titles().get(value, value)
        if hasattr(value, "strftime"):
            return format_date(value)
        return str(value) if value else ""

    def header(self) -> list[tuple[str, str]]:
        """The rows of the document's header block, labelled in the UI language."""
        rows = (
            (IControlledDocument[name].title, self._value(name))
            for name in HEADER_FIELDS
        )
        return [(self.t(label), value) for label, value in rows if value]

    def procedure_parts(self) -> list[tuple[str, str]]:
        """The plain-text sections of a procedure that are filled in."""
        return [
            (self.t(IProcedure[name].title), getattr(self.context, name))
            for name in PROCEDURE_PARTS
            if getattr(self.context, name, None)
        ]

    def kind_title(self) -> str:
        kind = getattr(self.context, "kind", None)
        return self.t(DOCUMENT_KINDS[kind][2]) if kind in DOCUMENT_KINDS else ""

    def files(self) -> list[dict]:
        """Downloadable attachments of the document."""
        base = self.context.absolute_url()
        out = []
        for name, schema in FILE_FIELDS:
            value = getattr(self.context, name, None)
            if value is not None and getattr(value, "filename", None):
                out.append(
                    {
                        "label": self.t(schema[name].title),
                        "filename": value.filename,
                        "size": f"{value.getSize() / 1024:.0f} KB",
                        "url": f"{base}/@@download/{name}/{value.filename}",
                    }
                )
        return out

    def attachment_problems(self) -> list[str]:
        """Why a file's text could not be read, for the notice on the page."""
        out = []
        for name, problem in problems_of(self.context).items():
            value = getattr(self.context, name, None)
            filename = getattr(value, "filename", name) if value else name
            message = ATTACHMENT_NOTICES.get(problem, UNREADABLE_NOTICE)
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
            {**row, "date": format_date(parse_iso(row.get("date")))}
            for row in (self.context.amendment_history or [])
        ]

    def text(self, name: str) -> str:
        value = getattr(self.context, name, None)
        return value.output if value is not None and hasattr(value, "output") else ""


class _Listing(_View):
    """Shared by the unit and section pages: grouped catalog listings."""

    def units(self) -> dict:
        return unit_titles()

    def by_kind(self, brains, kinds=DOCUMENT_KINDS) -> list[dict]:
        """The brains grouped by kind of document, in the kinds' order."""
        groups = OrderedDict((key, []) for key in kinds)
        for brain in brains:
            key = kind_of(brain)
            if key in groups:
                groups[key].append(brain)
        return [
            {"key": key, "title": self.t(DOCUMENT_KINDS[key][2]), "docs": docs}
            for key, docs in groups.items()
        ]


class UnitView(_Listing):
    """A unit's page: its documents grouped by state, then by kind."""

    def groups(self) -> list[dict]:
        brains = api.content.find(
            portal_type=list(DOCUMENT_TYPES),
            owning_unit=self.context.getId(),
            sort_on="document_code",
        )
        by_state = OrderedDict((s, []) for s in DOCUMENT_STATES)
        for brain in brains:
            by_state.setdefault(brain.review_state, []).append(brain)
        return [
            {
                "state": state,
                "title": self.state_title(state),
                "css": self.state_class(state),
                "count": len(items),
                "kinds": [k for k in self.by_kind(items) if k["docs"]],
            }
            for state, items in by_state.items()
            if items
        ]


class SectionView(_Listing):
    """The QMS section: effective documents by kind, filterable."""

    def figures(self) -> dict:
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
        return [
            {"value": key, "title": self.t(label), "selected": key == current}
            for key, (_type, _kind, label) in DOCUMENT_KINDS.items()
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
        kinds = [f["kind"]] if f["kind"] in DOCUMENT_KINDS else DOCUMENT_KINDS
        return self.by_kind(api.content.find(**query), kinds)
