"""Result snippets: an excerpt of each result's text around the words
searched for, with those words marked. The text comes from the index's
stored copy (search.index), never by waking the result's object."""

from html import escape
from qms.intranet.search import fold
from qms.intranet.search import WORD
from qms.intranet.search.index import searchable_text_index

import unicodedata


def text_for(brain) -> str:
    """The text indexed for a catalog brain; its title and description when
    the index keeps none (an index not rebuilt since 1003)."""
    stored = searchable_text_index().stored_text(brain.getRID())
    if stored is None:
        return " ".join(p for p in (brain.Title, brain.Description) if p)
    # the indexed text starts with the id, which reads badly in a snippet
    return stored.removeprefix(brain.getId).lstrip()


def query_words(query: str) -> list[str]:
    """The folded words of a search, without operators and globs."""
    found = []
    for word in WORD.findall(unicodedata.normalize("NFC", query or "")):
        if word.lower() not in ("and", "or", "not"):
            found.append(fold(word))
    return found


def _part_of(word: str, code: str) -> bool:
    """Is `word` a run of the parts of `code` ("qt-02" of "bm-01/qt-02/vp")?"""
    return "/" in code and f"/{word}/" in f"/{code}/"


def snippet(text: str, query: str, width: int = 90) -> str:
    """An HTML-safe excerpt of `text` around the first word of `query`, with
    every word that folds to a query word (or starts like one) in <mark>."""
    wanted = query_words(query)
    if not text or not wanted:
        return escape((text or "")[: width * 2])
    tokens = list(WORD.finditer(text))

    def hit(token):
        folded = fold(token.group())
        return any(
            folded == w or folded.startswith(w) or _part_of(w, folded) for w in wanted
        )

    first = next((t for t in tokens if hit(t)), None)
    start = max(0, (first.start() if first else 0) - width)
    end = min(len(text), start + width * 2)
    out, position = [], start
    for token in tokens:
        if token.start() < start or token.end() > end:
            continue
        out.append(escape(text[position : token.start()]))
        word = escape(token.group())
        out.append(f"<mark>{word}</mark>" if hit(token) else word)
        position = token.end()
    out.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).strip() + suffix
