"""Demo data of `make start`: accounts and a home page to try the intranet with.

Everything here is created only once, when the site is created with the
distribution's "setup_content" answer, and never on an existing site.
"""

from plone import api
from qms.intranet import logger


DEMO_PASSWORD = "qms-demo"  # noqa: S105 - documented demo password

# login, full name, site-wide roles. Unit accounts and the groups that
# scope them arrive with document control.
DEMO_USERS = (
    ("iso.secretary", "Nguyễn Thị Thu Hà (Thư ký ISO)", ("Site Administrator",)),
    ("leader", "Trần Quang Cường (Lãnh đạo Bộ)", ()),
    ("vp.staff", "Lê Văn Minh (Văn phòng Bộ)", ()),
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


def create_users():
    """Create the demo accounts, skipping those that exist."""
    for login, fullname, roles in DEMO_USERS:
        if api.user.get(username=login) is not None:
            continue
        api.user.create(
            username=login,
            email=f"{login}@qms.example.vn",
            password=DEMO_PASSWORD,
            roles=("Member", *roles),
            properties={"fullname": fullname, "language": "vi"},
        )
        logger.info("Demo account %s created", login)


def set_home_page(site):
    """Give the site root a Vietnamese welcome text."""
    from plone.app.textfield.value import RichTextValue

    site.text = RichTextValue(HOME_TEXT.strip(), "text/html", "text/x-html-safe")
    site.reindexObject()


def create(site):
    """Create all demo data in `site`."""
    create_users()
    set_home_page(site)
