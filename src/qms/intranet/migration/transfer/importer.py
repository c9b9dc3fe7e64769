"""import_site: a directory written by export_site into a fresh site.

The steps run in the order they depend on each other: our site annotations
first (acknowledgements and the rest are keyed by UID, and indexers read
them), content (parents first, each with its UID, fields, files, workflow
state and history), relations (working copies get their baseline back),
users and groups, owners, local roles, positions, default pages,
comments, portlets, redirects, registry; then dates and indexes.

The catalog indexes each object once, whole, when all it shows has come
(its people's names, local roles, comments, dates): while content comes in
nothing is indexed (`deferred_indexing`), and the steps that find objects
by UID in the catalog (relations, ordering, default pages, portlets) come
after that single pass.

Nothing is transitioned: a workflow transition would run our subscribers
(mails, issue numbers, amendment history). The exported workflow history
is the state, and the permissions follow from it. Content comes in before
the users exist, so no subscriber can tell anybody of it.
"""

from Acquisition import aq_base
from BTrees.LLBTree import LLSet
from collective.exportimport.export_other import PORTAL_PLACEHOLDER
from collective.exportimport.import_content import ImportContent
from collective.exportimport.import_other import import_plone_redirects
from collective.exportimport.import_other import ImportDefaultPages
from collective.exportimport.import_other import ImportMembers
from collective.exportimport.import_other import ImportOrdering
from collective.exportimport.import_other import ImportRelations
from collective.exportimport.import_other import register_portlets
from collective.exportimport.interfaces import IMigrationMarker
from contextlib import contextmanager
from DateTime import DateTime
from datetime import date
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.discussion.comment import Comment
from plone.app.discussion.interfaces import IConversation
from plone.app.iterate import lock
from plone.app.iterate.dexterity.utils import get_checkout_relation
from plone.app.iterate.interfaces import annotation_key as ITERATE_KEY
from plone.app.iterate.interfaces import IBaseline
from plone.app.iterate.interfaces import IWorkingCopy
from plone.app.linkintegrity.handlers import modifiedContent
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.schema import SCHEMA_CACHE
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.namedfile.file import NamedFile
from plone.namedfile.file import NamedImage
from plone.namedfile.interfaces import INamedBlobFileField
from plone.namedfile.interfaces import INamedBlobImageField
from plone.namedfile.interfaces import INamedField
from plone.namedfile.interfaces import INamedImageField
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IFieldDeserializer
from plone.schema.jsonfield import IJSONField
from Products.CMFCore.indexing import getQueue
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.WorkflowTool import WorkflowTool
from qms.intranet import _
from qms.intranet.migration.transfer.codec import from_json
from qms.intranet.migration.transfer.exporter import DISCUSSION_KEY
from qms.intranet.migration.transfer.exporter import FORMAT
from qms.intranet.migration.transfer.exporter import named_fields
from qms.intranet.migration.transfer.exporter import OWNER_PATH
from z3c.form.interfaces import IDataManager
from z3c.relationfield.event import addRelations
from zope.annotation.interfaces import IAnnotations
from zope.component import getGlobalSiteManager
from zope.component import getMultiAdapter
from zope.component import getUtilitiesFor
from zope.component import queryMultiAdapter
from zope.dottedname.resolve import resolve as resolveDottedName
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.schema import getFields
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ValidationError

import dateutil.parser
import functools
import json
import logging
import os
import threading
import transaction


logger = logging.getLogger(__name__)

# Types a site made with DEMO=0 holds: its structure. Anything else means
# the site is in use, and an import would mix two systems.
STRUCTURE_TYPES = (
    "Plone Site",
    "Folder",
    "QMSSection",
    "Department",
    "RecordArchive",
    "ImprovementRegister",
    "ObjectiveArchive",
    "AuditSection",
    "ReviewSection",
    "EvaluationSection",
    "TrainingSection",
)


# Indexes that read another object's catalog entry (a finding shows the
# state of the nonconformity it became): indexed again once all are there.
CROSS_INDEXES = ["finding_nc_state"]


class TransferError(ValueError):
    """Why the import was refused (translatable)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def read_json(path):
    with open(path, encoding="utf-8") as stream:
        return json.load(stream)


def content_items(directory: str):
    """content/<n>.json in export order (parents first)."""
    folder = os.path.join(directory, "content")
    names = [name for name in os.listdir(folder) if name.endswith(".json")]
    for name in sorted(names, key=lambda name: int(name[:-5])):
        yield read_json(os.path.join(folder, name))


def file_class(field):
    if INamedBlobImageField.providedBy(field):
        return NamedBlobImage
    if INamedBlobFileField.providedBy(field):
        return NamedBlobFile
    if INamedImageField.providedBy(field):
        return NamedImage
    return NamedFile


def owner_path(portal) -> list:
    return list(api.portal.get_tool("acl_users").getPhysicalPath()[1:])


def set_owner(obj, owner, portal) -> None:
    """The owner as exported, on this site's user folder."""
    if not owner:
        return
    path, userid = owner
    if path == OWNER_PATH:
        path = owner_path(portal)
    obj._owner = (list(path), userid)


class TransferImportContent(ImportContent):
    """@@import_content with the hooks our types need (see the module)."""

    def setup(self, directory: str, commit: int | None):
        self.directory = directory
        self.portal = api.portal.get()
        self.portal_path = "/".join(self.portal.getPhysicalPath())
        self.portal_url = self.portal.absolute_url()
        self.commit = commit
        self.limit = None
        self.import_to_current_folder = False
        # Units bring their archive, register and groups when added: the
        # imported ones update them (and give them their UID).
        self.handle_existing_content = 2
        self.import_old_revisions = False
        self.by_uid = {}
        self.imported = []
        self.stashed = {}
        alsoProvides(self.request, IMigrationMarker)

    def run(self) -> int:
        with deferred_indexing() as self.unindexed, quiet_additions(self):
            added = self.import_new_content(content_items(self.directory))
            if self.commit:
                transaction.commit()
        return len(added)

    def global_dict_hook(self, item):
        """Absolute addresses back; files and our extras set aside for the
        object hooks."""
        item["@id"] = self.portal_url + item["@id"]
        parent = item.get("parent") or {}
        if parent.get("@id"):
            parent["@id"] = self.portal_url + parent["@id"].rstrip("/")
        files = {}
        for key, value in list(item.items()):
            if isinstance(value, dict) and value.get("blob_path"):
                files[key] = item.pop(key)
        item.pop("review_state", None)  # the workflow history says it
        self.stashed = {"files": files, "extra": item.pop("qms.transfer", {})}
        # Plain values go to the constructor: the object is added with them
        # (the added events see its unit, code, reference) and plone.restapi
        # binds no vocabulary for them (each was a catalog search).
        presets = plain_values(item["@type"], item)
        item["factory_kwargs"] = presets
        self.stashed["presets"] = set(presets)
        self.stashed["path"] = item["@id"][len(self.portal_url) :]
        self.stashed["workflow_history"] = item.get("workflow_history")
        return item

    def get_parent_as_container(self, item):
        """The parent made earlier in this import, without a catalog search
        (each search would index everything queued so far)."""
        parent_uid = (item.get("parent") or {}).get("UID")
        if parent_uid in self.by_uid:
            return self.by_uid[parent_uid]
        relative = item["parent"]["@id"][len(self.portal_url) :]
        if not relative:
            return self.portal
        found = self.portal.unrestrictedTraverse(relative.lstrip("/"), None)
        if found is not None:
            return found
        return super().get_parent_as_container(item)

    def set_uuid(self, item, obj):
        """The exported UID (the site is fresh: no clash to look for)."""
        uuid = item.get("UID")
        if not uuid:
            return obj.UID()
        setattr(obj, "_plone.uuid", uuid)
        obj.reindexObject(idxs=["UID"])
        return uuid

    def global_obj_hook_before_deserializing(self, obj, item):
        """Files and the text read from them before the fields: the
        modified event then finds the text already there, and nothing is
        read again (OCR takes seconds a page)."""
        extra = self.stashed["extra"]
        if self.update_existing:  # made by an added event: no constructor
            for name, value in item["factory_kwargs"].items():
                setattr(obj, name, value)
        for name, value in extra.get("attributes", {}).items():
            setattr(obj, name, from_json(value))
        for version in extra.get("versions", ()):
            self.save_version(obj, version)
        self.set_files(obj, self.stashed["files"])
        for name in extra.get("markers", ()):
            alsoProvides(obj, resolveDottedName(name))
        iterate = extra.get("iterate", {})
        if iterate.get("role") == "working_copy":
            alsoProvides(obj, IWorkingCopy)
        elif iterate.get("role") == "baseline":
            alsoProvides(obj, IBaseline)
        return obj, item

    def handle_new_object(self, item, index, new):
        """@@import_content's, with values its deserializer refuses set as
        they were: a vocabulary may name what is imported later (units,
        auditors, procedures), and what the old site held is kept."""
        new, item = self.global_obj_hook_before_deserializing(new, item)
        deserializer = getMultiAdapter((new, self.request), IDeserializeFromJson)
        presets = self.stashed["presets"]
        data = {key: value for key, value in item.items() if key not in presets}
        # Its fields' reading, not its form validation: the invariants (a
        # code unique in the site: a catalog search each) held on the old
        # site, and some name what is imported later.
        _schema_data, errors = deserializer.get_schema_data(data, False, False)
        refused = [error["field"] for error in errors if error.get("field")]
        set_as_exported(new, item, refused)
        if "layout" in item:
            new.setLayout(item["layout"])
        # No modified event: its subscribers would read the files again
        # (their text came with them) and reindex security each time; link
        # integrity is brought up to date at the end, all targets there.
        # plone.restapi writes no read-only field (a done date, the
        # procedure an action revises) nor one the importer may not write
        # in the object's first state: set them as they were.
        set_as_exported(new, item, skipped_fields(new, item))
        self.import_constrains(new, item)
        item["UID"] = self.set_uuid(item, new)
        self.global_obj_hook(new, item)
        self.custom_obj_hook(new, item)
        self.import_workflow_history(new, item)
        for key, name in (
            ("modified", "modification_date"),
            ("created", "creation_date"),
        ):
            if item.get(key):
                value = DateTime(dateutil.parser.parse(item[key]))
                setattr(new, name, value)
                setattr(aq_base(new), f"{name}_migrated", value)
        return new

    def set_files(self, obj, files: dict) -> None:
        fields = dict(named_fields(obj))
        for name, value in files.items():
            path = os.path.join(self.directory, value["blob_path"])
            with open(path, "rb") as stream:
                data = stream.read()
            klass = file_class(fields.get(name))
            setattr(
                obj,
                name,
                klass(
                    data=data,
                    contentType=value["content-type"],
                    filename=value["filename"],
                ),
            )

    def save_version(self, obj, version: dict) -> None:
        """One issue back into CMFEditions, as it was saved then."""
        values = version["fields"]
        files = {
            k: v
            for k, v in values.items()
            if isinstance(v, dict) and v.get("blob_path")
        }
        set_as_exported(obj, values, [name for name in values if name not in files])
        self.set_files(obj, files)
        repository = api.portal.get_tool("portal_repository")
        repository._recursiveSave(
            obj,
            app_metadata={},
            sys_metadata={
                "comment": version["comment"],
                "timestamp": version["timestamp"],
                "originator": None,
                "principal": version["principal"],
            },
            autoapply=True,
        )

    def global_obj_hook(self, obj, item):
        extra = self.stashed["extra"]
        self.imported.append((item["UID"], extra))
        self.by_uid[item["UID"]] = obj
        return obj

    def import_review_state(self, obj, item):
        """No transition: the history (imported next) is the state."""

    def import_workflow_history(self, obj, item):
        if self.stashed.get("history_set"):
            return  # when it was added (`workflow_created`)
        super().import_workflow_history(obj, item)
        workflow = api.portal.get_tool("portal_workflow")
        for definition in workflow.getWorkflowsFor(obj):
            definition.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])

    def workflow_created(self, obj) -> bool:
        """The object this item makes, being added: its imported history
        as its workflow state at once, and its permissions from it, instead
        of the initial state worked out and replaced a moment later. False
        for another object (what a unit adds for itself when added)."""
        relative = "/".join(obj.getPhysicalPath())[len(self.portal_path) :]
        if relative != self.stashed.get("path"):
            return False
        workflow = api.portal.get_tool("portal_workflow")
        definitions = workflow.getWorkflowsFor(obj)
        history = self.item_history()
        super().import_workflow_history(obj, {"workflow_history": history})
        for definition in definitions:
            if definition.getId() in history:
                definition.updateRoleMappingsFor(obj)
            else:  # (none exported: its initial state, as Plone does)
                definition.notifyCreated(obj)
        self.stashed["history_set"] = True
        return True

    def item_history(self) -> dict:
        return self.stashed.get("workflow_history") or {}


class TransferImportMembers(ImportMembers):
    """@@import_members that also brings existing groups' titles and roles
    and each person's login name and every property."""

    def import_groups(self, data):
        number = super().import_groups(data)
        groups = api.portal.get_tool("portal_groups")
        for item in data:
            group = groups.getGroupById(item["groupid"])
            if group is None:
                continue
            group.setGroupProperties(
                {
                    key: item[key]
                    for key in ("title", "description", "email")
                    if key in item
                }
            )
            groups.setRolesForGroup(item["groupid"], item.get("roles") or [])
        return number

    def import_members(self, data):
        """Every user (@@import_members skips those without an e-mail),
        with the password hash as it was, the login name, roles, groups
        and properties."""
        acl = api.portal.get_tool("acl_users")
        membership = api.portal.get_tool("portal_membership")
        number = 0
        for item in data:
            item = dict(item)
            userid = item.pop("username")
            login = item.pop("login", None) or userid
            if api.user.get(userid=userid) is not None:
                logger.warning("User %s exists: skipped", userid)
                continue
            password = item.pop("password") or ""
            roles = item.pop("roles")
            groups = item.pop("groups")
            # Straight into the user folder: the registration tool's rules
            # (names, e-mail required) are for new people, not for these.
            acl.source_users.addUser(userid, login, password)
            if not password:
                acl.source_users._user_passwords.pop(userid, None)
            acl.portal_role_manager.assignRolesToPrincipal(tuple(roles), userid)
            properties = {k: v for k, v in item.items() if v is not None}
            membership.getMemberById(userid).setMemberProperties(properties)
            for group in groups:
                api.group.add_user(groupname=group, username=userid)
            number += 1
        return number


def field_value(obj, field, value):
    """plone.restapi's reading of the JSON value, or the raw value when it
    refuses it (a vocabulary that names what is not imported yet)."""
    if value is None:
        return field.missing_value
    deserializer = queryMultiAdapter((field, obj, getRequest()), IFieldDeserializer)
    if deserializer is not None:
        try:
            return deserializer(value)
        except (ValueError, ValidationError):
            pass
    return raw_value(field, value)


def raw_value(field, value):
    """The JSON value as the field keeps it, without validation."""
    if value is None:
        return field.missing_value
    if IDatetime.providedBy(field):
        return dateutil.parser.parse(value)
    if IDate.providedBy(field):
        return date.fromisoformat(value[:10])
    if ICollection.providedBy(field) and isinstance(value, list):
        kind = getattr(field, "_type", list)
        kind = kind[0] if isinstance(kind, tuple) else kind
        return kind(value)
    return value


def skipped_fields(obj, item) -> list:
    """Fields in item that obj does not store: stored now, even empty, so
    that reading them never looks for a default (a default may bind a
    vocabulary, a catalog search each time)."""
    stored = aq_base(obj).__dict__
    return [
        name
        for schema in iterSchemata(obj)
        for name, field in getFields(schema).items()
        if name in item
        and (field.readonly or name not in stored)
        and not INamedField.providedBy(field)
        and name != "id"
    ]


PLAIN_FIELDS = (IChoice, ITextLine, IText, IASCIILine, IInt, IBool, IFloat)


def attribute_schemata(portal_type):
    """The type's schema and the behaviors that store on the object."""
    fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
    if fti is None or not IDexterityFTI.providedBy(fti):
        return []
    schemata = [SCHEMA_CACHE.get(portal_type)]
    for registration in SCHEMA_CACHE.behavior_registrations(portal_type):
        if registration.factory is None:
            schemata.append(registration.interface)
    return [schema for schema in schemata if schema is not None]


def is_plain(field, value) -> bool:
    if field.readonly or IRichText.providedBy(field):
        return False
    if IJSONField.providedBy(field):
        return True  # as it was stored: validating it again costs
    if value is None or isinstance(value, bool | int | float | str):
        return any(kind.providedBy(field) for kind in PLAIN_FIELDS)
    if isinstance(value, list) and ICollection.providedBy(field):
        plain = all(isinstance(v, str | int) for v in value)
        return plain and any(k.providedBy(field.value_type) for k in PLAIN_FIELDS)
    return False


def plain_values(portal_type, item) -> dict:
    """Field values that need no conversion, as the object stores them."""
    values = {}
    for schema in attribute_schemata(portal_type):
        for name, field in getFields(schema).items():
            if name == "id" or name not in item or not is_plain(field, item[name]):
                continue
            values[name] = raw_value(field, item[name])
    return values


def set_as_exported(obj, item, names) -> None:
    """Set these fields of obj to the item's values, unvalidated."""
    for schema in iterSchemata(obj):
        for name, field in getFields(schema).items():
            if name not in names or name not in item or name == "id":
                continue  # (the id is the object's name: never renamed)
            value = field_value(obj, field, item[name])
            if field.readonly:
                setattr(schema(obj), name, value)
            else:
                queryMultiAdapter((obj, field), IDataManager).set(value)


def import_localroles(data, by_uid, portal) -> int:
    """Exactly the exported local roles: the importer's own Owner role on
    what it made is not the original's."""
    wanted = {}
    for item in data:
        wanted[item["uuid"]] = item
    for uid, obj in [(PORTAL_PLACEHOLDER, portal), *by_uid.items()]:
        item = wanted.get(uid, {})
        roles = {
            user: list(roles) for user, roles in item.get("localroles", {}).items()
        }
        if roles or getattr(aq_base(obj), "__ac_local_roles__", None):
            obj.__ac_local_roles__ = roles
        if item.get("block"):
            obj.__ac_local_roles_block__ = 1
        elif getattr(aq_base(obj), "__ac_local_roles_block__", None):
            obj.__ac_local_roles_block__ = None
    return len(wanted)


def import_comments(data, by_uid, portal) -> int:
    """Comments whole, with their moderation state (workflow history),
    indexed, without the added events (no mail for a comment of years ago)."""
    number = 0
    for entry in data:
        obj = by_uid.get(entry["uuid"])
        if obj is None:
            continue
        conversation = IConversation(obj)
        annotations = IAnnotations(obj)
        if DISCUSSION_KEY not in annotations:
            annotations[DISCUSSION_KEY] = aq_base(conversation)
        conversation = IConversation(obj)
        for record in entry["comments"]:
            comment = Comment()
            state = {key: from_json(value) for key, value in record["state"].items()}
            owner = record["state"].get("_owner")
            state.pop("_owner", None)
            comment.__dict__.update(state)
            set_owner(comment, owner, portal)
            comment_id = int(record["comment_id"])
            comment.comment_id = comment_id
            conversation._comments[comment_id] = comment
            comment.__parent__ = aq_base(conversation)
            author = comment.author_username
            if author:
                conversation._commentators[author] = (
                    conversation._commentators.get(author, 0) + 1
                )
            reply_to = comment.in_reply_to or 0
            if reply_to not in conversation._children:
                conversation._children[reply_to] = LLSet()
            conversation._children[reply_to].insert(comment_id)
            comment.__of__(conversation).indexObject()
            number += 1
        obj.reindexObject(idxs=["total_comments", "last_comment_date", "commentators"])
    return number


def import_iterate(imported, by_uid) -> int:
    """Working copies in progress: the checkout's bookkeeping back on the
    relation (restored with the relations), the baseline locked again."""
    number = 0
    for uid, extra in imported:
        iterate = extra.get("iterate", {})
        obj = by_uid[uid]
        if iterate.get("role") == "baseline":
            lock.lockContext(obj)
        if iterate.get("role") != "working_copy":
            continue
        relation = get_checkout_relation(obj)
        if relation is None:
            logger.warning("Working copy %s lost its baseline", obj.absolute_url())
            continue
        storage = from_json(iterate.get("storage", {}))
        if storage:
            IAnnotations(relation)[ITERATE_KEY] = PersistentMapping(storage)
        number += 1
    return number


def import_portlets(data, portal) -> int:
    """Portlets as exported, replacing what the new site assigned itself."""
    number = 0
    for item in data:
        obj = (
            portal
            if item["uuid"] == PORTAL_PLACEHOLDER
            else api.content.get(UID=item["uuid"])
        )
        if obj is None:
            continue
        for name, manager in getUtilitiesFor(IPortletManager):
            if name not in item.get("portlets", {}):
                continue
            mapping = queryMultiAdapter((obj, manager), IPortletAssignmentMapping)
            for key in list(mapping.keys()):
                del mapping[key]
        number += register_portlets(obj, item)
    return number


def import_registry(data) -> int:
    registry = api.portal.get_tool("portal_registry")
    number = 0
    for name, value in data.items():
        if name in registry.records:
            registry.records[name].value = from_json(value)
            number += 1
        else:
            logger.warning("Registry record %s is not in this site: skipped", name)
    return number


def import_annotations(data, portal) -> None:
    annotations = IAnnotations(portal)
    for key, value in data.items():
        annotations[key] = from_json(value)


def import_site_root(data, portal) -> None:
    if data.get("UID"):
        setattr(portal, "_plone.uuid", data["UID"])
        portal.reindexObject(idxs=["UID"])
    portal.setTitle(data["title"])
    portal.setDescription(data["description"])
    if data.get("layout"):
        portal.setLayout(data["layout"])


def import_redirects(data, portal) -> None:
    base = "/".join(portal.getPhysicalPath())
    import_plone_redirects({base + old: base + new for old, new in data.items()})


def reapply_attributes(imported, by_uid) -> None:
    """Our attributes again: adding a nonconformity counted in its
    register's numbers after the register came in."""
    for uid, extra in imported:
        for name, value in extra.get("attributes", {}).items():
            setattr(by_uid[uid], name, from_json(value))


DATES = (
    ("modification_date", "modification_date_migrated"),
    ("creation_date", "creation_date_migrated"),
)


def reset_dates(by_uid) -> list:
    """The exported creation and modification dates again where a step
    since changed them; the objects changed."""
    changed = []
    for obj in by_uid.values():
        base = aq_base(obj)
        for name, attribute in DATES:
            value = base.__dict__.get(attribute)
            if value is not None and base.__dict__.get(name) != value:
                setattr(obj, name, value)
                changed.append(obj)
    return changed


def drop_date_marks(by_uid) -> None:
    """The exported dates, kept on each object while importing, removed."""
    for obj in by_uid.values():
        base = aq_base(obj)
        for _name, attribute in DATES:
            if attribute in base.__dict__:
                delattr(base, attribute)


# Handlers of the added events that have nothing to do while content comes
# in, in the importing thread: relations are looked for in fields still
# empty (they come last, whole: `ImportRelations`), and link integrity
# would read a folder's text again at each child added (it is brought up to
# date at the end for every object).
QUIET_HANDLERS = (addRelations, modifiedContent)
_importing = threading.local()


def _quiet(handler):
    @functools.wraps(handler)
    def gate(*args, **kwargs):
        if getattr(_importing, "content", None) is None:
            return handler(*args, **kwargs)

    return gate


@contextmanager
def quiet_additions(content):
    """While `content` (a TransferImportContent) adds objects, in this
    thread only: the QUIET_HANDLERS do nothing, and an object's workflow
    state is its imported history from the start (`workflow_created`).
    Other threads (a served site) see every handler as before."""
    registry = getGlobalSiteManager()
    swapped = []
    for registration in list(registry.registeredHandlers()):
        if registration.factory in QUIET_HANDLERS:
            gate = _quiet(registration.factory)
            registry.unregisterHandler(registration.factory, registration.required)
            registry.registerHandler(gate, registration.required)
            swapped.append((registration, gate))
    created = WorkflowTool.notifyCreated

    def notifyCreated(tool, ob):
        importing = getattr(_importing, "content", None)
        if importing is None or not importing.workflow_created(ob):
            created(tool, ob)

    WorkflowTool.notifyCreated = notifyCreated
    _importing.content = content
    try:
        yield
    finally:
        _importing.content = None
        WorkflowTool.notifyCreated = created
        for registration, gate in swapped:
            registry.unregisterHandler(gate, registration.required)
            registry.registerHandler(registration.factory, registration.required)


@contextmanager
def deferred_indexing():
    """Index nothing while content comes in: yields {path: object} of what
    asked to be indexed, for `catalog_all`. (Each object would otherwise be
    indexed as it is made, before its fields, files and history, and again
    at each later step: half the import's time, and stale entries.)"""
    queue = getQueue()
    unindexed = {}

    def keep(obj, *args, **kwargs):
        unindexed["/".join(obj.getPhysicalPath())] = obj

    processQueue()
    queue.index = queue.reindex = keep
    try:
        yield unindexed
    finally:
        del queue.index, queue.reindex


def catalog_all(objects, portal) -> int:
    """Catalog each object once, whole. Straight to the catalog, not
    `reindexObject()`, which would date the object today."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    found = {
        path: obj
        for path, obj in objects.items()
        if portal.unrestrictedTraverse(path, None) is not None
    }  # (not what was made and removed again while importing)
    for path, obj in found.items():
        catalog.catalog_object(obj, path)
    for path, obj in found.items():
        catalog.catalog_object(obj, path, idxs=CROSS_INDEXES, update_metadata=0)
    return len(found)


def is_fresh(portal) -> bool:
    """A site made with DEMO=0 and never used: only its structure, no
    users (an import into a site in use would mix two systems)."""
    catalog = api.portal.get_tool("portal_catalog")
    types = set(catalog.uniqueValuesFor("portal_type")) - set(STRUCTURE_TYPES)
    if types and len(catalog.unrestrictedSearchResults(portal_type=sorted(types))):
        return False
    users = api.portal.get_tool("acl_users").source_users
    return not list(users.listUserIds())


def read_manifest(path: str) -> dict:
    manifest_path = os.path.join(path, "manifest.json")
    if not os.path.isfile(manifest_path):
        raise TransferError(
            _(
                "error_transfer_no_export",
                default="${path} is not an export of a QMS: it has no manifest.json.",
                mapping={"path": path},
            )
        )
    manifest = read_json(manifest_path)
    if manifest.get("format") != FORMAT:
        raise TransferError(
            _(
                "error_transfer_format",
                default="${path} is not an export of a QMS.",
                mapping={"path": path},
            )
        )
    return manifest


def import_site(portal=None, path=None, commit: int | None = 100, force=False) -> dict:
    """Import the export in `path` into `portal`, a fresh site made with
    DEMO=0; commit every `commit` objects (None: leave it to the caller).
    Returns counts of what was imported."""
    portal = portal or api.portal.get()
    manifest = read_manifest(path)
    if not force and not is_fresh(portal):
        raise TransferError(
            _(
                "error_transfer_not_fresh",
                default="This site already holds content or users: import only "
                "into a new site made with DEMO=0. Nothing was imported.",
            )
        )
    request = getRequest() or portal.REQUEST
    started = datetime.now()
    counts = {}

    def other(name):
        return read_json(os.path.join(path, f"{name}.json"))

    with api.env.adopt_roles(roles=["Manager"]):
        import_annotations(other("annotations"), portal)
        import_site_root(other("site"), portal)
        content = TransferImportContent(portal, request)
        content.setup(path, commit)
        counts["objects"] = content.run()
        by_uid = content.by_uid
        # What the catalog shows of each object, before it is indexed.
        members = other("members")
        importer = TransferImportMembers(portal, request)
        counts["groups"] = importer.import_groups(members["groups"])
        counts["users"] = importer.import_members(members["members"])
        for uid, extra in content.imported:
            set_owner(by_uid[uid], extra.get("owner"), portal)
        counts["localroles"] = import_localroles(other("localroles"), by_uid, portal)
        counts["comments"] = import_comments(other("discussion"), by_uid, portal)
        reapply_attributes(content.imported, by_uid)
        reset_dates(by_uid)
        objects = {"/".join(o.getPhysicalPath()): o for o in by_uid.values()}
        catalog_all({**content.unindexed, **objects}, portal)
        # What finds objects by UID in the catalog.
        ImportRelations(portal, request).import_relations(other("relations"))
        counts["relations"] = len(other("relations"))
        counts["working_copies"] = import_iterate(content.imported, by_uid)
        ImportOrdering(portal, request).import_ordering(other("ordering"))
        ImportDefaultPages(portal, request).import_default_pages(other("defaultpages"))
        counts["portlets"] = import_portlets(other("portlets"), portal)
        import_redirects(other("redirects"), portal)
        counts["registry"] = import_registry(other("registry"))
        for obj in by_uid.values():
            modifiedContent(obj, None)  # links between documents
        processQueue()
        catalog = api.portal.get_tool("portal_catalog")
        for obj in reset_dates(by_uid):  # (a relation's modified event)
            catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))
        drop_date_marks(by_uid)
    if commit:
        transaction.commit()
    counts["files"] = manifest.get("files", 0)
    logger.info("Imported %s from %s in %s", counts, path, datetime.now() - started)
    return counts
