"""Demo data of the yearly evaluation (issue #15): this year's evaluation of
the units, in draft, with its rows computed from the demo's data."""

from datetime import date
from plone import api
from qms.intranet.review.evaluation import create_evaluation as create_year
from qms.intranet.review.evaluation import ensure_evaluation_section


DIRECTION = (
    "Ban Chỉ đạo ISO đã ban hành kế hoạch duy trì, cải tiến HTQLCL năm; Vụ Khoa "
    "học và Công nghệ là đầu mối công bố bộ tiêu chuẩn, hướng dẫn các đơn vị rà "
    "soát quy trình và lập danh mục hồ sơ."
)
DIFFICULTIES = (
    "Cán bộ ISO của các đơn vị đều kiêm nhiệm; nhiều cán bộ chưa lập danh mục "
    "hồ sơ ngay từ đầu năm."
)
PROPOSALS = (
    "Tổ chức lớp đào tạo về TCVN ISO 9001:2015 cho cán bộ ISO của các đơn vị; "
    "các đơn vị chủ động cải tiến quy trình ngay khi phát hiện sự không phù hợp."
)


def create_evaluation(site):
    """This year's evaluation, in draft, rows computed (by the secretariat)."""
    section = ensure_evaluation_section()
    with api.env.adopt_user(username="iso.secretary"):
        evaluation = create_year(date.today().year, section)
        evaluation.direction = DIRECTION
        evaluation.difficulties = DIFFICULTIES
        evaluation.proposals = PROPOSALS
        evaluation.reindexObject()
    return evaluation
