"""Vietnamese full-text search: what staff type finds what they mean.

The index (index.py, okapi.py, lexicon.py), the text of attached files
(attachments.py), query munging and defaults (here), snippets (snippets.py),
the search pages (views.py) and @search (services/). Knows no concept:
units/ gives the unit filter its names.

Plone's lexicon folds accents only for words starting with a Latin-1 /
Latin Extended letter, so "uy ban" misses "Ủy ban". Here every word is
folded (đ ≡ d, every tone and vowel mark, any case) in SearchableText, and
a query typed with marks ranks the documents that have exactly those words
first. Document codes (QT-01/VP, 9001:2015) stay whole tokens.
"""

import re
import unicodedata


# A word, or a code made of words joined by - / . : (QT-01/VP, 9001:2015,
# 30/2020/NĐ-CP); \w covers Vietnamese letters.
WORD = re.compile(r"\w+(?:[-/.:]\w+)*")
GLOB_WORD = re.compile(r"\w+(?:[-/.:]\w+)*[*?]*")


def fold(text: str) -> str:
    """Lower case, without tone and vowel marks, đ as d."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in text if not unicodedata.combining(c))
    )


def has_marks(text: str) -> bool:
    """Was the text typed with Vietnamese marks (or đ)?"""
    lowered = text.lower()
    return fold(lowered) != unicodedata.normalize("NFC", lowered)


def words(text: str, pattern=WORD) -> list[str]:
    """The tokens of `text`: its words, and its codes whole (QT-01/VP).

    A code is one token, so that the same text always gives the same tokens
    (phrases depend on it); `9001*` finds `9001:2015` by prefix.
    """
    return pattern.findall(unicodedata.normalize("NFC", text))


def munge(query: str) -> str:
    """A search box's text as a ZCTextIndex query, codes kept whole.

    Like Plone's munging (each term a prefix, all terms required, quoted
    phrases kept), but "-" and "/" inside a word stay: QT-01/VP is one code,
    not "QT" and "01/VP".
    """
    phrases = re.findall(r'"([^"]*)"', query)
    for phrase in phrases:
        query = query.replace(f'"{phrase}"', " ")
    terms = [f'"{p.strip()}"' for p in phrases if p.strip()]
    for term in GLOB_WORD.findall(unicodedata.normalize("NFC", query)):
        term = term.rstrip("*?")
        if term.lower() in ("and", "or", "not"):
            terms.append(f'"{term}"')
        elif term:
            terms.append(f"{term}*")
    return " AND ".join(terms)


OBSOLETE = "obsolete"


def apply_defaults(query: dict, form) -> dict:
    """What every search screen does to a query: leave out obsolete documents
    unless asked for (include_obsolete=1) or a state is chosen, and turn
    year=2026 into the qms_year index."""
    if "review_state" not in query and str(form.get("include_obsolete", "")) not in (
        "1",
        "true",
        "on",
    ):
        query["review_state"] = {"not": OBSOLETE}
    year = form.get("year")
    if year and str(year).isdigit() and "qms_year" not in query:
        query["qms_year"] = int(year)
    return query
