"""Whole-site move benchmark (issue #18): N controlled documents exported
and imported with collective.exportimport, in documents per second.

    .venv/bin/python benchmarks/transfer.py [N]

Makes a site of its own (a throwaway instance, the demo data), adds N
procedures (5,000 by default) over the units, mostly effective, each with a
signed original (a PDF); exports it with scripts/export_site.py, makes a new
site with DEMO=0 and imports the export there with scripts/import_site.py.
Prints the time of each and the documents per second (the aim: 60 for the
import on 2 cores). Times are measured inside Zope (without its start).
Run by zconsole with `fill N`, this file adds the procedures.
"""

from pathlib import Path

import re
import shutil
import sys
import tempfile
import time


def fill(app, n: int) -> None:
    """N procedures with a PDF each (inside Zope)."""
    from AccessControl.SecurityManagement import newSecurityManager
    from plone.namedfile.file import NamedBlobFile
    from qms.intranet.site.demo.files import pdf_bytes
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import transaction

    # Beside this file: zconsole neither sets __file__ nor puts the folder
    # on the path, but passes the script's path on.
    script = next(arg for arg in sys.argv if arg.endswith("transfer.py"))
    sys.path.insert(0, str(Path(script).resolve().parent))
    from listing_fill import add_procedures

    app = makerequest(app)
    setRequest(app.REQUEST)
    admin = app.acl_users.getUserById("admin").__of__(app.acl_users)
    newSecurityManager(None, admin)
    site = app.Plone
    setSite(site)
    add_procedures(
        site,
        n,
        prefix="T",
        original=lambda i, code: NamedBlobFile(
            pdf_bytes(f"{code} ban ky"),
            filename=f"qt-t{i:05d}.pdf",
            contentType="application/pdf",
        ),
    )
    transaction.commit()


def seconds_of(output: str, verb: str) -> tuple[int, float]:
    """(objects, seconds) from the script's last line."""
    found = re.search(rf"{verb} (\d+) objects.* in ([\d.]+) s", output)
    assert found, output
    return int(found.group(1)), float(found.group(2))


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from throwaway import ROOT
    from throwaway import ThrowawaySite

    import subprocess

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    source = ThrowawaySite(prefix="qms-bench-transfer-")
    source.create()
    started = time.perf_counter()
    source.zconsole(Path(__file__), "fill", n)
    print(
        f"{n} procedures with a PDF each added in {time.perf_counter() - started:.0f} s"
    )
    folder = Path(tempfile.mkdtemp(prefix="qms-bench-export-")) / "export"

    def zconsole(site, script, *args) -> str:
        done = subprocess.run(
            [
                sys.executable.replace("python", "zconsole"),
                "run",
                site.conf,
                script,
                *args,
            ],
            env=site.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    exported = zconsole(source, ROOT / "scripts" / "export_site.py", str(folder))
    objects, export_s = seconds_of(exported, "Exported")
    target = ThrowawaySite(prefix="qms-bench-transfer-target-", DEMO="0")
    target.create()
    imported = zconsole(target, ROOT / "scripts" / "import_site.py", str(folder))
    _, import_s = seconds_of(imported, "Imported")
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    print(
        f"\n{n} procedures (+ the demo site: {objects} objects in all), "
        f"export {size / 2**20:.0f} MiB"
    )
    print("| step | seconds | documents/s | objects/s |")
    print("| --- | --- | --- | --- |")
    for step, spent in (("export", export_s), ("import", import_s)):
        print(f"| {step} | {spent:.1f} | {n / spent:.0f} | {objects / spent:.0f} |")
    for path in (source.folder, target.folder, folder.parent):
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    if "app" in globals():  # run by zconsole
        fill(globals()["app"], int(sys.argv[-1]))
    else:
        main()
