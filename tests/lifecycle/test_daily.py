"""The daily job (issue #16): reminders of documents due for review, actions
due in 7 days or overdue, record lists not issued by their deadline; each
sent once, an overdue one again every 7 days; two runs at once send once;
`make daily` runs it on an instance."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from datetime import date
from datetime import timedelta
from plone import api
from qms.intranet.lifecycle import daily
from qms.intranet.lifecycle.reviews import documents_to_review
from Testing.makerequest import makerequest
from tests.conftest import acting_as
from tests.conftest import ROOT
from tests.instances import demo_instance
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import os
import subprocess
import threading
import transaction


# A day of this year past the record lists' deadline (31 January).
DAY = date(date.today().year, 6, 2)
PREFIX = "[QLCL] "
EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"  # QT-02/VP
KHCN_EFFECTIVE = "don-vi/khcn/quy-trinh-xay-dung-tieu-chuan-quy-chuan-ky-thuat"


def run(functional, day):
    transaction.begin()
    summary = daily.run(functional["portal"], day)
    transaction.commit()
    return summary


def subjects(inbox, login) -> list[str]:
    return sorted(mail.subject for mail in inbox.to(login))


def setup_items(functional):
    """QT-02/VP due for review in 10 days, QT-01/KHCN overdue since 3 days;
    in khcn's register an action due in 5 days (khcn.staff) and one overdue
    since yesterday (khcn.head)."""
    portal = functional["portal"]
    transaction.begin()
    doc = portal.unrestrictedTraverse(EFFECTIVE)
    doc.next_review_date = DAY + timedelta(days=10)
    doc.reindexObject()
    overdue = portal.unrestrictedTraverse(KHCN_EFFECTIVE)
    overdue.next_review_date = DAY - timedelta(days=3)
    overdue.reindexObject()
    with acting_as("khcn.officer"):
        nc = api.content.create(
            container=portal["don-vi"]["khcn"]["khac-phuc"],
            type="Nonconformity",
            title="Phiếu theo dõi thiếu chữ ký",
            detected_on=DAY - timedelta(days=30),
        )
        soon = api.content.create(
            container=nc,
            type="CorrectiveAction",
            title="Bổ sung bước kiểm tra",
            responsible="khcn.staff",
            due_date=DAY + timedelta(days=5),
        )
        late = api.content.create(
            container=nc,
            type="CorrectiveAction",
            title="Hướng dẫn lại cán bộ",
            responsible="khcn.head",
            due_date=DAY - timedelta(days=1),
        )
    transaction.commit()
    return doc, soon, late


def test_reminders_once_and_overdue_again_weekly(smtp, functional):
    doc, soon, late = setup_items(functional)
    assert doc.UID() in {b.UID for b in documents_to_review(today=DAY)}
    soon_url, late_url = soon.absolute_url(), late.absolute_url()
    smtp.clear()  # the assignments
    summary = run(functional, DAY)
    assert summary["actions_due"] >= 1
    assert summary["actions_overdue"] >= 1
    assert summary["record_lists"] >= 2

    review = "Tài liệu đến hạn xem xét định kỳ: QT-02/VP Quy trình quản lý văn bản đi"
    assert PREFIX + review in subjects(smtp, "vp.officer")
    (mail,) = [m for m in smtp.to("vp.officer") if review in m.subject]
    assert doc.absolute_url() in mail.body
    assert f"{DAY + timedelta(days=10):%d/%m/%Y}" in mail.body
    overdue_review = (
        f"{PREFIX}Tài liệu quá hạn xem xét định kỳ: QT-01/KHCN Quy trình xây "
        "dựng tiêu chuẩn, quy chuẩn kỹ thuật"
    )
    (mail,) = [m for m in smtp.to("khcn.officer") if m.subject == overdue_review]
    assert f"/{KHCN_EFFECTIVE}" in mail.body

    due = f"Hành động sắp đến hạn ngày {DAY + timedelta(days=5):%d/%m/%Y}: "
    (mail,) = [m for m in smtp.to("khcn.staff") if "Bổ sung bước kiểm tra" in m.subject]
    assert mail.subject == f"{PREFIX}{due}Bổ sung bước kiểm tra"
    assert soon_url in mail.body
    (mail,) = [m for m in smtp.to("khcn.head") if "Hướng dẫn lại cán bộ" in m.subject]
    assert mail.subject == f"{PREFIX}Hành động quá hạn: Hướng dẫn lại cán bộ"
    assert late_url in mail.body

    # this year's lists: khcn's issued, vp's a draft, none for phapche
    late_list = f"{PREFIX}Danh mục hồ sơ năm {DAY.year} chưa ban hành: Vụ Pháp chế"
    for login in ("phapche.officer", "phapche.head"):
        (mail,) = [m for m in smtp.to(login) if m.subject == late_list]
        assert "/don-vi/phapche/ho-so" in mail.body
        assert f"31/01/{DAY.year}" in mail.body
    assert not any("Danh mục hồ sơ" in s for s in subjects(smtp, "khcn.head"))
    assert not any("Danh mục hồ sơ" in s for s in subjects(smtp, "phapche.staff"))

    # run again the same day: nothing sent twice
    smtp.clear()
    again = run(functional, DAY)
    assert smtp.mails == []
    assert again["reviews"] == again["actions_due"] == again["record_lists"] == 0

    # the next day: nothing about these
    smtp.clear()
    run(functional, DAY + timedelta(days=1))
    mine = ("Bổ sung bước", "Hướng dẫn lại", "QT-02/VP", "QT-01/KHCN", "Danh mục")
    assert not [m.subject for m in smtp.mails if any(t in m.subject for t in mine)]

    # a week later: the overdue ones again, and the action that became
    # overdue; the review still due is not repeated
    smtp.clear()
    run(functional, DAY + timedelta(days=7))
    assert f"{PREFIX}Hành động quá hạn: Hướng dẫn lại cán bộ" in subjects(
        smtp, "khcn.head"
    )
    assert f"{PREFIX}Hành động quá hạn: Bổ sung bước kiểm tra" in subjects(
        smtp, "khcn.staff"
    )
    assert late_list in subjects(smtp, "phapche.head")
    assert overdue_review in subjects(smtp, "khcn.officer")
    assert PREFIX + review not in subjects(smtp, "vp.officer")


def test_two_runs_at_once_send_once(smtp, functional):
    """Instances sharing a database (RelStorage) may run the job at once:
    both write the day they ran, the second commit conflicts, and its mails,
    which leave on commit, are not sent."""
    db = functional["portal"]._p_jar.db()
    barrier = threading.Barrier(2, timeout=30)
    outcomes = []

    def job():
        connection = db.open()
        try:
            app = makerequest(connection.root()["Application"])
            newSecurityManager(None, system)
            summary = daily.run(app["plone"], DAY)
            barrier.wait()
            transaction.commit()
            outcomes.append(summary)
        except ConflictError:
            transaction.abort()
            outcomes.append("conflict")
        finally:
            setSite(None)
            noSecurityManager()
            connection.close()

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(map(str, outcomes))[0] == "conflict", outcomes
    assert len(outcomes) == 2
    sent = [(tuple(m.to), m.subject) for m in smtp.mails]
    assert sent
    assert len(sent) == len(set(sent))


def test_make_daily(smtp, tmp_path):
    """`make daily` on an instance with the demo site: the reminders are
    mailed; run again, nothing more."""
    instance = demo_instance(tmp_path)
    env = {
        **instance.env,
        "SMTP_HOST": os.environ["SMTP_HOST"],
        "SMTP_PORT": os.environ["SMTP_PORT"],
        "QMS_MAIL_FROM": "iso@qms.example.vn",
    }
    command = ["make", "--no-print-directory", "daily"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "Daily job of" in done.stdout
    assert smtp.mails
    assert all(mail.subject.startswith(PREFIX) for mail in smtp.mails)
    assert any(instance.url in mail.body for mail in smtp.mails)
    count = len(smtp.mails)
    again = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr[-3000:]
    assert len(smtp.mails) == count
