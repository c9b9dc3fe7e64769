"""GET /@audit-coverage?year=2026"""

from plone.restapi.services import Service
from qms.intranet.audits.coverage import coverage
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import error
from qms.intranet.core.rest import year_param


class AuditCoverageGet(Service):
    def reply(self):
        try:
            year = year_param(self.request)
        except BadRequestError as bad:
            return error(self.request, bad.message)
        data = coverage(year)
        data["@id"] = f"{self.context.absolute_url()}/@audit-coverage?year={year}"
        return data
