"""A unit's register spreadsheet (XLSX or CSV) read into rows of named cells.

Registers are kept by hand: a title row or two above the headers, headers
typed with or without marks, in Vietnamese or English, dates as Excel dates
or as dd/mm/yyyy text, CSV saved by Excel in UTF-8 or Windows-1258. What we
cannot read is said in one Vietnamese sentence, and nothing is written.
"""

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from qms.intranet import _
from qms.intranet.search import fold

import csv
import io
import re
import unicodedata
import zipfile


# Column key -> the header of our template (the file format: Vietnamese, as
# the ministry's registers are), then the other headers it is known by.
COLUMNS = {
    "code": ("Mã hiệu", "ma", "ma tai lieu", "ma so", "code", "document code"),
    "title": ("Tên tài liệu", "ten", "title", "name", "document title"),
    "revision": ("Lần ban hành", "lan", "issue number", "revision", "issue"),
    "issue_date": ("Ngày ban hành", "issue date", "date", "ngay"),
    "unit": ("Đơn vị", "don vi chu tri", "unit", "owning unit"),
    "state": ("Trạng thái", "tinh trang", "state", "status"),
    "kind": ("Loại", "loai tai lieu", "kind", "type"),
    "review_interval": (
        "Chu kỳ xem xét (tháng)",
        "chu ky xem xet",
        "review interval",
        "review interval (months)",
    ),
    "drafted_by": ("Người soạn thảo", "drafted by"),
    "reviewed_by": ("Người xem xét", "reviewed by"),
    "approved_by": ("Người phê duyệt", "approved by", "nguoi ky", "signer"),
}
REQUIRED_COLUMNS = ("code", "title")
# The first rows where the headers may be (registers carry a title above).
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 5000


class SheetError(Exception):
    """The spreadsheet as a whole cannot be used; args[0] is the message."""


def _header_key(text: str) -> str:
    """A header as compared: folded, without "(…)", "*" or spare spaces."""
    text = re.sub(r"\([^)]*\)|\*", " ", fold(str(text or "")))
    return " ".join(text.split())


HEADERS = {_header_key(name): key for key, names in COLUMNS.items() for name in names}


@dataclass
class Sheet:
    """The rows of a register: cells by column key, each with the row number
    the spreadsheet program shows."""

    rows: list[tuple[int, dict]]
    columns: list[str]


def read(filename: str, data: bytes) -> Sheet:
    """The register in `data`, an XLSX workbook or a CSV file."""
    name = (filename or "").lower()
    if not data:
        raise SheetError(_("error_register_empty", default="The spreadsheet is empty."))
    if name.endswith((".xls", ".ods")) or data[:4] == b"\xd0\xcf\x11\xe0":
        raise SheetError(UNSUPPORTED)
    if data[:2] == b"PK":
        return _table(_xlsx_rows(data))
    if name.endswith(".xlsx"):
        raise SheetError(UNREADABLE)
    return _table(_csv_rows(data))


UNSUPPORTED = _(
    "error_register_format",
    default="Save the spreadsheet as Excel workbook (.xlsx) or CSV (.csv): "
    "other formats cannot be read.",
)
UNREADABLE = _(
    "error_register_unreadable",
    default="The spreadsheet cannot be read (the file is damaged or is not an "
    "Excel workbook). Open it in Excel and save it again as .xlsx.",
)


def _xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as error:
        raise SheetError(UNREADABLE) from error
    except Exception as error:  # noqa: BLE001 - openpyxl raises its own kinds
        raise SheetError(UNREADABLE) from error


def _csv_rows(data: bytes) -> list[list]:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes nearly every byte
        raise SheetError(UNREADABLE)
    # Windows-1258 writes tone marks as combining characters: compose them.
    text = unicodedata.normalize("NFC", text)
    if "\x00" in text:
        raise SheetError(UNREADABLE)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _cell(value):
    """A cell as the plan reads it: text stripped, whole numbers as int,
    Excel dates as dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", " ".join(value.split()))
    return value


def _header_row(raw: list[list]) -> tuple[int, list]:
    """The index of the row naming the columns, and its column keys."""
    for index, row in enumerate(raw[:HEADER_SEARCH_ROWS]):
        keys = [HEADERS.get(_header_key(cell)) if cell else None for cell in row]
        if sum(1 for key in keys if key) >= 2 and "code" in keys:
            return index, keys
    raise SheetError(MISSING_COLUMNS)


def _table(raw: list[list]) -> Sheet:
    """Find the header row, then read each row below it by column key."""
    index, keys = _header_row(raw)
    missing = [key for key in REQUIRED_COLUMNS if key not in keys]
    if missing:
        raise SheetError(MISSING_COLUMNS)
    rows = []
    for number, row in enumerate(raw[index + 1 :], start=index + 2):
        cells = {
            key: _cell(value)
            for key, value in zip(keys, row, strict=False)
            if key and value not in (None, "")
        }
        if not any(cells.get(key) not in (None, "") for key in cells):
            continue  # blank line
        rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise SheetError(
                _(
                    "error_register_too_many_rows",
                    default="The spreadsheet has more than ${count} rows: split "
                    "it into several files.",
                    mapping={"count": MAX_ROWS},
                )
            )
    if not rows:
        raise SheetError(
            _(
                "error_register_no_rows",
                default="The spreadsheet has headers but no document rows.",
            )
        )
    return Sheet(rows=rows, columns=[key for key in keys if key])


MISSING_COLUMNS = _(
    "error_register_columns",
    default="The columns «Mã hiệu» and «Tên tài liệu» were not found in the "
    "first rows of the spreadsheet. Start from the template: its first row "
    "names the columns.",
)
