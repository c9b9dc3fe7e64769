"""Whole-site move benchmark (issue #18): N controlled documents exported
and imported with collective.exportimport, in documents per second.

    .venv/bin/python benchmarks/transfer.py [N]

Makes a site of its own (a throwaway instance, the demo data), adds N
procedures (5,000 by default) over the units, mostly effective, each with a
signed original (a PDF); exports it with scripts/export_site.py, makes a new
site with DEMO=0 and imports the export there with scripts/import_site.py.
Prints the time of each and the documents per second (the aim: 60 for the
import on 2 cores). Times are measured inside Zope (without its start).

Side by side, in the same run and instance: stock Plone with
collective.exportimport's own views (`@@export_content`, `@@import_content`,
files base-64 in the JSON, as its documentation shows) moves N stock File
items with the same PDF from one stock site to another; the ratios
ours/stock are printed.

Run by zconsole with `fill N`, this file adds the procedures; with
`stock N FILE`, it does the stock side and writes its times to FILE.
"""

from pathlib import Path

import json
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


def stock(app, n: int, report: str) -> None:
    """Stock Plone, stock collective.exportimport (inside Zope): N File
    items with a PDF each in a folder of a new site, exported with
    @@export_content's code and imported into another new site with
    @@import_content; seconds of each to `report` (JSON)."""
    from AccessControl.SecurityManagement import newSecurityManager
    from collective.exportimport.export_content import ExportContent
    from collective.exportimport.import_content import ImportContent
    from collective.exportimport.interfaces import IBase64BlobsMarker
    from collective.exportimport.interfaces import IMigrationMarker
    from plone import api
    from plone.namedfile.file import NamedBlobFile
    from Products.CMFPlone.factory import addPloneSite
    from qms.intranet.site.demo.files import pdf_bytes
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest
    from zope.interface import alsoProvides

    import transaction

    app = makerequest(app)
    setRequest(app.REQUEST)
    admin = app.acl_users.getUserById("admin").__of__(app.acl_users)
    newSecurityManager(None, admin)

    def new_site(site_id):
        site = addPloneSite(
            app, site_id, extension_ids=["plone.app.contenttypes:default"]
        )
        setSite(site)
        return site

    source = new_site("Stock")
    folder = api.content.create(container=source, type="Folder", id="stock-files")
    for i in range(n):
        code = f"QT-S{i:05d}"
        api.content.create(
            container=folder,
            type="File",
            id=f"qt-s-{i}",
            title=f"Quy trình nghiệp vụ số {i} về quản lý văn bản và hồ sơ",
            file=NamedBlobFile(
                pdf_bytes(f"{code} ban ky"),
                filename=f"qt-s{i:05d}.pdf",
                contentType="application/pdf",
            ),
        )
        if i % 500 == 499:
            transaction.commit()
    transaction.commit()

    request = app.REQUEST
    request.method = "POST"
    started = time.perf_counter()
    view = ExportContent(source, request)
    view.portal_type = ["Folder", "File"]
    view.path = "/".join(source.getPhysicalPath())
    view.depth = -1
    view.include_blobs = 1
    view.migration = True
    view.include_revisions = False
    view.write_errors = False
    view.errors = []
    view.update()
    alsoProvides(request, IBase64BlobsMarker)
    alsoProvides(request, IMigrationMarker)
    data = json.dumps(list(view.export_content()), sort_keys=True, indent=4)
    export_s = time.perf_counter() - started

    # collective.exportimport finds parents by path: the new site has the
    # old one's id, as on a move to another server.
    app.manage_delObjects(["Stock"])
    transaction.commit()
    target = new_site("Stock")
    transaction.commit()
    request.form.update({"form.submitted": True, "commit": "100"})
    started = time.perf_counter()
    view = ImportContent(target, request)
    view.template = lambda: ""
    view(jsonfile=data, return_json=True)
    transaction.commit()
    import_s = time.perf_counter() - started
    assert len(target["stock-files"]) == n, len(target["stock-files"])
    Path(report).write_text(json.dumps({"export": export_s, "import": import_s}))


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
        )
        if done.returncode:
            failed = f"{script} {' '.join(args)} failed"
            raise SystemExit(f"{failed}:\n{done.stderr[-4000:]}")
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
    # Stock Plone and collective.exportimport, in the same instance.
    report = folder.parent / "stock.json"
    zconsole(source, Path(__file__), "stock", str(n), str(report))
    stock_s = json.loads(report.read_text())
    print(f"(stock: {n} File items with the same PDF, one site to another)")
    print(
        "| step | seconds | documents/s | stock seconds | stock documents/s "
        "| ours / stock |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for step, spent in (("export", export_s), ("import", import_s)):
        rate, stock_rate = n / spent, n / stock_s[step]
        print(
            f"| {step} | {spent:.1f} | {rate:.0f} | {stock_s[step]:.1f} "
            f"| {stock_rate:.0f} | {rate / stock_rate:.2f}x |"
        )
    for path in (source.folder, target.folder, folder.parent):
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    if "app" in globals():  # run by zconsole
        if "stock" in sys.argv:
            stock(globals()["app"], int(sys.argv[-2]), sys.argv[-1])
        else:
            fill(globals()["app"], int(sys.argv[-1]))
    else:
        main()
