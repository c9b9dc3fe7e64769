"""Moving a QMS from FileStorage to RelStorage (issue #18), as an agency
does it: `make export` on the old instance (the demo site on FileStorage),
a new site made with DEMO=0 on RelStorage in a real PostgreSQL, `make
import FROM=<folder>` there; then the new instance serves the same
documents, files, states and accounts. A second import is refused."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.conftest import ROOT
from tests.instances import demo_instance
from tests.instances import Instance
from tests.tooling import test_relstorage

import hashlib
import json
import pytest
import requests


# One throwaway PostgreSQL server for this module, as for the RelStorage tests.
postgresql = test_relstorage.postgresql


JSON = {"Accept": "application/json"}
OFFICER = ("vp.officer", DEMO_PASSWORD)
EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"


def run_script(instance: Instance, script: str, *args: str):
    return instance.zconsole(ROOT / "scripts" / script, *args)


@pytest.fixture(scope="module")
def moved(postgresql, tmp_path_factory):
    """(export folder, the RelStorage instance serving the imported site)."""
    source = demo_instance(tmp_path_factory.mktemp("filestorage"))
    folder = tmp_path_factory.mktemp("exports") / "qms"
    exported = run_script(source, "export_site.py", str(folder))
    assert exported.returncode == 0, exported.stderr[-3000:]
    assert "Exported" in exported.stdout
    target = Instance(
        tmp_path_factory.mktemp("relstorage"),
        QMS_STORAGE="relstorage",
        RELSTORAGE_DSN=postgresql.create("moved"),
        DEMO="0",
    )
    assert "created" in target.create_site()
    imported = run_script(target, "import_site.py", str(folder))
    assert imported.returncode == 0, imported.stderr[-3000:]
    assert "Imported" in imported.stdout
    target.serve()
    try:
        yield folder, target, postgresql
    finally:
        target.stop()


def test_the_data_is_in_postgresql(moved):
    folder, target, postgresql = moved
    assert not (target.folder / "var" / "filestorage" / "Data.fs").exists()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["objects"] > 100
    assert int(postgresql.sql("moved", "SELECT count(*) FROM object_state")) > 1000


def test_documents_files_and_states_served(moved):
    folder, target, _ = moved
    read = requests.get(
        f"{target.url}/++api++/{EFFECTIVE}", headers=JSON, auth=OFFICER, timeout=60
    )
    assert read.status_code == 200, read.text
    document = read.json()
    assert document["review_state"] == "effective"
    exported = next(
        item
        for item in map(json.loads, map(Path.read_text, folder.glob("content/*.json")))
        if item["UID"] == document["UID"]
    )
    assert exported["review_state"] == "effective"
    download = requests.get(
        f"{target.url}/{EFFECTIVE}/@@download/signed_original",
        auth=OFFICER,
        timeout=60,
    )
    assert download.status_code == 200
    on_disk = folder / exported["signed_original"]["blob_path"]
    assert (
        hashlib.sha256(download.content).hexdigest()
        == hashlib.sha256(on_disk.read_bytes()).hexdigest()
    )
    history = requests.get(
        f"{target.url}/++api++/{EFFECTIVE}/@history",
        headers=JSON,
        auth=("iso.secretary", DEMO_PASSWORD),
        timeout=60,
    )
    assert history.status_code == 200
    states = [e.get("review_state") for e in history.json() if e["type"] == "workflow"]
    assert "effective" in states


def test_accounts_and_search(moved):
    _, target, _ = moved
    found = requests.get(
        f"{target.url}/++api++/@search",
        headers=JSON,
        auth=OFFICER,
        params={"SearchableText": "quan ly van ban di", "portal_type": "Procedure"},
        timeout=60,
    ).json()
    assert any(item["@id"].endswith(EFFECTIVE) for item in found["items"])
    anonymous = requests.get(
        f"{target.url}/++api++/{EFFECTIVE}", headers=JSON, timeout=60
    )
    assert anonymous.status_code == 401


def test_a_second_import_is_refused(moved):
    folder, target, _ = moved
    again = run_script(target, "import_site.py", str(folder))
    assert again.returncode != 0
    assert "DEMO=0" in again.stderr
