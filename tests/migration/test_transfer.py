"""Moving a whole QMS (issue #18): the demo site, with a revision being
drafted, moderated comments and a disposal added, exported with
collective.exportimport, imported into a fresh site made without demo data
(DEMO=0), then exported again. Each object must come back with its UID,
fields, state, workflow history, local roles, relations, files (checksums),
acknowledgements, comments and their states; the second export must equal
the first apart from the fields listed in README (CHANGED_FILES)."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from Acquisition import aq_base
from contextlib import contextmanager
from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.discussion.interfaces import IConversation
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.dexterity.utils import get_working_copy
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.iterate.interfaces import IWorkingCopy
from plone.app.portlets.portlets import navigation
from plone.app.testing import SITE_OWNER_NAME
from plone.dexterity.utils import iterSchemata
from plone.distribution.api import site as site_api
from plone.locking.interfaces import ILockable
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.relationhelper import get_all_relations
from qms.intranet import DISTRIBUTION_NAME
from qms.intranet.lifecycle import acknowledge
from qms.intranet.migration.transfer.exporter import export_site
from qms.intranet.migration.transfer.exporter import named_fields
from qms.intranet.migration.transfer.importer import import_site
from qms.intranet.migration.transfer.importer import is_fresh
from qms.intranet.migration.transfer.importer import TransferError
from qms.intranet.records.disposal import disposal_log
from qms.intranet.testing import ANSWERS
from zope.annotation.interfaces import IAnnotations
from zope.component import createObject
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.interface import directlyProvidedBy
from zope.schema import getFields

import hashlib
import json
import pytest
import transaction


EFFECTIVE = "don-vi/vp/quy-trinh-quan-ly-van-ban-di"
UNIT = "don-vi/vp"
REVISED = "don-vi/vp/qt-effective"
# What may differ between the first and the second export (README).
CHANGED_FILES = {"manifest.json": {"exported", "source"}}
# Indexes and columns that name the site (its path, the schemas Dexterity
# generates by site name) or CMFEditions' numbers (VERSIONING_ATTRIBUTES).
CATALOG_CHANGES = {"path", "getObjPositionInParent", "object_provides", "cmf_uid"}
# Attributes an object may have in one site and not the other: the
# moment's (locks, caches), not the content's.
VOLATILE_ATTRIBUTES = {"_v_", "_p_", "_old_path"}
# CMFEditions' bookkeeping: numbers of the new site's history storage.
VERSIONING_ATTRIBUTES = {"cmf_uid", "location_id", "version_id"}


def entry(catalog, name: str, rid: int):
    """What index `name` holds for rid (a BooleanIndex keeps only the rarer
    value: the other is None)."""
    index = catalog.getIndex(name)
    value = index.getEntryForObject(rid, None)
    return bool(value) if index.meta_type == "BooleanIndex" else value


def comparable(value):
    """A catalog value as the export keeps it: dates to the second; lists
    (keywords, words) in any order."""
    if isinstance(value, DateTime):
        return int(value.timeTime())
    if isinstance(value, list | tuple):
        return sorted(value, key=repr)
    return value


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def add_activity(portal):
    """What the demo lacks: a revision in progress, comments in every
    moderation state, a disposal in the log."""
    procedure = portal.unrestrictedTraverse(EFFECTIVE)
    with api.env.adopt_user(username="vp.officer"):
        working_copy = ICheckinCheckoutPolicy(procedure).checkout(procedure.aq_parent)
        working_copy.change_note = "Sửa đổi đang soạn thảo"
        working_copy.reindexObject()
    conversation = IConversation(procedure)
    texts = {"pending": "Đề nghị bổ sung mẫu sổ.", "published": "Đã rõ, cảm ơn."}
    ids = {}
    for state, text in texts.items():
        with api.env.adopt_user(username="khcn.staff"):
            comment = createObject("plone.Comment")
            comment.text = text
            comment.author_username = "khcn.staff"
            comment.author_name = "Hoàng Văn Nam"
            ids[state] = conversation.addComment(comment)
    with api.env.adopt_user(username="vp.officer"):
        api.portal.get_tool("portal_workflow").doActionFor(
            conversation[ids["published"]], "publish"
        )
    disposal_log().append(
        {
            "when": "2026-01-05T09:00:00",
            "who": "iso.secretary",
            "who_name": "Thư ký ISO",
            "why": "Hết thời hạn bảo quản",
            "title": "Hồ sơ cũ",
            "uid": "0" * 32,
            "path": "/plone/don-vi/vp/ho-so/2015/hs-cu",
            "reference_number": "01/2015",
            "retention_ends": date(2025, 12, 31),
        }
    )
    add_portlet(portal.unrestrictedTraverse(UNIT))
    processQueue()
    return working_copy


def add_portlet(unit) -> None:
    """The unit's own navigation in its right column, the parent's
    portlets blocked there."""
    manager = getUtility(IPortletManager, name="plone.rightcolumn")
    mapping = getMultiAdapter((unit, manager), IPortletAssignmentMapping)
    mapping["quy-trinh"] = navigation.Assignment(
        name="Quy trình của Văn phòng Bộ", bottomLevel=2
    )
    assignable = getMultiAdapter((unit, manager), ILocalPortletAssignmentManager)
    assignable.setBlacklistStatus(CONTEXT_CATEGORY, True)


def portlets_of(unit) -> tuple:
    """(what each portlet shows, in order; whether the parent's are
    blocked). Not its name: collective.exportimport names it anew (README)."""
    manager = getUtility(IPortletManager, name="plone.rightcolumn")
    mapping = getMultiAdapter((unit, manager), IPortletAssignmentMapping)
    assignable = getMultiAdapter((unit, manager), ILocalPortletAssignmentManager)
    return (
        [(a.name, a.bottomLevel) for a in mapping.values()],
        assignable.getBlacklistStatus(CONTEXT_CATEGORY),
    )


def objects_by_uid(portal) -> dict:
    setSite(portal)
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for brain in catalog.unrestrictedSearchResults(
        path="/".join(portal.getPhysicalPath())
    ):
        if brain.portal_type in ("Plone Site", "Discussion Item"):
            continue
        found[brain.UID] = brain._unrestrictedGetObject()
    return found


def read_export(path) -> dict:
    """{relative file name: JSON} of an export, content files by UID."""
    data = {}
    for file in sorted(path.rglob("*.json")):
        item = json.loads(file.read_text())
        if file.parent.name == "content":
            data[f"content/{item['UID']}"] = item
        else:
            data[file.name] = item
    return data


@pytest.fixture(scope="class")
def moved(functional_class, tmp_path_factory):
    """(source portal, target portal, first export, second export)."""
    layer = functional_class
    layer.testSetUp()
    app, portal, request = layer["app"], layer["portal"], layer["request"]
    try:
        setSite(portal)
        working_copy = add_activity(portal)
        assert IWorkingCopy.providedBy(working_copy)
        transaction.commit()
        first = tmp_path_factory.mktemp("export-1")
        with as_site_owner(app):
            manifest = export_site(portal=portal, path=str(first), request=request)
            target = site_api.create(
                app,
                DISTRIBUTION_NAME,
                {**ANSWERS, "site_id": "target", "setup_content": False},
            )
            transaction.commit()
            setSite(target)
            assert is_fresh(target)
            counts = import_site(portal=target, path=str(first), commit=100)
            second = tmp_path_factory.mktemp("export-2")
            export_site(portal=target, path=str(second), request=request)
        setSite(portal)
        yield {
            "portal": portal,
            "target": target,
            "first": first,
            "second": second,
            "manifest": manifest,
            "counts": counts,
        }
    finally:
        setSite(portal)
        layer.testTearDown()


@contextmanager
def as_site_owner(app):
    """Act as the Zope administrator, as the scripts do."""
    previous = getSecurityManager()
    user = app.acl_users.getUser(SITE_OWNER_NAME)
    newSecurityManager(None, user.__of__(app.acl_users))
    try:
        yield
    finally:
        setSecurityManager(previous)


class TestRoundTrip:
    def test_every_object_comes_back(self, moved):
        source = objects_by_uid(moved["portal"])
        setSite(moved["target"])
        target = objects_by_uid(moved["target"])
        assert set(source) <= set(target)
        assert moved["manifest"]["objects"] >= len(source) - 1
        assert not moved["manifest"]["errors"]

    def test_second_export_equals_the_first(self, moved):
        first, second = read_export(moved["first"]), read_export(moved["second"])
        assert set(first) == set(second)
        differences = []
        for name, data in first.items():
            ignored = CHANGED_FILES.get(name, set())
            if isinstance(data, dict):
                keys = (set(data) | set(second[name])) - ignored
                for key in sorted(keys):
                    if data.get(key) != second[name].get(key):
                        differences.append(
                            (name, key, data.get(key), second[name].get(key))
                        )
            elif data != second[name]:
                differences.append((name, None))
        assert differences == []

    def test_catalog_as_on_the_old_site(self, moved):
        """Every index and metadata column of every object holds what the
        old site's catalog holds once brought up to date: lists, boards and
        search read the catalog, not the objects (a certificate's title
        names its holder, who comes in after it)."""

        def entries(portal, refresh=False):
            setSite(portal)
            tool = api.portal.get_tool("portal_catalog")
            catalog = tool._catalog
            if refresh:  # (the demo leaves a few entries stale)
                for brain in tool.unrestrictedSearchResults():
                    tool.catalog_object(brain._unrestrictedGetObject(), brain.getPath())
            root = "/".join(portal.getPhysicalPath())
            found = {}
            for rid, path in catalog.paths.items():
                if path == root:
                    continue  # made by each site for itself
                metadata = catalog.getMetadataForRID(rid)
                values = {
                    **{name: entry(catalog, name, rid) for name in catalog.indexes},
                    **{f"column {name}": value for name, value in metadata.items()},
                }
                found[path[len(root) :]] = {
                    name: comparable(value)
                    for name, value in values.items()
                    if name.removeprefix("column ") not in CATALOG_CHANGES
                }
            return found

        source = entries(moved["portal"], refresh=True)
        target = entries(moved["target"])
        assert set(source) <= set(target)
        differences = [
            (path, name, value, target[path].get(name))
            for path, values in source.items()
            for name, value in values.items()
            if target[path].get(name) != value
        ]
        assert differences == []

    def test_fields_state_history_roles(self, moved):
        source = objects_by_uid(moved["portal"])
        target_portal = moved["target"]
        setSite(target_portal)
        target = objects_by_uid(target_portal)
        workflow = api.portal.get_tool("portal_workflow")
        for uid, obj in source.items():
            copy = target[uid]
            assert copy.getId() == obj.getId()
            assert copy.portal_type == obj.portal_type
            assert copy.Title() == obj.Title()
            assert workflow.getInfoFor(copy, "review_state", None) == (
                workflow.getInfoFor(obj, "review_state", None)
            ), obj.absolute_url()
            for name, history in getattr(aq_base(obj), "workflow_history", {}).items():
                assert len(copy.workflow_history[name]) == len(history)
            assert dict(aq_base(copy).__ac_local_roles__ or {}) == dict(
                aq_base(obj).__ac_local_roles__ or {}
            ), obj.absolute_url()
            assert copy.getOwnerTuple()[1] == obj.getOwnerTuple()[1]
            # JSON keeps dates to the second
            assert int(copy.modified()) == int(obj.modified())
            assert int(copy.created()) == int(obj.created())

    def test_no_attribute_left_behind(self, moved):
        """Every attribute and annotation of every object is there again
        (what is not a schema field included)."""
        source = objects_by_uid(moved["portal"])
        setSite(moved["target"])
        target = objects_by_uid(moved["target"])
        missing = {}
        for uid, obj in source.items():
            copy = target[uid]
            fields = {
                name for schema in iterSchemata(obj) for name in getFields(schema)
            }
            mine = {
                name
                for name, value in aq_base(obj).__dict__.items()
                if name not in ("__annotations__", "__provides__")
                and (value or not name.startswith("_"))  # empty lock maps
            }
            mine -= VOLATILE_ATTRIBUTES | VERSIONING_ATTRIBUTES
            theirs = set(aq_base(copy).__dict__)
            lost = {a for a in mine - theirs if a[:3] not in VOLATILE_ATTRIBUTES}
            # a field left at its default (or empty) is not stored: compare
            # the values
            lost = {
                a
                for a in lost
                if a not in fields
                or (getattr(obj, a) != getattr(copy, a))
                and (getattr(obj, a) or getattr(copy, a))
            }
            annotations = IAnnotations(obj)
            lost |= {
                f"annotation {key}"
                for key in set(annotations) - set(IAnnotations(copy))
                if len(annotations[key])  # Plone makes empty ones on reading
            }
            if set(directlyProvidedBy(obj)) != set(directlyProvidedBy(copy)):
                lost.add("marker interfaces")
            if lost:
                missing[obj.absolute_url()] = sorted(lost)
        assert missing == {}, json.dumps(missing, indent=0)

    def test_files_by_checksum(self, moved):
        source = objects_by_uid(moved["portal"])
        setSite(moved["target"])
        target = objects_by_uid(moved["target"])
        files = 0
        for uid, obj in source.items():
            for name, _field in named_fields(obj):
                value = getattr(aq_base(obj), name, None)
                if value is None:
                    continue
                copy = getattr(aq_base(target[uid]), name)
                assert sha256(copy.data) == sha256(value.data)
                assert copy.filename == value.filename
                assert copy.contentType == value.contentType
                assert type(copy) is type(value)
                files += 1
                on_disk = moved["first"] / "blobs" / uid / name
                assert sha256(on_disk.read_bytes()) == sha256(value.data)
        assert files == moved["manifest"]["files"] > 20

    def test_json_holds_no_base64_and_no_host(self, moved):
        for file in (moved["first"] / "content").glob("*.json"):
            text = file.read_text()
            assert '"encoding": "base64"' not in text
            assert moved["portal"].absolute_url() not in text

    def test_relations_and_working_copy(self, moved):
        def relations(portal):
            setSite(portal)
            return sorted(
                (r["from_attribute"], r["from_uuid"], r["to_uuid"])
                for r in get_all_relations()
            )

        assert relations(moved["target"]) == relations(moved["portal"])
        setSite(moved["target"])
        procedure = moved["target"].unrestrictedTraverse(EFFECTIVE)
        working_copy = get_working_copy(procedure)
        assert working_copy is not None
        assert IWorkingCopy.providedBy(working_copy)
        assert get_baseline(working_copy).UID() == procedure.UID()
        # the procedure is a folder: its forms stay with it
        source = moved["portal"].unrestrictedTraverse(EFFECTIVE)
        assert procedure.objectIds() == source.objectIds() != []
        assert working_copy.change_note == "Sửa đổi đang soạn thảo"
        assert ILockable(procedure).locked()  # as checkout left it
        policy = ICheckinCheckoutPolicy(working_copy)
        assert policy.getProperties(working_copy)["checkout_user"] == "vp.officer"
        # the revision can be approved on the new site as on the old one
        with api.env.adopt_user(username="vp.officer"):
            api.content.transition(
                obj=working_copy, transition="submit", comment="Trình duyệt"
            )

    def test_portlets(self, moved):
        setSite(moved["portal"])
        before = portlets_of(moved["portal"].unrestrictedTraverse(UNIT))
        assert before[0]
        assert before[1]
        setSite(moved["target"])
        assert portlets_of(moved["target"].unrestrictedTraverse(UNIT)) == before

    def test_every_issue_still_retrievable(self, moved):
        """CMFEditions' versions: each issue's fields, file and note."""

        def issues(portal):
            setSite(portal)
            with api.env.adopt_roles(roles=["Manager"]):
                return _issues(portal)

        def _issues(portal):
            repository = api.portal.get_tool("portal_repository")
            found = {}
            for uid, obj in objects_by_uid(portal).items():
                history = repository.getHistoryMetadata(obj)
                if not history:
                    continue
                found[uid] = [
                    (
                        (version := repository.retrieve(obj, i)).object.title,
                        getattr(version.object, "revision", None),
                        sha256(version.object.signed_original.data)
                        if getattr(version.object, "signed_original", None)
                        else None,
                        version.sys_metadata["comment"],
                        version.sys_metadata["principal"],
                        int(version.sys_metadata["timestamp"]),
                    )
                    for i in range(history.getLength(countPurged=False))
                ]
            return found

        before = issues(moved["portal"])
        assert any(len(versions) > 1 for versions in before.values())
        assert issues(moved["target"]) == before

    def test_acknowledgements(self, moved):
        source = objects_by_uid(moved["portal"])
        setSite(moved["portal"])
        before = {
            uid: acknowledge.acknowledged_by(obj)
            for uid, obj in source.items()
            if hasattr(aq_base(obj), "revision")
        }
        assert any(before.values())
        setSite(moved["target"])
        target = objects_by_uid(moved["target"])
        after = {uid: acknowledge.acknowledged_by(target[uid]) for uid in before}
        assert after == before
        assert acknowledge.asked_since() is not None

    def test_comments_and_their_states(self, moved):
        def comments(portal):
            setSite(portal)
            conversation = IConversation(portal.unrestrictedTraverse(EFFECTIVE))
            workflow = api.portal.get_tool("portal_workflow")
            return sorted(
                (
                    c.comment_id,
                    c.text,
                    c.author_username,
                    c.creation_date,
                    workflow.getInfoFor(c, "review_state"),
                    len(c.workflow_history["qms_comment_workflow"]),
                )
                for c in conversation.values()
            )

        mine = comments(moved["portal"])
        assert {c[4] for c in mine} == {"pending", "published"}
        assert comments(moved["target"]) == mine
        setSite(moved["target"])
        catalog = api.portal.get_tool("portal_catalog")
        assert (
            len(catalog.unrestrictedSearchResults(portal_type="Discussion Item")) == 2
        )

    def test_record_lists_and_disposals(self, moved):
        def lists(portal):
            setSite(portal)
            return {
                brain.getPath().split("/", 2)[2]: brain._unrestrictedGetObject().entries
                for brain in api.portal.get_tool(
                    "portal_catalog"
                ).unrestrictedSearchResults(portal_type="RecordList")
            }

        before = lists(moved["portal"])
        assert before
        assert any(before.values())
        assert lists(moved["target"]) == before
        setSite(moved["target"])
        assert disposal_log()[-1]["why"] == "Hết thời hạn bảo quản"
        assert disposal_log()[-1]["retention_ends"] == date(2025, 12, 31)

    def test_users_groups_and_passwords(self, moved):
        setSite(moved["target"])
        acl = api.portal.get_tool("acl_users")
        assert acl.authenticate("vp.officer", "qms-demo", moved["target"].REQUEST)
        assert (
            "vp.officer" in api.group.get(groupname="vp-officers").getGroupMemberIds()
        )
        secretary = api.user.get(username="iso.secretary")
        assert "Site Administrator" in secretary.getRoles()
        assert "QMSSecretary" in secretary.getRolesInContext(moved["target"])

    def test_registry(self, moved):
        first = json.loads((moved["first"] / "registry.json").read_text())
        assert "qms.intranet.max_file_size_mb" in first

    def test_import_refuses_a_site_in_use(self, moved):
        setSite(moved["portal"])
        with pytest.raises(TransferError):
            import_site(portal=moved["portal"], path=str(moved["first"]), commit=None)
