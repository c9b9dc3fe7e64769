"""GET /@record-board?year=2026&sort_on=entries_without_records&sort_order=descending"""

from plone.restapi.services import Service
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import error
from qms.intranet.core.rest import year_param
from qms.intranet.records.board import board


class RecordBoardGet(Service):
    def reply(self):
        try:
            year = year_param(self.request)
        except BadRequestError as bad:
            return error(self.request, bad.message)
        form = self.request.form
        return board(
            year,
            sort_on=form.get("sort_on", "unit_title"),
            reverse=form.get("sort_order") == "descending",
        )
