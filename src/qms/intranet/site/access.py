"""Deny by default: anonymous visitors get the login form and nothing else.

Permissions already close content to Anonymous (rolemap.xml and the
workflows). Some Plone pages are public by design (sitemap, contact form,
self-registration...); on an intranet they must not be. After traversal, an
anonymous request for anything outside the login machinery and the static
resources it needs is answered like any other protected page: with the
login form (or 401 from plone.restapi).
"""

from AccessControl import Unauthorized
from plone import api
from qms.intranet.interfaces import IQMSIntranetLayer


# Pages an anonymous visitor needs to log in, reset a password or log out.
PUBLIC_PAGES = frozenset(
    {
        "login",
        "login_form",
        "failsafe_login",
        "failsafe_login_form",
        "require_login",
        "login-help",
        "mail_password",
        "mail_password_form",
        "mail_password_response",
        "passwordreset",
        "pwreset_finish",
        "logout",
        "logged-out",
        "insufficient-privileges",
        "favicon.ico",
        "site-logo",
        "@login",
        "@logout",
    }
)
# Traversal namespaces of static resources (CSS, JavaScript, icons, fonts).
PUBLIC_NAMESPACES = ("++resource++", "++plone++", "++theme++", "++unique++")


def is_public(steps: list[str]) -> bool:
    """May an anonymous visitor have the page reached through `steps`?"""
    for step in steps:
        name = step.removeprefix("@@")
        if name in PUBLIC_PAGES or step in PUBLIC_PAGES:
            return True
        if step.startswith(PUBLIC_NAMESPACES):
            return True
    return False


def deny_anonymous(event):
    """IPubAfterTraversal: refuse non-public pages to anonymous visitors."""
    request = event.request
    if not IQMSIntranetLayer.providedBy(request):
        return
    if not api.user.is_anonymous():
        return
    steps = [str(step) for step in request.steps]
    if not steps or is_public(steps):
        return
    raise Unauthorized("The intranet is open to logged-in staff only.")
