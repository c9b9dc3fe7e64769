"""A register's files between the preview and the import.

A browser cannot send a file twice, so the preview keeps what was uploaded
(the ZIP as a blob) under a token for its uploader; the import takes it back.
Uploads left longer than a day are dropped at the next upload.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import timedelta
from persistent import Persistent
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations

import secrets


KEY = "qms.intranet.register_uploads"
KEPT_FOR = timedelta(days=1)


class Upload(Persistent):
    """The spreadsheet and ZIP of one preview, for one person and place."""

    def __init__(self, *, userid, path, sheet_name, sheet, zip_name, zip_data):
        self.userid = userid
        self.path = path
        self.created = datetime.now()
        self.sheet_name = sheet_name
        self.sheet = sheet
        self.zip_name = zip_name
        self.zip = NamedBlobFile(zip_data, filename=zip_name) if zip_data else None

    def open_zip(self):
        """The ZIP as a file object, or None when none was sent."""
        return self.zip.open() if self.zip is not None else None


def _uploads(create: bool = False):
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = OOBTree()
    return annotations.get(KEY)


def keep(**values) -> str:
    """Keep an upload; its token."""
    uploads = _uploads(create=True)
    now = datetime.now()
    for token in [t for t, u in uploads.items() if now - u.created > KEPT_FOR]:
        del uploads[token]
    token = secrets.token_urlsafe(16)
    uploads[token] = Upload(**values)
    return token


def find(token: str, *, userid: str, path: str) -> Upload | None:
    """The upload of `token` if it is this person's, for this place."""
    uploads = _uploads()
    upload = uploads.get(token) if uploads is not None and token else None
    if upload is None or upload.userid != userid or upload.path != path:
        return None
    return upload


def drop(token: str) -> None:
    uploads = _uploads()
    if uploads is not None and token in uploads:
        del uploads[token]
