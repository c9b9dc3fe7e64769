"""Checks of uploaded files, shared by every file field: size and kind.

Each check raises a zope.schema ValidationError whose docstring is the
translated message, so Classic UI forms and plone.restapi (400) say the same.
"""

from qms.intranet import _
from zope.schema import ValidationError

import io
import zipfile


MAX_FILE_SIZE = 50 * 1024 * 1024  # 50 MB: a scanned signed original fits


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


def data_of(value) -> bytes:
    return value.data if hasattr(value, "data") else b""


def check_size(value) -> None:
    size = len(data_of(value))
    if size == 0:
        raise EmptyFile()
    if size > MAX_FILE_SIZE:
        raise FileTooLarge()


def is_pdf(value) -> bool:
    return data_of(value)[:8].startswith(b"%PDF-")


OPENDOCUMENT_KINDS = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def office_kind(value) -> str | None:
    """'docx', 'xlsx', 'odt', 'ods' for a real Office/OpenDocument file, else None."""
    data = data_of(value)
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
                return OPENDOCUMENT_KINDS.get(mimetype.strip())
    except zipfile.BadZipFile:
        return None
    return None


def valid_signed_original(value) -> bool:
    check_size(value)
    if not is_pdf(value):
        raise NotPDF()
    return True


def valid_editable_source(value) -> bool:
    check_size(value)
    if office_kind(value) not in ("docx", "odt"):
        raise NotEditableSource()
    return True


def valid_form_file(value) -> bool:
    check_size(value)
    if not (is_pdf(value) or office_kind(value)):
        raise NotFormFile()
    return True
