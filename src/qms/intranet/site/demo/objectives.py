"""Demo quality objectives (mục tiêu chất lượng) of this year: Văn phòng Bộ's
issued and on track, Vụ KHCN's issued with an objective at risk, Vụ Pháp
chế's still in draft, and the bloc's issued by the leaders. The units' ISO
officers (the secretariat for the bloc) record the measurements of every
period passed."""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from qms.intranet import logger
from qms.intranet.objectives import measurements
from qms.intranet.objectives.content import ARCHIVE_ID
from qms.intranet.objectives.status import is_due
from qms.intranet.objectives.status import period_end
from qms.intranet.objectives.status import periods
from qms.intranet.objectives.subscribers import ensure_archives
from qms.intranet.objectives.subscribers import QMS_SECTION
from qms.intranet.units.groups import UNITS_FOLDER


# Objectives: (fields, values by index of the periods passed: the last is
# repeated; None = the default "meets the target")
PLANS = {
    "vp": {
        "officer": "vp.officer",
        "head": "vp.head",
        "state": "issued",
        "objectives": (
            {
                "id": "van-ban-den-dung-han",
                "objective": "Giải quyết văn bản đến đúng thời hạn",
                "indicator": "Tỷ lệ văn bản đến được xử lý đúng hạn",
                "target": 95.0,
                "measure": "percent",
                "direction": "at_least",
                "frequency": "monthly",
                "responsible": "Phòng Hành chính – Văn thư",
                "actions": "Theo dõi hạn xử lý trên hệ thống eOffice; nhắc việc "
                "hằng tuần; báo cáo Chánh Văn phòng các văn bản sắp đến hạn.",
                "resources": "Cán bộ văn thư; hệ thống eOffice",
                "values": (96.0, 97.5, 95.8, 98.0, 96.4),
            },
            {
                "id": "phat-hanh-van-ban-di",
                "objective": "Phát hành văn bản đi kịp thời",
                "indicator": "Số ngày làm việc bình quân từ khi ký đến khi phát hành",
                "target": 1.0,
                "measure": "working_days",
                "direction": "at_most",
                "frequency": "quarterly",
                "responsible": "Phòng Hành chính – Văn thư",
                "actions": "Phát hành trong ngày các văn bản ký trước 15 giờ.",
                "resources": "Cán bộ văn thư",
                "values": (0.8, 1.0, 0.9),
            },
        ),
    },
    "khcn": {
        "officer": "khcn.officer",
        "head": "khcn.head",
        "state": "issued",
        "objectives": (
            {
                "id": "tham-dinh-de-tai",
                "objective": "Thẩm định hồ sơ đề tài khoa học đúng hạn",
                "indicator": "Tỷ lệ hồ sơ đề tài được thẩm định đúng hạn",
                "target": 90.0,
                "measure": "percent",
                "direction": "at_least",
                "frequency": "quarterly",
                "responsible": "Phòng Quản lý khoa học",
                "actions": "Lập lịch thẩm định theo quý; phân công chuyên viên "
                "theo dõi từng hồ sơ.",
                "resources": "Hội đồng thẩm định; chuyên viên phòng",
                "values": (92.0, 91.0, 93.0),
            },
            {
                "id": "ra-soat-quy-trinh",
                "objective": "Rà soát, cập nhật các quy trình nghiệp vụ của Vụ",
                "indicator": "Tỷ lệ quy trình nghiệp vụ được rà soát",
                "target": 100.0,
                "measure": "percent",
                "direction": "at_least",
                "frequency": "half_yearly",
                "responsible": "Cán bộ ISO của Vụ",
                "actions": "Rà soát mỗi quy trình với người thực hiện; trình "
                "sửa đổi các quy trình không còn phù hợp.",
                "resources": "Cán bộ ISO; chuyên viên các phòng",
                "values": (60.0,),
            },
        ),
    },
    "phapche": {
        "officer": "phapche.officer",
        "head": "phapche.head",
        "state": "draft",
        "objectives": (
            {
                "id": "tham-dinh-vbqppl",
                "objective": "Thẩm định dự thảo văn bản quy phạm pháp luật đúng thời hạn",
                "indicator": "Tỷ lệ dự thảo được thẩm định đúng thời hạn",
                "target": 100.0,
                "measure": "percent",
                "direction": "at_least",
                "frequency": "quarterly",
                "responsible": "Phòng Thẩm định",
                "actions": "Tiếp nhận, phân công trong ngày; theo dõi hạn trên "
                "sổ theo dõi thẩm định.",
                "values": (),
            },
            {
                "id": "tra-loi-y-kien-phap-ly",
                "objective": "Trả lời ý kiến pháp lý kịp thời",
                "indicator": "Số ngày làm việc bình quân để trả lời",
                "target": 7.0,
                "measure": "working_days",
                "direction": "at_most",
                "frequency": "quarterly",
                "responsible": "Phòng Pháp luật chung",
                "values": (),
            },
        ),
    },
    "bloc": {
        "officer": "iso.secretary",
        "head": "leader",
        "state": "issued",
        "objectives": (
            {
                "id": "khac-phuc-dung-han",
                "objective": "Khắc phục sự không phù hợp đúng thời hạn",
                "indicator": "Tỷ lệ hành động khắc phục hoàn thành đúng hạn",
                "target": 90.0,
                "measure": "percent",
                "direction": "at_least",
                "frequency": "quarterly",
                "responsible": "Thư ký ISO, Ban Chỉ đạo ISO",
                "actions": "Theo dõi hạn các hành động khắc phục trên hệ thống; "
                "nhắc các đơn vị hằng tháng.",
                "resources": "Thư ký ISO; hệ thống quản lý chất lượng",
                "values": (92.0, 94.0, 95.0),
            },
            {
                "id": "duy-tri-htqlcl",
                "objective": "Duy trì và cải tiến HTQLCL phù hợp TCVN ISO 9001:2015",
                "indicator": "Tỷ lệ đơn vị được đánh giá nội bộ trong năm",
                "target": 100.0,
                "measure": "percent",
                "direction": "at_least",
                "frequency": "yearly",
                "responsible": "Ban Chỉ đạo ISO",
                "actions": "Đánh giá nội bộ toàn bộ đơn vị theo chương trình năm; "
                "xem xét của lãnh đạo vào tháng 12.",
                "resources": "Chuyên gia đánh giá nội bộ",
                "values": (),
            },
        ),
    },
}


def _container(site, key):
    if key == "bloc":
        return site[QMS_SECTION]
    return site[UNITS_FOLDER][key]


def _measure(objective, year, officer, values, today):
    """Record the values of the periods passed (or, when none has, the
    running period's) as the officer, dated a few days after each period."""
    slots = periods(objective.frequency)
    due = [p for p in slots if is_due(year, p, today)]
    if values and not due:
        due = [slots[0]]
    if not values:
        return
    with api.env.adopt_user(username=officer):
        for index, period in enumerate(due):
            value = values[min(index, len(values) - 1)]
            measurements.record(objective, period, str(value).replace(".", ","))
    rows = list(objective.measurements)
    for row in rows:
        day = min(period_end(year, row["period"]) + timedelta(days=5), today)
        row["when"] = datetime.combine(day, time(9, 0)).isoformat()
    objective.measurements = rows
    objective.reindexObject()


def create_objectives(site, year: int | None = None):
    """This year's demo plans (skipping a plan that exists)."""
    today = date.today()
    year = year or today.year
    ensure_archives()
    for key, spec in PLANS.items():
        archive = _container(site, key).get(ARCHIVE_ID)
        if archive is None or str(year) in archive.objectIds():
            continue
        with api.env.adopt_user(username=spec["officer"]):
            plan = api.content.create(
                container=archive,
                type="ObjectivePlan",
                id=str(year),
                title=f"Mục tiêu chất lượng năm {year}",
                year=year,
            )
            for fields in spec["objectives"]:
                fields = {k: v for k, v in fields.items() if k != "values"}
                api.content.create(container=plan, type="QualityObjective", **fields)
        if spec["state"] == "issued":
            with api.env.adopt_user(username=spec["officer"]):
                api.content.transition(obj=plan, transition="submit")
            with api.env.adopt_user(username=spec["head"]):
                api.content.transition(obj=plan, transition="issue")
            plan.issued_on = date(year, 1, 15) if today >= date(year, 1, 15) else today
            for fields in spec["objectives"]:
                _measure(
                    plan[fields["id"]], year, spec["officer"], fields["values"], today
                )
        logger.info("Demo quality objectives %s of %s ready", year, key)
