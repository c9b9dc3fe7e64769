"""Helpers of our plone.restapi services: bad input answers a clear 400."""

from datetime import date
from plone.restapi.deserializer import json_body
from plone.schema import JSONField
from qms.intranet import _
from zope.i18n import translate
from zope.schema import ValidationError

import json


MIN_YEAR, MAX_YEAR = 1990, 2100
YEAR_ERROR = _("error_year", default="The year must be a number between 1990 and 2100.")


class BadRequestError(ValueError):
    """Bad input of a request; the message is a translatable message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def year_param(request, name: str = "year") -> int:
    """The year the request asks for (default this year); BadRequestError
    when it is not a year between 1990 and 2100."""
    raw = request.form.get(name)
    if raw in (None, ""):
        return date.today().year
    if not str(raw).isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        raise BadRequestError(YEAR_ERROR)
    return int(raw)


def json_object(request) -> dict:
    """The JSON object a request carries; {} for anything else (bad JSON, a
    list…), so that the service says which field is missing."""
    try:
        body = json_body(request)
    except Exception:  # noqa: BLE001 - bad JSON is the client's error
        return {}
    return body if isinstance(body, dict) else {}


def error(request, message, status: int = 400, kind: str = "BadRequest") -> dict:
    """Set the status and answer plone.restapi's error body, translated."""
    request.response.setStatus(status)
    return {"error": {"type": kind, "message": translate(message, context=request)}}


class InvalidJSONValue(ValidationError):
    __doc__ = _(
        "error_json_value",
        default="The value is not in the form this field expects.",
    )


class CheckedJSONField(JSONField):
    """plone.schema's JSONField whose bad values are a ValidationError with a
    clear message (400 through plone.restapi, the message beside the field in
    forms). plone.schema's fromUnicode falls back to ast.literal_eval, whose
    SyntaxError (a plain string such as "not a dict") escaped as a 500.

    `invalid`: the ValidationError class to raise, whose docstring says what
    the field expects."""

    def __init__(self, invalid=InvalidJSONValue, **kw):
        self.invalid = invalid
        super().__init__(**kw)

    def _validate(self, value):
        try:
            super()._validate(value)
        except ValidationError as error:
            if isinstance(error, self.invalid):
                raise
            raise self.invalid(value).with_field_and_value(self, value) from error

    def fromUnicode(self, value):
        try:
            parsed = json.loads(value)
        except ValueError:
            raise self.invalid(value).with_field_and_value(self, value) from None
        self.validate(parsed)
        return parsed
