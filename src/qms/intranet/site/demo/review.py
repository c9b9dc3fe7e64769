"""Demo management reviews (issue #15): last year's review of the whole
bloc, closed, with two actions (one done, one still open and overdue), and
this year's in draft, whose inputs are gathered live (among them, last
year's two actions as input a)."""

from datetime import date
from plone import api
from qms.intranet import logger
from qms.intranet.review.content import BLOC
from qms.intranet.review.content import ensure_review_section


SECRETARY = "iso.secretary"
CHAIR = "Thứ trưởng Nguyễn Minh Hồng, Trưởng Ban Chỉ đạo ISO"
PARTICIPANTS = (
    "Lãnh đạo Bộ phụ trách ISO\n"
    "Thủ trưởng các đơn vị thuộc khối cơ quan Bộ\n"
    "Thư ký ISO, Ban Chỉ đạo ISO\n"
    "Cán bộ ISO của các đơn vị"
)
LAST_YEAR = {
    "resources": (
        "Các đơn vị đều có cán bộ ISO kiêm nhiệm; cần tập huấn thêm về TCVN "
        "ISO 9001:2015 cho cán bộ mới."
    ),
    "risks": (
        "Rủi ro chậm ban hành danh mục hồ sơ đầu năm đã được nhắc trong giao "
        "ban hằng tháng; ba đơn vị vẫn ban hành muộn."
    ),
    "improvement_notes": (
        "Đưa phiếu theo dõi xử lý hồ sơ lên mạng nội bộ; rà soát các quy "
        "trình nghiệp vụ không còn phù hợp."
    ),
    "decisions": (
        "1. Hệ thống quản lý chất lượng của khối cơ quan Bộ phù hợp, được duy "
        "trì và cải tiến.\n"
        "2. Các đơn vị rà soát, sửa đổi quy trình ngay khi phát hiện điểm "
        "không phù hợp.\n"
        "3. Tổ chức tập huấn ISO cho cán bộ ISO kiêm nhiệm."
    ),
}
ACTIONS = (
    (
        "Tổ chức tập huấn TCVN ISO 9001:2015 cho cán bộ ISO các đơn vị",
        "khcn.officer",
        date(date.today().year, 3, 31),
        "Đã tổ chức lớp tập huấn hai ngày cho 24 cán bộ ISO của 9 đơn vị.",
    ),
    (
        "Số hóa phiếu theo dõi xử lý hồ sơ trên mạng nội bộ",
        "vp.officer",
        date(date.today().year, 6, 30),
        "",
    ),
)


def _as(login, transition, obj, comment=""):
    with api.env.adopt_user(username=login):
        api.content.transition(obj=obj, transition=transition, comment=comment)


def _review(section, year, meeting_date, **more):
    with api.env.adopt_user(username=SECRETARY):
        return api.content.create(
            container=section,
            type="ManagementReview",
            title=f"Xem xét của lãnh đạo năm {year}",
            meeting_date=meeting_date,
            chair=CHAIR,
            participants=PARTICIPANTS,
            scope=BLOC,
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            **more,
        )


def create_reviews(site):
    """Last year's review closed (two actions, one done, one open) and this
    year's in draft."""
    section = ensure_review_section()
    year = date.today().year
    last = _review(section, year - 1, date(year - 1, 12, 22), **LAST_YEAR)
    actions = []
    for title, responsible, due, _result in ACTIONS:
        with api.env.adopt_user(username=SECRETARY):
            actions.append(
                api.content.create(
                    container=last,
                    type="CorrectiveAction",
                    title=title,
                    kind="improvement",
                    responsible=responsible,
                    due_date=due,
                )
            )
    _as(SECRETARY, "hold", last)
    for action, (_title, responsible, _due, result) in zip(
        actions, ACTIONS, strict=True
    ):
        if result:
            action.result = result
            _as(responsible, "complete", action)
    _as(SECRETARY, "close", last)
    _review(section, year, date(year, 12, 22))
    logger.info("Demo management reviews ready")
    return section
