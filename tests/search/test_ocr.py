"""A scanned original (a PDF of page images, an image) is read by OCR after
the upload, in the background: queued on upload, its text found by search
once read; the page says so meanwhile, and when it failed. Real Tesseract
(`make ocr`)."""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.namedfile.file import NamedBlobFile
from qms.intranet.documents.views import ATTACHMENT_NOTICES
from qms.intranet.documents.views import OCR_WAITING_NOTICE
from qms.intranet.search import munge
from qms.intranet.search import ocr
from qms.intranet.search.attachments import OCR_FAILED
from qms.intranet.search.attachments import OCR_PENDING
from qms.intranet.search.attachments import problems_of
from qms.intranet.site.demo.files import pdf_bytes
from qms.intranet.site.demo.files import scan_bytes
from ZODB.POSException import ConflictError
from zope.event import notify
from zope.i18nmessageid import Message
from zope.lifecycleevent import ObjectModifiedEvent

import base64
import pytest
import socket
import subprocess
import time
import transaction


SCAN_TEXT = (
    "Biên bản thẩm định quy trình kiểm soát tài liệu của đơn vị. Hội đồng "
    "thống nhất ban hành quy trình sau khi sửa đổi phần trách nhiệm."
)
OTHER_TEXT = "Quyết định phê duyệt kế hoạch đào tạo nghiệp vụ lưu trữ năm sau."


def scan(text: str = SCAN_TEXT, kind: str = "PDF") -> bytes:
    return scan_bytes(text, kind)


@pytest.fixture(scope="module")
def scanned() -> bytes:
    return scan()


@pytest.fixture
def procedure(integration, scanned):
    assert ocr.available(), "Tesseract is missing: run `make ocr`"
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    ocr.queue_of(portal).clear()  # the demo's scan: see the last test
    return api.content.create(
        container=portal["don-vi"]["khtc"],
        type="Procedure",
        title="Quy trình thử",
        code="TA-02/KHTC",
        owning_unit="khtc",
        signed_original=NamedBlobFile(scanned, filename="ban-quet.pdf"),
    )


def found(query: str) -> list[str]:
    return [
        b.getId
        for b in api.content.find(SearchableText=query, path="/plone/don-vi/khtc")
    ]


def key(obj, field="signed_original") -> str:
    return f"{obj.UID()}:{field}"


def queue(obj):
    return ocr.queue_of(api.portal.get()) or {}


def notice(view, problem: str, filename: str) -> str:
    return view.t(Message(ATTACHMENT_NOTICES[problem], mapping={"file": filename}))


def replace(obj, data: bytes | None, filename: str = "") -> None:
    obj.signed_original = NamedBlobFile(data, filename=filename) if data else None
    notify(ObjectModifiedEvent(obj))


def test_scan_is_read_after_the_upload_and_found(procedure):
    portal = api.portal.get()
    # Right after the upload: queued, not searchable yet, the page says so.
    assert key(procedure) in queue(procedure)
    assert problems_of(procedure) == {"signed_original": OCR_PENDING}
    view = procedure.restrictedTraverse("@@qms-document")
    pending = notice(view, OCR_PENDING, "ban-quet.pdf")
    assert "(OCR)" in pending
    assert pending in view()
    assert procedure.getId() not in found(munge("thẩm định"))

    assert ocr.run_pending(portal) == 1

    assert key(procedure) not in queue(procedure)
    assert problems_of(procedure) == {}
    assert procedure.getId() in found(munge("kiểm soát tài liệu"))
    assert procedure.getId() in found(munge("Biên bản thẩm định"))
    assert procedure.getId() in found("tham dinh quy trinh")  # typed unmarked
    html = procedure.restrictedTraverse("@@qms-document")()
    assert pending not in html
    assert "qms-attachment-notice" not in html


def test_replaced_or_removed_file(procedure):
    portal = api.portal.get()
    ocr.run_pending(portal)
    # Another scan: queued again, read again; the old text is gone.
    replace(procedure, scan(OTHER_TEXT), "ban-quet-2.pdf")
    assert key(procedure) in queue(procedure)
    assert problems_of(procedure) == {"signed_original": OCR_PENDING}
    assert ocr.run_pending(portal) == 1
    procedure.reindexObject()
    assert procedure.getId() in found(munge("đào tạo nghiệp vụ"))
    assert procedure.getId() not in found(munge("thẩm định"))
    # A scan replaced by a file with text before the worker came: dropped.
    replace(procedure, scan(), "ban-quet-3.pdf")
    assert key(procedure) in queue(procedure)
    replace(procedure, pdf_bytes("Ban co chu"), "co-chu.pdf")
    assert key(procedure) not in queue(procedure)
    assert problems_of(procedure) == {}
    # A removed file, a deleted document: their entries go too.
    replace(procedure, scan(), "ban-quet-4.pdf")
    replace(procedure, None)
    assert key(procedure) not in queue(procedure)
    replace(procedure, scan(), "ban-quet-5.pdf")
    uid_key = key(procedure)
    api.content.delete(procedure, check_linkintegrity=False)
    assert uid_key not in queue(procedure)
    assert ocr.run_pending(portal) == 0


def test_image_and_broken_image(procedure):
    portal = api.portal.get()
    replace(procedure, scan(OTHER_TEXT, "PNG"), "anh-chup.png")
    assert problems_of(procedure) == {"signed_original": OCR_PENDING}
    assert ocr.run_pending(portal) == 1
    assert procedure.getId() in found(munge("kế hoạch đào tạo"))

    broken = b"\x89PNG\r\n\x1a\n" + b"not really an image" * 50
    replace(procedure, broken, "hong.png")
    assert ocr.run_pending(portal) == 1  # no exception
    assert problems_of(procedure) == {"signed_original": OCR_FAILED}
    assert key(procedure) not in queue(procedure)
    view = procedure.restrictedTraverse("@@qms-document")
    assert notice(view, OCR_FAILED, "hong.png") in view()


def test_existing_scans_are_queued(procedure):
    """The upgrade step's call: scans stored before OCR (NO_TEXT) queued."""
    portal = api.portal.get()
    ocr.dequeue(procedure, "signed_original")
    procedure._qms_attachment_problems = {"signed_original": "no_text"}
    assert ocr.enqueue_existing(portal) >= 1
    assert key(procedure) in queue(procedure)
    assert problems_of(procedure) == {"signed_original": OCR_PENDING}


def test_worker_reads_an_upload_over_http(functional, scanned, rest):
    """The queue is in the database (a new connection sees it after the
    commit); the worker thread, on the layer's database, reads what was
    uploaded over HTTP, and @search finds it."""
    assert ocr.available(), "Tesseract is missing: run `make ocr`"
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    procedure = api.content.create(
        container=portal["don-vi"]["khtc"],
        type="Procedure",
        title="Quy trình quét",
        code="TA-03/KHTC",
        owning_unit="khtc",
        signed_original=NamedBlobFile(pdf_bytes("Ban dau"), filename="a.pdf"),
    )
    transaction.commit()
    path = "/".join(procedure.getPhysicalPath()[2:])
    answer = rest(
        "PATCH",
        path,
        SITE_OWNER_NAME,
        json={
            "signed_original": {
                "data": base64.b64encode(scanned).decode(),
                "encoding": "base64",
                "filename": "ban-quet.pdf",
                "content-type": "application/pdf",
            }
        },
    )
    assert answer.status_code == 204, answer.text[:500]

    db = portal._p_jar.db()
    connection = db.open()
    try:
        site = connection.root()["Application"]["plone"]
        assert key(procedure) in ocr.queue_of(site)
    finally:
        connection.close()

    def search(query):
        return [
            item["@id"].rsplit("/", 1)[-1]
            for item in rest(
                "GET", "@search", SITE_OWNER_NAME, params={"SearchableText": query}
            ).json()["items"]
        ]

    assert procedure.getId() not in search("thẩm định kiểm soát")
    # The layer's WSGI server started Zope (IProcessStarting), on a stand-in
    # of the database: no worker of its own there; this one is ours.
    assert "thread" not in ocr._worker
    thread = ocr.start_worker(db, interval=0.5)
    assert thread.name == "qms-ocr"
    try:
        deadline = time.monotonic() + 60
        while procedure.getId() not in search("thẩm định kiểm soát"):
            assert time.monotonic() < deadline, "not found within 60 s"
            time.sleep(0.5)
    finally:
        ocr.stop_worker()
    assert not thread.is_alive()
    transaction.begin()  # see what the worker committed
    assert problems_of(procedure) == {}
    assert key(procedure) not in (ocr.queue_of(portal) or {})


def test_without_tesseract_files_wait(procedure, monkeypatch):
    """No Tesseract on the server: nothing read, nothing lost, the page says
    OCR is waiting (no error)."""
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setitem(ocr._available, "ok", False)
    monkeypatch.setitem(ocr._available, "checked", 0.0)
    assert not ocr.available()
    assert ocr.run_pending(api.portal.get()) == 0
    assert key(procedure) in queue(procedure)
    view = procedure.restrictedTraverse("@@qms-document")
    waiting = view.t(Message(OCR_WAITING_NOTICE, mapping={"file": "ban-quet.pdf"}))
    assert waiting in view()
    monkeypatch.undo()
    monkeypatch.setitem(ocr._available, "checked", 0.0)
    assert ocr.available()


def test_one_claim_per_entry(functional, scanned):
    """Two workers (two instances on RelStorage) claiming at once: the
    second commit conflicts, so one file is read once; queuing two files
    at once does not conflict."""
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    ocr.queue_of(portal).clear()  # the demo's scan
    procedure = api.content.create(
        container=portal["don-vi"]["khtc"],
        type="Procedure",
        title="Quy trình hai bản quét",
        code="TA-04/KHTC",
        owning_unit="khtc",
        signed_original=NamedBlobFile(scanned, filename="ban-quet.pdf"),
    )
    transaction.commit()
    db = portal._p_jar.db()
    managers = [transaction.TransactionManager() for _ in range(2)]
    connections = [db.open(transaction_manager=tm) for tm in managers]
    try:
        sites = [c.root()["Application"]["plone"] for c in connections]
        claims = [ocr._claim(site, f"worker{n}:1") for n, site in enumerate(sites)]
        assert claims[0][0] == claims[1][0] == key(procedure)
        managers[0].commit()
        with pytest.raises(ConflictError):
            managers[1].commit()
        managers[1].abort()
        # Two uploads at once insert different keys: resolved, no conflict.
        for n, site in enumerate(sites):
            ocr.queue_of(site)[f"uid-{n}:signed_original"] = ocr._fresh()
        managers[0].commit()
        managers[1].commit()
        managers[0].begin()
        assert {"uid-0:signed_original", "uid-1:signed_original"} <= set(
            ocr.queue_of(sites[0])
        )
    finally:
        for tm, connection in zip(managers, connections, strict=True):
            tm.abort()
            connection.close()


def test_worker_started_by_zope_unless_disabled(monkeypatch, integration):
    """A served instance starts the worker at IProcessStarting; not with
    QMS_OCR_WORKER=0, nor in a script (zconsole run)."""
    db = integration["app"]._p_jar.db()
    started = []
    monkeypatch.setattr(ocr, "start_worker", started.append)
    monkeypatch.setattr("Zope2.DB", db, raising=False)
    monkeypatch.setenv("QMS_OCR_WORKER", "0")
    ocr.on_process_starting(None)
    assert started == []
    monkeypatch.setenv("QMS_OCR_WORKER", "1")
    monkeypatch.setattr("sys.argv", ["/srv/qms/.venv/bin/zconsole", "run"])
    ocr.on_process_starting(None)
    assert started == []
    monkeypatch.setattr("sys.argv", ["/srv/qms/.venv/bin/runwsgi", "zope.ini"])
    ocr.on_process_starting(None)
    assert started == [db]


def test_claim_of_a_dead_worker_is_taken_over(procedure):
    """A worker that died while reading (instance restarted, killed) leaves
    its claim: the claim of a process that is gone is taken over at once,
    one of a live process is not; after 3 tries the file is given up."""
    portal = api.portal.get()
    entries = ocr.queue_of(portal)
    here = socket.gethostname()
    alive = subprocess.Popen(["sleep", "30"])  # a live process
    try:
        entries[key(procedure)] = (0.0, f"{here}:{alive.pid}@1", time.time(), 1)
        assert ocr._claim(portal, f"{here}:1") is None
    finally:
        alive.kill()
        alive.wait()
    claimed = ocr._claim(portal, f"{here}:1")
    assert claimed[0] == key(procedure)
    assert claimed[2] is False
    entries[key(procedure)] = (0.0, f"{here}:{alive.pid}@1", time.time(), 3)
    assert ocr._claim(portal, f"{here}:1")[2] is True  # given up


def test_copy_of_a_scan_waiting_is_read_too(procedure):
    """A copy (a working copy of a revision, a pasted document) made while
    the scan waits keeps waiting, under its own entry."""
    portal = api.portal.get()
    copy = api.content.copy(procedure, target=procedure.aq_parent, id="ban-sao")
    assert problems_of(copy) == {"signed_original": OCR_PENDING}
    assert {key(procedure), key(copy)} <= set(queue(procedure))
    assert ocr.run_pending(portal) == 2
    assert problems_of(copy) == problems_of(procedure) == {}
    assert {procedure.getId(), "ban-sao"} <= set(found(munge("thẩm định")))


def test_demo_scan_is_waiting_then_found(integration):
    """The demo's scanned decision waits for the worker of the instance
    `make start` serves; once read, its words find it."""
    portal = integration["portal"]
    decision = portal["he-thong-qlcl"]["quyet-dinh-kien-toan-ban-chi-dao"]
    assert problems_of(decision) == {"signed_original": OCR_PENDING}
    assert key(decision) in ocr.queue_of(portal)

    def first(query):
        with api.env.adopt_roles(["Manager"]):
            results = api.content.find(SearchableText=munge(query))
        return results[0].getId if results else None

    assert first("thư ký ISO giúp ban chỉ đạo") is None
    ocr.run_pending(portal)
    assert problems_of(decision) == {}
    assert first("thư ký ISO giúp ban chỉ đạo") == decision.getId()
