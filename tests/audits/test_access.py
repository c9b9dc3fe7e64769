"""The audit's access window (issue #14), over real HTTP: while an audit is
in progress and today lies between its start and end dates, its team reads
the audited unit's controlled documents (drafts included, also those the
unit owns in /he-thong-qlcl), record lists, records with their files,
nonconformities with their actions, and nothing else; and changes none of
it. Outside the window (planned, before its start, after its end, once
reported) the access is gone on every path: the Classic UI page, REST GET,
the file download, @search, the search page, the unit's and the register's
listings.

The demo site's khcn audit is in progress (lead `auditor`, a vp staff
member; auditor `auditor2`, a phapche staff member; yesterday → today+6).
Each class sets one moment of the audit once (in process, committed), then
every account goes through every path; each test collects every mismatch.
"""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.discussion.interfaces import IConversation
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.conftest import JSON
from tests.matrix import check
from tests.matrix import refused
from tests.matrix import Requests

import pytest
import requests
import transaction


TODAY = date.today()
# A word only the documents marked here carry in their titles.
WORD = "Kiemtoanxyz"
PROGRAMME = f"danh-gia-noi-bo/{TODAY.year}"
KHCN_AUDIT = f"{PROGRAMME}/danh-gia-noi-bo-vu-khoa-hoc-va-cong-nghe"
VP_AUDIT = f"{PROGRAMME}/danh-gia-noi-bo-van-phong-bo"

KHCN_DRAFT = "don-vi/khcn/quy-trinh-danh-gia-ket-qua-nhiem-vu-khoa-hoc"
KHCN_PENDING = "don-vi/khcn/quy-trinh-quan-ly-nhiem-vu-khoa-hoc-va-cong-nghe"
KHCN_EFFECTIVE = "don-vi/khcn/quy-trinh-xay-dung-tieu-chuan-quy-chuan-ky-thuat"
# made here: a draft kept in the QMS section, owned by khcn
KHCN_POLICY = "he-thong-qlcl/cs-khcn-kiem-toan"
RECORD_LIST = f"don-vi/khcn/ho-so/{TODAY.year}"
RECORD = f"{RECORD_LIST}/ho-so-ban-hanh-quy-trinh-moi"
RECORD_FILE = f"{RECORD}/03-khcn.pdf"
REGISTER = "don-vi/khcn/khac-phuc"
NC = f"{REGISTER}/phieu-de-xuat-nhiem-vu-thieu-chu-ky-cua-chu-nhiem"
NC_WITH_ACTION = f"{REGISTER}/bien-ban-nghiem-thu-luu-khong-du-thanh-phan"
ACTION = f"{NC_WITH_ACTION}/huong-dan-can-bo-moi-ve-thanh-phan-ho-so-nghiem-thu"

# What the team reads in the window: path -> marked with WORD (searched).
KHCN = {
    KHCN_DRAFT: True,
    KHCN_PENDING: False,
    KHCN_POLICY: True,
    RECORD_LIST: False,
    RECORD: False,
    RECORD_FILE: False,
    NC: False,
    ACTION: False,
}
# Drafts of the other units (marked with WORD), and who must never read
# them through an audit: `auditor` is vp staff, `auditor2` phapche staff.
PHAPCHE_DRAFT = "he-thong-qlcl/cs-phapche-kiem-toan"
VP_DRAFT = "don-vi/vp/qt-draft"
OTHERS = {"auditor": {PHAPCHE_DRAFT}, "auditor2": {VP_DRAFT}}
TEAM = ("auditor", "auditor2")
# A qms-auditors member of no team (made here), and staff of other units.
OUTSIDER = "auditor3"
NON_TEAM = (OUTSIDER, "phapche.staff", "vp.staff")
# khcn's own staff: the reference the team is compared with.
UNIT = "khcn.staff"


# Building


def _policy(portal, id, unit):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["he-thong-qlcl"],
            type="QualityPolicy",
            id=id,
            code=f"CS-{unit.upper()}-KT",
            title=f"Chính sách dự thảo {unit} {WORD}",
            owning_unit=unit,
        )


def prepare(portal):
    """The marked documents, the outsider auditor; committed."""
    if api.user.get(username=OUTSIDER) is None:
        api.user.create(
            username=OUTSIDER,
            email=f"{OUTSIDER}@qms.example.vn",
            password=DEMO_PASSWORD,
            properties={"fullname": "Chuyên gia ngoài đoàn"},
        )
        api.group.add_user(groupname="qms-auditors", username=OUTSIDER)
    _policy(portal, "cs-khcn-kiem-toan", "khcn")
    _policy(portal, "cs-phapche-kiem-toan", "phapche")
    for path in (KHCN_DRAFT, VP_DRAFT):
        doc = portal.unrestrictedTraverse(path)
        doc.title = f"{doc.title} {WORD}"
        doc.reindexObject()
    transaction.commit()


def set_audit(portal, path=KHCN_AUDIT, **values):
    audit = portal.unrestrictedTraverse(path)
    for name, value in values.items():
        setattr(audit, name, value)
    audit.reindexObject()
    transaction.commit()
    return audit


class Site(Requests):
    """Requests to the site as one account."""

    def __init__(self, portal, http: requests.Session):
        super().__init__(portal.absolute_url(), http)
        self.portal = portal

    def page(self, login, path, **params):
        return self.call(login, "GET", path, api_call=False, params=params)

    def title(self, path) -> str:
        return self.portal.unrestrictedTraverse(path).Title()

    def found(self, login, **params) -> set:
        """Paths @search finds for `login` (None on an error)."""
        response = self.call(login, "GET", "@search", params={"b_size": 1000, **params})
        if response.status_code != 200:
            return {f"error {response.status_code}"}
        prefix = f"{self.url}/"
        return {i["@id"].removeprefix(prefix) for i in response.json()["items"]}


def _moment(functional_class, change):
    layer = functional_class
    layer.testSetUp()
    try:
        portal = layer["portal"]
        prepare(portal)
        change(portal)
        with requests.Session() as http:
            yield Site(portal, http)
    finally:
        layer.testTearDown()


# What each account reads, on every path


def read_paths(site, login, readable: bool, problems: list) -> None:
    """Page, REST GET and download of khcn's content; searches; the unit's
    and the register's pages: all of it when `readable`, none of it else."""
    for path in KHCN:
        is_file = path == RECORD_FILE
        tries = {
            "REST GET": site.call(login, "GET", path),
            "page": site.page(login, f"{path}/view" if is_file else path),
        }
        if is_file:
            tries["download"] = site.page(login, f"{path}/@@download/file")
        for name, response in tries.items():
            what = (login, name, path, response.status_code)
            if readable:
                check(problems, response.status_code == 200, "not read:", *what)
            else:
                check(problems, refused(response), "not refused:", *what)
        if is_file and readable:
            pdf = tries["download"].content.startswith(b"%PDF")
            check(problems, pdf, login, "download is not the PDF", path)
    marked = {p for p, searched in KHCN.items() if searched}
    searches = {
        "@search SearchableText": (site.found(login, SearchableText=WORD), marked),
        "@search portal_type Procedure": (
            site.found(login, portal_type="Procedure", path="/plone/don-vi/khcn"),
            {KHCN_DRAFT, KHCN_PENDING},
        ),
        "@search portal_type QualityPolicy": (
            site.found(login, portal_type="QualityPolicy", SearchableText=WORD),
            {KHCN_POLICY},
        ),
        "@search portal_type Record": (
            site.found(login, portal_type="Record", path="/plone/don-vi/khcn"),
            {RECORD},
        ),
        "@search portal_type Nonconformity": (
            site.found(login, portal_type="Nonconformity", path=f"/plone/{REGISTER}"),
            {NC, NC_WITH_ACTION},
        ),
    }
    for name, (found, expected) in searches.items():
        if readable:
            missing = expected - found
            check(problems, not missing, login, name, "misses", sorted(missing))
        else:
            shown = (found & set(KHCN)) | {f for f in found if f.startswith("error")}
            check(problems, not shown, login, name, "finds", sorted(shown))
    titles = {
        "search page": (site.page(login, "@@search", SearchableText=WORD), KHCN_DRAFT),
        "unit page": (site.page(login, "don-vi/khcn"), KHCN_DRAFT),
        "register page": (site.page(login, REGISTER), NC),
    }
    for name, (response, path) in titles.items():
        shown = site.title(path) in response.text
        what = (login, name, response.status_code, "title of", path)
        check(problems, response.status_code < 500, "error:", *what)
        if readable:
            check(problems, shown, "not listed:", *what)
        else:
            check(problems, not shown, "listed:", *what)


def others_never(site, login, problems: list) -> None:
    """Another unit's drafts: never through the khcn audit."""
    for path in OTHERS.get(login, ()):
        for name, response in (
            ("REST GET", site.call(login, "GET", path)),
            ("page", site.page(login, path)),
        ):
            what = (login, name, path, response.status_code)
            check(problems, refused(response), "other unit read:", *what)
    found = site.found(login, SearchableText=WORD)
    leaked = found & OTHERS.get(login, set())
    check(problems, not leaked, login, "@search finds other units", sorted(leaked))


def _readers_test(readable_logins):
    @pytest.mark.parametrize("login", [*TEAM, *NON_TEAM])
    def test_read(self, moment, login):
        problems = []
        read_paths(moment, login, login in readable_logins, problems)
        others_never(moment, login, problems)
        assert not problems, "\n".join(problems)

    return test_read


# The moments of the audit


class TestDuring:
    """(b) the khcn demo audit, in progress, today in its dates: the team
    reads; no one else does."""

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        yield from _moment(functional_class, lambda portal: None)

    test_read = _readers_test(TEAM)

    def test_unit_staff_reads_the_same(self, moment):
        """The reference: khcn's own staff read all of it."""
        problems = []
        read_paths(moment, UNIT, True, problems)
        assert not problems, "\n".join(problems)

    @pytest.mark.parametrize("login", TEAM)
    def test_changes_nothing(self, moment, login):
        """(g) PATCH of a draft, a record, a nonconformity; adding a record
        or a nonconformity; the draft's transitions: all refused."""
        site, problems = moment, []
        before = {p: site.title(p) for p in (KHCN_DRAFT, RECORD, NC, KHCN_POLICY)}
        for path in before:
            patched = site.call(
                login, "PATCH", path, json={"title": f"Sửa bởi {login}"}
            )
            what = (login, "PATCH", path, patched.status_code)
            check(problems, patched.status_code in (401, 403), "not refused:", *what)
        added = {
            RECORD_LIST: {"@type": "Record", "title": f"Hồ sơ của {login}"},
            REGISTER: {
                "@type": "Nonconformity",
                "title": f"Báo cáo của {login}",
                "description": "Thiếu chữ ký.",
                "source": "daily_work",
                "severity": "minor",
            },
        }
        for path, body in added.items():
            response = site.call(login, "POST", path, json=body)
            what = (login, "add", body["@type"], "in", path, response.status_code)
            check(problems, response.status_code in (401, 403), "not refused:", *what)
        deleted = site.call(login, "DELETE", RECORD)
        check(problems, refused(deleted), login, "DELETE record", deleted.status_code)
        for path in (KHCN_DRAFT, KHCN_PENDING, NC, RECORD_LIST):
            workflow = site.call(login, "GET", f"{path}/@workflow")
            offered = [
                t["@id"].rsplit("/", 1)[-1]
                for t in workflow.json().get("transitions", [])
            ]
            check(problems, not offered, login, "offered on", path, offered)
        moved = site.call(
            login, "POST", f"{KHCN_DRAFT}/@workflow/submit", json={"comment": "Thử"}
        )
        check(problems, moved.status_code >= 400, login, "submit", moved.status_code)
        transaction.begin()  # see what the requests committed
        for path, title in before.items():
            now = site.title(path)
            check(problems, now == title, login, "changed", path, repr(now))
        exists = site.portal.unrestrictedTraverse(RECORD, None) is not None
        check(problems, exists, login, "deleted", RECORD)
        state = api.content.get_state(obj=site.portal.unrestrictedTraverse(KHCN_DRAFT))
        check(problems, state == "draft", login, "moved the draft to", state)
        assert not problems, "\n".join(problems)

    def test_sharing_page(self, moment):
        """(i) the computed principal `qms-auditing:khcn` does not break the
        unit's sharing page or @sharing."""
        page = moment.page("iso.secretary", "don-vi/khcn/@@sharing")
        assert page.status_code == 200, page.status_code
        assert "Traceback" not in page.text
        sharing = moment.call("iso.secretary", "GET", "don-vi/khcn/@sharing")
        assert sharing.status_code == 200, sharing.text[:500]


class TestComments:
    """(h) the team reads no comment of khcn that other staff do not: a
    pending comment on an effective khcn procedure stays with khcn's
    officers; a published one is what every member of staff reads."""

    PENDING = f"Góp ý chờ duyệt {WORD}"
    PUBLISHED = "Góp ý đã đăng của đơn vị"

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        def comments(portal):
            for text in (self.PENDING, self.PUBLISHED):
                transaction.commit()
                with requests.Session() as http:
                    posted = http.post(
                        f"{portal.absolute_url()}/++api++/{KHCN_EFFECTIVE}/@comments",
                        headers=JSON,
                        auth=("khcn.staff", DEMO_PASSWORD),
                        json={"text": text},
                    )
                assert posted.status_code == 204, posted.text
            transaction.begin()  # see what the requests committed
            conversation = IConversation(portal.unrestrictedTraverse(KHCN_EFFECTIVE))
            for comment in conversation.getComments():
                if comment.text == self.PUBLISHED:
                    with api.env.adopt_user(username="khcn.officer"):
                        api.portal.get_tool("portal_workflow").doActionFor(
                            comment, "publish"
                        )
            transaction.commit()

        yield from _moment(functional_class, comments)

    def _texts(self, site, login) -> str:
        response = site.call(login, "GET", f"{KHCN_EFFECTIVE}/@comments")
        assert response.status_code == 200, (login, response.status_code)
        return " ".join(c["text"]["data"] for c in response.json()["items"])

    def test_khcn_officer_sees_both(self, moment):
        texts = self._texts(moment, "khcn.officer")
        assert self.PENDING in texts
        assert self.PUBLISHED in texts

    @pytest.mark.parametrize("login", TEAM)
    def test_team_sees_what_other_staff_see(self, moment, login):
        problems = []
        texts = self._texts(moment, login)
        check(problems, self.PENDING not in texts, login, "@comments: pending shown")
        check(problems, self.PUBLISHED in texts, login, "@comments: published hidden")
        reference = self._texts(moment, "phapche.staff")
        check(problems, texts == reference, login, "reads other comments than staff")
        page = moment.page(login, KHCN_EFFECTIVE)
        check(problems, page.status_code == 200, login, "page", page.status_code)
        check(problems, self.PENDING not in page.text, login, "page shows pending")
        found = moment.found(login, SearchableText=WORD, portal_type="Discussion Item")
        check(problems, not found, login, "@search finds comments", sorted(found))
        assert not problems, "\n".join(problems)


class TestBeforeStart:
    """(a) in progress, but it starts tomorrow."""

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        def change(portal):
            set_audit(
                portal,
                start=TODAY + timedelta(days=1),
                end=TODAY + timedelta(days=6),
            )

        yield from _moment(functional_class, change)

    test_read = _readers_test(())


class TestPlanned:
    """(a) planned, today within its dates: nothing yet. The vp audit (lead
    `auditor2`) is planned from today; the khcn audit is planned too."""

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        def change(portal):
            set_audit(portal, path=VP_AUDIT, start=TODAY, end=TODAY + timedelta(days=2))
            # the running audit of khcn replaced by a planned one
            with api.env.adopt_roles(["Manager"]):
                api.content.delete(obj=portal.unrestrictedTraverse(KHCN_AUDIT))
            with api.env.adopt_user(username="iso.secretary"):
                audit = api.content.create(
                    container=portal.unrestrictedTraverse(PROGRAMME),
                    type="Audit",
                    title="Đánh giá khcn chưa bắt đầu",
                    audited_units=["khcn"],
                    lead_auditor="auditor",
                    auditors=["auditor2"],
                    start=TODAY,
                    end=TODAY + timedelta(days=2),
                )
            assert api.content.get_state(obj=audit) == "planned"
            transaction.commit()

        yield from _moment(functional_class, change)

    test_read = _readers_test(())

    def test_planned_vp_audit_gives_nothing_of_vp(self, moment):
        problems = []
        for name, response in (
            ("REST GET", moment.call("auditor2", "GET", VP_DRAFT)),
            ("page", moment.page("auditor2", VP_DRAFT)),
        ):
            check(problems, refused(response), name, VP_DRAFT, response.status_code)
        found = moment.found("auditor2", SearchableText=WORD)
        check(problems, VP_DRAFT not in found, "@search finds", VP_DRAFT)
        assert not problems, "\n".join(problems)


class TestAfterEnd:
    """(c) still in progress, but its end date was yesterday."""

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        def change(portal):
            set_audit(
                portal,
                start=TODAY - timedelta(days=5),
                end=TODAY - timedelta(days=1),
            )

        yield from _moment(functional_class, change)

    test_read = _readers_test(())


class TestReported:
    """(d) reported by the lead auditor: the access ends with it."""

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        def change(portal):
            audit = portal.unrestrictedTraverse(KHCN_AUDIT)
            audit.summary = "Đơn vị áp dụng phù hợp."
            with api.env.adopt_user(username="auditor"):
                api.portal.get_tool("portal_workflow").doActionFor(audit, "report")
            assert api.content.get_state(obj=audit) == "reported"
            transaction.commit()

        yield from _moment(functional_class, change)

    test_read = _readers_test(())


class TestLastDay:
    """Its start and end dates count: on the last day the team still reads."""

    @pytest.fixture(scope="class")
    def moment(self, functional_class):
        def change(portal):
            set_audit(portal, start=TODAY - timedelta(days=3), end=TODAY)

        yield from _moment(functional_class, change)

    test_read = _readers_test(TEAM)


def test_auditors_read_no_objectives_of_the_unit(integration, as_user):
    """Nothing else of the unit: a draft plan of quality objectives of the
    audited unit stays closed to its auditors while they read its drafts."""
    portal = integration["portal"]
    plan = portal["don-vi"]["khcn"]["muc-tieu"][str(date.today().year)]
    with as_user("khcn.officer"):
        api.content.transition(obj=plan, transition="amend", comment="Bổ sung")
    draft = next(
        brain._unrestrictedGetObject()
        for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Procedure", owning_unit="khcn", review_state="draft"
        )
    )
    with as_user("auditor"):
        assert api.user.has_permission("View", obj=draft)
        assert not api.user.has_permission("View", obj=plan)
    with as_user("khcn.staff"):
        assert api.user.has_permission("View", obj=plan)
