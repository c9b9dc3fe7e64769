"""Extract the qms.intranet messages and sync the vi and en catalogs.

`make i18n` runs this: i18ndude rebuilds locales/qms.intranet.pot from the
code and templates, merges it into every <lang>/LC_MESSAGES/*.po, and the
catalogs are compiled to .mo. Translate the new empty msgstr afterwards and
run it again.
"""

from pathlib import Path

import subprocess
import sys


LOCALES = Path(__file__).parent.resolve()
PACKAGE = LOCALES.parent
DOMAIN = "qms.intranet"
LANGUAGES = ("vi", "en")
I18NDUDE = str(Path(sys.executable).with_name("i18ndude"))


def rebuild():
    """Write the template of every message our code and templates use."""
    subprocess.run(
        [
            I18NDUDE,
            "rebuild-pot",
            "--pot",
            str(LOCALES / f"{DOMAIN}.pot"),
            "--create",
            DOMAIN,
            str(PACKAGE),
        ],
        check=True,
    )


def sync():
    """Add new messages to each language's catalog and drop gone ones."""
    catalogs = []
    for lang in LANGUAGES:
        po = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if not po.exists():
            po.write_text(
                f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
                f'"Language-Code: {lang}\\n"\n"Domain: {DOMAIN}\\n"\n'
            )
        catalogs.append(str(po))
    subprocess.run(
        [I18NDUDE, "sync", "--pot", str(LOCALES / f"{DOMAIN}.pot"), *catalogs],
        check=True,
    )


def compile_catalogs():
    """Write the .mo files shipped beside each .po (tests check they match)."""
    from pythongettext.msgfmt import Msgfmt

    for po in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"):
        po.with_suffix(".mo").write_bytes(Msgfmt(str(po), name=DOMAIN).get())


if __name__ == "__main__":
    rebuild()
    sync()
    compile_catalogs()
