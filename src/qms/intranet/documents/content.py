"""Controlled documents: quality policy, procedures, their forms, decisions,
and the QMS section (/he-thong-qlcl) that holds what belongs to the whole
system.

Their common fields come from the `qms.controlled_document` behavior
(behaviors.py); here is only what is each type's own.
"""

from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core import files
from zope import schema
from zope.interface import implementer


QMS_SECTION = "he-thong-qlcl"


class IQualityPolicy(model.Schema):
    """Chính sách chất lượng (ISO 9001 clause 5.2) and its objectives."""

    text = RichText(
        title=_("label_policy_text", default="Quality policy"),
        required=True,
    )
    objectives = RichText(
        title=_("label_objectives", default="Quality objectives"),
        description=_(
            "help_objectives", default="Measurable, monitored objectives (6.2)."
        ),
        required=False,
    )


class IProcedure(model.Schema):
    """Quy trình: system procedures and business procedures."""

    kind = schema.Choice(
        title=_("label_procedure_kind", default="Kind of procedure"),
        vocabulary="qms.intranet.ProcedureKinds",
        required=True,
        default="business",
    )
    purpose = schema.Text(title=_("label_purpose", default="Purpose"), required=False)
    scope = schema.Text(title=_("label_scope", default="Scope"), required=False)
    references = schema.Text(
        title=_("label_references", default="Reference documents"), required=False
    )
    definitions = schema.Text(
        title=_("label_definitions", default="Definitions and abbreviations"),
        required=False,
    )
    responsibilities = schema.Text(
        title=_("label_responsibilities", default="Responsibilities"),
        required=False,
    )
    steps = RichText(
        title=_("label_steps", default="Steps of the procedure"), required=False
    )
    records = schema.List(
        title=_("label_records", default="Records produced"),
        description=_(
            "help_records",
            default="One record per line: the files this procedure produces, "
            "proposed for each unit's record list.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )


class IProcedureForm(model.Schema):
    """Biểu mẫu: a form of a procedure, issued with it."""

    file = NamedBlobFile(
        title=_("label_form_file", default="Form file"),
        description=_("help_form_file", default="DOCX, ODT, XLSX, ODS or PDF."),
        required=True,
        constraint=files.valid_form_file,
    )


class IDecision(model.Schema):
    """Quyết định: number/symbol, summary, signer, date signed, signed file."""

    number_symbol = schema.TextLine(
        title=_("label_number_symbol", default="Number and symbol"),
        description=_("help_number_symbol", default="For example 123/QĐ-BTTTT."),
        required=True,
    )
    summary = schema.Text(
        title=_("label_summary", default="Summary (trích yếu)"), required=True
    )
    signer = schema.TextLine(
        title=_("label_signer", default="Signed by"), required=True
    )
    signed_date = schema.Date(
        title=_("label_signed_date", default="Date signed"), required=True
    )


@implementer(IQualityPolicy)
class QualityPolicy(Item):
    """The quality policy."""


@implementer(IProcedure)
class Procedure(Container):
    """A procedure; holds its forms."""


@implementer(IProcedureForm)
class ProcedureForm(Item):
    """A form of a procedure."""


@implementer(IDecision)
class Decision(Item):
    """A decision."""


class IQMSSection(model.Schema):
    """Quality policy, system procedures and decisions of the whole QMS."""


@implementer(IQMSSection)
class QMSSection(Container):
    """Lists the effective documents of the system by kind."""

    def canSetDefaultPage(self) -> bool:
        """The section's page is its figures and lists: no content item may
        replace it. The toolbar then builds no "Display" menu here, which
        offered nothing else (one view) and cost every page view its
        lookups."""
        return False
