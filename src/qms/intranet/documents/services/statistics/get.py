"""GET /@qms-statistics?year=2026"""

from plone.restapi.services import Service
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import error
from qms.intranet.core.rest import year_param
from qms.intranet.documents.statistics import year_figures


class StatisticsGet(Service):
    """Procedures revised, cancelled, newly issued and new pending in a year."""

    def reply(self):
        try:
            year = year_param(self.request)
        except BadRequestError as bad:
            return error(self.request, bad.message)
        return year_figures(year)
