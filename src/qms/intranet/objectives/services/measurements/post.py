"""POST <objective>/@measurements {"period", "value", "note"}: record a
measurement («Ghi kết quả đo»; who and when are filled in): 201 with the row
and the objective's status, or 400 with what is wrong (nothing stored)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from qms.intranet.core.rest import error
from qms.intranet.core.rest import json_object
from qms.intranet.objectives.measurements import MeasurementError
from qms.intranet.objectives.measurements import record
from qms.intranet.objectives.status import status_of
from zope.interface import alsoProvides

import transaction


class MeasurementPost(Service):
    def reply(self):
        # a JSON write: site/security.py has checked where it comes from
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        try:
            row = record(
                self.context,
                body.get("period"),
                body.get("value"),
                body.get("note") or "",
            )
        except MeasurementError as refused:
            transaction.doom()
            answer = error(self.request, str(refused))
            answer["error"]["field"] = refused.field
            return answer
        self.request.response.setStatus(201)
        return {
            "@id": f"{self.context.absolute_url()}/@measurements",
            "measurement": row,
            "objective_status": status_of(self.context),
        }
