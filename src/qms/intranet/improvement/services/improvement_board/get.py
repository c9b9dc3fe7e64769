"""GET /@improvement-board?year=2026"""

from plone.restapi.services import Service
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import error
from qms.intranet.core.rest import year_param
from qms.intranet.improvement.board import board
from qms.intranet.improvement.board import NOT_ENTITLED


class ImprovementBoardGet(Service):
    def reply(self):
        try:
            year = year_param(self.request)
        except BadRequestError as bad:
            return error(self.request, bad.message)
        data = board(year)
        data["@id"] = f"{self.context.absolute_url()}/@improvement-board?year={year}"
        if not data["entitled"]:
            data["message"] = translated(NOT_ENTITLED, self.request)
        return data
