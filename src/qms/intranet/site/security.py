"""Closing leaks of Plone's and plone.restapi's defaults (issue #12).

- Cross-site requests: plone.restapi services read a JSON body whatever the
  Content-Type, and disable plone.protect's CSRF check. A page of another
  site could make a logged-in user's browser POST `text/plain` JSON (a
  "simple" request, sent with the `__ac` cookie and no CORS preflight) and
  create or change content. Writes to a service authenticated by cookie must
  be JSON and come from our own pages (Origin or Referer, or carry a
  plone.protect token); API clients authenticating with an Authorization
  header (basic auth, JWT) are not concerned.
- `@transactions` lists every transaction of the database: paths of every
  unit's drafts and records and who edited them. Administrators only.
- `@history`: plone.restapi asks "CMFEditions: Access previous versions"
  only, which states that do not manage it (obsolete) leave to every staff
  member: the history of a document also needs View.
- `/resolveuid/<uid>` redirects to the URL of any content: content the user
  may not view answers 404, like an unknown uid.
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from Acquisition import aq_base
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.outputfilters.browser.resolveuid import ResolveUIDView
from plone.protect.authenticator import _verify_request
from plone.rest.service import Service
from plone.restapi.services.history.get import HistoryGet
from plone.restapi.services.history.patch import HistoryPatch
from plone.restapi.services.transactions.get import TransactionsGet
from plone.restapi.services.transactions.patch import TransactionsPatch
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.interfaces import IQMSIntranetLayer
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zExceptions import NotFound


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Bodies a browser sends cross-site only after a CORS preflight we never
# answer: JSON, and TUS uploads (plone.restapi's @tus-upload).
API_MEDIA_TYPES = frozenset({"application/json", "application/offset+octet-stream"})
CROSS_SITE = _(
    "error_cross_site_request",
    default="This request was refused: changes through the API must be sent "
    "as JSON from the pages of the intranet. Reload the page and try again.",
)
ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})
ADMINISTRATORS_ONLY = _(
    "error_administrators_only",
    default="Only the site administrators may see the transaction log.",
)


# Cross-site requests


def is_api_service(request) -> bool:
    """Is the request published by a plone.rest service (++api++ or JSON)?"""
    published = request.get("PUBLISHED")
    published = getattr(published, "__self__", published)  # a bound method
    return isinstance(aq_base(published), Service)


def _origin(url: str) -> tuple[str, str] | None:
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, f"{host}:{port}"


def own_origins(request) -> set:
    """The origins the site is reached at: as the client sees it (SERVER_URL,
    virtual hosting included) and as its Host header names it."""
    origins = {_origin(request.get("SERVER_URL", ""))}
    scheme = urlsplit(request.get("SERVER_URL", "")).scheme or "http"
    for header in ("HTTP_X_FORWARDED_HOST", "HTTP_HOST"):
        host = (request.environ.get(header) or "").split(",")[0].strip()
        if host:
            origins.add(_origin(f"{scheme}://{host}"))
    origins.discard(None)
    return origins


def same_origin(request) -> bool:
    """Does Origin (or, without it, Referer) name the site itself?"""
    claimed = request.getHeader("Origin") or request.getHeader("Referer")
    if not claimed or claimed == "null":
        return False
    return _origin(claimed) in own_origins(request)


def has_token(request) -> bool:
    """A plone.protect token (X-CSRF-TOKEN header or _authenticator)."""
    try:
        return bool(_verify_request(request))
    except Exception:  # noqa: BLE001 - no keyring, anonymous: no token
        return False


def is_api_body(request) -> bool:
    media_type = (request.getHeader("Content-Type") or "").split(";")[0]
    media_type = media_type.strip().lower()
    if media_type in API_MEDIA_TYPES or media_type.endswith("+json"):
        return True
    # A DELETE without a body: browsers send it cross-site only preflighted.
    return request.method == "DELETE" and not media_type


def refuse_cross_site_api_writes(event) -> None:
    """IPubAfterTraversal: unsafe API requests authenticated by cookie must
    be JSON and come from our own pages; else 403, nothing changed."""
    request = event.request
    if not IQMSIntranetLayer.providedBy(request):
        return
    if (request.get("REQUEST_METHOD") or "GET").upper() not in UNSAFE_METHODS:
        return
    if not is_api_service(request):
        return
    # ZPublisher moves the Authorization header out of the environment.
    authorization = (request._auth or "").strip().lower()
    if authorization.startswith("bearer "):
        return  # JWT: never sent by a browser on its own
    if authorization.startswith("basic "):
        # API clients send no Origin; a browser replaying cached basic
        # credentials for another site's page does.
        if request.getHeader("Origin") and not same_origin(request):
            raise Forbidden(translated(CROSS_SITE, request))
        return
    if api.user.is_anonymous():
        return  # nothing to forge; the service answers 401 itself
    if is_api_body(request) and (same_origin(request) or has_token(request)):
        return
    raise Forbidden(translated(CROSS_SITE, request))


# @transactions


def require_administrator(context) -> None:
    roles = set(api.user.get_roles(obj=context))
    if not roles & ADMINISTRATORS:
        raise Forbidden(translated(ADMINISTRATORS_ONLY))


class AdministratorsTransactionsGet(TransactionsGet):
    """plone.restapi's @transactions, for Managers and Site Administrators."""

    def reply(self):
        require_administrator(self.context)
        return super().reply()


class AdministratorsTransactionsPatch(TransactionsPatch):
    """Undoing transactions, for Managers and Site Administrators."""

    def reply(self):
        require_administrator(self.context)
        return super().reply()


# @history


def require(permission: str, context) -> None:
    if not getSecurityManager().checkPermission(permission, context):
        raise Unauthorized(permission)


class ViewableHistoryGet(HistoryGet):
    """plone.restapi's @history, of content the user may view."""

    def reply(self):
        require("View", self.context)
        return super().reply()


class EditableHistoryPatch(HistoryPatch):
    """Reverting to a version, of content the user may view and edit."""

    def reply(self):
        require("View", self.context)
        require("Modify portal content", self.context)
        return super().reply()


# /resolveuid


class VisibleResolveUIDView(ResolveUIDView):
    """/resolveuid/<uid>: content the user may not view is not found."""

    def __call__(self):
        obj = uuidToObject(self.uuid, unrestricted=True) if self.uuid else None
        if obj is None or not getSecurityManager().checkPermission("View", obj):
            raise NotFound("The link you followed is broken")
        return super().__call__()
