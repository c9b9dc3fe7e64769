"""Text of attached PDF, DOCX, ODT (and XLSX, ODS) files, for full-text search.

Extracted once, when a file is uploaded or replaced, and kept on the object:
indexing never opens a file again. A file that cannot be read (encrypted,
damaged, a scan without text) is still stored; the problem is kept, and the
document's page tells the user.

A scan (a PDF without text, an image) is queued for OCR instead (ocr.py):
its problem is "ocr_pending" until the worker has read it, then none, or
"ocr_failed".
"""

from html import unescape
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from xml.etree import ElementTree

import io
import logging
import re
import zipfile


logger = logging.getLogger(__name__)

TEXT_ATTR = "_qms_attachment_text"
PROBLEM_ATTR = "_qms_attachment_problems"
FILE_FIELDS = ("signed_original", "editable_source", "file")
MAX_TEXT = 2_000_000  # characters kept per file

ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
NO_TEXT = "no_text"
OCR_PENDING = "ocr_pending"
OCR_FAILED = "ocr_failed"
# Problems of a scan, read (or to be read) by OCR.
SCANNED = (NO_TEXT,)

IMAGE_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
)

# The part of each office format that holds its text.
XML_PARTS = {
    "word/document.xml": "docx",
    "xl/sharedStrings.xml": "xlsx",
    "content.xml": "odf",
}


def _xml_text(data: bytes) -> str:
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - our own upload, no entities
    except ElementTree.ParseError:
        return unescape(re.sub(rb"<[^>]+>", b" ", data).decode("utf-8", "replace"))
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def _pdf_text(data: bytes) -> tuple[str, str | None]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return "", ENCRYPTED
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except PdfReadError:
        return "", UNREADABLE
    except Exception:  # noqa: BLE001 - a damaged file must never break an upload
        logger.warning("Could not read a PDF attachment", exc_info=True)
        return "", UNREADABLE
    return text, None if text.strip() else NO_TEXT


def is_image(data: bytes) -> bool:
    """A JPEG, PNG or TIFF: a scan, for OCR."""
    return data.startswith(IMAGE_MAGIC)


def extract(data: bytes) -> tuple[str, str | None]:
    """(text, problem) of a file's bytes; problem is None when all went well,
    NO_TEXT for a scan (a PDF without text, an image)."""
    if is_image(data):
        return "", NO_TEXT
    if data.startswith(b"%PDF-"):
        return _pdf_text(data)
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                for part in XML_PARTS:
                    if part in names:
                        return _xml_text(archive.read(part)), None
        except (zipfile.BadZipFile, KeyError, RuntimeError):
            return "", UNREADABLE
    return "", None


def update(obj) -> None:
    """Extract the text of `obj`'s files that changed since last time; queue
    the scans for OCR, drop the entries of files removed or replaced."""
    from qms.intranet.search import ocr  # which imports this module

    texts = dict(getattr(obj, TEXT_ATTR, None) or {})
    problems = dict(getattr(obj, PROBLEM_ATTR, None) or {})
    changed = False
    for name in FILE_FIELDS:
        value = getattr(obj.aq_base if hasattr(obj, "aq_base") else obj, name, None)
        if value is None or not getattr(value, "data", None):
            if name in texts or name in problems:
                if problems.get(name) == OCR_PENDING:
                    ocr.dequeue(obj, name)
                texts.pop(name, None)
                problems.pop(name, None)
                changed = True
            continue
        signature = (value.filename, value.getSize())
        if texts.get(name, (None,))[0] == signature:
            if problems.get(name) == OCR_PENDING:
                # A copy (a working copy, a pasted document): queued too.
                ocr.enqueue(obj, name, again=False)
            continue
        text, problem = extract(value.data)
        if problem in SCANNED and ocr.enqueue(obj, name):
            problem = OCR_PENDING
        elif problems.get(name) == OCR_PENDING:
            ocr.dequeue(obj, name)
        texts[name] = (signature, text[:MAX_TEXT])
        if problem:
            problems[name] = problem
        else:
            problems.pop(name, None)
        changed = True
    if changed:
        setattr(obj, TEXT_ATTR, texts)
        setattr(obj, PROBLEM_ATTR, problems)


def text_of(obj) -> str:
    """All the extracted text of `obj`'s files."""
    texts = getattr(obj, TEXT_ATTR, None) or {}
    return "\n".join(text for _signature, text in texts.values() if text)


def problems_of(obj) -> dict[str, str]:
    return dict(getattr(obj, PROBLEM_ATTR, None) or {})


def files_changed(obj, event) -> None:
    """Subscriber: read the text of new or replaced files, once."""
    update(obj)
