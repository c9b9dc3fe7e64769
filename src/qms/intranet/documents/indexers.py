"""Catalog indexers of controlled documents: what listings, counts and search
read without waking objects."""

from Acquisition import aq_base
from plone import api
from plone.app.iterate.interfaces import IWorkingCopy
from plone.app.textfield.interfaces import IRichTextValue
from plone.indexer import indexer
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.documents.codes import normalize_code
from qms.intranet.documents.content import IProcedure
from qms.intranet.search.attachments import text_of


@indexer(IControlledDocument)
def document_code(obj):
    return normalize_code(obj.code) or None


@indexer(IControlledDocument)
def qms_own_code(obj):
    """The codes the document *is* (QT-02/VP; a decision's 12/2024/QĐ-TTg):
    search ranks it above the documents that only cite them."""
    own = aq_base(obj)
    return [
        c
        for c in (getattr(own, "code", None), getattr(own, "number_symbol", None))
        if c
    ]


@indexer(IControlledDocument)
def owning_unit(obj):
    return obj.owning_unit


@indexer(IControlledDocument)
def document_revision(obj):
    return obj.revision


@indexer(IProcedure)
def procedure_kind(obj):
    return obj.kind


@indexer(IControlledDocument)
def qms_events(obj):
    """'issued:2026', 'revised:2026', 'cancelled:2026', 'reviewed:2026':
    what happened when.

    The year's figures (revised, cancelled, newly issued, reviewed without
    revision) are counted from this keyword index. A periodic review that
    kept the issue is a row of kind "review" (lifecycle.reviews).
    """
    events = set()
    for row in obj.amendment_history or []:
        year = str(row.get("date", ""))[:4]
        if not year:
            continue
        if row.get("kind") == "review":
            events.add(f"reviewed:{year}")
            continue
        events.add(f"{'issued' if row.get('revision') == 1 else 'revised'}:{year}")
    # (its own: a form would acquire its cancelled procedure's date)
    withdrawn = getattr(aq_base(obj), "withdrawn_on", None)
    if withdrawn:
        events.add(f"cancelled:{withdrawn.year}")
    return sorted(events) or None


# Fields whose words staff search for, beside id, title and description.
TEXT_FIELDS = (
    "code",
    "text",
    "objectives",
    "purpose",
    "scope",
    "references",
    "definitions",
    "responsibilities",
    "steps",
    "records",
    "number_symbol",
    "summary",
    "signer",
    "drafted_by",
    "reviewed_by",
    "approved_by",
)


def _plain(obj, value) -> str:
    """Text of a field value: rich text without its markup, lists joined."""
    if IRichTextValue.providedBy(value):
        transforms = api.portal.get_tool("portal_transforms")
        return transforms.convertTo(
            "text/plain", value.raw, mimetype=value.mimeType
        ).getData()
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return value if isinstance(value, str) else ""


@indexer(IControlledDocument)
def SearchableText(obj):
    """Everything a staff member may type to find the document, code included."""
    own = aq_base(obj)  # never a field acquired from a parent (the site's text)
    parts = [obj.id, obj.title or "", obj.description or ""]
    parts.extend(_plain(obj, getattr(own, name, None)) for name in TEXT_FIELDS)
    parts.append(text_of(own))
    return " ".join(p.strip() for p in parts if p and p.strip())


@indexer(IControlledDocument)
def document_year(obj):
    """The year a document was issued (or created, while a draft)."""
    if obj.issue_date:
        return obj.issue_date.year
    created = obj.created()
    return created.year() if created else None


@indexer(IControlledDocument)
def is_working_copy(obj):
    """A revision being drafted: listings mark it, counts leave it out."""
    return IWorkingCopy.providedBy(obj)
