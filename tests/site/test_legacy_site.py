"""A site made before the one-folder-per-concept layout still starts and
serves. data/site-1002.tar.xz is the database and blobs that `make site`
made with the demo data at profile 1002 (commit 6db6b2f): its content is
pickled with the old module names (qms.intranet.content.*) and its catalog
holds the old interface names. `make start`'s site step upgrades it."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.conftest import JSON
from tests.conftest import PROFILE_VERSION
from tests.instances import Instance

import html
import pytest
import requests
import tarfile


DATA = Path(__file__).parent / "data" / "site-1002.tar.xz"
PROCEDURE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("legacy-site")
    instance = Instance(folder)
    with tarfile.open(DATA) as archive:
        archive.extractall(folder / "var", filter="data")
    output = instance.create_site()
    instance.serve()
    yield instance, output
    instance.stop()


def get(instance, path, login="vp.officer", **kwargs):
    return requests.get(
        f"{instance.url}/{path}", auth=(login, DEMO_PASSWORD), timeout=30, **kwargs
    )


def test_make_start_upgrades_it(legacy):
    _instance, output = legacy
    assert f"upgraded qms.intranet:default from 1002 to {PROFILE_VERSION}" in output


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("", "Hệ thống quản lý chất lượng"),
        ("don-vi/vp", "Quy trình quản lý văn bản đi"),
        (PROCEDURE, "QT-02/VP"),
        ("he-thong-qlcl", "Quy trình kiểm soát tài liệu"),
        ("don-vi/vp/ho-so", "Hồ sơ"),
        ("@@record-board", "Vụ Khoa học và Công nghệ"),
        ("@@search?SearchableText=van+ban+di", "Quy trình quản lý văn bản đi"),
    ],
)
def test_pages_are_served(legacy, path, text):
    instance, _output = legacy
    page = get(instance, path, login="iso.secretary")
    assert page.status_code == 200, page.text[-2000:]
    assert text in html.unescape(page.text)


def test_old_content_and_its_files(legacy):
    instance, _output = legacy
    procedure = get(instance, f"++api++/{PROCEDURE}", headers=JSON).json()
    assert procedure["@type"] == "Procedure"
    assert procedure["code"] == "QT-02/VP"
    pdf = get(instance, f"{PROCEDURE}/@@download/signed_original")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF-")
    found = get(
        instance,
        "++api++/@search",
        params={"SearchableText": "van ban di"},
        headers=JSON,
    ).json()
    assert "Quy trình quản lý văn bản đi" in [i["title"] for i in found["items"]]
    # The snippet comes from the rebuilt index.
    assert any("<mark>" in i["snippet"] for i in found["items"])


def test_new_content_and_transitions(legacy):
    instance, _output = legacy
    created = requests.post(
        f"{instance.url}/++api++/don-vi/vp",
        json={"@type": "Procedure", "title": "Quy trình mới", "code": "QT-09/VP"},
        headers=JSON,
        auth=("vp.officer", DEMO_PASSWORD),
        timeout=30,
    )
    assert created.status_code == 201, created.text
    submitted = requests.post(
        f"{created.json()['@id']}/@workflow/submit",
        headers=JSON,
        auth=("vp.officer", DEMO_PASSWORD),
        timeout=30,
    )
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["review_state"] == "pending_review"
