"""In Chromium: the ISO secretary exports the whole system from the
personal menu (issue #18); staff and anonymous visitors cannot."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.browser import status_message
from tests.matrix import REDIRECTS_TO_REFUSAL

import json
import pytest


PERMISSION = "qms.intranet: Export site"
ROLES = ("Manager", "Site Administrator", "QMSSecretary")


@pytest.fixture
def exports(tmp_path, monkeypatch):
    monkeypatch.setenv("QMS_EXPORT_DIR", str(tmp_path))
    return tmp_path


def test_secretary_exports_the_whole_system(session, portal_url, exports):
    page = session("iso.secretary")
    page.goto(portal_url)
    # her personal menu, at the foot of the editing toolbar
    page.locator("#personaltools-menulink").click()
    page.locator("#collapse-personaltools a[href$='@@qms-transfer']").click()
    page.wait_for_load_state()
    assert "Chuyển hệ thống sang máy chủ khác" in page.locator("h1").inner_text()
    page.get_by_role("button", name="Xuất toàn bộ hệ thống").click()
    page.wait_for_load_state()
    (folder,) = list(exports.iterdir())
    manifest = json.loads((folder / "manifest.json").read_text())
    message = status_message(page)
    assert "Đã xuất toàn bộ hệ thống" in message
    assert str(folder) in message
    assert f"{manifest['objects']} đối tượng" in message
    assert f"{manifest['files']} tệp" in message
    assert manifest["objects"] > 100
    assert (folder / "content").is_dir()
    assert any((folder / "blobs").iterdir())


@pytest.mark.parametrize("login", ["vp.staff", "vp.head", "leader"])
def test_staff_are_refused(http, portal_url, exports, login):
    """As everywhere on the site: the insufficient-privileges page."""
    for method in ("GET", "POST"):
        response = http.request(
            method,
            f"{portal_url}/@@qms-transfer",
            auth=(login, DEMO_PASSWORD),
            data={"form.submitted": "1"} if method == "POST" else None,
            allow_redirects=True,
        )
        assert any(r in response.url for r in REDIRECTS_TO_REFUSAL), response.url
        assert "Xuất toàn bộ hệ thống" not in response.text
    assert not list(Path(exports).iterdir())


def test_anonymous_gets_the_login_form(http, portal_url, exports):
    response = http.get(f"{portal_url}/@@qms-transfer", allow_redirects=True)
    assert response.status_code == 200
    assert "/login" in response.url or "require_login" in response.url
    assert not list(Path(exports).iterdir())
