"""Text of scanned files (OCR), so that a scan without a text layer is found.

Most signed originals are scans: a PDF of page images, or an image. Reading
them with Tesseract (Debian's tesseract-ocr, tesseract-ocr-vie; PDF pages
rasterized by poppler's pdftoppm) takes seconds per page, far too long for
an upload. So an upload only queues the file (attachments.update, problem
"ocr_pending", the page says so), and a worker thread of the Zope process
reads it afterwards, then stores the text the way attachments.py does and
reindexes SearchableText.

The queue is an OOBTree on the site, keyed "<uid>:<field>": uploads of
different files insert different keys, which BTrees resolve without a
conflict. The worker claims one entry in a transaction of its own and
commits the claim before running Tesseract (another instance on the same
RelStorage database that claims it too gets a ConflictError and skips it);
it runs Tesseract with no transaction open, then stores the text in a new
transaction, retried on a conflict. The queue is in the database: what is
queued survives a restart, and a claim whose worker died expires.

QMS_OCR_WORKER=0 keeps the worker out of an instance (with several instances
on RelStorage, one worker is enough); QMS_OCR_INTERVAL is how often it looks
at the queue, in seconds (5). Without Tesseract the files stay queued, the
page says OCR is waiting, and a warning is logged once.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_base
from Acquisition import aq_chain
from BTrees.OOBTree import OOBTree
from dataclasses import dataclass
from Products.CMFCore.interfaces import ISiteRoot
from qms.intranet.search.attachments import FILE_FIELDS
from qms.intranet.search.attachments import is_image
from qms.intranet.search.attachments import MAX_TEXT
from qms.intranet.search.attachments import NO_TEXT
from qms.intranet.search.attachments import OCR_FAILED
from qms.intranet.search.attachments import OCR_PENDING
from qms.intranet.search.attachments import PROBLEM_ATTR
from qms.intranet.search.attachments import TEXT_ATTR
from Testing.makerequest import makerequest
from transaction.interfaces import TransientError
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import atexit
import contextlib
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import transaction


logger = logging.getLogger(__name__)

QUEUE_KEY = "qms.intranet.search.ocr"
LANGUAGES = os.environ.get("QMS_OCR_LANGS", "vie+eng")
RESOLUTION = 300  # dpi of the rasterized PDF pages
MAX_PAGES = 50  # pages read per file; the rest is left out
PAGE_TIMEOUT = 120  # seconds to rasterize and read one page
FILE_TIMEOUT = 900  # seconds for a whole file
CLAIM_TTL = FILE_TIMEOUT + 300  # a claim older than this: its worker died
MAX_ATTEMPTS = 3  # claims of one entry before it is given up as failed
STORE_ATTEMPTS = 5  # commits of a result tried on conflicts


class OCRError(Exception):
    """A file Tesseract could not read (damaged, not an image)."""


def _env() -> dict:
    # One core per Tesseract: the instance serves requests meanwhile, and
    # the benchmark runs several files in parallel.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


# Is Tesseract there? A positive answer is kept, a negative one asked again
# after a minute (so that installing it needs no restart).
_available = {"ok": False, "checked": 0.0, "warned": False}


def available() -> bool:
    """Tesseract with the Vietnamese model, and pdftoppm, are installed."""
    if _available["ok"]:
        return True
    if time.monotonic() - _available["checked"] < 60 and _available["checked"]:
        return False
    _available["checked"] = time.monotonic()
    ok = False
    if shutil.which("tesseract") and shutil.which("pdftoppm"):
        try:
            langs = subprocess.run(
                ["tesseract", "--list-langs"],
                capture_output=True,
                text=True,
                timeout=30,
                env=_env(),
            )
            known = set((langs.stdout + langs.stderr).split())
            ok = all(lang in known for lang in LANGUAGES.split("+"))
        except (OSError, subprocess.SubprocessError):
            ok = False
    _available["ok"] = ok
    if not ok and not _available["warned"]:
        _available["warned"] = True
        logger.warning(
            "OCR is waiting: Tesseract (%s) or pdftoppm is not installed "
            "(`make ocr`); scanned files stay queued until it is.",
            LANGUAGES,
        )
    return ok


# Recognition: the worker and benchmarks/ocr.py call recognize().


def _tesseract(image: str, timeout: float, dpi: int | None = None) -> str:
    options = ["--dpi", str(dpi)] if dpi else []
    done = subprocess.run(
        ["tesseract", image, "stdout", "-l", LANGUAGES, *options],
        capture_output=True,
        timeout=max(timeout, 1),
        env=_env(),
    )
    if done.returncode != 0:
        raise OCRError(done.stderr.decode("utf-8", "replace").strip()[-500:])
    return done.stdout.decode("utf-8", "replace")


def _page_count(path: str) -> int:
    from pypdf import PdfReader

    try:
        return len(PdfReader(path).pages)
    except Exception as error:  # noqa: BLE001 - any damage: not readable
        raise OCRError(f"cannot count the pages: {error}") from error


def recognize(
    path: str,
    max_pages: int = MAX_PAGES,
    page_timeout: float = PAGE_TIMEOUT,
    file_timeout: float = FILE_TIMEOUT,
) -> str:
    """The text Tesseract reads in the PDF or image at `path`.

    PDF pages are rasterized one at a time (pdftoppm, 300 dpi, grey, as
    PGM: compressing a noisy scan to PNG takes longer than reading it), the
    first `max_pages` only. A page that fails or times out is left out;
    OCRError when no page could be read at all.
    """
    deadline = time.monotonic() + file_timeout
    with open(path, "rb") as f:
        head = f.read(16)
    if not head.startswith(b"%PDF-"):
        try:
            return _tesseract(path, min(file_timeout, page_timeout * max_pages))
        except subprocess.TimeoutExpired as error:
            raise OCRError("timed out") from error
    pages = min(_page_count(path), max_pages)
    texts, errors = [], []
    with tempfile.TemporaryDirectory(prefix="qms-ocr-") as folder:
        for number in range(1, pages + 1):
            left = min(page_timeout, deadline - time.monotonic())
            if left <= 1:
                errors.append("the file took too long")
                break
            started = time.monotonic()
            prefix = os.path.join(folder, f"page-{number}")
            image = prefix + ".pgm"
            try:
                done = subprocess.run(
                    [
                        "pdftoppm",
                        *("-r", str(RESOLUTION)),
                        "-gray",
                        *("-f", str(number), "-l", str(number)),
                        "-singlefile",
                        path,
                        prefix,
                    ],
                    capture_output=True,
                    timeout=left,
                    env=_env(),
                )
                if done.returncode != 0 or not os.path.exists(image):
                    raise OCRError(done.stderr.decode("utf-8", "replace")[-500:])
                left -= time.monotonic() - started
                texts.append(_tesseract(image, left, RESOLUTION))
            except (OCRError, subprocess.TimeoutExpired) as error:
                errors.append(f"page {number}: {error}")
            finally:
                if os.path.exists(image):
                    os.remove(image)
    if errors:
        logger.info("OCR left out %d page(s): %s", len(errors), errors[0])
    if not texts and errors:
        raise OCRError(errors[0])
    return "\n".join(t.strip() for t in texts if t.strip())


# The queue.


@dataclass
class Job:
    key: str
    uid: str
    field: str
    signature: tuple
    path: str


def _portal_of(obj=None):
    for item in aq_chain(obj) if obj is not None else ():
        if ISiteRoot.providedBy(item):
            return item
    site = getSite()
    if site is not None and not ISiteRoot.providedBy(site):
        for item in aq_chain(site):
            if ISiteRoot.providedBy(item):
                return item
    return site


def queue_of(portal, create: bool = False):
    """The site's queue {"<uid>:<field>": (queued at, claim, claimed at,
    attempts)}; None when there is none yet and `create` is false."""
    if portal is None:
        return None
    annotations = IAnnotations(portal, None)
    if annotations is None:
        return None
    queue = annotations.get(QUEUE_KEY)
    if queue is None and create:
        queue = annotations[QUEUE_KEY] = OOBTree()
    return queue


def _key(obj, field: str) -> str | None:
    uid = obj.UID() if callable(getattr(obj, "UID", None)) else None
    return f"{uid}:{field}" if uid else None


def _fresh() -> tuple:
    return (time.time(), "", 0.0, 0)


def enqueue(obj, field: str, again: bool = True) -> bool:
    """Queue the file `field` of `obj` for OCR. `again`: the file is new
    (an entry left from the previous file starts over); otherwise an
    existing entry is left alone (nothing written)."""
    key = _key(obj, field)
    if key is None:
        return False
    queue = queue_of(_portal_of(obj), create=True)
    if queue is None:
        logger.warning("No site to queue %s for OCR", key)
        return False
    if again or key not in queue:
        queue[key] = _fresh()
    return True


def dequeue(obj, field: str) -> None:
    key = _key(obj, field)
    queue = queue_of(_portal_of(obj))
    if key and queue is not None and key in queue:
        del queue[key]


def object_removed(obj, event) -> None:
    """Subscriber: a deleted object's files are not read."""
    try:
        for field in FILE_FIELDS:
            dequeue(obj, field)
    except Exception:  # noqa: BLE001 - never stop a deletion
        logger.warning("Could not unqueue the files of a removed object", exc_info=True)


def enqueue_existing(portal) -> int:
    """Queue the files already stored whose text could not be read because
    they are scans (NO_TEXT, or an image): for the upgrade step."""
    catalog = portal.portal_catalog
    count = 0
    everything = {"path": "/".join(portal.getPhysicalPath())}
    for brain in catalog.unrestrictedSearchResults(**everything):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        own = aq_base(obj)
        problems = dict(getattr(own, PROBLEM_ATTR, None) or {})
        texts = getattr(own, TEXT_ATTR, None) or {}
        changed = False
        for field in FILE_FIELDS:
            value = getattr(own, field, None)
            if value is None or not value.getSize():
                continue
            problem = problems.get(field)
            stored = texts.get(field)
            if problem == NO_TEXT or (
                problem is None
                and stored is not None
                and not stored[1]
                and _starts_like_image(value)
            ):
                problems[field] = OCR_PENDING
                changed = True
            if problems.get(field) == OCR_PENDING:
                enqueue(obj, field, again=False)
                count += 1
        if changed:
            setattr(own, PROBLEM_ATTR, problems)
    logger.info("%d scanned files queued for OCR", count)
    return count


def _starts_like_image(value) -> bool:
    try:
        with value.open() as f:
            return is_image(f.read(16))
    except Exception:  # noqa: BLE001 - not a blob
        return is_image(getattr(value, "data", b"")[:16])


def _object(portal, uid: str):
    catalog = portal.portal_catalog
    for brain in catalog.unrestrictedSearchResults(UID=uid):
        try:
            return brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            return None
    return None


def _still_pending(obj, field: str):
    """(the file, its signature) when `field` of `obj` still waits for OCR."""
    own = aq_base(obj)
    value = getattr(own, field, None)
    if value is None or not value.getSize():
        return None, None
    signature = (value.filename, value.getSize())
    stored = (getattr(own, TEXT_ATTR, None) or {}).get(field)
    problem = (getattr(own, PROBLEM_ATTR, None) or {}).get(field)
    if problem != OCR_PENDING or stored is None or stored[0] != signature:
        return None, None
    return value, signature


def _job(portal, key: str) -> Job | None:
    """Copy the queued file into a temporary file; None when the entry is
    out of date (object or file gone, file read already)."""
    uid, _, field = key.partition(":")
    obj = _object(portal, uid)
    if obj is None:
        return None
    value, signature = _still_pending(obj, field)
    if value is None:
        return None
    handle, path = tempfile.mkstemp(prefix="qms-ocr-", suffix=".bin")
    try:
        with os.fdopen(handle, "wb") as out:
            if hasattr(value, "_blob"):
                with value.open() as source:
                    shutil.copyfileobj(source, out)
            else:
                out.write(value.data)
    except Exception:  # noqa: BLE001 - a missing blob: failed, not retried forever
        logger.warning("Could not read the file of %s for OCR", key, exc_info=True)
        os.remove(path)
        path = ""
    return Job(key, uid, field, signature, path)


def _read(job: Job) -> tuple[str, str | None]:
    """(text, problem) of the job's file; removes its temporary file."""
    if not job.path:
        return "", OCR_FAILED
    started = time.monotonic()
    try:
        text = recognize(job.path)
    except OCRError as error:
        logger.warning("OCR of %s failed: %s", job.key, error)
        return "", OCR_FAILED
    except Exception:  # noqa: BLE001 - the worker must go on
        logger.exception("OCR of %s failed", job.key)
        return "", OCR_FAILED
    finally:
        with contextlib.suppress(OSError):
            os.remove(job.path)
    logger.info(
        "OCR of %s: %d characters in %.1f s",
        job.key,
        len(text),
        time.monotonic() - started,
    )
    return text, (None if text.strip() else OCR_FAILED)


def _store(portal, job: Job, text: str, problem: str | None, claim: str = "") -> None:
    """Keep the text (or the failure) on the object, reindex its
    SearchableText, and drop the entry when it is still the one handled."""
    queue = queue_of(portal)
    obj = _object(portal, job.uid)
    if obj is not None:
        value, signature = _still_pending(obj, job.field)
        if value is not None and signature == job.signature:
            own = aq_base(obj)
            texts = dict(getattr(own, TEXT_ATTR, None) or {})
            problems = dict(getattr(own, PROBLEM_ATTR, None) or {})
            texts[job.field] = (signature, text[:MAX_TEXT])
            if problem:
                problems[job.field] = problem
            else:
                problems.pop(job.field, None)
            setattr(own, TEXT_ATTR, texts)
            setattr(own, PROBLEM_ATTR, problems)
            obj.reindexObject(idxs=["SearchableText"])
    if (
        queue is not None
        and job.key in queue
        and (not claim or queue[job.key][1] == claim)
    ):
        del queue[job.key]


def run_pending(portal, limit: int | None = None) -> int:
    """Read every queued file now, in the current transaction (tests, and a
    fallback by hand); the number of entries handled. Nothing is done
    while Tesseract is missing."""
    queue = queue_of(portal)
    if not queue or not available():
        return 0
    done = 0
    for key in list(queue.keys()):
        if limit is not None and done >= limit:
            break
        job = _job(portal, key)
        if job is None:
            del queue[key]
            continue
        text, problem = _read(job)
        _store(portal, job, text, problem)
        done += 1
    return done


# The worker thread.


def _sites(app) -> list:
    return [o for o in app.objectValues() if ISiteRoot.providedBy(o)]


class _Opened:
    """A connection of the worker's own with the Zope root, a request, the
    system user; aborted and closed on exit."""

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        transaction.begin()
        self.connection = self.db.open()
        app = self.connection.root()["Application"]
        self.app = makerequest(app)
        setRequest(self.app.REQUEST)
        newSecurityManager(None, system)
        return self.app

    def __exit__(self, *exc):
        transaction.abort()
        setSite(None)
        setRequest(None)
        noSecurityManager()
        self.connection.close()
        return False


def _claim(portal, worker: str) -> tuple[str, str, bool] | None:
    """Mark the first free entry as ours: (key, claim, give up?)."""
    queue = queue_of(portal)
    if not queue:
        return None
    now = time.time()
    for key, entry in queue.items():
        queued_at, claim, claimed_at, attempts = entry
        if claim and now - claimed_at < CLAIM_TTL and not _dead(claim):
            continue
        token = f"{worker}@{now:.3f}"
        queue[key] = (queued_at, token, now, attempts + 1)
        return key, token, attempts >= MAX_ATTEMPTS
    return None


def _dead(claim: str) -> bool:
    """Was the claim made by a process of this host that is gone (an
    instance restarted while reading)?"""
    host, _, rest = claim.partition(":")
    pid = rest.partition("@")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def work_once(db, worker: str | None = None) -> bool:
    """Claim one queued file of any site of `db`, read it, store its text;
    False when there was nothing to do."""
    worker = worker or f"{socket.gethostname()}:{os.getpid()}"
    if not available():
        return False
    job = claim = site_path = None
    with _Opened(db) as app:
        for site in _sites(app):
            setSite(site)
            try:
                claimed = _claim(site, worker)
                if claimed is None:
                    continue
                transaction.commit()
            except TransientError:  # a ConflictError
                # Another worker took it (or the entry changed): skip.
                transaction.abort()
                return True
            key, claim, give_up = claimed
            site_path = site.getPhysicalPath()
            job = _job(site, key)
            if job is None or give_up:
                if job is not None and job.path:
                    os.remove(job.path)
                # Out of date, or tried too often (its worker died on it).
                _store_retrying(db, site_path, job or _gone(key), "", OCR_FAILED, claim)
                return True
            break
    if job is None:
        return False
    text, problem = _read(job)  # no transaction open meanwhile
    _store_retrying(db, site_path, job, text, problem, claim)
    return True


def _gone(key: str) -> Job:
    uid, _, field = key.partition(":")
    return Job(key, uid, field, (), "")


def _store_retrying(db, site_path, job, text, problem, claim) -> None:
    for attempt in range(1, STORE_ATTEMPTS + 1):
        with _Opened(db) as app:
            site = app.unrestrictedTraverse(site_path)
            setSite(site)
            try:
                _store(site, job, text, problem, claim)
                transaction.commit()
                return
            except TransientError:  # a ConflictError
                transaction.abort()
                if attempt == STORE_ATTEMPTS:
                    logger.warning("Could not store the OCR of %s: conflicts", job.key)
                    return
                time.sleep(0.2 * attempt)


def _loop(db, stop: threading.Event, interval: float) -> None:
    worker = f"{socket.gethostname()}:{os.getpid()}"
    while not stop.wait(interval):
        try:
            while not stop.is_set() and work_once(db, worker):
                pass
        except Exception:  # noqa: BLE001 - the thread must live on
            logger.exception("The OCR worker failed; trying again later")


_worker: dict = {}


def start_worker(db, interval: float | None = None) -> threading.Thread:
    """Start the worker thread on `db` (once per process)."""
    if _worker.get("thread") is not None and _worker["thread"].is_alive():
        return _worker["thread"]
    if interval is None:
        interval = float(os.environ.get("QMS_OCR_INTERVAL", "5") or 5)
    stop = threading.Event()
    thread = threading.Thread(
        target=_loop, args=(db, stop, interval), name="qms-ocr", daemon=True
    )
    _worker.update(thread=thread, stop=stop)
    thread.start()
    if not _worker.get("atexit"):
        _worker["atexit"] = atexit.register(stop_worker)
    logger.info("OCR worker started (every %s s)", interval)
    return thread


def stop_worker(timeout: float = 10) -> None:
    """Ask the worker to stop and wait for it (a file being read is
    finished first, up to `timeout`; its claim expires otherwise)."""
    thread, stop = _worker.pop("thread", None), _worker.pop("stop", None)
    if stop is not None:
        stop.set()
    if thread is not None and thread.is_alive():
        thread.join(timeout)


def on_process_starting(event) -> None:
    """Subscriber (IProcessStarting): start the worker in a served instance,
    unless QMS_OCR_WORKER=0. Scripts (zconsole run) and the test layers get
    none."""
    setting = os.environ.get("QMS_OCR_WORKER", "1").strip().lower()
    if setting in ("0", "false", "no", "off"):
        logger.info("OCR worker disabled in this instance (QMS_OCR_WORKER=0)")
        return
    if os.path.basename(sys.argv[0] if sys.argv else "") == "zconsole":
        return
    import Zope2

    db = getattr(Zope2, "DB", None)
    if not callable(getattr(type(db), "open", None)):
        # None, or the stand-in of plone.testing's layers, which passes
        # everything on to the layer's DB (their WSGI server starts Zope
        # too): tests run the worker themselves, on their DB.
        return
    start_worker(db)
