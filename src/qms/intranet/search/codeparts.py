"""Partial codes and legal references.

``words()`` keeps a code whole (QT-02/VP, BM-01/QT-02/VP, 15/2023/TT-BKHCN),
so that a phrase query on a code works; but staff type parts of codes
("QT-02" for every version and unit of procedure 02, "Thông tư 15/2023"
for circular 15/2023/TT-BKHCN). ``parts`` gives the extra tokens to index
beside a whole code, ``query_reference`` the tokens a query's legal
reference is looked up with. Both work on folded tokens (``fold``).

Which parts (on the index side), for a code split on "/" into segments:

* each segment with a letter in it (``bm-01``, ``qt-02``, ``vp``,
  ``tt-bkhcn``) and each run of adjacent segments shorter than the code
  (``bm-01/qt-02``, ``qt-02/vp``): the ways codes are cited in part;
* a kind-number segment also compact (``qt-02`` -> ``qt02``), as typed
  without the dash;
* the number of a standard (``9001`` of ``9001:2015``);
* ``head:`` and each leading run (``head:qt-02`` for QT-02/VP,
  ``head:bm-01``, ``head:bm-01/qt-02`` for BM-01/QT-02/VP): the code
  begins with it, so that "QT-02" can rank procedure QT-02/VP (whose code
  it begins) above its forms BM-xx/QT-02/VP (which only contain it);
  meant for the document's own code: a form's text cites its procedure's
  code, whose head: tokens say nothing about the form;
* never a bare number (``02``, ``2023``) nor a bare kind (``qt``): they
  would match half the documents.

Legal document numbers (Nghị định 30/2020/NĐ-CP on administrative documents:
``number/year/KIND-ISSUER``; also ``number/KIND-ISSUER`` without a year,
``number/ISSUER-UNIT`` for official letters, internal ``KIND-number/year``)
also get reference tokens, made by ``reference_tokens`` on both sides::

    ref:<kind>:<number>:<year>   ref:tt:15:2023   kind and year known
    ref:<number>:<year>          ref:15:2023      year known
    ref:<kind>:<number>          ref:tt:15        kind known

with the number without leading zeros and the kind from KINDS (folded:
``qđ`` is ``qd``). ``words()`` keeps ``ref:tt:15:2023`` one token. A query
asks for the most specific token it can build: "Thông tư 15/2023" and
"TT 15/2023" ``ref:tt:15:2023``, "thong tu 15" ``ref:tt:15``, "15/2023"
``ref:15:2023``, "quyết định số 12/2024/QĐ-TTg" ``ref:qd:12:2024``.
"""

from qms.intranet.search import fold
from qms.intranet.search import words

import re


KINDS = {
    "tt": "thông tư",
    "nd": "nghị định",
    "qd": "quyết định",
    "ct": "chỉ thị",
    "tb": "thông báo",
    "kh": "kế hoạch",
    "cv": "công văn",
    "l": "luật",
    "nq": "nghị quyết",
    "ttlt": "thông tư liên tịch",
    "bc": "báo cáo",
    "hd": "hướng dẫn",
}
# Other spellings of a kind's abbreviation.
KIND_ALIASES = {"tttl": "ttlt"}
# Abbreviations too short or too common to take as a kind in a query.
WEAK_KINDS = {"l"}
# The kind names, folded, longest first: "thong tu lien tich" before "thong tu".
KIND_NAMES = sorted(
    ((tuple(fold(name).split()), kind) for kind, name in KINDS.items()),
    key=lambda item: -len(item[0]),
)

NUMBER = r"(\d{1,5})"
YEAR = r"((?:19|20)\d\d)"
WITH_YEAR = re.compile(rf"{NUMBER}/{YEAR}(?:/([a-z]+\d*)(?:-([a-z0-9-]+))?)?")
WITHOUT_YEAR = re.compile(rf"{NUMBER}/([a-z]+)-([a-z0-9-]+)")
KIND_FIRST = re.compile(rf"([a-z]+)-{NUMBER}/{YEAR}")
KIND_NUMBER = re.compile(r"([a-z]+)-(\d+)")
STANDARD = re.compile(r"(\d{4,5}):(\d{4})")
LAW_ISSUER = re.compile(r"qh\d+")  # Luật số 59/2020/QH14


def _kind(abbreviation: str | None) -> str | None:
    if abbreviation is None:
        return None
    abbreviation = KIND_ALIASES.get(abbreviation, abbreviation)
    return abbreviation if abbreviation in KINDS else None


def legal_reference(token: str) -> dict | None:
    """The parts of a legal document's number, or None: {"number": 15,
    "year": 2023, "kind": "tt", "kind_name": "thông tư", "issuer": "bkhcn"}
    for 15/2023/TT-BKHCN (year, kind, issuer None when not in the number)."""
    token = fold(token)
    number = year = kind = issuer = None
    if match := WITH_YEAR.fullmatch(token):
        number, year, first, rest = match.groups()
        if first and LAW_ISSUER.fullmatch(first):
            kind, issuer = "l", first
        elif first:
            kind = _kind(first)
            issuer = rest if kind else "-".join(p for p in (first, rest) if p)
    elif match := WITHOUT_YEAR.fullmatch(token):
        number, first, rest = match.groups()
        kind = _kind(first)
        if kind:
            issuer = rest
        else:  # 1234/BKHCN-VP: an official letter of a unit
            kind, issuer = "cv", f"{first}-{rest}"
    elif match := KIND_FIRST.fullmatch(token):
        first, number, year = match.groups()
        kind = _kind(first)
        if kind is None:
            return None
    else:
        return None
    return {
        "number": int(number),
        "year": int(year) if year else None,
        "kind": kind,
        "kind_name": KINDS.get(kind) if kind else None,
        "issuer": issuer,
    }


def reference_tokens(reference: dict) -> list[str]:
    """The ref: tokens of a legal reference, most specific first."""
    number, year, kind = reference["number"], reference["year"], reference["kind"]
    tokens = []
    if kind and year:
        tokens.append(f"ref:{kind}:{number}:{year}")
    if year:
        tokens.append(f"ref:{number}:{year}")
    if kind:
        tokens.append(f"ref:{kind}:{number}")
    return tokens


def _strong(segment: str) -> bool:
    return any(c.isalpha() for c in segment)


def parts(token: str) -> list[str]:
    """The tokens to index beside a whole code so that its parts find it
    (see the module); [] for a plain word."""
    token = fold(token)
    found = []
    segments = token.split("/")
    reference = legal_reference(token)
    count = len(segments)
    for size in range(1, count):
        for start in range(count - size + 1):
            run = segments[start : start + size]
            if reference and size > 1 and start > 0:
                continue  # 2023/tt-bkhcn: nobody cites that
            if any(_strong(s) for s in run) or (reference and start == 0):
                found.append("/".join(run))
    for segment in segments:
        if match := KIND_NUMBER.fullmatch(segment):
            found.append("".join(match.groups()))
    found = [p for p in found if _strong(p) or "/" in p]
    found += [
        "head:" + "/".join(segments[:size])
        for size in range(1, count)
        if any(_strong(s) for s in segments[:size]) or size > 1
    ]
    if count > 1 and (match := KIND_NUMBER.fullmatch(segments[0])):
        found.append("head:" + "".join(match.groups()))  # head:qt02
    if match := STANDARD.fullmatch(token):
        found.append(match.group(1))
    if reference:
        found.extend(reference_tokens(reference))
    return list(dict.fromkeys(p for p in found if p != token))


def head(token: str) -> str:
    """The token a code query looks for to find the codes it begins:
    head("QT-02") == "head:qt-02"."""
    return "head:" + fold(token)


def _kind_at(tokens: list[str], i: int) -> tuple[str | None, int]:
    """The kind named at tokens[i] ("thong tu", "tt", "qd"), and the index
    after it; (None, i) if none."""
    for name, kind in KIND_NAMES:
        if tuple(tokens[i : i + len(name)]) == name:
            return kind, i + len(name)
    kind = _kind(tokens[i])
    if kind and kind not in WEAK_KINDS:
        return kind, i + 1
    return None, i


def query_references(text: str) -> list[tuple[str, int, int]]:
    """The legal references in a query, each as (most specific ref: token,
    first word, word after it) over ``words(text)``: "Thông tư 15/2023" ->
    [("ref:tt:15:2023", 0, 3)]."""
    tokens = [fold(t) for t in words(text)]
    found = []
    i = 0
    while i < len(tokens):
        kind, j = _kind_at(tokens, i)
        if kind and j < len(tokens) and tokens[j] == "so":
            j += 1
        if kind is None:
            j = i
        if j >= len(tokens):
            break
        token = tokens[j]
        reference = legal_reference(token)
        if reference is None and kind and token.isdigit():
            reference = {"number": int(token), "year": None, "kind": kind}
            after = tokens[j + 1 : j + 3]
            if len(after) == 2 and after[0] == "nam" and re.fullmatch(YEAR, after[1]):
                reference["year"] = int(after[1])  # thông tư 15 năm 2023
                j += 2
        if reference is not None:
            if kind and not reference["kind"]:
                reference = {**reference, "kind": kind}
            found.append((reference_tokens(reference)[0], i, j + 1))
            i = j + 1
        else:
            i = max(i + 1, j)
    return found


def query_reference(text: str) -> list[str]:
    """The ref: tokens of the legal references in a query (one each, the
    most specific): "Thông tư 15/2023" -> ["ref:tt:15:2023"]."""
    return list(dict.fromkeys(token for token, _, _ in query_references(text)))


def text_tokens(text: str) -> list[str]:
    """What a document's text adds to its words (index side): the parts of
    its codes and every ref: token of the legal references it cites."""
    found = []
    for token in words(text):
        if any(c in token for c in "-/.:"):
            found.extend(p for p in parts(token) if not p.startswith("head:"))
    for token, _, _ in query_references(text):
        found.extend(_all_levels(token))
    return list(dict.fromkeys(found))


def _all_levels(token: str) -> list[str]:
    """ref:tt:15:2023 -> itself, ref:15:2023, ref:tt:15."""
    fields = token.split(":")[1:]
    if len(fields) == 3:
        kind, number, year = fields
        return [token, f"ref:{number}:{year}", f"ref:{kind}:{number}"]
    return [token]


def own_tokens(code: str) -> list[str]:
    """The head: tokens of a document's own code: the code whole, the runs it
    begins with, and its legal reference, so that a query for the code (or
    part of it) ranks the document that *is* it above those citing it."""
    found = []
    for token in words(code):
        folded = fold(token)
        found.append(head(folded))
        found.extend(p for p in parts(folded) if p.startswith("head:"))
        reference = legal_reference(folded)
        if reference is not None:
            found.extend("head:" + t for t in reference_tokens(reference))
    return list(dict.fromkeys(found))
