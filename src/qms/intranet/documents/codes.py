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
    """Field constraint of `code`."""
    if not CODE_PATTERN.match(value or ""):
        raise InvalidCode(value)
    return True


def normalize_code(value: str) -> str:
    return " ".join((value or "").split()).upper()


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
        if brain.UID not in own:
            raise DuplicateCode(
                _(
                    "error_code_duplicate",
                    default="The code ${code} is already used by «${title}».",
                    mapping={"code": code, "title": brain.Title},
                )
            )


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
