"""Several Zope instances on one RelStorage database in a real PostgreSQL:
what one instance writes (content, attached files, search index) the other
serves at once. `make postgresql` installs Debian's server when missing;
each run starts its own throwaway cluster on a Unix socket."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.site.demo.files import pdf_bytes
from tests.instances import free_port
from tests.instances import Instance

import base64
import contextlib
import glob
import os
import pytest
import requests
import shutil
import subprocess
import sys
import tempfile


BIN = Path(sys.executable).parent
JSON = {"Accept": "application/json"}
SECRETARY = ("iso.secretary", DEMO_PASSWORD)
OFFICER = ("vp.officer", DEMO_PASSWORD)


class PostgreSQL:
    """A PostgreSQL cluster of its own in a temporary folder.

    PostgreSQL refuses to run as root: as root, its commands run as the
    `postgres` account that Debian's package creates.
    """

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        assert found, "PostgreSQL is not installed: run `make postgresql`"
        self.bin = Path(found[-1]).parent
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="qms-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")

    def run(self, command: str, *args: str, **kwargs):
        argv = [str(self.bin / command), *args]
        if self.as_root:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            argv = [runuser, "-u", "postgres", "--", *argv]
        return subprocess.run(
            argv, check=True, capture_output=True, text=True, **kwargs
        )

    def start(self) -> None:
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust")
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=''"
        log = str(self.folder / "server.log")  # not our pipes: run() waits on them
        self.run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def dsn(self, database: str) -> str:
        return f"dbname={database} host={self.folder} port={self.port} user=postgres"

    def create(self, database: str) -> str:
        self.run("createdb", "-h", str(self.folder), "-p", str(self.port), database)
        return self.dsn(database)

    def sql(self, database: str, statement: str) -> str:
        return self.run(
            "psql", "-h", str(self.folder), "-p", str(self.port), "-U", "postgres",
            "-d", database, "-tAc", statement,
        ).stdout.strip()  # fmt: skip

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def postgresql():
    server = PostgreSQL()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def instances(postgresql, tmp_path_factory):
    """Two instances, A and B, on one database; the site made through A."""
    dsn = postgresql.create("qms")
    first = Instance(
        tmp_path_factory.mktemp("instance-a"),
        QMS_STORAGE="relstorage",
        RELSTORAGE_DSN=dsn,
    )
    second = Instance(
        tmp_path_factory.mktemp("instance-b"),
        QMS_STORAGE="relstorage",
        RELSTORAGE_DSN=dsn,
    )
    created = first.create_site()
    assert "Site 'Plone' created from the 'qms' distribution." in created
    try:
        first.serve()
        second.serve()
        yield first, second
    finally:
        first.stop()
        second.stop()


def test_data_lives_in_postgresql(postgresql, instances):
    first, second = instances
    for instance in (first, second):
        assert not (instance.folder / "var" / "filestorage" / "Data.fs").exists()
    objects = int(postgresql.sql("qms", "SELECT count(*) FROM object_state"))
    assert objects > 1000  # the site and its demo content


def test_site_created_once_on_the_shared_database(instances):
    first, second = instances
    again = second.create_site()  # `make start` on the second machine
    assert "exists: reusing it, nothing changed" in again


def test_what_one_instance_writes_the_other_serves(instances):
    first, second = instances
    pdf = pdf_bytes("QT-19/VP")
    created = requests.post(
        f"{first.url}/++api++/don-vi/vp",
        headers=JSON,
        auth=OFFICER,
        timeout=60,
        json={
            "@type": "Procedure",
            "title": "Quy trình tiếp nhận đơn thư khiếu nại",
            "code": "QT-19/VP",
            "kind": "business",
            "owning_unit": "vp",
            "purpose": "Tiếp nhận và xử lý đơn thư gửi đến Bộ.",
            "signed_original": {
                "data": base64.b64encode(pdf).decode(),
                "encoding": "base64",
                "filename": "qt-19-vp.pdf",
                "content-type": "application/pdf",
            },
        },
    )
    assert created.status_code == 201, created.text
    path = created.json()["@id"].split("/Plone/", 1)[1]

    # B reads it, its file (blobs travel through the database) and finds it
    # with the Vietnamese index, typed without marks
    read = requests.get(
        f"{second.url}/++api++/{path}", headers=JSON, auth=OFFICER, timeout=60
    )
    assert read.status_code == 200, read.text
    assert read.json()["code"] == "QT-19/VP"
    download = requests.get(
        f"{second.url}/{path}/@@download/signed_original", auth=OFFICER, timeout=60
    )
    assert download.status_code == 200
    assert download.content == pdf
    found = requests.get(
        f"{second.url}/++api++/@search",
        headers=JSON,
        auth=OFFICER,
        params={"SearchableText": "tiep nhan don thu khieu nai"},
        timeout=60,
    ).json()
    assert [i["title"] for i in found["items"]] == [
        "Quy trình tiếp nhận đơn thư khiếu nại"
    ]

    # a change made through B is what A serves next
    changed = requests.patch(
        f"{second.url}/++api++/{path}",
        headers=JSON,
        auth=OFFICER,
        json={"title": "Quy trình giải quyết đơn thư khiếu nại"},
        timeout=60,
    )
    assert changed.status_code == 204, changed.text
    again = requests.get(
        f"{first.url}/++api++/{path}", headers=JSON, auth=OFFICER, timeout=60
    )
    assert again.json()["title"] == "Quy trình giải quyết đơn thư khiếu nại"
