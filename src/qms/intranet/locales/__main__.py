"""Extract our messages and sync the vi and en catalogs.

`make i18n` runs this: for each domain we ship, i18ndude rebuilds
locales/<domain>.pot from its sources, merges it into every
<lang>/LC_MESSAGES/<domain>.po, and the catalogs are compiled to .mo.
Translate the new empty msgstr afterwards and run it again.
"""

from pathlib import Path

import subprocess
import sys


LOCALES = Path(__file__).parent.resolve()
PACKAGE = LOCALES.parent
DOMAIN = "qms.intranet"
# Each domain we ship and where its messages come from: our own code and
# templates, and the `plone` messages of our workflows (profiles/).
DOMAINS = {DOMAIN: PACKAGE, "plone": PACKAGE / "profiles"}
LANGUAGES = ("vi", "en")
I18NDUDE = str(Path(sys.executable).with_name("i18ndude"))


def rebuild(domain: str) -> None:
    """Write the template of every message of `domain` in its sources."""
    pot = LOCALES / f"{domain}.pot"
    command = [I18NDUDE, "rebuild-pot", "--pot", str(pot), "--create", domain]
    subprocess.run([*command, str(DOMAINS[domain])], check=True)


def sync(domain: str) -> None:
    """Add new messages to each language's catalog and drop gone ones."""
    catalogs = []
    for lang in LANGUAGES:
        po = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if not po.exists():
            po.write_text(
                'msgid ""\nmsgstr ""\n'
                '"Content-Type: text/plain; charset=utf-8\\n"\n'
                f'"Language-Code: {lang}\\n"\n"Domain: {domain}\\n"\n'
            )
        catalogs.append(str(po))
    pot = LOCALES / f"{domain}.pot"
    subprocess.run([I18NDUDE, "sync", "--pot", str(pot), *catalogs], check=True)


def compile_catalogs() -> None:
    """Write the .mo files shipped beside each .po (tests check they match)."""
    from pythongettext.msgfmt import Msgfmt

    core = PACKAGE / "core_locales"  # our complete catalogs of Plone's domains
    for po in [*LOCALES.glob("*/LC_MESSAGES/*.po"), *core.glob("*/LC_MESSAGES/*.po")]:
        po.with_suffix(".mo").write_bytes(Msgfmt(str(po), name=po.stem).get())


if __name__ == "__main__":
    for name in DOMAINS:
        rebuild(name)
        sync(name)
    compile_catalogs()
