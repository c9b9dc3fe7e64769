"""Helpers of our plone.restapi services: bad input answers a clear 400."""

from datetime import date
from qms.intranet import _
from zope.i18n import translate


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


def error(request, message, status: int = 400, kind: str = "BadRequest") -> dict:
    """Set the status and answer plone.restapi's error body, translated."""
    request.response.setStatus(status)
    return {"error": {"type": kind, "message": translate(message, context=request)}}
