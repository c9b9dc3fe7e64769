"""Behavior `qms.acknowledgement`: who must read and acknowledge a document.

Kept with the other document-control fields; officers widen or narrow the
audience the kind of document gives (acknowledge.audience_units)."""

from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from qms.intranet import _
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


@provider(IFormFieldProvider)
class IAcknowledgement(model.Schema):
    model.fieldset(
        "qms_control",
        label=_("fieldset_control", default="Document control"),
        fields=["ack_scope", "ack_units"],
    )

    ack_scope = schema.Choice(
        title=_("label_ack_scope", default="Who must read and acknowledge it"),
        description=_(
            "help_ack_scope",
            default="When an issue becomes effective, these people find it "
            "under «To read» on their home page and confirm «Read and "
            "understood».",
        ),
        vocabulary="qms.intranet.AcknowledgementScopes",
        default="default",
        # Left out (a form or REST client that does not know the field):
        # the kind of document decides, as "default" says.
        required=False,
    )

    ack_units = schema.List(
        title=_("label_ack_units", default="Other units that must read it"),
        description=_(
            "help_ack_units",
            default="Only with «The owning unit and the units chosen below».",
        ),
        value_type=schema.Choice(vocabulary="qms.intranet.Units"),
        required=False,
        default=[],
    )
    directives.widget("ack_units", CheckBoxFieldWidget)

    @invariant
    def units_chosen(data):
        """«The owning unit and the units chosen below» needs a unit."""
        try:
            scope, units = data.ack_scope, data.ack_units
        except Exception:  # noqa: BLE001 - the form or request lacks the fields
            return
        if scope == "units" and not units:
            raise Invalid(
                _(
                    "error_ack_units_required",
                    default="Choose the other units that must read it, or "
                    "choose «The owning unit only».",
                )
            )
