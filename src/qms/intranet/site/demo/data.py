"""What the demo site holds: its units, accounts, home text and procedures.

The builders in __init__.py turn these into content; tests read them too.
"""

from qms.intranet.units.groups import AUDITORS_GROUP
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import LEADERS_GROUP
from qms.intranet.units.groups import SECRETARIAT_GROUP


DEMO_PASSWORD = "qms-demo"  # noqa: S105 - documented demo password

# id, name, kind (domain.md's units of the agency bloc)
UNITS = (
    ("vp", "Văn phòng Bộ", "van-phong"),
    ("khcn", "Vụ Khoa học và Công nghệ", "vu"),
    ("phapche", "Vụ Pháp chế", "vu"),
    ("khtc", "Vụ Kế hoạch - Tài chính", "vu"),
    ("tccb", "Vụ Tổ chức cán bộ", "vu"),
    ("htqt", "Vụ Hợp tác quốc tế", "vu"),
    ("buuchinh", "Vụ Bưu chính", "vu"),
    ("cntt", "Vụ Công nghệ thông tin", "vu"),
    ("thanhtra", "Thanh tra Bộ", "thanh-tra"),
)
UNITS_WITH_ACCOUNTS = ("vp", "khcn", "phapche")

# login, full name, groups, site-wide roles
DEMO_USERS = (
    (
        "iso.secretary",
        "Nguyễn Thị Thu Hà (Thư ký ISO)",
        (SECRETARIAT_GROUP,),
        ("Site Administrator",),
    ),
    ("leader", "Nguyễn Minh Hồng (Lãnh đạo Bộ)", (LEADERS_GROUP,), ()),
    ("vp.head", "Phạm Văn Dũng (Chánh Văn phòng)", (group_id("vp", "heads"),), ()),
    (
        "vp.officer",
        "Lê Thị Lan (Cán bộ ISO, Văn phòng Bộ)",
        (group_id("vp", "officers"),),
        (),
    ),
    ("vp.staff", "Lê Văn Minh (Văn phòng Bộ)", (group_id("vp", "staff"),), ()),
    (
        "khcn.head",
        "Trần Quang Cường (Vụ phó Vụ KHCN)",
        (group_id("khcn", "heads"),),
        (),
    ),
    (
        "khcn.officer",
        "Đỗ Thị Mai (Cán bộ ISO, Vụ KHCN)",
        (group_id("khcn", "officers"),),
        (),
    ),
    ("khcn.staff", "Hoàng Văn Nam (Vụ KHCN)", (group_id("khcn", "staff"),), ()),
    (
        "phapche.head",
        "Vũ Thị Hạnh (Vụ trưởng Vụ Pháp chế)",
        (group_id("phapche", "heads"),),
        (),
    ),
    (
        "phapche.officer",
        "Bùi Văn Sơn (Cán bộ ISO, Vụ Pháp chế)",
        (group_id("phapche", "officers"),),
        (),
    ),
    ("phapche.staff", "Ngô Thị Thu (Vụ Pháp chế)", (group_id("phapche", "staff"),), ()),
    # Internal auditors appointed by the secretariat (issue #14), each a
    # member of staff of a unit: they never audit their own.
    (
        "auditor",
        "Trịnh Văn Kiên (Chuyên gia đánh giá nội bộ, Văn phòng Bộ)",
        (AUDITORS_GROUP, group_id("vp", "staff")),
        (),
    ),
    (
        "auditor2",
        "Đặng Thị Hoa (Chuyên gia đánh giá nội bộ, Vụ Pháp chế)",
        (AUDITORS_GROUP, group_id("phapche", "staff")),
        (),
    ),
)

HOME_TEXT = """
<h2>Hệ thống quản lý chất lượng TCVN ISO 9001:2015</h2>
<p>Mạng nội bộ này là nơi các đơn vị thuộc khối cơ quan Bộ truy cập, tham khảo
và trao đổi, góp ý về chính sách chất lượng, mục tiêu chất lượng, quy trình hệ
thống và quy trình nghiệp vụ đang có hiệu lực.</p>
<ul>
  <li>Chính sách chất lượng và mục tiêu chất lượng</li>
  <li>Quy trình hệ thống, quy trình nghiệp vụ và biểu mẫu</li>
  <li>Hồ sơ và danh mục hồ sơ của từng đơn vị</li>
  <li>Đánh giá nội bộ, sự không phù hợp và hành động khắc phục</li>
</ul>
"""

SYSTEM_PROCEDURES = (
    (
        "QT-HT-01",
        "Quy trình kiểm soát tài liệu",
        ["Sổ theo dõi ban hành tài liệu", "Danh mục tài liệu nội bộ"],
    ),
    (
        "QT-HT-02",
        "Quy trình kiểm soát hồ sơ",
        ["Danh mục hồ sơ", "Sổ theo dõi mượn hồ sơ"],
    ),
    (
        "QT-HT-03",
        "Quy trình đánh giá nội bộ",
        ["Kế hoạch đánh giá nội bộ", "Báo cáo đánh giá nội bộ"],
    ),
    (
        "QT-HT-04",
        "Quy trình kiểm soát sự không phù hợp",
        ["Phiếu theo dõi sự không phù hợp"],
    ),
    (
        "QT-HT-05",
        "Quy trình hành động khắc phục",
        ["Phiếu yêu cầu hành động khắc phục"],
    ),
    (
        "QT-HT-06",
        "Quy trình xem xét của lãnh đạo",
        ["Biên bản họp xem xét của lãnh đạo"],
    ),
)

# unit, code, title, final state (business procedures)
BUSINESS_PROCEDURES = (
    ("vp", "QT-01/VP", "Quy trình quản lý văn bản đến", "revised"),
    ("vp", "QT-02/VP", "Quy trình quản lý văn bản đi", "effective"),
    ("vp", "QT-03/VP", "Quy trình tổ chức hội nghị, hội thảo", "cancelled"),
    (
        "khcn",
        "QT-01/KHCN",
        "Quy trình xây dựng tiêu chuẩn, quy chuẩn kỹ thuật",
        "effective",
    ),
    (
        "khcn",
        "QT-02/KHCN",
        "Quy trình quản lý nhiệm vụ khoa học và công nghệ",
        "pending_approval",
    ),
    ("khcn", "QT-03/KHCN", "Quy trình đánh giá kết quả nhiệm vụ khoa học", "draft"),
    (
        "phapche",
        "QT-01/PC",
        "Quy trình thẩm định văn bản quy phạm pháp luật",
        "effective",
    ),
    (
        "phapche",
        "QT-02/PC",
        "Quy trình kiểm tra văn bản quy phạm pháp luật",
        "pending_review",
    ),
    ("phapche", "QT-03/PC", "Quy trình rà soát, hệ thống hóa văn bản", "draft"),
)


# Nonconformities of the demo (issue #13), in every state, in two units:
# (unit, key, title, what happened, source, severity, days since detected,
#  final state). The builder in __init__.py takes each to its state.
NONCONFORMITIES = (
    (
        "khcn",
        "revised",
        "Tiêu chuẩn cơ sở ban hành chưa qua lấy ý kiến chuyên gia",
        "Dự thảo tiêu chuẩn cơ sở TCCS 05:2026 được trình ký khi chưa tổ chức "
        "lấy ý kiến chuyên gia theo yêu cầu của quy trình.",
        "internal_audit",
        "major",
        75,
        "revised",
    ),
    (
        "khcn",
        "reported",
        "Phiếu đề xuất nhiệm vụ thiếu chữ ký của chủ nhiệm",
        "Hai phiếu đề xuất nhiệm vụ khoa học năm 2027 nộp về phòng không có chữ "
        "ký của chủ nhiệm nhiệm vụ.",
        "daily_work",
        "minor",
        3,
        "reported",
    ),
    (
        "khcn",
        "analysed",
        "Biên bản nghiệm thu lưu không đủ thành phần",
        "Hồ sơ nghiệm thu nhiệm vụ cấp bộ thiếu biên bản họp hội đồng tư vấn.",
        "daily_work",
        "minor",
        12,
        "analysed",
    ),
    (
        "khcn",
        "overdue",
        "Chậm cập nhật danh mục tiêu chuẩn hiện hành",
        "Danh mục tiêu chuẩn đăng trên cổng thông tin chưa cập nhật ba tiêu "
        "chuẩn đã hủy bỏ.",
        "complaint",
        "minor",
        60,
        "in_progress",
    ),
    (
        "khcn",
        "cancelled",
        "Phản ánh thất lạc hồ sơ đề tài",
        "Cán bộ phản ánh không tìm thấy hồ sơ đề tài mã số ĐT-12.",
        "daily_work",
        "minor",
        20,
        "cancelled",
    ),
    (
        "vp",
        "pending",
        "Văn bản đến không được đăng ký trong ngày",
        "Năm văn bản đến ngày thứ Sáu được đăng ký vào thứ Hai tuần sau.",
        "internal_audit",
        "minor",
        40,
        "pending_verification",
    ),
    (
        "vp",
        "closed",
        "Sổ theo dõi văn bản đi ghi sai số ký hiệu",
        "Ba văn bản đi trong tháng được ghi trùng số ký hiệu trong sổ theo dõi.",
        "daily_work",
        "minor",
        90,
        "closed",
    ),
    (
        "vp",
        "reopened",
        "Phòng họp không được chuẩn bị theo lịch",
        "Hai cuộc họp của lãnh đạo bộ phải dời phòng do phòng họp chưa chuẩn bị.",
        "management_review",
        "major",
        80,
        "reopened",
    ),
)

# key -> (root cause, first action, its result) of the demo nonconformities
# whose first action is already done.
FIRST_ACTIONS = {
    "pending": (
        "Văn thư nghỉ phép không có người thay thế.",
        "Phân công văn thư dự phòng",
        "Đã phân công và hướng dẫn văn thư dự phòng.",
    ),
    "closed": (
        "Sổ theo dõi ghi tay, không kiểm tra số trùng.",
        "Chuyển sổ theo dõi văn bản đi sang phần mềm cấp số tự động",
        "Từ tháng này số ký hiệu do phần mềm cấp, không còn trùng số.",
    ),
    "reopened": (
        "Lịch họp không được gửi cho bộ phận quản trị.",
        "Gửi lịch họp tuần cho bộ phận quản trị",
        "Lịch họp tuần được gửi qua hệ thống mỗi thứ Sáu.",
    ),
}


# The year's internal audit programme (issue #14).
AUDIT_PROGRAMME = {
    "objectives": "Xác định mức độ phù hợp và hiệu lực của Hệ thống quản lý "
    "chất lượng tại các đơn vị thuộc khối cơ quan Bộ; phát hiện sự không phù "
    "hợp và cơ hội cải tiến.",
    "scope": "Các đơn vị thuộc khối cơ quan Bộ áp dụng TCVN ISO 9001:2015; "
    "quy trình hệ thống và quy trình nghiệp vụ đang có hiệu lực.",
    "criteria": "TCVN ISO 9001:2015; các tài liệu của Hệ thống quản lý chất "
    "lượng; quy định pháp luật liên quan đến hoạt động của đơn vị.",
    "schedule": "Quý II: Vụ Pháp chế. Quý IV: Vụ Khoa học và Công nghệ, Văn "
    "phòng Bộ. Các đơn vị còn lại: bố trí vào năm sau.",
}
CHECKLIST = (
    (
        "Đơn vị có danh mục hồ sơ năm được phê duyệt đúng hạn không?",
        "7.5.3",
        "conform",
        "Danh mục hồ sơ năm đã được Vụ trưởng phê duyệt.",
    ),
    (
        "Các quy trình đang áp dụng có phải phiên bản hiện hành không?",
        "7.5.2",
        "nonconform",
        "Một phòng còn dùng biểu mẫu của lần ban hành trước.",
    ),
    ("Sự không phù hợp phát hiện năm trước đã được khắc phục chưa?", "10.2", "", ""),
)
