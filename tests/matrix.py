"""What the permission matrices share: requests as an account over real
HTTP, what counts as a refusal, and collecting every mismatch."""

from contextlib import contextmanager
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.testing import MATRIX_PASSWORD
from tests.conftest import JSON

import requests
import transaction


PASSWORDS = {SITE_OWNER_NAME: SITE_OWNER_PASSWORD, "sec.only": MATRIX_PASSWORD}
# Where Plone sends someone who may not see a page.
REDIRECTS_TO_REFUSAL = ("require_login", "insufficient-privileges", "/login")


def refused(response) -> bool:
    """401/403/404, or the redirect to the login form or the refusal page."""
    if response.status_code in (401, 403, 404):
        return True
    location = response.headers.get("Location", "")
    return response.status_code in (301, 302, 303) and any(
        part in location for part in REDIRECTS_TO_REFUSAL
    )


def check(problems: list, condition: bool, *what) -> None:
    """Collect a mismatch, to report them all together."""
    if not condition:
        problems.append(" ".join(str(part) for part in what))


class Requests:
    """Requests to the site as an account (a role of `roles`, or a login;
    None: anonymous), REST by default, never following redirects."""

    def __init__(self, url: str, http: requests.Session, roles: dict | None = None):
        self.url, self.http, self.roles = url, http, roles or {}

    def call(self, role, method, path, api_call=True, **kwargs):
        login = self.roles.get(role, role)
        prefix = f"{self.url}/++api++" if api_call else self.url
        headers = {**JSON, **kwargs.pop("headers", {})} if api_call else {}
        return self.http.request(
            method,
            f"{prefix}/{path}".rstrip("/"),
            auth=(login, PASSWORDS.get(login, DEMO_PASSWORD)) if login else None,
            headers=headers,
            allow_redirects=False,
            **kwargs,
        )

    def admin(self, method, path, api_call=True, **kwargs):
        return self.call(SITE_OWNER_NAME, method, path, api_call, **kwargs)


class PortalRequests(Requests):
    """Requests to a test site as a role of `roles`, and its objects as the
    requests committed them."""

    def __init__(self, portal, http: requests.Session, roles: dict | None = None):
        super().__init__(portal.absolute_url(), http, roles)
        self.portal = portal

    def get(self, path):
        """The object now, as committed by the requests."""
        transaction.begin()
        return self.portal.unrestrictedTraverse(path, None)

    def state(self, path):
        obj = self.get(path)
        return api.content.get_state(obj=obj, default=None) if obj else None


def check_deletes(site, role, problems: list, deletes: dict) -> None:
    """DELETE each path (path -> roles allowed): gone for those allowed,
    refused and still there for the others."""
    for path, allowed in deletes.items():
        response = site.call(role, "DELETE", path)
        exists = site.get(path) is not None
        what = ("DELETE", path, response.status_code)
        if role in allowed:
            check(problems, response.status_code == 204 and not exists, *what)
        else:
            check(problems, refused(response) and exists, "not refused:", *what)


@contextmanager
def class_site(layer, build, make_site):
    """A site built once for a class of tests: `build(portal)` makes the
    content, `make_site(portal, http)` the requests; torn down after."""
    layer.testSetUp()
    try:
        portal = layer["portal"]
        build(portal)
        with requests.Session() as http:
            yield make_site(portal, http)
    finally:
        layer.testTearDown()
