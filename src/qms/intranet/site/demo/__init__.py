"""Demo data of `make start`: units, accounts and the documents of a QMS year.

Created once, when the site is created with the distribution's
"setup_content" answer, and never on an existing site. It reproduces the
seed article's year in small: procedures effective, one revised (two
issues), one cancelled, new ones issued and new drafts not yet issued.
"""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from qms.intranet import logger
from qms.intranet.audits.subscribers import ensure_section
from qms.intranet.documents.content import QMS_SECTION
from qms.intranet.improvement.revise import revise_procedure
from qms.intranet.records import lists
from qms.intranet.site.demo.data import AUDIT_PROGRAMME
from qms.intranet.site.demo.data import BUSINESS_PROCEDURES
from qms.intranet.site.demo.data import CHECKLIST
from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.site.demo.data import DEMO_USERS
from qms.intranet.site.demo.data import FIRST_ACTIONS
from qms.intranet.site.demo.data import HOME_TEXT
from qms.intranet.site.demo.data import NONCONFORMITIES
from qms.intranet.site.demo.data import SYSTEM_PROCEDURES
from qms.intranet.site.demo.data import UNITS
from qms.intranet.site.demo.data import UNITS_WITH_ACCOUNTS
from qms.intranet.site.demo.evaluation import create_evaluation
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes
from qms.intranet.site.demo.files import scan_bytes
from qms.intranet.site.demo.lifecycle import create_lifecycle
from qms.intranet.site.demo.objectives import create_objectives
from qms.intranet.site.demo.register import create_imported
from qms.intranet.site.demo.review import create_reviews
from qms.intranet.site.demo.training import create_training
from qms.intranet.units.groups import UNITS_FOLDER


def create_users():
    """Create the demo accounts in their groups, skipping those that exist."""
    for login, fullname, groups, roles in DEMO_USERS:
        if api.user.get(username=login) is None:
            api.user.create(
                username=login,
                email=f"{login}@qms.example.vn",
                password=DEMO_PASSWORD,
                roles=("Member", *roles),
                properties={"fullname": fullname, "language": "vi"},
            )
        for group in groups:
            api.group.add_user(groupname=group, username=login)
        logger.info("Demo account %s ready", login)


def set_home_page(site):
    """Give the site root a Vietnamese welcome text."""
    site.text = RichTextValue(HOME_TEXT.strip(), "text/html", "text/x-html-safe")
    site.reindexObject()


def create_units(site):
    folder = site[UNITS_FOLDER]
    for unit_id, title, kind in UNITS:
        if unit_id not in folder.objectIds():
            api.content.create(
                container=folder,
                type="Department",
                id=unit_id,
                title=title,
                unit_kind=kind,
            )


# What the scanned decision's page says: only OCR makes it searchable.
SCANNED_DECISION = (
    "Điều 1. Kiện toàn Ban chỉ đạo xây dựng, áp dụng, duy trì và cải tiến Hệ "
    "thống quản lý chất lượng. Điều 2. Thư ký ISO giúp Ban chỉ đạo theo dõi "
    "việc khắc phục sau đánh giá nội bộ."
)


def _files(code: str) -> dict:
    name = code.replace("/", "-").lower()
    return {
        "signed_original": NamedBlobFile(
            pdf_bytes(f"{code} - ban ky"),
            filename=f"{name}.pdf",
            contentType="application/pdf",
        ),
        "editable_source": NamedBlobFile(
            docx_bytes(code),
            filename=f"{name}.docx",
            contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    }


def _as(login, transition, obj, comment=""):
    with api.env.adopt_user(username=login):
        api.content.transition(obj=obj, transition=transition, comment=comment)


def _issue(obj, unit):
    """Take a draft through review and approval, by the right people."""
    _as(
        f"{unit}.officer" if unit in UNITS_WITH_ACCOUNTS else "iso.secretary",
        "submit",
        obj,
    )
    _as(
        f"{unit}.head" if unit in UNITS_WITH_ACCOUNTS else "iso.secretary",
        "accept",
        obj,
    )
    _as("leader", "approve", obj)


def _procedure(container, unit, code, title, kind, records=()):
    return api.content.create(
        container=container,
        type="Procedure",
        title=title,
        code=code,
        kind=kind,
        owning_unit=unit,
        purpose=f"Quy định trình tự, trách nhiệm thực hiện {title[0].lower() + title[1:]}.",
        scope="Áp dụng đối với các đơn vị thuộc khối cơ quan Bộ.",
        references="TCVN ISO 9001:2015; Nghị định 30/2020/NĐ-CP về công tác văn thư.",
        responsibilities="Thủ trưởng đơn vị chịu trách nhiệm tổ chức thực hiện quy trình.",
        records=list(records),
        drafted_by="Cán bộ ISO của đơn vị",
        reviewed_by="Lãnh đạo đơn vị",
        **_files(code),
    )


def create_documents(site):
    section = site[QMS_SECTION]
    units = site[UNITS_FOLDER]
    with api.env.adopt_roles(["Manager"]):
        policy = api.content.create(
            container=section,
            type="QualityPolicy",
            id="chinh-sach-chat-luong",
            title="Chính sách chất lượng",
            code="CSCL-01",
            owning_unit="khcn",
            text=_rich(
                "<p>Khối cơ quan Bộ cam kết xây dựng, áp dụng, duy trì và cải tiến "
                "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015, giải quyết "
                "công việc đúng pháp luật, nhanh chóng, công khai, minh bạch.</p>"
            ),
            objectives=_rich(
                "<ul><li>100% văn bản đến được xử lý đúng hạn.</li>"
                "<li>Mỗi đơn vị lập danh mục hồ sơ trước ngày 31/01 hằng năm.</li></ul>"
            ),
            **_files("CSCL-01"),
        )
        decision = api.content.create(
            container=section,
            type="Decision",
            id="quyet-dinh-cong-bo",
            title="Quyết định công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015",
            code="1234/QĐ-BTTTT",
            number_symbol="1234/QĐ-BTTTT",
            summary="Công bố Hệ thống quản lý chất lượng của khối cơ quan Bộ phù hợp "
            "tiêu chuẩn quốc gia TCVN ISO 9001:2015.",
            signer="Nguyễn Minh Hồng",
            signed_date=date(2026, 3, 15),
            owning_unit="khcn",
            **_files("1234/QĐ-BTTTT"),
        )
        # Its signed original a scan without text: read by the OCR worker of
        # the instance `make start` serves, then found by its words.
        scanned = api.content.create(
            container=section,
            type="Decision",
            id="quyet-dinh-kien-toan-ban-chi-dao",
            title="Quyết định kiện toàn Ban chỉ đạo ISO",
            code="56/QĐ-BTTTT",
            number_symbol="56/QĐ-BTTTT",
            summary="Kiện toàn Ban chỉ đạo xây dựng, áp dụng Hệ thống quản lý chất "
            "lượng theo TCVN ISO 9001:2015 của khối cơ quan Bộ.",
            signer="Nguyễn Minh Hồng",
            signed_date=date(2026, 4, 2),
            owning_unit="khcn",
            signed_original=NamedBlobFile(
                scan_bytes(SCANNED_DECISION),
                filename="56-qd-btttt-ban-quet.pdf",
                contentType="application/pdf",
            ),
        )
        system = [
            _procedure(section, "khcn", code, title, "system", records)
            for code, title, records in SYSTEM_PROCEDURES
        ]
        business = {
            code: (
                _procedure(
                    units[unit],
                    unit,
                    code,
                    title,
                    "business",
                    [f"Hồ sơ {title[9:].strip()}"],
                ),
                unit,
                final,
            )
            for unit, code, title, final in BUSINESS_PROCEDURES
        }
    for obj in (policy, decision, scanned, *system):
        _issue(obj, "khcn")
    for obj, unit, final in business.values():
        if final == "draft":
            continue
        if final == "pending_review":
            _as(f"{unit}.officer", "submit", obj)
            continue
        if final == "pending_approval":
            _as(f"{unit}.officer", "submit", obj)
            _as(f"{unit}.head", "accept", obj)
            continue
        _issue(obj, unit)
        if final == "cancelled":
            _as(
                "iso.secretary",
                "withdraw",
                obj,
                "Không còn phù hợp với chức năng, nhiệm vụ và cơ cấu tổ chức "
                "của đơn vị.",
            )
        elif final == "revised":
            _revise(obj, unit)
    _add_form(business["QT-02/VP"][0])


def _revise(obj, unit):
    """The revision flow staff follow: check out, edit, review, approve."""
    with api.env.adopt_user(username=f"{unit}.officer"):
        wc = ICheckinCheckoutPolicy(obj).checkout(obj.aq_parent)
        wc.responsibilities = (
            "Chánh Văn phòng chịu trách nhiệm; văn thư đơn vị tiếp nhận, đăng ký "
            "văn bản đến trên hệ thống trong ngày."
        )
        wc.change_note = "Bổ sung việc đăng ký văn bản đến trên hệ thống trong ngày."
        wc.signed_original = NamedBlobFile(
            pdf_bytes(f"{obj.code} - ban ky lan 2"),
            filename=f"{obj.code.replace('/', '-').lower()}-lan-2.pdf",
            contentType="application/pdf",
        )
        wc.reindexObject()
    _as(f"{unit}.officer", "submit", wc)
    _as(f"{unit}.head", "accept", wc)
    _as("leader", "approve", wc)


def _add_form(procedure):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=procedure,
            type="ProcedureForm",
            id="bm-01",
            title="Sổ đăng ký văn bản đi",
            code="BM-01/QT-02/VP",
            owning_unit="vp",
            file=NamedBlobFile(
                docx_bytes("So dang ky van ban di"), filename="bm-01-qt-02-vp.docx"
            ),
        )


def _rich(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


def create_records(site):
    """This year's record lists: issued for khcn, a draft for vp, none for
    phapche; records in several entries of khcn's list, one of them closed."""
    year = date.today().year
    units = site[UNITS_FOLDER]
    with api.env.adopt_user(username="khcn.officer"):
        rows = lists.propose_entries(units["khcn"], year)
        rows[0]["responsible"] = "khcn.staff"
        khcn = lists.create_list(units["khcn"], year, rows)
    _as("khcn.officer", "submit", khcn)
    _as("khcn.head", "approve", khcn)
    first, second = khcn.entries[0], khcn.entries[1]
    filed = [
        ("Hồ sơ soát xét tài liệu quý I", first["id"], "01/KHCN"),
        ("Hồ sơ soát xét tài liệu quý II", first["id"], "02/KHCN"),
        ("Hồ sơ ban hành quy trình mới", second["id"], "03/KHCN"),
    ]
    made = []
    with api.env.adopt_user(username="khcn.staff"):
        for title, entry, number in filed:
            record = api.content.create(
                container=khcn,
                type="Record",
                title=title,
                entry=entry,
                reference_number=number,
                procedure="QT-HT-01",
            )
            api.content.create(
                container=record,
                type="RecordFile",
                title=f"{number}.pdf",
                file=NamedBlobFile(
                    pdf_bytes(title), filename=f"{number.replace('/', '-')}.pdf"
                ),
            )
            made.append(record)
    _as("khcn.staff", "close", made[0])
    with api.env.adopt_user(username="vp.officer"):
        lists.create_list(units["vp"], year, lists.propose_entries(units["vp"], year))


def _nonconformity(unit, title, description, source, severity, days):
    with api.env.adopt_user(username=f"{unit}.staff"):
        return api.content.create(
            container=_register(unit),
            type="Nonconformity",
            title=title,
            description=description,
            source=source,
            severity=severity,
            detected_on=date.today() - timedelta(days=days),
        )


def _register(unit):
    return api.portal.get()[UNITS_FOLDER][unit]["khac-phuc"]


def _action(nc, title, responsible, due_in, kind="corrective", done=""):
    login = f"{nc.aq_parent.aq_parent.getId()}.officer"
    with api.env.adopt_user(username=login):
        action = api.content.create(
            container=nc,
            type="CorrectiveAction",
            title=title,
            kind=kind,
            responsible=responsible,
            due_date=date.today() + timedelta(days=due_in),
        )
    if done:
        action.result = done
        _as(responsible, "complete", action)
    return action


def _analyse(nc, unit, cause, category="method"):
    nc.root_cause = cause
    nc.cause_category = category
    _as(f"{unit}.officer", "analyse", nc)


def create_improvement(site):
    """Nonconformities in every state in two units (NONCONFORMITIES): one
    revised its procedure through «Sửa đổi quy trình», one overdue, one
    verified not effective and reopened."""
    for unit, key, title, text, source, severity, days, _final in NONCONFORMITIES:
        nc = _nonconformity(unit, title, text, source, severity, days)
        if key == "revised":
            procedure = _effective(unit, "QT-01/KHCN")
            nc.procedure = procedure.UID()
            nc.reindexObject()
            _analyse(nc, unit, "Quy trình chưa quy định bước lấy ý kiến chuyên gia.")
            with api.env.adopt_user(username=f"{unit}.officer"):
                working_copy = revise_procedure(nc)
                working_copy.signed_original_unchanged = True
            _as(f"{unit}.head", "plan", nc)
            _as(f"{unit}.officer", "submit", working_copy)
            _as(f"{unit}.head", "accept", working_copy)
            _as("leader", "approve", working_copy)  # the action is done by itself
        elif key == "analysed":
            _analyse(nc, unit, "Cán bộ mới chưa được hướng dẫn thành phần hồ sơ.")
            _action(
                nc,
                "Hướng dẫn cán bộ mới về thành phần hồ sơ nghiệm thu",
                f"{unit}.staff",
                14,
            )
        elif key == "overdue":
            _analyse(nc, unit, "Chưa phân công người cập nhật danh mục.", "people")
            _action(
                nc,
                "Phân công cán bộ cập nhật danh mục hằng tháng",
                f"{unit}.staff",
                -30,
            )
            _as(f"{unit}.head", "plan", nc)
        elif key == "cancelled":
            _as(
                "iso.secretary",
                "cancel",
                nc,
                "Hồ sơ vẫn được lưu đúng vị trí trong kho lưu trữ; phản ánh "
                "không có cơ sở.",
            )
        elif key in FIRST_ACTIONS:
            cause, action, result = FIRST_ACTIONS[key]
            _analyse(nc, unit, cause)
            _action(nc, action, f"{unit}.staff", -5, done=result)
            _as(f"{unit}.head", "plan", nc)
            _as(f"{unit}.officer", "complete", nc)
            if key != "pending":
                nc.effectiveness = "effective" if key == "closed" else "not_effective"
                nc.effectiveness_note = "Kiểm tra lại một tháng sau khi khắc phục."
            if key == "closed":
                _as("iso.secretary", "verify", nc)
            elif key == "reopened":
                _as(
                    "iso.secretary",
                    "reopen",
                    nc,
                    "Kiểm tra tháng sau vẫn còn một cuộc họp phải dời phòng: "
                    "cần lập lịch chuẩn bị phòng họp.",
                )
                _action(
                    nc, "Lập lịch chuẩn bị phòng họp hằng tuần", f"{unit}.staff", 10
                )
        logger.info("Demo nonconformity %s ready", nc.reference)


def _audit(programme, title, units, lead, auditors, start, end, procedures=()):
    with api.env.adopt_user(username="iso.secretary"):
        return api.content.create(
            container=programme,
            type="Audit",
            title=title,
            audited_units=list(units),
            lead_auditor=lead,
            auditors=list(auditors),
            start=start,
            end=end,
            criteria=AUDIT_PROGRAMME["criteria"],
            procedures=[p.UID() for p in procedures],
        )


def _finding(audit, login, unit, kind, title, description, evidence="", **more):
    with api.env.adopt_user(username=login):
        return api.content.create(
            container=audit,
            type="AuditFinding",
            title=title,
            kind=kind,
            unit=unit,
            description=description,
            evidence=evidence,
            **more,
        )


def _checklist(procedure) -> list[dict]:
    return [
        {
            "question": question,
            "clause": clause,
            "procedure": procedure,
            "result": result,
            "evidence": evidence,
        }
        for question, clause, result, evidence in CHECKLIST
    ]


def create_audits(site):
    """This year's programme (approved) with an audit closed (phapche: its
    findings, and the nonconformity the unit has analysed), one in progress
    (khcn, audited by a vp auditor: its team reads khcn now) and one
    planned (vp, audited by a phapche auditor); the other units are not
    covered this year."""
    today = date.today()
    section = ensure_section()
    with api.env.adopt_user(username="iso.secretary"):
        programme = api.content.create(
            container=section,
            type="AuditProgramme",
            id=str(today.year),
            year=today.year,
            **AUDIT_PROGRAMME,
        )
    _as("leader", "approve", programme)

    closed = _audit(
        programme,
        "Đánh giá nội bộ Vụ Pháp chế",
        ["phapche"],
        "auditor",
        [],
        today,
        today + timedelta(days=1),
    )
    _as("auditor", "start", closed)
    closed.checklist = _checklist("QT-01/PC")
    _finding(
        closed,
        "auditor",
        "phapche",
        "minor_nc",
        "Hồ sơ thẩm định văn bản thiếu phiếu theo dõi",
        "Hai hồ sơ thẩm định dự thảo thông tư không có phiếu theo dõi quá trình "
        "xử lý theo biểu mẫu của quy trình.",
        "Hồ sơ thẩm định số 14 và 17 năm nay.",
        clause="7.5.3",
    )
    _finding(
        closed,
        "auditor",
        "phapche",
        "observation",
        "Sổ theo dõi văn bản cập nhật chậm",
        "Sổ theo dõi văn bản đến của Vụ cập nhật chậm hai ngày so với thực tế.",
    )
    _finding(
        closed,
        "auditor",
        "phapche",
        "improvement",
        "Có thể số hóa phiếu theo dõi thẩm định",
        "Đề xuất chuyển phiếu theo dõi sang biểu mẫu điện tử trên mạng nội bộ.",
    )
    closed.summary = (
        "Vụ Pháp chế áp dụng Hệ thống quản lý chất lượng phù hợp với TCVN ISO "
        "9001:2015. Điểm mạnh: quy trình thẩm định được tuân thủ, cán bộ nắm "
        "vững yêu cầu. Phát hiện một điểm không phù hợp nhẹ về hồ sơ, một "
        "khuyến nghị và một cơ hội cải tiến."
    )
    _as("auditor", "report", closed)
    for finding in closed.objectValues():
        if finding.nonconformity:
            nc = api.content.get(UID=finding.nonconformity)
            _analyse(
                nc, "phapche", "Cán bộ mới chưa được hướng dẫn dùng phiếu theo dõi."
            )
    _as("iso.secretary", "close", closed)
    closed.start = max(date(today.year, 1, 1), today - timedelta(days=150))
    closed.end = min(closed.start + timedelta(days=1), today)
    closed.reindexObject()

    running = _audit(
        programme,
        "Đánh giá nội bộ Vụ Khoa học và Công nghệ",
        ["khcn"],
        "auditor",
        ["auditor2"],
        max(date(today.year, 1, 1), today - timedelta(days=1)),
        today + timedelta(days=6),
        procedures=[_effective("khcn", "QT-01/KHCN")],
    )
    _as("auditor", "start", running)
    running.checklist = _checklist("QT-01/KHCN")
    running.reindexObject()
    _finding(
        running,
        "auditor2",
        "khcn",
        "minor_nc",
        "Biểu mẫu đề xuất nhiệm vụ dùng phiên bản cũ",
        "Phòng Quản lý nhiệm vụ còn dùng biểu mẫu đề xuất của lần ban hành trước.",
        "Ba phiếu đề xuất nộp trong tháng.",
        clause="7.5.2",
    )

    _audit(
        programme,
        "Đánh giá nội bộ Văn phòng Bộ",
        ["vp"],
        "auditor2",
        [],
        today + timedelta(days=30),
        today + timedelta(days=32),
    )
    logger.info("Demo internal audits ready")


def _effective(unit, code):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(
        portal_type="Procedure", document_code=code, review_state="effective"
    )
    return brain._unrestrictedGetObject()


def create(site):
    """Create all demo data in `site`."""
    with api.env.adopt_roles(["Manager"]):
        create_units(site)
    create_users()
    set_home_page(site)
    create_documents(site)
    create_records(site)
    create_improvement(site)
    create_audits(site)
    create_objectives(site)
    create_reviews(site)
    create_evaluation(site)
    create_training(site)
    create_lifecycle(site)
    create_imported(site)
