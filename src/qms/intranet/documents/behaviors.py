"""The controlled-document behavior: what ISO 9001 clause 7.5 asks of every
document of the system (policy, procedures, forms, decisions).

Identification (code, issue number, dates, owning unit), review and approval
(drafted / reviewed / approved by, review interval), change control (the
amendment history, kept by the workflow) and the files: the signed original
(PDF) and the editable source (DOCX or ODT).
"""

from Acquisition import aq_base
from datetime import date
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core import files
from qms.intranet.core.rest import CheckedJSONField
from qms.intranet.documents import codes
from qms.intranet.units.content import IDepartment
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory

import json


AMENDMENT_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "revision": {"type": "integer"},
                "date": {"type": "string"},
                "changes": {"type": "string"},
                "approved_by": {"type": "string"},
            },
            "required": ["revision", "date", "changes"],
        },
    }
)


_MISSING = object()


def _given(data, name: str):
    """A field's value in an invariant's data, or _MISSING when this form or
    request does not carry the field (z3c.form's data raises for those)."""
    try:
        return getattr(data, name)
    except Exception:  # noqa: BLE001 - NoInputData, AttributeError and kin
        return _MISSING


@provider(IContextAwareDefaultFactory)
def default_owning_unit(context):
    """The unit the document is added in, or the owning unit of the procedure
    a form is added to. Reads stored values only: asking a new document for
    its own default would recurse."""
    for item in getattr(context, "aq_chain", ()):
        owner = getattr(aq_base(item), "__dict__", {}).get("owning_unit")
        if owner:
            return owner
        if IDepartment.providedBy(item):
            return item.getId()
    return None


@provider(IFormFieldProvider)
class IControlledDocument(model.Schema):
    """Fields every controlled document of the QMS carries."""

    model.fieldset(
        "qms_control",
        label=_("fieldset_control", default="Document control"),
        fields=[
            "code",
            "revision",
            "issue_date",
            "effective_from",
            "owning_unit",
            "drafted_by",
            "reviewed_by",
            "approved_by",
            "review_interval",
            "next_review_date",
            "change_note",
        ],
    )
    model.fieldset(
        "qms_files",
        label=_("fieldset_files", default="Files"),
        fields=["signed_original", "editable_source"],
    )

    code = schema.TextLine(
        title=_("label_code", default="Document code"),
        description=_(
            "help_code",
            default="Unique in the system, for example QT-01/VP.",
        ),
        required=True,
        max_length=50,
        constraint=codes.valid_code,
    )

    revision = schema.Int(
        title=_("label_revision", default="Issue number"),
        description=_(
            "help_revision",
            default="Starts at 1 and goes up by one with every approved revision.",
        ),
        required=True,
        default=1,
        min=1,
    )
    directives.write_permission(revision="cmf.ManagePortal")

    issue_date = schema.Date(
        title=_("label_issue_date", default="Issue date"),
        required=False,
    )

    effective_from = schema.Date(
        title=_("label_effective_from", default="Effective date"),
        required=False,
    )

    owning_unit = schema.Choice(
        title=_("label_owning_unit", default="Owning unit"),
        description=_(
            "help_owning_unit",
            default="The unit that drafts, keeps and revises this document.",
        ),
        vocabulary="qms.intranet.Units",
        # Required in effect (see the invariant below), but REST clients may
        # leave it out where the place of the document says it.
        required=False,
        defaultFactory=default_owning_unit,
    )

    drafted_by = schema.TextLine(
        title=_("label_drafted_by", default="Drafted by"), required=False
    )
    reviewed_by = schema.TextLine(
        title=_("label_reviewed_by", default="Reviewed by"), required=False
    )
    approved_by = schema.TextLine(
        title=_("label_approved_by", default="Approved by"), required=False
    )

    review_interval = schema.Int(
        title=_("label_review_interval", default="Review interval (months)"),
        required=True,
        default=12,
        min=1,
        max=60,
    )

    next_review_date = schema.Date(
        title=_("label_next_review_date", default="Next review date"),
        description=_(
            "help_next_review_date",
            default="Set at each approval from the review interval.",
        ),
        required=False,
    )

    change_note = schema.Text(
        title=_("label_change_note", default="What changed in this revision"),
        description=_(
            "help_change_note",
            default="Required to submit a revision; it becomes a row of the "
            "amendment history when the revision is approved.",
        ),
        required=False,
    )

    signed_original_unchanged = schema.Bool(
        title=_(
            "label_signed_original_unchanged",
            default="The signed original is unchanged",
        ),
        description=_(
            "help_signed_original_unchanged",
            default="Set on a revision whose approval keeps the signed "
            "original of the previous issue.",
        ),
        required=False,
        default=False,
    )
    directives.omitted("signed_original_unchanged")

    amendment_history = CheckedJSONField(
        title=_("label_amendment_history", default="Amendment history"),
        schema=AMENDMENT_SCHEMA,
        default=[],
        required=False,
    )
    directives.omitted("amendment_history")
    directives.write_permission(amendment_history="cmf.ManagePortal")

    signed_original = NamedBlobFile(
        title=_("label_signed_original", default="Signed original (PDF)"),
        required=False,
        constraint=files.valid_signed_original,
    )

    editable_source = NamedBlobFile(
        title=_("label_editable_source", default="Editable source (DOCX or ODT)"),
        required=False,
        constraint=files.valid_editable_source,
    )

    @invariant
    def code_is_unique(data):
        """No two documents share a code (a revision shares its original's)."""
        code = _given(data, "code")
        if code is not _MISSING:
            codes.check_unique_code(code, getattr(data, "__context__", None))

    @invariant
    def owning_unit_known(data):
        """Given, or known from where the document is added."""
        unit = _given(data, "owning_unit")
        if unit is _MISSING:
            return
        if not unit and not default_owning_unit(getattr(data, "__context__", None)):
            raise Invalid(
                _(
                    "error_owning_unit_required",
                    default="Choose the owning unit of the document.",
                )
            )

    @invariant
    def effective_after_issue(data):
        issued, effective = _given(data, "issue_date"), _given(data, "effective_from")
        both = isinstance(issued, date) and isinstance(effective, date)
        if both and effective < issued:
            raise Invalid(
                _(
                    "error_effective_before_issue",
                    default="The effective date cannot be before the issue date.",
                )
            )
