"""Validation shared by the schemas: document codes and attached files.

Each check raises a zope.interface.Invalid subclass with a translated
message, so the Classic UI forms and plone.restapi (400) say the same thing.
"""

from plone import api
from qms.intranet import _
from zope.interface import Invalid
from zope.schema import ValidationError

import re
import zipfile


# Document codes as the ministry writes them: QT-01/VP, BM-01/QT-05/KHCN,
# TCVN ISO 9001:2015, 123/QĐ-BTTTT. Upper case, digits, and - . / : only.
CODE_PATTERN = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9.\-/: ]{0,48}[A-ZĐ0-9]$")
MAX_FILE_SIZE = 50 * 1024 * 1024  # 50 MB: a scanned signed original fits


class InvalidCode(ValidationError):
    __doc__ = _(
        "error_code_format",
        default="A document code uses capital letters, digits and - . / : "
        "only, for example QT-01/VP.",
    )


class DuplicateCode(Invalid):
    """Another document already uses this code."""


class NotPDF(ValidationError):
    __doc__ = _("error_not_pdf", default="The signed original must be a PDF file.")


class NotEditableSource(ValidationError):
    __doc__ = _(
        "error_not_docx_odt",
        default="The editable source must be a Word (DOCX) or OpenDocument "
        "text (ODT) file.",
    )


class NotFormFile(ValidationError):
    __doc__ = _(
        "error_not_form_file",
        default="A form must be a DOCX, ODT, XLSX, ODS or PDF file.",
    )


class FileTooLarge(ValidationError):
    __doc__ = _("error_file_too_large", default="The file is larger than 50 MB.")


class EmptyFile(ValidationError):
    __doc__ = _("error_file_empty", default="The file is empty.")


def valid_code(value: str) -> bool:
    """Field constraint of `code`."""
    if not CODE_PATTERN.match(value or ""):
        raise InvalidCode(value)
    return True


def normalize_code(value: str) -> str:
    return " ".join((value or "").split()).upper()


def documents_with_code(code: str) -> list:
    """Catalog brains of every document using `code`, whoever may see them."""
    catalog = api.portal.get_tool("portal_catalog")
    return list(catalog.unrestrictedSearchResults(document_code=normalize_code(code)))


def check_unique_code(code: str, context) -> None:
    """Refuse a code another document uses; a revision shares its original's."""
    if not code:
        return
    own = set()
    uid = api.content.get_uuid(context) if _has_uid(context) else None
    if uid:
        own.add(uid)
        own.update(_iteration_partners(context))
    for brain in documents_with_code(code):
        if brain.UID not in own:
            raise DuplicateCode(
                _(
                    "error_code_duplicate",
                    default="The code ${code} is already used by «${title}».",
                    mapping={"code": code, "title": brain.Title},
                )
            )


def _has_uid(context) -> bool:
    try:
        return bool(api.content.get_uuid(context))
    except Exception:  # noqa: BLE001 - containers of an add form have none either
        return False


def _iteration_partners(context) -> set:
    """UIDs of the baseline / working copy pair `context` belongs to."""
    from plone.app.iterate.dexterity.utils import get_baseline
    from plone.app.iterate.dexterity.utils import get_working_copy

    partners = set()
    for getter in (get_baseline, get_working_copy):
        try:
            other = getter(context)
        except Exception:  # noqa: BLE001 - not iterate-aware, or no relation
            other = None
        if other is not None:
            partners.add(api.content.get_uuid(other))
    return partners


def _size_and_head(value) -> tuple[int, bytes]:
    data = value.data if hasattr(value, "data") else b""
    return len(data), data[:8]


def _check_size(value) -> None:
    size, _head = _size_and_head(value)
    if size == 0:
        raise EmptyFile()
    if size > MAX_FILE_SIZE:
        raise FileTooLarge()


def is_pdf(value) -> bool:
    return _size_and_head(value)[1].startswith(b"%PDF-")


def office_kind(value) -> str | None:
    """'docx', 'xlsx', 'odt', 'ods' for a real Office/OpenDocument file, else None."""
    import io

    data = value.data if hasattr(value, "data") else b""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace")
                return {
                    "application/vnd.oasis.opendocument.text": "odt",
                    "application/vnd.oasis.opendocument.spreadsheet": "ods",
                }.get(mimetype.strip())
    except zipfile.BadZipFile:
        return None
    return None


def valid_signed_original(value) -> bool:
    _check_size(value)
    if not is_pdf(value):
        raise NotPDF()
    return True


def valid_editable_source(value) -> bool:
    _check_size(value)
    if office_kind(value) not in ("docx", "odt"):
        raise NotEditableSource()
    return True


def valid_form_file(value) -> bool:
    _check_size(value)
    if not (is_pdf(value) or office_kind(value)):
        raise NotFormFile()
    return True
