"""Document codes (mã hiệu): their form, and one document per code.

Each check raises a zope.interface.Invalid subclass with a translated
message, so the Classic UI forms and plone.restapi (400) say the same thing.
"""

from plone import api
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.dexterity.utils import get_working_copy
from qms.intranet import _
from zope.interface import Invalid
from zope.schema import ValidationError

import re
import unicodedata


# Document codes as the ministry writes them: QT-01/VP, BM-01/QT-05/KHCN,
# TCVN ISO 9001:2015, 123/QĐ-BTTTT. Upper case, digits, and - . / : only.
CODE_PATTERN = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9.\-/: ]{0,48}[A-ZĐ0-9]$")


class InvalidCode(ValidationError):
    __doc__ = _(
        "error_code_format",
        default="A document code uses capital letters, digits and - . / : "
        "only, for example QT-01/VP.",
    )


class DuplicateCode(Invalid):
    """Another document already uses this code."""


def valid_code(value: str) -> bool:
    """Field constraint of `code` (checked in Unicode form NFC)."""
    if not CODE_PATTERN.match(unicodedata.normalize("NFC", value or "")):
        raise InvalidCode(value)
    return True


# Spaces around a separator: "QT-01 /KHCN" is the code QT-01/KHCN.
SPACED_SEPARATOR = re.compile(r"\s*([-./:])\s*")


def normalize_code(value: str) -> str:
    """The form codes are compared (and indexed) in: Unicode NFC, upper
    case, single spaces, none around - . / :"""
    code = " ".join(unicodedata.normalize("NFC", value or "").split()).upper()
    return SPACED_SEPARATOR.sub(r"\1", code)


def documents_with_code(code: str) -> list:
    """Catalog brains of every document using `code`, whoever may see them."""
    catalog = api.portal.get_tool("portal_catalog")
    return list(catalog.unrestrictedSearchResults(document_code=normalize_code(code)))


def check_unique_code(code: str, context) -> None:
    """Refuse a code another document uses; a revision shares its original's."""
    if not code:
        return
    own = set()
    uid = api.content.get_uuid(context) if _has_uid(context) else None
    if uid:
        own.add(uid)
        own.update(_iteration_partners(context))
    for brain in documents_with_code(code):
        if brain.UID in own:
            continue
        if not _may_view(brain):
            # The search is unrestricted to keep codes unique; the message
            # must not reveal the title of a draft of another unit.
            raise DuplicateCode(
                _(
                    "error_code_duplicate_hidden",
                    default="The code ${code} is already used by a document "
                    "of another unit: choose another code.",
                    mapping={"code": code},
                )
            )
        raise DuplicateCode(
            _(
                "error_code_duplicate",
                default="The code ${code} is already used by «${title}».",
                mapping={"code": code, "title": brain.Title},
            )
        )


def _may_view(brain) -> bool:
    """May the current user view the document of `brain`?"""
    try:
        obj = brain._unrestrictedGetObject()
    except (AttributeError, KeyError):  # a stale catalog entry: name nothing
        return False
    return bool(api.user.has_permission("View", obj=obj))


def _has_uid(context) -> bool:
    try:
        return bool(api.content.get_uuid(context))
    except Exception:  # noqa: BLE001 - containers of an add form have none either
        return False


def _iteration_partners(context) -> set:
    """UIDs of the baseline / working copy pair `context` belongs to."""
    partners = set()
    for getter in (get_baseline, get_working_copy):
        try:
            other = getter(context)
        except Exception:  # noqa: BLE001 - not iterate-aware, or no relation
            other = None
        if other is not None:
            partners.add(api.content.get_uuid(other))
    return partners
