"""GET /@record-board?year=2026&sort_on=entries_without_records&sort_order=descending"""

from plone.restapi.services import Service
from qms.intranet import _
from qms.intranet.board import board
from zope.i18n import translate


class RecordBoardGet(Service):
    def reply(self):
        form = self.request.form
        raw = form.get("year")
        if raw not in (None, "") and not (
            str(raw).isdigit() and 1990 <= int(raw) <= 2100
        ):
            self.request.response.setStatus(400)
            message = _(
                "error_year", default="The year must be a number between 1990 and 2100."
            )
            return {
                "error": {
                    "type": "BadRequest",
                    "message": translate(message, context=self.request),
                }
            }
        return board(
            int(raw) if raw else None,
            sort_on=form.get("sort_on", "unit_title"),
            reverse=form.get("sort_order") == "descending",
        )
