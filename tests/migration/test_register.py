"""Bringing in a unit's register: the spreadsheet read as people keep it,
every row's problems found before anything is written, and the import —
effective documents with their issue and date, drafts, forms in their
procedure, a history entry saying who imported them — done once."""

from datetime import date
from plone import api
from qms.intranet.core.i18n import translated
from qms.intranet.migration.register.bundle import open_bundle
from qms.intranet.migration.register.plan import make_plan
from qms.intranet.migration.register.plan import run
from qms.intranet.migration.register.sheet import read
from qms.intranet.migration.register.sheet import SheetError
from qms.intranet.migration.register.template import template_bytes
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes
from tests.migration.registers import HEADERS
from tests.migration.registers import originals
from tests.migration.registers import windows_1258
from tests.migration.registers import xlsx
from tests.migration.registers import zip_of
from zope.i18n import translate

import pytest


def vi(message) -> str:
    return translate(message, target_language="vi")


def plan_of(portal, rows, files=None, where="don-vi/vp", **sheet):
    context = portal.unrestrictedTraverse(where)
    bundle = open_bundle(zip_of(files) if files else None)
    return make_plan(
        read("so-dang-ky.xlsx", xlsx(rows, **sheet)), bundle, context
    ), bundle


def problems(row) -> str:
    return " | ".join(vi(p) for p in row.problems)


class TestSheet:
    def test_headers_below_a_title_typed_without_marks_and_excel_dates(self):
        data = xlsx(
            [
                (
                    "QT-09/VP",
                    "Quy trình lưu trữ",
                    2.0,
                    date(2023, 5, 4),
                    "vp",
                    "hieu luc",
                )
            ],
            headers=(
                "Ma hieu",
                "TEN",
                "Lan ban hanh",
                "ngay ban hanh (*)",
                "Don vi",
                "Trang thai",
            ),
            title_rows=[("DANH MỤC TÀI LIỆU HỆ THỐNG QLCL",), ()],
        )
        sheet = read("danh-muc.xlsx", data)
        assert sheet.rows == [
            (
                4,
                {
                    "code": "QT-09/VP",
                    "title": "Quy trình lưu trữ",
                    "revision": 2,
                    "issue_date": date(2023, 5, 4),
                    "unit": "vp",
                    "state": "hieu luc",
                },
            )
        ]

    def test_csv_saved_by_excel_in_windows_1258_with_semicolons(self):
        text = (
            "Mã hiệu;Tên tài liệu;Ngày ban hành\n"
            "QT-09/VP;Quy trình lưu trữ;04/05/2023\n"
        )
        sheet = read("danh-muc.csv", windows_1258(text))
        assert sheet.rows[0][1]["title"] == "Quy trình lưu trữ"
        assert sheet.rows[0][1]["issue_date"] == "04/05/2023"

    @pytest.mark.parametrize(
        ("name", "data", "fragment"),
        [
            ("a.xlsx", b"", "trống"),
            ("a.xls", b"\xd0\xcf\x11\xe0" + b"0" * 100, ".xlsx"),
            ("a.xlsx", b"PK\x03\x04 broken", "hỏng"),
            ("a.csv", "Tên;Ghi chú\nA;B\n".encode(), "Mã hiệu"),
            ("a.csv", "Mã hiệu;Tên tài liệu\n".encode(), "không có dòng"),
        ],
    )
    def test_unusable_spreadsheets_say_why(self, integration, name, data, fragment):
        with pytest.raises(SheetError) as refused:
            read(name, data)
        assert fragment in vi(refused.value.args[0])

    def test_the_template_reads_back_with_every_column(self, integration):
        sheet = read("mau.xlsx", template_bytes(integration["request"]))
        assert [cells["code"] for _n, cells in sheet.rows] == [
            "QT-05/VP",
            "BM-01/QT-05/VP",
        ]
        assert len(sheet.columns) == 11


GOOD = [
    (
        "QT-11/VP",
        "Quy trình quản lý con dấu",
        3,
        "15/03/2024",
        "Văn phòng Bộ",
        "Hiệu lực",
    ),
    ("BM-01/QT-11/VP", "Sổ theo dõi con dấu", 1, "15/03/2024", "vp", "Hiệu lực"),
    ("QT-12/VP", "Quy trình quản lý xe công", 1, "", "vp", "Dự thảo"),
]


class TestPlan:
    def test_every_problem_is_named_on_its_row_and_nothing_is_written(
        self, integration, as_user
    ):
        portal = integration["portal"]
        rows = [
            *GOOD,
            ("QT-11/VP", "Trùng mã", 1, "01/01/2024", "vp", "Hiệu lực"),
            ("qt 13/vp?", "Mã sai", 1, "01/01/2024", "vp", "Hiệu lực"),
            ("QT-14/VP", "Đơn vị lạ", 1, "01/01/2024", "Vụ Không Có", "Hiệu lực"),
            ("QT-15/VP", "Thiếu tệp", 1, "01/01/2024", "vp", "Hiệu lực"),
            ("QT-16/VP", "Ngày sai", 1, "31/02/2024", "vp", "Hiệu lực"),
            ("QT-17/VP", "Lần sai", "hai", "01/01/2024", "vp", "Hiệu lực"),
            ("QT-18/VP", "Trạng thái lạ", 1, "01/01/2024", "vp", "Đang xem"),
            ("QT-19/PC", "Của đơn vị khác", 1, "01/01/2024", "phapche", "Hiệu lực"),
            ("BM-01/QT-99/VP", "Biểu mẫu mồ côi", 1, "01/01/2024", "vp", "Hiệu lực"),
            ("QT-02/VP", "Đã có trên hệ thống", 1, "01/01/2024", "vp", "Hiệu lực"),
        ]
        files = {
            **originals("QT-11/VP", "QT-16/VP", "QT-17/VP", "QT-18/VP", "QT-19/PC"),
            "BM-01-QT-11-VP.docx": docx_bytes("So con dau"),
            "QT-14-VP.pdf": b"not a pdf",
            "ghi-chu.txt": b"x",
        }
        before = len(api.content.find(portal_type="Procedure"))
        with as_user("vp.officer"):
            plan, _bundle = plan_of(portal, rows, files)
        by_number = {row.number: row for row in plan.rows}
        assert [by_number[n].status for n in (2, 3, 4)] == ["create"] * 3
        assert by_number[2].files["signed_original"].name == "QT-11-VP.pdf"
        assert by_number[2].files["editable_source"].name == "QT-11-VP.docx"
        assert by_number[3].files["file"].name == "BM-01-QT-11-VP.docx"
        expected = {
            5: "trùng với dòng 2",
            6: "không phải mã tài liệu",
            7: "Không có đơn vị «Vụ Không Có»",
            8: "Không có bản gốc đã ký (PDF)",
            9: "không phải là ngày",
            10: "không phải số nguyên",
            11: "Trạng thái «Đang xem» không rõ",
            12: "chỉ nhập tài liệu của đơn vị mình",
            13: "không có trong sổ đăng ký cũng như trên mạng nội bộ",
        }
        for number, fragment in expected.items():
            assert by_number[number].status == "refused", number
            assert fragment in problems(by_number[number]), problems(by_number[number])
        assert by_number[14].status == "exists"
        assert by_number[14].existing_url.endswith(
            "/don-vi/vp/quy-trinh-quan-ly-van-ban-di"
        )
        assert plan.unmatched == ["ghi-chu.txt"]
        assert len(api.content.find(portal_type="Procedure")) == before

    def test_a_damaged_file_and_a_scan_named_by_code_with_words_after_it(
        self, integration, as_user
    ):
        portal = integration["portal"]
        files = {
            "QT-11-VP ban ky.pdf": pdf_bytes("ban ky"),
            "QT-11-VP.docx": b"PK\x03\x04 not really",
        }
        with as_user("vp.officer"):
            plan, _bundle = plan_of(portal, GOOD[:1], files)
        row = plan.rows[0]
        assert row.status == "refused"
        assert "QT-11-VP.docx bị hỏng" in problems(row)

    def test_system_procedures_and_decisions_are_the_secretariats(
        self, integration, as_user
    ):
        portal = integration["portal"]
        rows = [
            (
                "QT-20/KHCN",
                "Quy trình hệ thống mới",
                1,
                "01/02/2024",
                "khcn",
                "Hiệu lực",
            )
        ]
        files = originals("QT-20/KHCN")
        headers = (*HEADERS, "Loại")
        with as_user("khcn.officer"):
            plan, _b = plan_of(
                portal,
                [(*rows[0], "Quy trình hệ thống")],
                files,
                "don-vi/khcn",
                headers=headers,
            )
        assert "Chỉ Thư ký ISO" in problems(plan.rows[0])
        with as_user("iso.secretary"):
            plan, _b = plan_of(
                portal,
                [(*rows[0], "Quy trình hệ thống")],
                files,
                "he-thong-qlcl",
                headers=headers,
            )
        assert plan.rows[0].status == "create", problems(plan.rows[0])


class TestImport:
    def test_effective_draft_and_form_once_with_who_imported_them(
        self, integration, as_user
    ):
        portal = integration["portal"]
        files = {
            **originals("QT-11/VP"),
            "BM-01-QT-11-VP.docx": docx_bytes("So con dau"),
        }
        with as_user("vp.officer"):
            plan, bundle = plan_of(portal, GOOD, files)
            created = run(plan, bundle, source="so-dang-ky.xlsx")
        assert len(created) == 3
        procedure = portal["don-vi"]["vp"]["quy-trinh-quan-ly-con-dau"]
        assert api.content.get_state(procedure) == "effective"
        assert procedure.revision == 3
        assert procedure.issue_date == date(2024, 3, 15)
        assert procedure.effective_from == date(2024, 3, 15)
        assert procedure.next_review_date == date(2025, 3, 15)
        assert procedure.owning_unit == "vp"
        assert procedure.signed_original.filename == "QT-11-VP.pdf"
        assert procedure.signed_original.data.startswith(b"%PDF-")
        assert procedure.amendment_history[0]["revision"] == 3
        assert procedure.amendment_history[0]["date"] == "2024-03-15"
        entry = procedure.workflow_history["qms_document_workflow"][-1]
        assert entry["action"] == "import"
        assert entry["actor"] == "vp.officer"
        assert entry["review_state"] == "effective"
        assert "so-dang-ky.xlsx, dòng 2" in entry["comments"]
        form = procedure["so-theo-doi-con-dau"]
        assert form.portal_type == "ProcedureForm"
        assert form.file.filename == "BM-01-QT-11-VP.docx"
        with as_user("vp.officer"):
            (draft,) = api.content.find(document_code="QT-12/VP")
            assert draft.review_state == "draft"

        # Staff read what is effective, and find it by its words.
        with as_user("phapche.staff"):
            found = api.content.find(SearchableText="con dau")
            assert "Quy trình quản lý con dấu" in [b.Title for b in found]
            assert not api.content.find(document_code="QT-12/VP")

        # The same register again: nothing twice.
        with as_user("vp.officer"):
            plan, bundle = plan_of(portal, GOOD, files)
            assert [row.status for row in plan.rows] == ["exists"] * 3
            assert run(plan, bundle, source="so-dang-ky.xlsx") == []
        with as_user("vp.officer"):
            assert len(api.content.find(document_code="QT-11/VP")) == 1

    def test_the_history_names_the_import(self, integration, as_user):
        from qms.intranet.core.views import history

        portal = integration["portal"]
        with as_user("vp.officer"):
            plan, bundle = plan_of(portal, GOOD[:1], originals("QT-11/VP"))
            (procedure,) = run(plan, bundle, source="so.xlsx")
            rows = history(procedure, integration["request"])
        assert translated(rows[0]["action"]) == rows[0]["action"]
        assert rows[0]["action"] == "Nhập từ sổ đăng ký"


def test_the_demo_shows_a_register_brought_in(integration, as_user):
    """The demo's Vụ Pháp chế brought in its old register: an effective
    procedure with its issue number, date and form, a draft and one no
    longer in force, each saying who imported it from which file."""
    from qms.intranet.site.demo.register import SOURCE

    unit = integration["portal"]["don-vi"]["phapche"]
    with as_user("iso.secretary"):
        found = {
            obj.code: obj
            for obj in (
                brain.getObject()
                for brain in api.content.find(
                    context=unit, document_code=["QT-04/PC", "QT-05/PC", "QT-06/PC"]
                )
            )
        }
        states = {code: api.content.get_state(obj) for code, obj in found.items()}
    assert states == {
        "QT-04/PC": "effective",
        "QT-05/PC": "draft",
        "QT-06/PC": "obsolete",
    }
    procedure = found["QT-04/PC"]
    assert (procedure.revision, procedure.issue_date) == (2, date(2021, 3, 15))
    assert procedure.signed_original.filename == "QT-04-PC.pdf"
    (form,) = procedure.contentValues({"portal_type": "ProcedureForm"})
    assert form.code == "BM-01/QT-04/PC"
    for obj in found.values():
        entry = obj.workflow_history["qms_document_workflow"][-1]
        assert (entry["action"], entry["actor"]) == ("import", "phapche.officer")
        assert SOURCE in entry["comments"]


def test_1012_lets_officers_and_the_secretariat_import(integration):
    """On a site of profile 1011 nobody but the Manager may import; the
    upgrade gives it to the secretariat and units' ISO officers."""
    from qms.intranet.upgrades import v1012

    portal = integration["portal"]
    permission = "qms.intranet: Import register"
    portal.manage_permission(permission, roles=["Manager"], acquire=True)
    v1012.upgrade(portal.portal_setup)
    granted = {
        role["name"]
        for role in portal.rolesOfPermission(permission)
        if role["selected"]
    }
    assert {"QMSSecretary", "UnitOfficer", "Site Administrator"} <= granted
