"""Demo training (issue #16): this year's ISO 9001:2015 awareness course with
the units' ISO officers and their certificates, an internal auditor course
with the certificate of the auditor `auditor`, a pending training request
of Vụ Pháp chế and a declined one of Văn phòng Bộ.

`auditor2` holds no certificate: the competence board names her, and the
audits keep their teams (the secretariat does not require certificates)."""

from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from qms.intranet import logger
from qms.intranet.site.demo.files import pdf_bytes
from qms.intranet.training.content import ensure_section


AWARENESS_PARTICIPANTS = ("vp.officer", "khcn.officer", "khcn.head", "phapche.head")
CERTIFIED = ("vp.officer", "khcn.officer")


def _certificate(course, participant, number, issued_on, valid_until=None):
    return api.content.create(
        container=course,
        type="TrainingCertificate",
        title=number,
        participant=participant,
        number=number,
        issued_on=issued_on,
        valid_until=valid_until,
        file=NamedBlobFile(
            pdf_bytes(f"Chung chi {number}"),
            filename=f"chung-chi-{number.replace('/', '-').lower()}.pdf",
            contentType="application/pdf",
        ),
    )


def _as(login, transition, obj, comment=""):
    with api.env.adopt_user(username=login):
        api.content.transition(obj=obj, transition=transition, comment=comment)


def create_training(site):
    """The section's courses, certificates and requests."""
    year = date.today().year
    section = ensure_section()
    with api.env.adopt_user(username="iso.secretary"):
        awareness = api.content.create(
            container=section,
            type="TrainingCourse",
            title=f"Nhận thức TCVN ISO 9001:2015 cho cán bộ ISO năm {year}",
            kind="iso_awareness",
            date=date(year, 3, 10),
            organiser="Vụ Khoa học và Công nghệ",
            participants=list(AWARENESS_PARTICIPANTS),
            description="Yêu cầu của TCVN ISO 9001:2015; vai trò của cán bộ ISO "
            "kiêm nhiệm; kiểm soát tài liệu và hồ sơ của đơn vị.",
        )
        for number, login in enumerate(CERTIFIED, start=1):
            _certificate(awareness, login, f"NT-{number:02d}/{year}", date(year, 3, 12))
        auditors = api.content.create(
            container=section,
            type="TrainingCourse",
            title=f"Chuyên gia đánh giá nội bộ TCVN ISO 9001:2015 năm {year}",
            kind="internal_auditor",
            date=date(year, 4, 14),
            organiser="Trung tâm Năng suất Việt Nam",
            participants=["auditor"],
            description="Lập kế hoạch, thực hiện và báo cáo đánh giá nội bộ theo "
            "TCVN ISO 19011:2018.",
        )
        _certificate(
            auditors,
            "auditor",
            f"DGNB-01/{year}",
            date(year, 4, 16),
            date(year + 3, 4, 15),
        )
    with api.env.adopt_user(username="phapche.officer"):
        api.content.create(
            container=section,
            type="TrainingRequest",
            title="de-nghi-dao-tao-vu-phap-che",  # the id; the title is computed
            unit="phapche",
            participants=["phapche.officer", "phapche.staff"],
            kind="iso_awareness",
            topic="Nhận thức TCVN ISO 9001:2015 và lập danh mục hồ sơ.",
            reason="Cán bộ ISO kiêm nhiệm mới được phân công, chưa được đào tạo.",
        )
    with api.env.adopt_user(username="vp.officer"):
        declined = api.content.create(
            container=section,
            type="TrainingRequest",
            title="de-nghi-dao-tao-van-phong-bo",  # the id; the title is computed
            unit="vp",
            participants=["vp.staff"],
            kind="internal_auditor",
            topic="Khóa chuyên gia đánh giá nội bộ.",
            reason="Bổ sung chuyên gia đánh giá nội bộ cho Văn phòng Bộ.",
        )
    _as(
        "iso.secretary",
        "decline",
        declined,
        "Năm nay Văn phòng Bộ đã có chuyên gia đánh giá nội bộ; đề nghị đăng ký "
        "lại vào khóa năm sau.",
    )
    logger.info("Demo training ready")
