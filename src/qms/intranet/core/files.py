"""Checks of uploaded files, shared by every file field: size and kind.

Each check raises a zope.schema ValidationError whose docstring is the
translated message, so Classic UI forms and plone.restapi (400) say the same.
"""

from Acquisition import aq_base
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedBlobFileField
from plone.namedfile.interfaces import INamedBlobImageField
from plone.registry.interfaces import IRegistry
from qms.intranet import _
from ZODB.POSException import POSKeyError
from zope.component import queryUtility
from zope.schema import getFieldsInOrder
from zope.schema import ValidationError

import io
import zipfile


# One limit for every file field, in MB: the registry record, 50 MB (a
# scanned signed original fits) where the record is missing or not positive.
MAX_FILE_SIZE_RECORD = "qms.intranet.max_file_size_mb"
DEFAULT_MAX_FILE_SIZE_MB = 50
MAX_FILE_SIZE = DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024


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

    def doc(self):
        return _(
            "error_file_too_large_limit",
            default="The file is larger than ${size} MB, the largest file the "
            "intranet accepts.",
            mapping={"size": max_file_size_mb()},
        )


class EmptyFile(ValidationError):
    __doc__ = _("error_file_empty", default="The file is empty.")


def data_of(value) -> bytes:
    return value.data if hasattr(value, "data") else b""


def max_file_size_mb() -> int:
    """The largest file the site accepts, in MB (registry record)."""
    registry = queryUtility(IRegistry)
    value = registry.get(MAX_FILE_SIZE_RECORD) if registry is not None else None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return DEFAULT_MAX_FILE_SIZE_MB


def check_size(value) -> None:
    """Refuse an empty file, or one larger than the site's limit."""
    size = value.getSize() if hasattr(value, "getSize") else len(data_of(value))
    if size == 0:
        raise EmptyFile()
    if size > max_file_size_mb() * 1024 * 1024:
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


def valid_file(value) -> bool:
    """Field constraint of a file of any kind (a record's files)."""
    check_size(value)
    return True


def valid_form_file(value) -> bool:
    check_size(value)
    if not (is_pdf(value) or office_kind(value)):
        raise NotFormFile()
    return True


def missing_files(portal):
    """(object, field name) of each file an object of the site holds whose
    data is gone from the blob directory (reading it fails: POSKeyError),
    for `make check-files`: so that its people upload it again. Every
    catalogued object, unrestricted: only the administrator runs it."""
    path = "/".join(portal.getPhysicalPath())
    for brain in portal.portal_catalog.unrestrictedSearchResults(path=path):
        obj = brain._unrestrictedGetObject()
        for schema in iterSchemata(obj):
            for name, field in getFieldsInOrder(schema):
                if not (
                    INamedBlobFileField.providedBy(field)
                    or INamedBlobImageField.providedBy(field)
                ):
                    continue
                value = getattr(aq_base(obj), name, None)
                if value is None:
                    continue
                try:
                    value.open().close()
                except (POSKeyError, FileNotFoundError):
                    yield obj, name
