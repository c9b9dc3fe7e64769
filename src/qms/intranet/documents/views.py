"""Classic UI pages of controlled documents, the unit page and the QMS
section. Labels come from the schemas and core.states, never retyped."""

from Acquisition import aq_base
from datetime import date
from os.path import dirname
from plone import api
from plone.app.iterate import browser as iterate_browser
from plone.app.iterate.browser.diff import DiffView as IterateDiffView
from plone.app.iterate.dexterity.utils import get_working_copy
from plone.app.iterate.interfaces import IWorkingCopy
from plone.batching import Batch
from plone.namedfile.file import NamedBlobFile
from Products.CMFDiffTool.ChangeSet import BaseChangeSet
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import parse_iso
from qms.intranet.core.files import valid_signed_original
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import year_param
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.views import TransitionForm
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.documents.content import IProcedure
from qms.intranet.documents.content import IProcedureForm
from qms.intranet.documents.listing import Found
from qms.intranet.documents.statistics import figure_query
from qms.intranet.documents.statistics import FIGURES
from qms.intranet.documents.statistics import year_figures
from qms.intranet.documents.vocabularies import DOCUMENT_KINDS
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.documents.vocabularies import kind_of
from qms.intranet.documents.workflow import CHANGE_NOTE_REQUIRED
from qms.intranet.documents.workflow import SIGNED_ORIGINAL_REQUIRED
from qms.intranet.search import munge
from qms.intranet.search import ocr
from qms.intranet.search.attachments import ENCRYPTED
from qms.intranet.search.attachments import OCR_FAILED
from qms.intranet.search.attachments import OCR_PENDING
from qms.intranet.search.attachments import problems_of
from qms.intranet.search.attachments import update as read_attachments
from qms.intranet.units.groups import unit_titles
from urllib.parse import urlencode
from zope.i18nmessageid import Message
from zope.schema import ValidationError


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
    OCR_PENDING: _(
        "notice_ocr_pending",
        default="Recognizing the text of the scan ${file} (OCR) …: it will be "
        "found by search once this is done.",
    ),
    OCR_FAILED: _(
        "notice_ocr_failed",
        default="The text of the scan ${file} could not be recognized (OCR): it "
        "is stored, but its text cannot be searched.",
    ),
}
# A scan queued while the server has no OCR (Tesseract) installed.
OCR_WAITING_NOTICE = _(
    "notice_ocr_waiting",
    default="The scan ${file} is waiting for text recognition (OCR), which is "
    "not installed on the server yet: its text will be found by search once "
    "it is.",
)
UNREADABLE_NOTICE = _(
    "notice_unreadable",
    default="The text of the file ${file} could not be read (damaged, or "
    "a scan without text): it is stored, but its text cannot be searched.",
)


class _View(BrowserView):
    def t(self, message) -> str:
        """`message` in the language of the request; labels without a
        mapping (kinds, states) translated once per page, not once per row."""
        if getattr(message, "mapping", None):
            return translated(message, self.request)
        memo = self.__dict__.setdefault("_translated", {})
        key = (getattr(message, "domain", None), message)
        if key not in memo:
            memo[key] = translated(message, self.request)
        return memo[key]

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

    def revision_in_progress(self) -> dict | None:
        """On an effective issue being revised: the new issue's number, and
        the revision's address for those who may open it."""
        if self.state != "effective" or self.is_working_copy():
            return None
        revision = get_working_copy(self.context)
        if revision is None:
            return None
        number = (self.context.revision or 1) + 1
        visible = api.user.has_permission("View", obj=revision)
        return {
            "text": self.t(
                _(
                    "notice_revision_in_progress",
                    default="Revision ${number} is being drafted: staff keep "
                    "using this issue until the revision is approved.",
                    mapping={"number": number},
                )
            ),
            "url": revision.absolute_url() if visible else "",
        }

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
            if problem == OCR_PENDING and not ocr.available():
                message = OCR_WAITING_NOTICE
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


PAGE_SIZE = 50  # rows of a filtered list, per page
PREVIEW = 10  # rows of each group before "show all"
# The unit page's groups: what is in force first.
UNIT_STATE_ORDER = (
    "effective",
    "pending_approval",
    "pending_review",
    "draft",
    "obsolete",
)


class _Listing(_View):
    """Shared by the unit and section pages: grouped, filtered, paged catalog
    listings that stay small whatever the number of documents. One search a
    page, cut into its groups by the catalog's indexes; only the rows shown
    are sorted and loaded (listing.Found)."""

    def units(self) -> dict:
        return unit_titles()

    def filters(self) -> dict:
        form = self.request.form
        value = {name: form.get(name) or "" for name in ("unit", "kind", "state")}
        value = {k: v if isinstance(v, str) else "" for k, v in value.items()}
        text = form.get("q") or ""
        value["text"] = text.strip() if isinstance(text, str) else ""
        return value

    def base_query(self) -> dict:
        f = self.filters()
        query = {"portal_type": list(DOCUMENT_TYPES)}
        if f["kind"] in DOCUMENT_KINDS:
            portal_type, kind, _label = DOCUMENT_KINDS[f["kind"]]
            query["portal_type"] = portal_type
            if kind:
                query["procedure_kind"] = kind
        if f["text"]:
            query["SearchableText"] = munge(f["text"])
        return query

    def kind_options(self) -> list[dict]:
        current = self.filters()["kind"]
        return [
            {"value": key, "title": self.t(label), "selected": key == current}
            for key, (_type, _kind, label) in DOCUMENT_KINDS.items()
        ]

    def start(self) -> int:
        start = self.request.form.get("b_start", 0)
        return int(start) if str(start).isdigit() else 0

    def rows(self, found: Found, rids, paged: bool):
        """The documents `rids` by code: the page asked for (PAGE_SIZE rows)
        if `paged`, else the first PREVIEW."""
        if paged:
            return Batch(
                found.by_code(rids, self.start(), PAGE_SIZE), PAGE_SIZE, self.start()
            )
        return found.by_code(rids, 0, PREVIEW)

    def url_of(self, brain) -> str:
        """brain.getURL(), without acquiring the request through the site."""
        return self.request.physicalPathToURL(brain.getPath())

    def url(self, **params) -> str:
        """This page with the current filters changed by `params`."""
        values = {**{k: v for k, v in self.request.form.items() if k != "b_start"}}
        values.update(params)
        values = {k: v for k, v in values.items() if v not in ("", None)}
        return f"{self.context.absolute_url()}?{urlencode(values)}"

    def kind_title(self, brain) -> str:
        key = kind_of(brain)
        return self.t(DOCUMENT_KINDS[key][2]) if key else ""

    def revisions_in_progress(self, **query) -> dict:
        """code -> the issue number a revision being drafted will have."""
        return {
            brain.document_code: (brain.document_revision or 1) + 1
            for brain in api.content.find(is_working_copy=True, **query)
            if isinstance(brain.document_code, str)
        }

    def revision_label(self, brain, revisions: dict) -> str:
        """ "Bản sửa đổi" on a revision; "Sửa đổi lần N đang soạn" beside the
        effective issue it will replace."""
        if brain.is_working_copy:
            return self.t(_("badge_revision", default="Revision being drafted"))
        if brain.review_state == "effective" and brain.document_code in revisions:
            return self.t(
                _(
                    "badge_revision_in_progress",
                    default="Revision ${number} being drafted",
                    mapping={"number": revisions[brain.document_code]},
                )
            )
        return ""


class UnitView(_Listing):
    """A unit's page: its documents by state, effective first; filters by
    kind, state and words; each group previews PREVIEW rows and links to
    its whole list, paged."""

    def state_options(self) -> list[dict]:
        current = self.filters()["state"]
        return [
            {"value": s, "title": self.state_title(s), "selected": s == current}
            for s in UNIT_STATE_ORDER
        ]

    def groups(self) -> list[dict]:
        """One search for the unit's documents (under the filters), cut by
        state (listing.Found)."""
        found = Found(**self.base_query(), owning_unit=self.context.getId())
        revisions = self.revisions_in_progress(owning_unit=self.context.getId())
        chosen = self.filters()["state"]
        states = [chosen] if chosen in UNIT_STATE_ORDER else UNIT_STATE_ORDER
        groups = []
        for state in states:
            in_state = found.where(review_state=state)
            count = len(in_state)
            if not count:
                continue
            rows = self.rows(found, in_state, paged=bool(chosen))
            groups.append(
                {
                    "state": state,
                    "title": self.state_title(state),
                    "css": self.state_class(state),
                    "count": count,
                    "rows": [self.row(brain, revisions) for brain in rows],
                    "batch": rows if chosen else None,
                    "more": self.url(state=state)
                    if not chosen and count > PREVIEW
                    else "",
                }
            )
        return groups

    def issue_label(self) -> str:
        return self.t(_("short_revision", default="Issue"))

    def row(self, brain, revisions) -> dict:
        return {
            "code": brain.document_code,
            "title": brain.Title,
            "url": self.url_of(brain),
            "revision": brain.document_revision,
            "kind": self.kind_title(brain),
            "revision_label": self.revision_label(brain, revisions),
        }


class SectionView(_Listing):
    """The QMS section: the year's figures (links to the documents behind
    them) and the effective documents by kind, filterable and paged."""

    def year(self) -> int:
        try:
            return year_param(self.request)
        except BadRequestError:
            return date.today().year

    def years(self) -> list[int]:
        this = date.today().year
        return list(range(this, this - 5, -1))

    def documents(self) -> Found:
        """Every document the person may see (one search, for the figures
        and the lists)."""
        if "_documents" not in self.__dict__:
            self._documents = Found(portal_type=list(DOCUMENT_TYPES))
        return self._documents

    def figures(self) -> dict:
        figures = year_figures(self.year(), found=self.documents())
        return {
            **figures,
            "links": {
                figure: self.url(figure=figure, year=figures["year"], kind="", state="")
                for figure in FIGURES
            },
        }

    def headings(self) -> list[str]:
        """The columns of each kind's list, translated once for all of them."""
        return [self.t(heading) for heading in SECTION_HEADINGS]

    def figure_title(self) -> str:
        figure = self.request.form.get("figure")
        return self.t(FIGURE_TITLES[figure]) if figure in FIGURE_TITLES else ""

    def groups(self) -> list[dict]:
        f = self.filters()
        figure = self.request.form.get("figure")
        query = self.base_query()
        if figure in FIGURES:
            query.update(figure_query(figure, self.year(), query["portal_type"]))
        else:
            query["review_state"] = "effective"
        if f["unit"]:
            query["owning_unit"] = f["unit"]
        filtered = bool(f["kind"] or figure in FIGURES)
        kinds = [f["kind"]] if f["kind"] in DOCUMENT_KINDS else list(DOCUMENT_KINDS)
        if figure in FIGURES and not f["kind"]:
            kinds = ["system", "business"]
        if "SearchableText" in query:
            found = Found(**query)
        else:
            found = self.documents().narrowed(**query)
        groups = []
        for key in kinds:
            portal_type, kind, label = DOCUMENT_KINDS[key]
            kind_query = {"portal_type": portal_type}
            if kind:
                kind_query["procedure_kind"] = kind
            of_kind = found.where(**kind_query)
            count = len(of_kind)
            rows = self.rows(found, of_kind, paged=filtered)
            groups.append(
                {
                    "key": key,
                    "title": self.t(label),
                    "count": count,
                    "docs": rows,
                    "batch": rows if filtered else None,
                    "more": self.url(kind=key)
                    if not filtered and count > PREVIEW
                    else "",
                }
            )
        return groups


# The columns of the section's lists.
SECTION_HEADINGS = (
    _("label_code", default="Document code"),
    _("col_title", default="Title"),
    _("label_owning_unit", default="Owning unit"),
    _("col_revision", default="Issue"),
)

FIGURE_TITLES = {
    "revised": _("figure_list_revised", default="Procedures revised"),
    "cancelled": _("figure_list_cancelled", default="Procedures cancelled"),
    "issued_new": _("figure_list_issued_new", default="New procedures issued"),
    "pending_new": _(
        "figure_list_pending_new", default="New procedures drafted, not issued yet"
    ),
}


class DocumentTransitionForm(TransitionForm):
    """A revision's submit asks for its change note; its approval for the
    signed original of the new issue, or that it is unchanged."""

    def is_revision(self) -> bool:
        return IWorkingCopy.providedBy(self.context)

    def asks(self, transition: str) -> bool:
        return self.is_revision() and self.transition_id() == transition

    def fields(self) -> list[dict]:
        """A revision's submit asks for its change note instead of a note."""
        fields = super().fields()
        return fields[1:] if self.asks("submit") else fields

    def comment(self) -> str:
        if self.asks("submit"):
            return (self.request.form.get("change_note") or "").strip()
        return super().comment()

    def extra_fields(self) -> list[dict]:
        form, fields = self.request.form, []
        if self.asks("submit"):
            field = IControlledDocument["change_note"]
            fields.append(
                {
                    "name": "change_note",
                    "type": "textarea",
                    "required": True,
                    "value": form.get("change_note", self.context.change_note or ""),
                    "label": self.t(field.title),
                    "help": self.t(field.description),
                }
            )
        if self.asks("approve"):
            fields.append(
                {
                    "name": "signed_original",
                    "type": "file",
                    "required": False,
                    "accept": "application/pdf,.pdf",
                    "value": "",
                    "label": self.t(
                        _(
                            "label_new_signed_original",
                            default="Signed original of the new issue (PDF)",
                        )
                    ),
                    "help": self.t(
                        _(
                            "help_new_signed_original",
                            default="Staff download this file once the issue is "
                            "effective. Leave it empty only if the signed "
                            "original does not change.",
                        )
                    ),
                }
            )
            unchanged = IControlledDocument["signed_original_unchanged"]
            fields.append(
                {
                    "name": "signed_original_unchanged",
                    "type": "checkbox",
                    "required": False,
                    "value": bool(form.get("signed_original_unchanged")),
                    "label": self.t(unchanged.title),
                    "help": "",
                }
            )
        return fields

    def t(self, message) -> str:
        return translated(message, self.request)

    def _upload(self):
        upload = self.request.form.get("signed_original")
        return upload if getattr(upload, "filename", None) else None

    def validate(self) -> dict:
        errors = super().validate()
        form = self.request.form
        if self.asks("submit") and not (form.get("change_note") or "").strip():
            errors["change_note"] = self.t(CHANGE_NOTE_REQUIRED)
        if self.asks("approve"):
            upload = self._upload()
            if upload is not None:
                try:
                    valid_signed_original(NamedBlobFile(upload.read(), filename=""))
                except ValidationError as error:
                    errors["signed_original"] = self.t(error.doc())
                upload.seek(0)
            elif not form.get("signed_original_unchanged"):
                errors["signed_original"] = self.t(SIGNED_ORIGINAL_REQUIRED)
        return errors

    def apply(self) -> None:
        form, obj = self.request.form, self.context
        if self.asks("submit"):
            obj.change_note = form["change_note"].strip()
        if self.asks("approve"):
            upload = self._upload()
            if upload is not None:
                obj.signed_original = NamedBlobFile(
                    upload.read(), filename=upload.filename.split("\\")[-1]
                )
                read_attachments(obj)
            else:
                obj.signed_original_unchanged = True
        obj.reindexObject()

    def done_message(self, result) -> Message:
        message = super().done_message(result)
        revision = getattr(result, "revision", "") or ""
        return Message(
            message, mapping={**(message.mapping or {}), "revision": revision}
        )


class RevisionDiff(IterateDiffView):
    """ "Xem các thay đổi" of a revision: the document's own fields only.
    A revision does not copy its procedure's forms (they stay with the
    effective issue), so the recursive comparison reported them deleted."""

    index = ViewPageTemplateFile("diff.pt", _prefix=dirname(iterate_browser.__file__))

    def diffs(self):
        changes = BaseChangeSet("Changes").__of__(api.portal.get_tool("portal_diff"))
        changes.computeDiff(
            self.baseline,
            self.working_copy,
            recursive=0,
            id1="Baseline",
            id2="Working Copy",
        )
        return aq_base(changes)
