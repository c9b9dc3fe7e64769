"""`make backup` and `make restore` (scripts/backup.py) on FileStorage: a
backup taken while the site serves, restored into a fresh instance folder,
brings back every object as it was (content, workflow state, attached files
byte for byte, local roles); an incremental backup after more changes
restores the later state; restoring into a running instance is refused."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.site.demo.files import pdf_bytes
from tests.conftest import ROOT
from tests.instances import demo_instance
from tests.instances import Instance

import base64
import hashlib
import os
import pytest
import requests
import subprocess
import sys


BIN = Path(sys.executable).parent
JSON = {"Accept": "application/json"}
ADMIN = ("admin", DEMO_PASSWORD)
OFFICER = ("vp.officer", DEMO_PASSWORD)
HEAD = ("vp.head", DEMO_PASSWORD)
SECRETARY = ("iso.secretary", DEMO_PASSWORD)


def api(instance: Instance, path: str = "") -> str:
    return f"{instance.url}/++api++/{path}".rstrip("/")


def call(method: str, url: str, auth, **kwargs) -> requests.Response:
    return requests.request(method, url, headers=JSON, auth=auth, timeout=60, **kwargs)


def add_procedure(instance: Instance, code: str, title: str) -> str:
    """A draft procedure of Văn phòng Bộ with its signed PDF; its path."""
    pdf = pdf_bytes(code)
    created = call(
        "POST",
        api(instance, "don-vi/vp"),
        OFFICER,
        json={
            "@type": "Procedure",
            "title": title,
            "code": code,
            "kind": "business",
            "owning_unit": "vp",
            "purpose": "Thử sao lưu và phục hồi.",
            "signed_original": {
                "data": base64.b64encode(pdf).decode(),
                "encoding": "base64",
                "filename": "signed.pdf",
                "content-type": "application/pdf",
            },
        },
    )
    assert created.status_code == 201, created.text
    return created.json()["@id"].split("/Plone/", 1)[1]


def transition(instance: Instance, path: str, name: str, auth) -> None:
    done = call(
        "POST", api(instance, f"{path}/@workflow/{name}"), auth, json={"comment": "ok"}
    )
    assert done.status_code == 200, done.text


def share(instance: Instance, path: str, login: str, roles: dict) -> None:
    done = call(
        "POST",
        api(instance, f"{path}/@sharing"),
        SECRETARY,
        json={"entries": [{"id": login, "type": "user", "roles": roles}]},
    )
    assert done.status_code == 204, done.text


def site_state(instance: Instance) -> dict:
    """Everything a restore must bring back, independent of the port: per
    object its full REST serialization, its local roles, and the SHA-256 of
    each attached file (downloaded)."""
    base = instance.url
    found = call(
        "GET",
        api(instance, "@search"),
        ADMIN,
        params={"b_size": 5000, "sort_on": "path"},
    ).json()
    assert found["items_total"] == len(found["items"])
    state = {}
    for item in found["items"]:
        path = item["@id"].removeprefix(base).lstrip("/")
        data = call("GET", api(instance, path), ADMIN)
        assert data.status_code == 200, (path, data.text)
        serialized = data.json()
        files = {}
        for name, value in serialized.items():
            if isinstance(value, dict) and "download" in value:
                download = requests.get(value["download"], auth=ADMIN, timeout=60)
                assert download.status_code == 200, (path, name)
                files[name] = hashlib.sha256(download.content).hexdigest()
        sharing = call("GET", api(instance, f"{path}/@sharing"), ADMIN).json()
        local_roles = {
            entry["id"]: sorted(r for r, on in entry["roles"].items() if on is True)
            for entry in sharing.get("entries", ())
        }
        state[path] = {
            "object": data.text.replace(base, "SITE"),
            "files": files,
            "local_roles": local_roles,
            "inherit": sharing.get("inherit"),
        }
    return state


def backup_script(*args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "python"), str(ROOT / "scripts" / "backup.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def make(target: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", target],  # noqa: S607
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The instance backed up, serving the demo site throughout."""
    instance = demo_instance(tmp_path_factory.mktemp("source"))
    try:
        instance.serve()
        yield instance
    finally:
        instance.halt()


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    """A fresh instance folder (its own var/, never a site created in it)."""
    instance = Instance(tmp_path_factory.mktemp("target"))
    yield instance
    instance.halt()


@pytest.fixture(scope="module")
def backups(source, tmp_path_factory):
    return tmp_path_factory.mktemp("backups")


@pytest.fixture(scope="module")
def first_backup(source, backups):
    """A document with a file, submitted and shared; then `make backup`
    while the site serves. Returns (stamp, the site's state at that time)."""
    path = add_procedure(source, "QT-41/VP", "Quy trình sao lưu dữ liệu")
    transition(source, path, "submit", OFFICER)
    share(source, path, "khcn.head", {"Reader": True})
    state = site_state(source)
    assert state[path]["local_roles"]["khcn.head"] == ["Reader"]
    assert '"review_state": "pending_review"' in state[path]["object"]

    done = make("backup", **source.env, BACKUP_DIR=str(backups))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(full)" in done.stdout, done.stdout
    stamp = done.stdout.split("Backup ", 1)[1].split()[0]
    assert (backups / "filestorage" / f"{stamp}.fsz").exists()
    assert (backups / "blobstorage" / stamp).is_dir()
    return stamp, state


def restore_and_serve(target: Instance, backups: Path, stamp: str = "") -> dict:
    env = {**target.env, "BACKUP_DIR": str(backups), "BACKUP": stamp}
    done = backup_script("restore", **env)
    assert done.returncode == 0, done.stdout + done.stderr
    target.serve()
    try:
        return site_state(target)
    finally:
        target.stop()


def test_backup_while_serving_restores_into_a_fresh_instance(
    first_backup, backups, target
):
    stamp, expected = first_backup
    assert not (target.folder / "var" / "filestorage" / "Data.fs").exists()
    restored = restore_and_serve(target, backups, stamp)
    assert restored.keys() == expected.keys()
    for path, state in expected.items():
        assert restored[path] == state, path
    # the demo records and their files are part of what came back
    assert any("/ho-so/" in p and state["files"] for p, state in restored.items())


def test_incremental_backup_restores_the_later_state(
    source, first_backup, backups, target
):
    stamp, earlier = first_backup
    path = next(p for p in earlier if p.endswith("quy-trinh-sao-luu-du-lieu"))
    transition(source, path, "accept", HEAD)
    share(source, path, "khcn.head", {"Reader": False})
    added = add_procedure(source, "QT-42/VP", "Quy trình phục hồi dữ liệu")
    share(source, added, "phapche.head", {"Reader": True})
    later = site_state(source)
    replaced = (target.folder / "var" / "filestorage" / "Data.fs").exists()
    assert later[path] != earlier[path]
    assert added not in earlier

    done = backup_script("backup", **source.env, BACKUP_DIR=str(backups))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(incremental)" in done.stdout, done.stdout
    second = done.stdout.split("Backup ", 1)[1].split()[0]
    assert second > stamp
    assert (backups / "filestorage" / f"{second}.deltafsz").exists()

    restored = restore_and_serve(target, backups)  # the latest
    assert restored.keys() == later.keys()
    for key, state in later.items():
        assert restored[key] == state, key
    assert restored[added]["local_roles"]["phapche.head"] == ["Reader"]
    assert "khcn.head" not in restored[path]["local_roles"]
    # the data the restore replaced (the first test's) was kept aside
    aside = target.folder / "var" / "before-restore" / "filestorage" / "Data.fs"
    assert aside.exists() == replaced


def test_restore_refused_while_the_instance_runs(source, first_backup, backups):
    data_fs = source.folder / "var" / "filestorage" / "Data.fs"
    size = data_fs.stat().st_size
    done = make("restore", **source.env, BACKUP_DIR=str(backups))
    assert done.returncode != 0
    assert "in use (locked by a running instance)" in done.stderr, done.stderr
    assert "stop the instance first" in done.stderr
    assert data_fs.stat().st_size == size
    assert not (source.folder / "var" / "before-restore").exists()
    alive = requests.get(f"{source.url}/login", timeout=60)
    assert alive.status_code == 200


# RelStorage: pg_dump and pg_restore, on a throwaway PostgreSQL cluster.

RELSTORAGE = """
%import relstorage
<zodb>
    <relstorage>
        keep-history true
        blob-dir {blobs}
        shared-blob-dir false
        <postgresql>
            dsn {dsn}
        </postgresql>
    </relstorage>
</zodb>
"""


def test_relstorage_backup_and_restore(tmp_path):
    from tests.tooling.test_relstorage import PostgreSQL
    from ZODB.blob import Blob

    import transaction
    import ZODB.config

    server = PostgreSQL()
    server.start()
    try:
        dsn = server.create("qms")
        env = {
            **os.environ,
            "QMS_STORAGE": "relstorage",
            "RELSTORAGE_DSN": dsn,
            "QMS_VAR": str(tmp_path / "var"),
            "BACKUP_DIR": str(tmp_path / "backups"),
        }

        def open_db():
            # the instance's blob cache, which the restore empties
            blobs = tmp_path / "var" / "blobcache"
            config = RELSTORAGE.format(blobs=blobs, dsn=dsn)
            return ZODB.config.databaseFromString(config)

        def write(value: bytes) -> None:
            db = open_db()
            with db.transaction() as connection:
                root = connection.root()
                root["value"] = value
                root["file"] = Blob(value)
            db.close()

        write(b"before the backup")
        done = backup_script("backup", **env)
        assert done.returncode == 0, done.stderr
        assert "(pg_dump, full)" in done.stdout
        write(b"after the backup")

        db = open_db()  # a running instance: restore refuses
        try:
            refused = backup_script("restore", **env)
        finally:
            db.close()
        assert refused.returncode != 0
        assert "the database is in use" in refused.stderr, refused.stderr

        restored = backup_script("restore", **env)
        assert restored.returncode == 0, restored.stderr
        assert not any((tmp_path / "var" / "blobcache").iterdir())
        db = open_db()
        try:
            connection = db.open()
            root = connection.root()
            assert root["value"] == b"before the backup"
            with root["file"].open() as blob:
                assert blob.read() == b"before the backup"
            connection.close()
            transaction.abort()
        finally:
            db.close()
    finally:
        server.stop()
