"""POST <document>/@confirm-review {"comment"}: the periodic review found the
effective issue still suitable («Xác nhận còn phù hợp»): 200 with the new
next review date, or 400 with why (nothing changed)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from qms.intranet.core.rest import error
from qms.intranet.core.rest import json_object
from qms.intranet.lifecycle.reviews import confirm_review
from qms.intranet.lifecycle.reviews import ReviewRefused
from zope.interface import alsoProvides

import transaction


class ConfirmReviewPost(Service):
    def reply(self):
        # a JSON write: site/security.py has checked where it comes from
        alsoProvides(self.request, IDisableCSRFProtection)
        comment = json_object(self.request).get("comment")
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
