"""The ZIP of a register's files, each named by its document's code.

`QT-02/VP` cannot be a file name: people write `QT-02-VP.pdf`,
`qt_02_vp.docx` or `QT-02-VP ban ky.pdf`. A file belongs to the code whose
parts (letters and digits, in order) begin its name; the longest such code
wins, so `BM-01-QT-02-VP.docx` is the form, not the procedure.
"""

from dataclasses import dataclass
from dataclasses import field
from qms.intranet import _
from qms.intranet.core.files import max_file_size_mb

import contextlib
import io
import re
import unicodedata
import zipfile


PARTS = re.compile(r"[A-Z0-9]+")
# A ZIP may be larger than one file: it holds a unit's documents.
ZIP_FILES_FACTOR = 10
EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".xlsx": "xlsx",
    ".ods": "ods",
}


class BundleError(Exception):
    """The ZIP as a whole cannot be used; args[0] is the message."""


def parts(text: str) -> tuple[str, ...]:
    """The letters and digits of a code or a file name, in order: Đ as D,
    marks dropped, upper case."""
    text = unicodedata.normalize("NFD", (text or "").upper().replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return tuple(PARTS.findall(text))


@dataclass
class Member:
    """One file of the ZIP."""

    name: str  # its own name, without folders
    path: str  # its path in the ZIP
    kind: str  # pdf, docx, odt, xlsx, ods
    size: int
    code: str = ""  # the row's code it was matched to
    problem: object = None  # why it cannot be used (a message)


@dataclass
class Bundle:
    """The usable files of a ZIP, and where to read them."""

    archive: zipfile.ZipFile | None = None
    members: list[Member] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # not a document's file

    def read(self, member: Member) -> bytes:
        return self.archive.read(member.path)

    def match(self, codes: list[str]) -> dict[str, list[Member]]:
        """code -> its files; a file goes to the longest code beginning its name."""
        by_parts = sorted(
            ((parts(code), code) for code in codes if parts(code)),
            key=lambda pair: -len(pair[0]),
        )
        found = {}
        for member in self.members:
            name_parts = parts(member.name.rsplit(".", 1)[0])
            for code_parts, code in by_parts:
                if name_parts[: len(code_parts)] == code_parts:
                    member.code = code
                    found.setdefault(code, []).append(member)
                    break
        return found


def _name(info: zipfile.ZipInfo) -> str:
    """The member's name as the person wrote it: ZIPs made by Windows keep
    names in the console code page, not in UTF-8."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("utf-8")
    return unicodedata.normalize("NFC", name)


def open_bundle(data: bytes | None, opener=None) -> Bundle:
    """The files of the ZIP in `data` (or an empty bundle when none was sent).
    `opener` gives a file object instead, for a ZIP kept as a blob."""
    if opener is None and not data:
        return Bundle()
    try:
        archive = zipfile.ZipFile(opener() if opener else io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise BundleError(
            _(
                "error_register_zip",
                default="The files are not a readable ZIP archive. Put the "
                "files in a folder and compress it as ZIP again.",
            )
        ) from error
    limit = max_file_size_mb() * 1024 * 1024
    bundle = Bundle(archive=archive)
    for info in archive.infolist():
        name = _name(info)
        own = name.rsplit("/", 1)[-1]
        if info.is_dir() or not own or own.startswith(".") or "__MACOSX" in name:
            continue
        kind = (
            EXTENSIONS.get("." + own.rsplit(".", 1)[-1].lower()) if "." in own else None
        )
        if kind is None:
            bundle.ignored.append(own)
            continue
        member = Member(name=own, path=info.filename, kind=kind, size=info.file_size)
        if info.file_size == 0:
            member.problem = _("error_file_empty", default="The file is empty.")
        elif info.file_size > limit:
            member.problem = _(
                "error_file_too_large_limit",
                default="The file is larger than ${size} MB, the largest file "
                "the intranet accepts.",
                mapping={"size": max_file_size_mb()},
            )
        bundle.members.append(member)
    return bundle
