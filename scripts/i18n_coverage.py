"""How much of each Plone domain a Vietnamese user sees translated.

    .venv/bin/python scripts/i18n_coverage.py      # make i18n-coverage

For each domain a Classic UI user meets: the share of its messages (Plone's
.pot) with a Vietnamese translation in Plone's own catalog ("core"), and with
ours in front of it ("with ours", as the site serves them).
"""

from pathlib import Path

import re
import sys


ROOT = Path(__file__).resolve().parent.parent
OURS = ROOT / "src" / "qms" / "intranet" / "core_locales" / "vi" / "LC_MESSAGES"
DOMAINS = ("plone", "widgets", "cmfeditions", "cmfplacefulworkflow")
ENTRY = re.compile(
    r'(#,[^\n]*\n)?(?:#[^\n]*\n)*msgid ((?:"[^\n]*"\n?)+)msgstr ((?:"[^\n]*"\n?)+)'
)


def _joined(chunk: str) -> str:
    return "".join(re.findall(r'"(.*)"', chunk))


def translated(path: Path) -> set[str]:
    """msgids with a non-empty, non-fuzzy msgstr."""
    if not path.exists():
        return set()
    found = set()
    for flags, msgid, msgstr in ENTRY.findall(path.read_text(encoding="utf-8")):
        if _joined(msgid) and _joined(msgstr) and "fuzzy" not in (flags or ""):
            found.add(_joined(msgid))
    return found


def messages(path: Path) -> set[str]:
    return {
        _joined(m) for _f, m, _s in ENTRY.findall(path.read_text(encoding="utf-8"))
    } - {""}


def coverage() -> dict[str, tuple[float, float, int]]:
    import plone.app.locales

    core = Path(plone.app.locales.__file__).parent / "locales"
    result = {}
    for domain in DOMAINS:
        total = messages(core / f"{domain}.pot")
        theirs = translated(core / "vi" / "LC_MESSAGES" / f"{domain}.po") & total
        with_ours = (theirs | translated(OURS / f"{domain}.po")) & total
        result[domain] = (
            len(theirs) / len(total),
            len(with_ours) / len(total),
            len(total),
        )
    return result


def main() -> int:
    print(f"{'domain':<22}{'messages':>10}{'core vi':>10}{'with ours':>11}")
    for domain, (core, ours, total) in coverage().items():
        print(f"{domain:<22}{total:>10}{core:>10.1%}{ours:>11.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
