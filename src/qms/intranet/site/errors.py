"""Errors answered cleanly instead of 500 (issue #12): each is refused with
a clear message and changes nothing.

- `@@site-logo`: Plone's streams nothing (500) while no logo is set in the
  Site control panel; ours answers that logo or the system's own.
- `mail_password` (the password-reset form): without a mail server Plone's
  fails when the transaction commits (500). Ours says so on the form (200)
  and keeps no reset request.
- Malformed JSON sent to plone.restapi: `json_body` raises
  DeserializationError, which services let escape (500) or answer in
  English. A body that is not JSON is refused after traversal, before any
  service runs, and every DeserializationError answers 400, in Vietnamese.
"""

from pathlib import Path
from plone.base import PloneMessageFactory as PMF
from plone.namedfile.file import NamedFile
from plone.registry.interfaces import IRegistry
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from plone.restapi.exceptions import DeserializationError
from Products.CMFPlone.browser.login.mail_password import MailPasswordView
from Products.CMFPlone.browser.sitelogo import SiteLogo
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.MailHost.MailHost import MailHostError
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.interfaces import IQMSIntranetLayer
from smtplib import SMTPException
from zope.component import adapter
from zope.component import queryUtility

import json
import logging
import transaction


logger = logging.getLogger(__name__)

LOGO = Path(__file__).parent / "static" / "logo.svg"


class QMSSiteLogo(SiteLogo):
    """The logo set in the Site control panel, or the system's own."""

    def _getFile(self):
        if self.data is None:
            self.filename = LOGO.name
            self.data = NamedFile(
                data=LOGO.read_bytes(),
                contentType="image/svg+xml",
                filename=LOGO.name,
            )
        return self.data


# Password reset

MAIL_NOT_CONFIGURED = _(
    "error_mail_not_configured",
    default="The password reset e-mail could not be sent: the mail server "
    "is not configured; please contact the ISO secretary.",
)
MAIL_NOT_SENT = _(
    "error_mail_not_sent",
    default="The password reset e-mail could not be sent: the mail server "
    "did not accept it; please try again later or contact the ISO secretary.",
)


def mail_configured() -> bool:
    """Has the Mail control panel a server and a sender address?"""
    registry = queryUtility(IRegistry)
    if registry is None:
        return False
    return bool(
        registry.get("plone.smtp_host") and registry.get("plone.email_from_address")
    )


class QMSMailPasswordView(MailPasswordView):
    """Plone's, sending at once: a mail server missing or refusing is said
    on the form (not a 500 at commit), and no reset request is kept."""

    refused_page = ViewPageTemplateFile("templates/mail_password_refused.pt")
    message = ""

    def __call__(self):
        if not mail_configured():
            return self.refused(MAIL_NOT_CONFIGURED)
        try:
            return self.context.portal_registration.mailPassword(
                self.request.form.get("userid", ""), self.request, immediate=True
            )
        except ValueError as error:  # unknown user, no e-mail address: Plone's
            return self.refused(PMF(str(error)))
        except (SMTPException, OSError, MailHostError):
            logger.exception("Password reset e-mail not sent")
            return self.refused(MAIL_NOT_SENT)

    def refused(self, message):
        """The form again, saying why (status messages are not shown to
        anonymous visitors); no reset request kept."""
        transaction.doom()
        self.message = translated(message, self.request)
        return self.refused_page()


# Malformed JSON to plone.restapi

MALFORMED_JSON = _(
    "error_malformed_json",
    default="The body of the request is not valid JSON: send a well-formed "
    "JSON object.",
)
# Bodies that are not meant as JSON: forms, TUS uploads.
NOT_JSON = (
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/offset+octet-stream",
)
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def refuse_malformed_json(event) -> None:
    """IPubAfterTraversal: a write to plone.restapi whose body does not parse
    as a JSON object is refused (400) before any service runs."""
    request = event.request
    if not (IQMSIntranetLayer.providedBy(request) and IAPIRequest.providedBy(request)):
        return
    if (request.get("REQUEST_METHOD") or "GET").upper() not in WRITES:
        return
    media_type = (request.getHeader("Content-Type") or "").split(";")[0]
    if media_type.strip().lower() in NOT_JSON:
        return
    body = request.get("BODY")
    if not body:
        return
    try:
        data = json.loads(body)
    except ValueError:
        raise DeserializationError("No JSON object could be decoded") from None
    if not isinstance(data, dict):
        raise DeserializationError("Malformed body")


@adapter(DeserializationError, IAPIRequest)
class DeserializationErrorHandling(ErrorHandling):
    """A DeserializationError a service lets escape: 400 with our message
    (plone.rest's view answers 500 for exceptions it does not know)."""

    def __call__(self):
        if not IQMSIntranetLayer.providedBy(self.request):
            return super().__call__()
        data = self.render_exception(self.context) or {}
        data.pop("traceback", None)
        data.update(type="BadRequest", message=translated(MALFORMED_JSON, self.request))
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True
