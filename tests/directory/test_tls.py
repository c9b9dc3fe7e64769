"""The directory over TLS (issue #19): ldaps:// and StartTLS on ldap://,
with slapd's self-signed certificate (made by openssl for the test) as the
CA the site trusts; without that CA the connection is refused."""

from plone import api
from tests.conftest import JSON
from tests.directory.conftest import point_at
from tests.directory.slapd import DEMO_PASSWORD
from tests.directory.slapd import Slapd

import pytest
import requests
import subprocess


@pytest.fixture(scope="module")
def slapd():
    """A server that refuses every operation outside TLS."""
    server = Slapd(require_tls=True)
    server.start()
    yield server
    server.remove()


def test_plain_ldap_refused_by_this_server(functional, slapd):
    from qms.intranet.directory.views import DirectoryView

    with api.env.adopt_roles(["Manager"]):
        point_at(slapd)
        result = DirectoryView(functional["portal"], None).test_connection()
    assert result["ok"] is False


def signs_in(portal_url) -> int:
    return requests.get(
        f"{portal_url}/++api++/@users/ld.vp.officer",
        headers=JSON,
        auth=("ld.vp.officer", DEMO_PASSWORD),
        timeout=30,
    )


@pytest.mark.parametrize("kind", ["ldaps", "starttls"])
def test_signs_in_over_tls(functional, slapd, portal_url, kind):
    settings = {"ca_certificate": str(slapd.certificate)}
    if kind == "ldaps":
        settings["uri"] = slapd.ldaps_uri
    else:
        settings["start_tls"] = True
    with api.env.adopt_roles(["Manager"]):
        point_at(slapd, **settings)
    answer = signs_in(portal_url)
    assert answer.status_code == 200, answer.text
    assert answer.json()["fullname"] == "Phạm Thị Oanh"
    assert "vp-officers" in {g["id"] for g in answer.json()["groups"]["items"]}


def test_untrusted_certificate_refused(functional, slapd, portal_url, tmp_path):
    """The test connection says the TLS failed, in a sentence."""
    from qms.intranet.directory.settings import settings
    from qms.intranet.directory.views import DirectoryView

    other = tmp_path / "other-ca.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=other", "-keyout", str(tmp_path / "k"), "-out", str(other)],
        check=True, capture_output=True,
    )  # fmt: skip
    with api.env.adopt_roles(["Manager"]):
        point_at(slapd, uri=slapd.ldaps_uri, ca_certificate=str(other))
        view = DirectoryView(functional["portal"], functional["request"])
        result = view.test_connection()
    assert settings()["uri"].startswith("ldaps://")
    assert result["ok"] is False
    assert str(result["message"]) in ("directory_error_tls", "directory_error_down")
