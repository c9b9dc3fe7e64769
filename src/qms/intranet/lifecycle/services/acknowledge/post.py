"""POST <document>/@acknowledge: «Đã đọc và hiểu» for the current issue, by
the current user: 200 with when (the first time, when repeated), or 400 when
the document is not effective or does not ask this person."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from qms.intranet.core.rest import error
from qms.intranet.lifecycle.acknowledge import acknowledge
from qms.intranet.lifecycle.acknowledge import AcknowledgeRefused
from zope.interface import alsoProvides

import transaction


class AcknowledgePost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            when = acknowledge(self.context)
        except AcknowledgeRefused as refused:
            transaction.doom()
            return error(self.request, refused.message)
        return {
            "@id": f"{self.context.absolute_url()}/@acknowledge",
            "revision": self.context.revision or 1,
            "acknowledged": when,
        }
