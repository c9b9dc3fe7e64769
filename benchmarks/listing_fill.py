"""Fills the benchmark site of listing.py (run by zconsole, not alone):
N procedures over the nine units, mostly effective, and a stock page."""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.app.textfield.value import RichTextValue
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import sys
import transaction


UNITS = ("vp", "khcn", "phapche", "khtc", "tccb", "htqt", "buuchinh", "cntt")
STATES = ("effective",) * 16 + ("draft", "pending_review", "pending_approval")
WORKFLOW = "qms_document_workflow"


def add_procedures(site, n: int, prefix: str = "B", original=None) -> None:
    """N procedures over the units, mostly effective (their state set as
    issued, without the workflow's steps), one commit per 500. `original(i,
    code)` gives each its signed original (a file value), or none."""
    wftool = site.portal_workflow
    workflow = wftool.getWorkflowById(WORKFLOW)
    for i in range(n):
        unit = UNITS[i % len(UNITS)]
        code = f"QT-{prefix}{i:05d}/{unit.upper()}"
        files = {"signed_original": original(i, code)} if original else {}
        obj = api.content.create(
            container=site["don-vi"][unit],
            type="Procedure",
            id=f"qt-{prefix.lower()}-{i}",
            title=f"Quy trình nghiệp vụ số {i} về quản lý văn bản và hồ sơ",
            code=code,
            owning_unit=unit,
            purpose="Quy định trình tự, trách nhiệm thực hiện công việc.",
            **files,
        )
        state = STATES[i % len(STATES)]
        if state != "draft":
            status = {"review_state": state, "action": None, "actor": "admin"}
            wftool.setStatusOf(
                WORKFLOW, obj, {**status, "comments": "", "time": obj.created()}
            )
            workflow.updateRoleMappingsFor(obj)
            obj.reindexObject()
        if i % 500 == 499:
            transaction.commit()
            print(f"{i + 1} procedures", flush=True)


def fill(app, n: int) -> None:
    app = makerequest(app)
    admin = app.acl_users.getUserById("admin").__of__(app.acl_users)
    newSecurityManager(None, admin)
    site = app.Plone
    setSite(site)
    add_procedures(site, n)
    text = "".join(
        f"<p>Đoạn {k}: quy định chung về hệ thống quản lý chất lượng.</p>"
        for k in range(8)
    )
    api.content.create(
        container=site,
        type="Document",
        id="trang-chuan",
        title="Trang chuẩn",
        text=RichTextValue(text, "text/html", "text/x-html-safe"),
    )
    transaction.commit()


if __name__ == "__main__":
    fill(globals()["app"], int(sys.argv[-1]))
