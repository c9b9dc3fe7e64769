"""GET /@yearly-report?year=2026"""

from plone import api
from plone.restapi.services import Service
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import error
from qms.intranet.core.rest import year_param
from qms.intranet.review.report import entitled
from qms.intranet.review.report import NOT_ENTITLED
from qms.intranet.review.report import report_data


class YearlyReportGet(Service):
    def reply(self):
        try:
            year = year_param(self.request)
        except BadRequestError as bad:
            return error(self.request, bad.message)
        if api.user.is_anonymous():
            return error(self.request, NOT_ENTITLED, 401, "Unauthorized")
        if not entitled():
            return error(self.request, NOT_ENTITLED, 403, "Forbidden")
        data = report_data(year)
        data["@id"] = f"{self.context.absolute_url()}/@yearly-report?year={year}"
        return data
