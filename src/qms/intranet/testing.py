"""Test layers: a real Plone site created by our `qms` distribution."""

from datetime import date
from plone import api
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.distribution.testing.layer import PloneDistributionFixture
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.CMFCore.indexing import processQueue
from qms.intranet import DISTRIBUTION_NAME
from qms.intranet.core.i18n import prefer_our_catalogs
from qms.intranet.core.states import DOCUMENT_STATES
from qms.intranet.core.states import RECORD_STATES
from qms.intranet.records import lists
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import pdf_bytes

import os


# Compile our .po catalogs on load, as the instance does (zope.conf).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "vi en")

ANSWERS = {
    "site_id": "plone",
    "title": "Hệ thống quản lý chất lượng ISO",
    "description": "Mạng nội bộ của Hệ thống quản lý chất lượng",
    "default_language": "vi",
    "portal_timezone": "Asia/Ho_Chi_Minh",
    "setup_content": True,
}


class QMSDistributionFixture(PloneDistributionFixture):
    """Zope with our package loaded and one site made by the distribution."""

    PACKAGE_NAME = "qms.intranet"
    SITES = ((DISTRIBUTION_NAME, ANSWERS),)
    _distribution_products = (
        ("plone.app.contenttypes", {"loadZCML": True}),
        ("plone.restapi", {"loadZCML": True}),
        ("plone.distribution", {"loadZCML": True}),
        ("plone.classicui", {"loadZCML": True}),
        ("collective.exportimport", {"loadZCML": True}),
    )


BASE_FIXTURE = QMSDistributionFixture()


# Accounts of the permission matrix beyond the demo ones: a secretariat
# member with no other role (the demo iso.secretary is also Site Administrator).
MATRIX_PASSWORD = "qms-matrix-1"  # noqa: S105 - test accounts only
MATRIX_USERS = (("sec.only", "qms-secretariat"),)
# The roles of the permission matrices: role name -> account (None: anonymous).
# Owning unit vp; another unit khcn.
MATRIX_ROLES = {
    "vp_staff": "vp.staff",
    "vp_officer": "vp.officer",
    "vp_head": "vp.head",
    "other_staff": "khcn.staff",
    "other_officer": "khcn.officer",
    "secretariat": "sec.only",
    "leader": "leader",
    "anonymous": None,
}
RECORD_YEARS = {2023: "draft", 2024: "pending_review", 2025: "approved"}
PATHS_TO_STATE = {
    "draft": (),
    "pending_review": ("submit",),
    "pending_approval": ("submit", "accept"),
    "effective": ("submit", "accept", "approve"),
    "obsolete": ("submit", "accept", "approve", "withdraw"),
}


class Layer(PloneSandboxLayer):
    """The demo site plus one document of each type in each state, owned by
    the unit `vp` (ids cs-, qd-, qt-<state>): the permission matrix reads
    them. Every test layer builds on it."""

    defaultBases = (BASE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # What Zope does at startup (IProcessStarting): ours before Plone's.
        prefer_our_catalogs()

    def setUpPloneSite(self, portal):
        for userid, group in MATRIX_USERS:
            api.user.create(
                username=userid,
                email=f"{userid}@qms.example.vn",
                password=MATRIX_PASSWORD,
            )
            api.group.add_user(groupname=group, username=userid)
        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        for state in DOCUMENT_STATES:
            for doc in self._documents(portal, state):
                for transition in PATHS_TO_STATE[state]:
                    api.content.transition(
                        obj=doc, transition=transition, comment="Lý do kiểm thử"
                    )
        self._records(portal)
        # The layer's commit does not run Plone's indexing queue: run it.
        processQueue()
        logout()
        setRoles(portal, TEST_USER_ID, ["Member"])

    def _records(self, portal):
        """vp's record lists of 2023 (draft), 2024 (pending review) and 2025
        (approved), with an open and a closed record in the 2025 list."""
        unit = portal["don-vi"]["vp"]
        rows = [{"heading": "Hồ sơ thử", "retention": "5"}]
        made = {year: lists.create_list(unit, year, rows) for year in RECORD_YEARS}
        api.content.transition(obj=made[2024], transition="submit")
        for transition in ("submit", "approve"):
            api.content.transition(obj=made[2025], transition=transition)
        for state in RECORD_STATES:
            record = api.content.create(
                container=made[2025],
                type="Record",
                id=f"hs-{state}",
                title=f"Hồ sơ {state}",
                entry="e1",
            )
            if state == "closed":
                api.content.transition(obj=record, transition="close")

    def _documents(self, portal, state):
        """A policy, a decision and a procedure (with a form) owned by vp."""
        section, unit = portal["he-thong-qlcl"], portal["don-vi"]["vp"]
        policy = api.content.create(
            container=section,
            type="QualityPolicy",
            id=f"cs-{state}",
            code=f"CS-{state.upper()}",
            title=f"Chính sách {state}",
            owning_unit="vp",
        )
        decision = api.content.create(
            container=section,
            type="Decision",
            id=f"qd-{state}",
            code=f"QD-{state.upper()}",
            title=f"Quyết định {state}",
            number_symbol=f"1/{state}",
            summary="Trích yếu",
            signer="Người ký",
            signed_date=date(2026, 1, 5),
            owning_unit="vp",
        )
        procedure = api.content.create(
            container=unit,
            type="Procedure",
            id=f"qt-{state}",
            code=f"QT-{state.upper()}",
            title=f"Quy trình {state}",
            owning_unit="vp",
            signed_original=NamedBlobFile(pdf_bytes(state), filename="a.pdf"),
            editable_source=NamedBlobFile(docx_bytes(state), filename="a.docx"),
        )
        api.content.create(
            container=procedure,
            type="ProcedureForm",
            id="bm",
            title="Biểu mẫu",
            code=f"BM-{state.upper()}",
            owning_unit="vp",
            file=NamedBlobFile(docx_bytes(state), filename="bm.docx"),
        )
        return policy, decision, procedure


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,), name="QMSIntranetLayer:IntegrationTesting"
)
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="QMSIntranetLayer:FunctionalTesting"
)
