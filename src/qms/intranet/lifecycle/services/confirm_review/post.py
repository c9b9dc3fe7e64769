"""POST <document>/@confirm-review {"comment"}: the periodic review found the
effective issue still suitable («Xác nhận còn phù hợp»): 200 with the new
next review date, or 400 with why (nothing changed)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from qms.intranet.core.rest import error
from qms.intranet.lifecycle.reviews import confirm_review
from qms.intranet.lifecycle.reviews import ReviewRefused
from zope.interface import alsoProvides

import transaction


class ConfirmReviewPost(Service):
    def reply(self):
        # a JSON write: site/security.py has checked where it comes from
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body = json_body(self.request)
        except Exception:  # noqa: BLE001 - bad JSON is the client's error
            body = None
        comment = body.get("comment") if isinstance(body, dict) else None
        try:
            next_date = confirm_review(self.context, comment)
        except ReviewRefused as refused:
            transaction.doom()
            return error(self.request, refused.message)
        return {
            "@id": f"{self.context.absolute_url()}/@confirm-review",
            "next_review_date": next_date.isoformat(),
            "revision": self.context.revision,
        }
