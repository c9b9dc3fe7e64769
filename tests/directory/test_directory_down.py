"""The directory stops or hangs mid-run (issue #19): people already signed
in keep working with their unit's access for their cookie's life, a new
directory sign-in is refused with a clear message within a few seconds,
and the site's own accounts (its administrator included) still work."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.conftest import JSON
from tests.directory.conftest import form_login
from tests.directory.conftest import point_at
from tests.directory.slapd import DEMO_PASSWORD as LDAP_PASSWORD
from tests.matrix import refused

import requests
import time


TIMEOUT = 3  # seconds, the site's setting in these tests
DOWN = "Danh bạ của Bộ hiện không trả lời"


def timed(call, *args, **kwargs):
    start = time.monotonic()
    answer = call(*args, **kwargs)
    return answer, time.monotonic() - start


def test_directory_stopped_mid_run(functional, own_slapd, portal_url):
    with api.env.adopt_roles(["Manager"]):
        point_at(own_slapd, timeout=TIMEOUT)
    draft = f"{portal_url}/don-vi/vp/qt-draft"
    signed_in = requests.Session()
    assert (
        form_login(signed_in, portal_url, "ld.vp.staff", LDAP_PASSWORD).status_code
        == 302
    )
    assert signed_in.get(draft, timeout=30, allow_redirects=False).status_code == 200

    own_slapd.stop()

    # signed in before: still works, with the unit's access, quickly
    for _ in range(3):
        answer, took = timed(signed_in.get, draft, timeout=30, allow_redirects=False)
        assert answer.status_code == 200
        assert took < TIMEOUT + 2
    # a new directory sign-in: refused, saying why, quickly
    newcomer = requests.Session()
    answer, took = timed(
        form_login, newcomer, portal_url, "ld.vp.officer", LDAP_PASSWORD
    )
    assert took < TIMEOUT + 2
    assert answer.status_code == 200  # the form again
    assert answer.headers.get("X-QMS-Directory") == "unavailable"
    assert DOWN in answer.text
    assert "__ac" not in newcomer.cookies
    basic, took = timed(
        requests.get,
        f"{portal_url}/++api++/don-vi/vp",
        headers=JSON,
        auth=("ld.vp.officer", LDAP_PASSWORD),
        timeout=30,
    )
    assert basic.status_code == 401
    assert took < TIMEOUT + 2
    # the site's own accounts and its administrator
    for login, password in (
        (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        ("vp.staff", DEMO_PASSWORD),
    ):
        mine, took = timed(
            requests.get,
            f"{portal_url}/++api++/don-vi/vp",
            headers=JSON,
            auth=(login, password),
            timeout=30,
        )
        assert mine.status_code == 200, login
        assert took < TIMEOUT + 2
    local = requests.Session()
    answer = form_login(local, portal_url, "vp.officer", DEMO_PASSWORD)
    assert answer.status_code == 302
    assert DOWN not in local.get(portal_url, timeout=30).text

    # back again: the secretariat's connection test lets sign-in resume at once
    own_slapd.start()
    secretary = requests.Session()
    form_login(secretary, portal_url, "iso.secretary", DEMO_PASSWORD)
    page = secretary.get(f"{portal_url}/@@qms-directory", timeout=30)
    token = page.text.split('name="_authenticator" value="')[1].split('"')[0]
    tested = secretary.post(
        f"{portal_url}/@@qms-directory",
        data={"form.button.test": "1", "_authenticator": token},
        timeout=30,
    )
    assert "qms-directory-result alert alert-success" in tested.text
    again = requests.Session()
    assert (
        form_login(again, portal_url, "ld.vp.officer", LDAP_PASSWORD).status_code == 302
    )


def test_a_hanging_directory_does_not_hang_the_site(functional, own_slapd, portal_url):
    """slapd paused (SIGSTOP): it accepts connections and never answers."""
    with api.env.adopt_roles(["Manager"]):
        point_at(own_slapd, timeout=TIMEOUT)
    signed_in = requests.Session()
    assert (
        form_login(signed_in, portal_url, "ld.vp.staff", LDAP_PASSWORD).status_code
        == 302
    )
    own_slapd.pause()
    try:
        answer, took = timed(
            requests.get,
            f"{portal_url}/++api++/don-vi/vp",
            headers=JSON,
            auth=("ld.vp.officer", LDAP_PASSWORD),
            timeout=60,
        )
        assert answer.status_code == 401
        assert took < 3 * TIMEOUT + 2
        draft = f"{portal_url}/don-vi/vp/qt-draft"
        for _ in range(2):
            page, took = timed(signed_in.get, draft, timeout=60, allow_redirects=False)
            assert page.status_code == 200
            assert took < 3 * TIMEOUT + 2
        assert not refused(page)
    finally:
        own_slapd.resume()
