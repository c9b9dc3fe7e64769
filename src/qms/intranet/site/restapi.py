"""plone.restapi refusing what it would accept or pass over silently
(issue #12), for our layer:

- `POST @workflow/<transition>`: plone.restapi treats a transition the
  user may not do as done when the item already is in the transition's
  destination state (200, the old state). Ours refuses a transition not
  open to the user: 400 when the state has no such transition, 403 when
  the user may not do it; nothing changes.
- Content: a value of a field the user may not write is skipped silently
  (201 with `revision: "abc"`): it is still checked, and bad input is a 400.
- File fields: an empty file is stored as no file at all; it is refused.
- Whole numbers: a clear message instead of Python's "invalid literal".
"""

from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import NamedFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.services.workflow.transition import WorkflowTransition
from plone.supermodel.utils import mergedTaggedValueDict
from qms.intranet import _
from qms.intranet.core.files import EmptyFile
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import error
from qms.intranet.core.states import state_label
from qms.intranet.interfaces import IQMSIntranetLayer
from z3c.form.interfaces import IDataManager
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.schema import getFields
from zope.schema import ValidationError
from zope.schema.interfaces import IInt

import base64
import binascii
import transaction


# Transitions

TRANSITION_NOT_POSSIBLE = _(
    "error_transition_not_possible",
    default="«${transition}» cannot be done in the state «${state}»; nothing "
    "was changed.",
)
TRANSITION_NOT_ALLOWED = _(
    "error_transition_not_allowed",
    default="«${transition}» cannot be done by you in the state «${state}»; "
    "nothing was changed.",
)


class QMSWorkflowTransition(WorkflowTransition):
    """plone.restapi's, refusing a transition not open to the user."""

    def reply(self):
        if self.transition is not None:
            refusal = self.refusal()
            if refusal is not None:
                return refusal
        answer = super().reply()
        if self.request.response.getStatus() >= 400:
            # refused by the workflow's own checks: plone.restapi has set the
            # effective date (and so the modification date) before trying
            transaction.doom()
        return answer

    def refusal(self) -> dict | None:
        workflows = self.wftool.getWorkflowsFor(self.context)
        if not workflows:
            return None  # plone.restapi passes over items without workflow
        offered = {t["id"] for t in self.wftool.getTransitionsFor(self.context)}
        if self.transition in offered:
            return None
        state = self.wftool.getInfoFor(self.context, "review_state", None)
        title, exists = self.transition, False
        for workflow in workflows:
            definition = workflow.transitions.get(self.transition)
            if definition is not None:
                title = definition.title or self.transition
            here = workflow.states.get(state) if state else None
            if here is not None and self.transition in here.transitions:
                exists = True
        mapping = {
            "transition": translated(Message(title, domain="plone"), self.request),
            "state": translated(
                state_label(state, getattr(self.context, "portal_type", None)),
                self.request,
            ),
        }
        if exists:
            message = Message(TRANSITION_NOT_ALLOWED, mapping=mapping)
            return error(self.request, message, status=403, kind="Forbidden")
        message = Message(TRANSITION_NOT_POSSIBLE, mapping=mapping)
        return error(self.request, message, status=400, kind="WorkflowException")


# Content


class NotAWholeNumber(ValidationError):
    __doc__ = _("error_not_whole_number", default="Enter a whole number.")


@implementer(IFieldDeserializer)
@adapter(IInt, IDexterityContent, IQMSIntranetLayer)
class IntFieldDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise NotAWholeNumber(value).with_field_and_value(
                    self.field, value
                ) from None
        elif isinstance(value, bool) or not isinstance(value, int):
            raise NotAWholeNumber(value).with_field_and_value(self.field, value)
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(INamedField, IDexterityContent, IQMSIntranetLayer)
class FileFieldDeserializer(NamedFieldDeserializer):
    """An upload without data is refused, not stored as "no file" (to
    remove a file, send null)."""

    def __call__(self, value):
        if isinstance(value, dict) and "data" in value and not _decoded(value):
            raise EmptyFile(value).with_field_and_value(self.field, value)
        return super().__call__(value)


def _decoded(value: dict) -> bytes:
    data = value.get("data") or b""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if value.get("encoding") == "base64":
        try:
            return base64.b64decode(data)
        except (binascii.Error, ValueError):
            return b"?"  # not empty: plone.restapi says what is wrong
    return data


@adapter(IDexterityContent, IQMSIntranetLayer)
class QMSDeserializeFromJson(DeserializeFromJson):
    """plone.restapi's, also checking the values of fields the user may not
    write: plone.restapi skips them, so bad input was answered 201."""

    def get_schema_data(self, data, validate_all, create=False):
        schema_data, errors = super().get_schema_data(data, validate_all, create)
        for schema in iterSchemata(self.context):
            permissions = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
            for name, field in getFields(schema).items():
                if name not in data or data[name] is None or field.readonly:
                    continue
                if self.check_permission(permissions.get(name)):
                    continue  # written, and checked, by plone.restapi
                dm = queryMultiAdapter((self.context, field), IDataManager)
                if dm is None or not dm.canWrite():
                    continue
                deserializer = queryMultiAdapter(
                    (field, self.context, self.request), IFieldDeserializer
                )
                if deserializer is None:
                    continue
                try:
                    deserializer(data[name])
                except ValueError as e:
                    errors.append({"message": str(e), "field": name, "error": e})
                except ValidationError as e:
                    errors.append({"message": e.doc(), "field": name, "error": e})
        return schema_data, errors
