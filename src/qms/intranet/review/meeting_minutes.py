"""The minutes of a management review (biên bản họp xem xét của lãnh đạo),
to print (@@review-minutes) and as PDF (@@review-minutes.pdf): the meeting,
its inputs a–f (the snapshot once held), the decisions and the actions,
signed by the chair and the ISO secretary. The sheet and the PDF are the
internal audits' (audits/report.py): same header, same layout."""

from plone import api
from Products.Five.browser import BrowserView
from qms.intranet import _
from qms.intranet.audits.report import header
from qms.intranet.audits.report import render_pdf
from qms.intranet.audits.views import STYLES as SHEET_STYLES
from qms.intranet.core.i18n import translated
from qms.intranet.review.meeting_views import ReviewView


MINUTES_TITLE = _("minutes_title", default="Minutes of the management review")
NOT_HELD = _(
    "minutes_not_held",
    default="Draft: the meeting has not been recorded as held; the figures "
    "are those of today.",
)


def t(message, request) -> str:
    return translated(message, request)


def _figures(figures) -> str:
    return "; ".join(f"{f['label']}: {f['value']}" for f in figures)


def minutes_data(review, request) -> dict:
    """The sheet's data (audits/report.py's form)."""
    view = ReviewView(review, request)
    data = header(review, request, MINUTES_TITLE)
    data["kind"] = "minutes"
    if view.state()["id"] == "draft":
        data["draft"] = t(NOT_HELD, request)
    previous = view.previous_actions()
    changes = view.changes()
    perf = view.performance()
    notes = {note["name"]: note for note in view.notes()}

    def heading(msgid, default):
        return t(_(msgid, default=default), request)

    inputs = [
        (
            heading(
                "heading_review_input_a",
                "a) Status of actions from previous management reviews",
            ),
            _figures(previous["figures"]),
        ),
        (
            heading(
                "heading_review_input_b",
                "b) Changes in external and internal issues relevant to the QMS",
            ),
            _figures(changes["figures"]),
        ),
        (
            heading(
                "heading_review_nonconformities",
                "Nonconformities and corrective actions",
            ),
            _figures(perf["nonconformities"]["figures"]),
        ),
        (
            heading("heading_review_audits", "Internal audit results"),
            _figures(perf["audits"]["figures"])
            + "; "
            + "; ".join(f"{k['label']}: {k['value']}" for k in perf["audits"]["kinds"]),
        ),
        (
            heading("heading_review_records", "Record lists of the year"),
            _figures(perf["records"]["figures"]),
        ),
        (
            heading("heading_review_comments", "Comments on the procedures"),
            str(perf["comments"].get("count", 0)),
        ),
        (
            heading("heading_review_input_d", "d) Adequacy of resources"),
            notes["resources"]["value"] or "—",
        ),
        (
            heading(
                "heading_review_input_e",
                "e) Effectiveness of actions taken to address risks and opportunities",
            ),
            notes["risks"]["value"] or "—",
        ),
        (
            heading("heading_review_input_f", "f) Opportunities for improvement"),
            "\n".join(
                [f"– {f['title']} ({f['unit_title']})" for f in view.findings()]
                + (
                    [notes["improvement_notes"]["value"]]
                    if notes["improvement_notes"]["value"]
                    else []
                )
            )
            or "—",
        ),
    ]
    actions = view.actions()
    data["sections"] = [
        {
            "heading": "1. " + heading("heading_review_meeting", "The meeting"),
            "rows": [(row["label"], row["value"] or "—") for row in view.details()],
        },
        {
            "heading": "2. "
            + heading(
                "heading_review_inputs", "Inputs of the review (ISO 9001 clause 9.3.2)"
            ),
            "rows": inputs,
        },
        {
            "heading": "3. " + notes["decisions"]["label"],
            "text": notes["decisions"]["value"] or "—",
        },
        {
            "heading": "4. " + heading("heading_review_actions", "Actions decided"),
            "table": {
                "widths": [0.07, 0.38, 0.22, 0.14, 0.19],
                "head": [
                    t(_("col_number", default="No."), request),
                    t(_("col_action", default="Action"), request),
                    t(_("label_action_responsible", default="Responsible"), request),
                    t(_("label_action_due_date", default="Due date"), request),
                    t(_("col_state", default="State"), request),
                ],
                "rows": [
                    [
                        str(n),
                        a["title"],
                        a["responsible"] or "—",
                        a["due"] or "—",
                        a["state_title"],
                    ]
                    for n, a in enumerate(actions, start=1)
                ],
                "empty": t(
                    _("review_no_actions", default="No action has been decided yet."),
                    request,
                ),
            },
        },
    ]
    secretary = ""
    for entry in reversed(review.workflow_history.get("qms_review_workflow", ())):
        if entry.get("action") == "hold":
            user = api.user.get(userid=entry.get("actor"))
            secretary = (user.getProperty("fullname") if user else "") or ""
            break
    data["signatures"] = [
        {
            "role": t(_("signature_review_secretary", default="Secretary"), request),
            "name": secretary,
        },
        {
            "role": t(_("signature_review_chair", default="Chair"), request),
            "name": review.chair or "",
        },
    ]
    return data


class MinutesView(BrowserView):
    styles = SHEET_STYLES

    def data(self) -> dict:
        return minutes_data(self.context, self.request)

    def pdf_url(self) -> str:
        return f"{self.context.absolute_url()}/@@review-minutes.pdf"


class MinutesPDF(BrowserView):
    def __call__(self):
        body = render_pdf(minutes_data(self.context, self.request))
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        name = f"bien-ban-xem-xet-{self.context.getId()}.pdf"
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        response.setHeader("Content-Length", str(len(body)))
        response.setHeader("Cache-Control", "private, no-store")
        return body
