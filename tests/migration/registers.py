"""Registers as units bring them: a spreadsheet and a ZIP of files."""

from openpyxl import Workbook
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes

import io
import unicodedata
import zipfile


TONES = "\u0300\u0301\u0303\u0309\u0323"


HEADERS = (
    "Mã hiệu",
    "Tên tài liệu",
    "Lần ban hành",
    "Ngày ban hành",
    "Đơn vị",
    "Trạng thái",
)


def xlsx(rows, headers=HEADERS, title_rows=()) -> bytes:
    """A workbook: optional title rows, the headers, then `rows`."""
    workbook = Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(list(row))
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def zip_of(files: dict) -> bytes:
    """A ZIP of name -> bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def originals(*codes) -> dict:
    """A signed original (PDF) and an editable source (DOCX) per code, named
    as people name them."""
    files = {}
    for code in codes:
        name = code.replace("/", "-")
        files[f"tai-lieu/{name}.pdf"] = pdf_bytes(f"{code} ban ky")
        files[f"tai-lieu/{name}.docx"] = docx_bytes(code)
    return files


def windows_1258(text: str) -> bytes:
    """Text as Excel saves CSV in Windows-1258: tone marks as separate
    combining characters after their vowel."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(m for m in parts if m in TONES)
            base = unicodedata.normalize(
                "NFC", "".join(m for m in parts if m not in TONES)
            )
            out += (base + tones).encode("cp1258")
    return out
