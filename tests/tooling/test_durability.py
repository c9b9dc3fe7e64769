"""Durability: what the site acknowledged survives a crash.

Two writers create procedure drafts over REST, each with its signed PDF (a
blob), and move some of them on in the workflow, remembering every write
answered 2xx. Zope is killed with SIGKILL in the middle of it; restarted on
the same data, it has every acknowledged write: the procedure, its state,
and its PDF byte for byte. A write that was in flight when Zope died may or
may not be there; it is only checked that it left nothing half done."""

from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.site.demo.files import pdf_bytes
from tests.instances import demo_instance
from tests.instances import Instance
from ZODB.Connection import TransactionMetaData
from ZODB.utils import z64
from Zope2.Startup.options import ZopeWSGIOptions

import base64
import requests
import threading
import time


JSON = {"Accept": "application/json"}
UNITS = ("vp", "khcn")  # one writer each: no conflicts on one folder
MAX_DOCUMENTS = 30  # per writer: the loop is bounded even if the kill is late
KILL_AFTER = 8  # acknowledged creations before Zope is killed
LOOP_SECONDS = 60

# the state each step leads to, and who takes it (the unit's officer or head)
STEPS = {
    "submit": ("pending_review", "officer"),
    "accept": ("pending_approval", "head"),
}


class Writer(threading.Thread):
    """Creates documents and moves some on, until the server is gone."""

    def __init__(self, url: str, unit: str, acknowledged: dict, lock):
        super().__init__(daemon=True)
        self.url, self.unit = url, unit
        self.officer = (f"{unit}.officer", DEMO_PASSWORD)
        self.acknowledged, self.lock = acknowledged, lock
        self.session = requests.Session()
        self.session.headers.update(JSON)
        self.failure = None
        self.interrupted = False

    def post(self, path: str, auth, body: dict) -> requests.Response:
        return self.session.post(
            f"{self.url}/++api++/{path}", auth=auth, json=body, timeout=30
        )

    def run(self) -> None:
        deadline = time.monotonic() + LOOP_SECONDS
        try:
            for n in range(MAX_DOCUMENTS):
                if time.monotonic() > deadline:
                    return
                self.one(n)
        except requests.RequestException:
            self.interrupted = True  # the server died: not acknowledged
        except AssertionError as error:  # a refusal while the server was up
            self.failure = error

    def one(self, n: int) -> None:
        code = f"QT-8{n:02d}/{self.unit.upper()}"
        pdf = pdf_bytes(code)
        created = self.post(
            f"don-vi/{self.unit}",
            self.officer,
            {
                "@type": "Procedure",
                "title": f"Quy trình bền vững {code}",
                "code": code,
                "kind": "business",
                "owning_unit": self.unit,
                "purpose": "Thử độ bền dữ liệu.",
                "signed_original": {
                    "data": base64.b64encode(pdf).decode(),
                    "encoding": "base64",
                    "filename": f"{code.replace('/', '-')}.pdf",
                    "content-type": "application/pdf",
                },
            },
        )
        assert created.status_code == 201, created.text
        path = created.json()["@id"].split("/Plone/", 1)[1]
        record = {"pdf": pdf, "states": {"draft"}}
        with self.lock:
            self.acknowledged[path] = record
        steps = ("submit", "accept")[: n % 3]  # none, submit, or both
        for step in steps:
            state, role = STEPS[step]
            auth = (f"{self.unit}.{role}", DEMO_PASSWORD)
            with self.lock:  # in flight: it may or may not be committed
                record["states"] = {*record["states"], state}
            moved = self.post(f"{path}/@workflow/{step}", auth, {"comment": "ok"})
            assert moved.status_code == 200, moved.text
            with self.lock:
                record["states"] = {state}


def test_acknowledged_writes_survive_sigkill(tmp_path):
    instance = demo_instance(tmp_path / "instance")
    acknowledged: dict[str, dict] = {}
    lock = threading.Lock()
    try:
        instance.serve()
        writers = [Writer(instance.url, unit, acknowledged, lock) for unit in UNITS]
        for writer in writers:
            writer.start()
        deadline = time.monotonic() + LOOP_SECONDS
        while time.monotonic() < deadline:
            with lock:
                done = len(acknowledged)
            if done >= KILL_AFTER or not any(w.is_alive() for w in writers):
                break
            time.sleep(0.05)
        instance.kill()  # in the middle of the writers' requests
        for writer in writers:
            writer.join(timeout=60)
            assert not writer.is_alive()
            assert writer.failure is None, writer.failure
        with lock:
            written = {path: dict(record) for path, record in acknowledged.items()}
        assert len(written) >= KILL_AFTER, "too few writes before the kill"
        assert any(w.interrupted for w in writers), "the kill came after the loop"

        instance.serve()  # the same data, after the crash
        with requests.Session() as session:
            session.headers.update(JSON)
            session.auth = ("iso.secretary", DEMO_PASSWORD)  # sees every draft
            for path, record in written.items():
                found = session.get(f"{instance.url}/++api++/{path}", timeout=60)
                assert found.status_code == 200, (path, found.status_code)
                assert found.json()["review_state"] in record["states"], path
                download = session.get(
                    f"{instance.url}/{path}/@@download/signed_original", timeout=60
                )
                assert download.status_code == 200, path
                assert download.content == record["pdf"], path
    finally:
        instance.halt()


def test_a_failed_commit_leaves_the_files_of_others_alone(tmp_path):
    """The storage our zope.conf opens: while one request commits a file,
    the clean-up of another that failed (a conflict, then retried) must
    not touch it. The <blobstorage> wrapper did: its abort removed the
    files of whichever transaction was committing, and a PDF acknowledged
    a moment before was gone (POSKeyError on its download)."""
    conf = Instance(tmp_path / "instance").folder / "etc" / "zope.conf"
    options = ZopeWSGIOptions(configfile=str(conf))
    storage = options().configroot.databases[0].config.storage.open()
    try:
        committing = TransactionMetaData()
        storage.tpc_begin(committing)
        oid = storage.new_oid()
        upload = tmp_path / "upload.pdf"
        upload.write_bytes(pdf_bytes("QT-900/VP"))
        record = b"not read back: only the file matters here"
        storage.storeBlob(oid, z64, record, str(upload), "", committing)

        storage.tpc_abort(TransactionMetaData())  # the failed request's

        storage.tpc_vote(committing)
        tid = storage.tpc_finish(committing)
        with open(storage.loadBlob(oid, tid), "rb") as committed:
            assert committed.read() == pdf_bytes("QT-900/VP")
    finally:
        storage.close()
