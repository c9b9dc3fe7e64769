"""Documents a unit brought in from its old register (issue #18), so that
the demo shows what an imported document looks like: effective with its
issue number and date, a form inside its procedure, one brought in as a
draft, one no longer in force; each says in its history that it was
imported, from which file and by whom (the unit's ISO officer). Made with
the register import itself, as the officer does it in the browser."""

from plone import api
from qms.intranet.migration.register.bundle import open_bundle
from qms.intranet.migration.register.plan import make_plan
from qms.intranet.migration.register.plan import run
from qms.intranet.migration.register.sheet import read
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes

import csv
import io
import zipfile


UNIT = "phapche"
SOURCE = "so-dang-ky-tai-lieu-phap-che.csv"
HEADERS = ("Mã hiệu", "Tên tài liệu", "Lần ban hành", "Ngày ban hành", "Trạng thái")
ROWS = (
    (
        "QT-04/PC",
        "Quy trình theo dõi tình hình thi hành pháp luật",
        "2",
        "15/03/2021",
        "Hiệu lực",
    ),
    (
        "BM-01/QT-04/PC",
        "Báo cáo kết quả theo dõi thi hành pháp luật",
        "2",
        "15/03/2021",
        "Hiệu lực",
    ),
    (
        "QT-05/PC",
        "Quy trình hợp nhất văn bản quy phạm pháp luật",
        "1",
        "",
        "Dự thảo",
    ),
    (
        "QT-06/PC",
        "Quy trình lấy ý kiến dự thảo văn bản (bản năm 2016)",
        "1",
        "10/06/2016",
        "Hết hiệu lực",
    ),
)


def register_bytes() -> bytes:
    """The register as the unit kept it: CSV from Excel, UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(ROWS)
    return out.getvalue().encode("utf-8-sig")


def files_bytes() -> bytes:
    """The ZIP of its files, named by code: the signed PDF of each
    procedure, the form as a Word file."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for code, *_rest in ROWS:
            name = code.replace("/", "-")
            if code.startswith("BM"):
                archive.writestr(f"{name}.docx", docx_bytes(code))
            else:
                archive.writestr(f"{name}.pdf", pdf_bytes(f"{code} ban ky"))
    return out.getvalue()


def create_imported(site) -> list:
    """Import the register into the unit, as its ISO officer."""
    unit = site["don-vi"][UNIT]
    with api.env.adopt_user(username=f"{UNIT}.officer"):
        bundle = open_bundle(files_bytes())
        plan = make_plan(read(SOURCE, register_bytes()), bundle, unit)
        problems = [row for row in plan.rows if row.problems]
        assert not problems, [(row.code, row.problems) for row in problems]
        return run(plan, bundle, source=SOURCE)
