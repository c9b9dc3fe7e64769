"""export_site: the whole site into a directory, with collective.exportimport.

Layout of the directory (README "Moving a whole QMS"):

    manifest.json        what, when, from where, how many
    site.json            the site root's title, description and view
    content/<n>.json     one object each, parents first (@@export_content)
    blobs/<uid>/<field>  the files, beside the JSON (not base64 inside)
    relations.json members.json localroles.json ordering.json
    defaultpages.json discussion.json portlets.json redirects.json
    registry.json        our registry records (qms.intranet.*)
    annotations.json     our site annotations: acknowledgements, disposal
                         log, the daily job's state, digests, OCR queue

Addresses are written relative to the site ("/don-vi/vp"), so that an export
does not depend on the host name or site id it was made on, and a second
export of the imported site gives the same JSON.
"""

from Acquisition import aq_base
from collective.exportimport.export_content import ExportContent
from collective.exportimport.export_other import export_plone_redirects
from collective.exportimport.export_other import ExportDefaultPages
from collective.exportimport.export_other import ExportLocalRoles
from collective.exportimport.export_other import ExportMembers
from collective.exportimport.export_other import ExportPortlets
from collective.exportimport.export_other import ExportRelations
from collective.exportimport.interfaces import IMigrationMarker
from datetime import datetime
from OFS.interfaces import IOrderedContainer
from plone import api
from plone.app.iterate.dexterity.utils import get_checkout_relation
from plone.app.iterate.interfaces import annotation_key as ITERATE_KEY
from plone.app.iterate.interfaces import IBaseline
from plone.app.iterate.interfaces import IWorkingCopy
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedField
from plone.restapi.interfaces import ISerializeToJson
from plone.uuid.interfaces import IUUID
from qms.intranet.migration.transfer.codec import to_json
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.interface import directlyProvidedBy
from zope.schema import getFields

import json
import logging
import os
import shutil


logger = logging.getLogger(__name__)

FORMAT = "qms.intranet.transfer"
FORMAT_VERSION = 1
PREFIX = "qms.intranet"
# Types that are not content of their own (the site root is site.json,
# comments are discussion.json).
SKIPPED_TYPES = ("Plone Site", "Discussion Item")
# Attributes kept beside the schema fields are exported (the text read
# from files: OCR takes seconds a page; who was told of a plan or an
# assignment: not told twice; a register's yearly numbers: no nonconformity
# number given twice; how often it was reopened; a record file's title),
# except these, which the serializer, the workflow history or the
# importer carry, and CMFEditions' bookkeeping (versions: README). The
# creators and contributors are not among them: the serializer writes them
# only for types with the Dublin Core behavior (a record list has none, and
# lists and the catalog's Creator name its author).
STANDARD_ATTRIBUTES = {
    "id",
    "portal_type",
    "workflow_history",
    "creation_date",
    "modification_date",
    "subject",
    "effective_date",
    "expiration_date",
    "language",
    "rights",
    "format",
    "cmf_uid",
    "location_id",
    "version_id",
    "exclude_from_nav",
    "allow_discussion",
    "layout",
    "default_page",
}
DISCUSSION_KEY = "plone.app.discussion:conversation"
OWNER_PATH = "<portal>"
# What the serializer writes that is the moment's, not the content's, or
# is kept in qms.transfer (the working copy's links).
DROPPED_KEYS = (
    "lock",
    "@components",
    "next_item",
    "previous_item",
    "items",
    "working_copy",
    "working_copy_of",
    "targetUrl",
)
# Site annotations rebuilt by the import itself: the OCR queue (a file whose
# text is still to be read is queued again when it is imported).
REBUILT_ANNOTATIONS = ("qms.intranet.search.ocr",)


def relative(url: str, portal_url: str) -> str:
    """/don-vi/vp for http://host/Plone/don-vi/vp."""
    if url == portal_url:
        return "/"
    if url.startswith(portal_url + "/"):
        return url[len(portal_url) :]
    return url


def write_json(path, data) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(data, stream, sort_keys=True, indent=1, ensure_ascii=False)


def named_fields(obj):
    """(name, field) of the file and image fields of obj's schemata."""
    for schema in iterSchemata(obj):
        for name, field in getFields(schema).items():
            if INamedField.providedBy(field):
                yield name, field


class TransferExportContent(ExportContent):
    """@@export_content with the hooks our types need: files written beside
    the JSON, site-relative addresses, the attributes, owner, working-copy
    state and comments that the default serializer does not carry. Local
    roles, portlets and positions are gathered on the same walk."""

    def setup(self, directory: str):
        self.directory = directory
        self.portal = api.portal.get()
        self.portal_url = self.portal.absolute_url()
        self.portal_type = [
            fti.getId()
            for fti in api.portal.get_tool("portal_types").listTypeInfo()
            if fti.getId() not in SKIPPED_TYPES
        ]
        self.path = "/".join(self.portal.getPhysicalPath())
        self.depth = -1
        self.include_blobs = 0  # download URLs, replaced by files below
        self.include_revisions = False
        self.migration = True
        self.write_errors = True
        self.errors = []
        self.files = 0
        self.version_files = 0
        self.bytes = 0
        self.discussion = []
        self.localroles = ExportLocalRoles(self.portal, self.request)
        self.localroles.results = []
        self.portlets = ExportPortlets(self.portal, self.request)
        self.portlets.results = []
        self.ordering = []
        alsoProvides(self.request, IMigrationMarker)

    def global_dict_hook(self, item, obj):
        for key in DROPPED_KEYS:
            item.pop(key, None)
        item["@id"] = relative(item["@id"], self.portal_url)
        if item.get("parent", {}).get("@id"):
            item["parent"]["@id"] = relative(item["parent"]["@id"], self.portal_url)
        uid = item["UID"]
        self.export_files(item, obj, uid)
        extra = {}
        attributes = extra_attributes(obj, item)
        if attributes:
            extra["attributes"] = attributes
        markers = sorted(i.__identifier__ for i in directlyProvidedBy(obj))
        if markers:
            extra["markers"] = markers
        owner = owner_of(aq_base(obj).__dict__.get("_owner"), self.portal)
        if owner:
            extra["owner"] = owner
        iterate = self.iterate_state(obj)
        if iterate:
            extra["iterate"] = iterate
        versions = self.export_versions(obj, uid)
        if versions:
            extra["versions"] = versions
        item["qms.transfer"] = extra
        self.gather(obj, uid)
        return item

    def export_files(self, item, obj, uid: str) -> None:
        """Each file into blobs/<uid>/<field>, its JSON saying where."""
        for name, _field in named_fields(obj):
            value = getattr(aq_base(obj), name, None)
            if value is None:
                continue
            folder = os.path.join(self.directory, "blobs", uid)
            os.makedirs(folder, exist_ok=True)
            target = os.path.join(folder, name)
            blob = getattr(value, "_blob", None)
            if blob is not None:
                with blob.open("r") as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
            else:
                with open(target, "wb") as out:
                    out.write(value.data)
            size = os.path.getsize(target)
            self.files += 1
            self.bytes += size
            item[name] = {
                "blob_path": f"blobs/{uid}/{name}",
                "filename": value.filename,
                "content-type": value.contentType,
                "size": size,
            }

    def export_versions(self, obj, uid: str) -> list:
        """Every issue kept by CMFEditions (each check-in of a revision),
        its fields and files, with who saved it, when and why: an auditor
        may ask for the issue in force at a date. @@export_content's
        include_revisions writes no files and its import validates."""
        repository = api.portal.get_tool("portal_repository")
        if not repository.isVersionable(obj):
            return []
        history = repository.getHistoryMetadata(obj)
        if not history:
            return []
        versions = []
        for version_id in range(history.getLength(countPurged=False)):
            metadata = history.retrieve(version_id)["metadata"]["sys_metadata"]
            version = repository.retrieve(obj, version_id).object
            serializer = getMultiAdapter((obj, self.request), ISerializeToJson)
            data = serializer(include_items=False, version=version_id)
            fields = {}
            for schema in iterSchemata(obj):
                for name, field in getFields(schema).items():
                    if name in data and not INamedField.providedBy(field):
                        fields[name] = data[name]
            files = self.files
            self.export_files(fields, version, f"{uid}/v{version_id}")
            self.version_files += self.files - files
            self.files = files
            versions.append(
                {
                    "version_id": version_id,
                    "comment": metadata.get("comment", ""),
                    "principal": metadata.get("principal"),
                    "timestamp": metadata.get("timestamp"),
                    "fields": fields,
                }
            )
        return versions

    def iterate_state(self, obj) -> dict:
        """A working copy in progress: which side this is, and the checkout's
        bookkeeping (who, when) kept on the relation."""
        if IWorkingCopy.providedBy(obj):
            relation = get_checkout_relation(obj)
            storage = {}
            if relation is not None:
                storage = dict(IAnnotations(relation).get(ITERATE_KEY, {}))
            return {"role": "working_copy", "storage": to_json(storage)}
        if IBaseline.providedBy(obj):
            return {"role": "baseline"}
        return {}

    def gather(self, obj, uid: str) -> None:
        """Local roles, portlets, position and comments of this object."""
        self.localroles._get_localroles(obj, uid)
        self.portlets._get_portlets(obj, uid)
        parent = IOrderedContainer(obj.__parent__, None)
        if parent is not None:
            position = parent.getObjectPosition(obj.getId())
            if position is not None:
                self.ordering.append({"uuid": uid, "order": position})
        conversation = IAnnotations(obj).get(DISCUSSION_KEY)
        if conversation is not None and len(conversation._comments):
            self.discussion.append(
                {"uuid": uid, "comments": export_comments(conversation, self.portal)}
            )

    def write_items(self) -> int:
        content = os.path.join(self.directory, "content")
        os.makedirs(content, exist_ok=True)
        number = 0
        for number, item in enumerate(self.export_content(), start=1):
            write_json(os.path.join(content, f"{number}.json"), item)
        return number


def extra_attributes(obj, item) -> dict:
    """What obj keeps beside its fields and the serializer's keys."""
    aq_base(obj)._p_activate()
    found = {}
    for name, value in sorted(aq_base(obj).__dict__.items()):
        if name.startswith("_") and not name.startswith("_qms"):
            continue
        # (a text the serializer reads elsewhere, as the version's change
        # note, is kept as it is stored)
        if name in STANDARD_ATTRIBUTES:
            continue
        if name in item and (item[name] == value or not isinstance(value, str | None)):
            continue
        try:
            found[name] = to_json(value)
        except TypeError:
            logger.warning("%s: attribute %s not exported", obj.absolute_url(), name)
    return found


def owner_of(owner, portal):
    """[user folder path, user id], the site's user folder as "<portal>"."""
    if not isinstance(owner, tuple):
        return None
    path, userid = owner
    site_folder = list(api.portal.get_tool("acl_users").getPhysicalPath()[1:])
    return [OWNER_PATH if list(path) == site_folder else list(path), userid]


def export_comments(conversation, portal) -> list:
    """Every comment whole (its workflow history is its moderation state),
    whatever its state: @@export_discussion drops both."""
    comments = []
    for comment_id, comment in sorted(conversation._comments.items()):
        comment._p_activate()  # a ghost's __dict__ is empty
        state = {
            key: to_json(value)
            for key, value in sorted(aq_base(comment).__dict__.items())
            if not key.startswith("_p_") and key not in ("__parent__", "_owner")
        }
        state["_owner"] = owner_of(aq_base(comment).__dict__.get("_owner"), portal)
        comments.append({"comment_id": comment_id, "state": state})
    return comments


class TransferExportMembers(ExportMembers):
    """@@export_members with every property of our member schema (the
    e-mail notification choice) and the login name."""

    def __init__(self, context, request):
        super().__init__(context, request)
        memberdata = api.portal.get_tool("portal_memberdata")
        self.MEMBER_PROPERTIES = sorted(
            name for name in memberdata.propertyIds() if name != "portrait"
        )

    def _getUserData(self, userId):
        data = super()._getUserData(userId)
        users = api.portal.get_tool("acl_users").source_users
        data["login"] = users._userid_to_login.get(userId, userId)
        data["groups"] = sorted(data["groups"])
        data["roles"] = sorted(data["roles"])
        return data


def export_redirects(portal) -> dict:
    """Plone's redirects of moved content, relative to the site."""
    base = "/".join(portal.getPhysicalPath())
    return {
        old[len(base) :]: new[len(base) :]
        for old, new in export_plone_redirects().items()
        if old.startswith(base + "/") and str(new).startswith(base + "/")
    }


def export_registry() -> dict:
    registry = api.portal.get_tool("portal_registry")
    return {
        name: to_json(registry.records[name].value)
        for name in sorted(registry.records.keys())
        if name.startswith(PREFIX + ".")
    }


def export_annotations(portal) -> dict:
    annotations = IAnnotations(portal)
    return {
        key: to_json(annotations[key])
        for key in sorted(annotations.keys())
        if isinstance(key, str)
        and key.startswith(PREFIX)
        and key not in REBUILT_ANNOTATIONS
    }


def export_site_root(portal) -> dict:
    return {
        "UID": IUUID(portal, None),
        "title": portal.Title(),
        "description": portal.Description(),
        "layout": portal.getLayout(),
    }


def profile_version() -> str:
    setup = api.portal.get_tool("portal_setup")
    return setup.getLastVersionForProfile("qms.intranet:default")


def export_site(portal=None, path=None, request=None) -> dict:
    """Export the whole site into the directory `path` (created); return
    the manifest (counts of objects and files)."""
    portal = portal or api.portal.get()
    request = request or getRequest() or portal.REQUEST
    os.makedirs(path, exist_ok=True)
    started = datetime.now()
    with api.env.adopt_roles(roles=["Manager"]):
        content = TransferExportContent(portal, request)
        content.setup(path)
        number = content.write_items()
        content.localroles.get_root_localroles()
        content.portlets.get_root_portlets()
        members = TransferExportMembers(portal, request)
        others = {
            "relations": ExportRelations(portal, request).get_all_references(),
            "members": {
                "groups": members.export_groups(),
                "members": list(members.export_members()),
            },
            "localroles": content.localroles.results,
            "ordering": sorted(content.ordering, key=lambda i: (i["order"], i["uuid"])),
            "defaultpages": ExportDefaultPages(portal, request).all_default_pages(),
            "discussion": content.discussion,
            "portlets": content.portlets.results,
            "redirects": export_redirects(portal),
            "registry": export_registry(),
            "annotations": export_annotations(portal),
            "site": export_site_root(portal),
        }
    for portlets in others["portlets"]:
        portlets["@id"] = relative(portlets["@id"], content.portal_url)
    for name, data in others.items():
        write_json(os.path.join(path, f"{name}.json"), data)
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": started.isoformat(timespec="seconds"),
        "source": "/".join(portal.getPhysicalPath()),
        "profile_version": ".".join(profile_version()),
        "objects": number,
        "files": content.files,
        "version_files": content.version_files,
        "bytes": content.bytes,
        "errors": content.errors,
        "counts": {
            "users": len(others["members"]["members"]),
            "groups": len(others["members"]["groups"]),
            "relations": len(others["relations"]),
            "comments": sum(len(i["comments"]) for i in others["discussion"]),
        },
    }
    write_json(os.path.join(path, "manifest.json"), manifest)
    logger.info(
        "Exported %s objects and %s files to %s in %s",
        number,
        content.files,
        path,
        datetime.now() - started,
    )
    return manifest
