"""Classic UI of the lifecycle: the review and acknowledgement box on a
document, the «Xác nhận còn phù hợp» form, «Đã đọc và hiểu», who has read
a document, the unit's reviews due and the secretariat's board."""

from datetime import date
from plone import api
from plone.app.iterate.interfaces import IWorkingCopy
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from qms.intranet.core.views import fullname
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.lifecycle import acknowledge
from qms.intranet.lifecycle import reviews
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER
from zExceptions import Forbidden
from zope.i18nmessageid import Message

import transaction


def _when(iso: str) -> str:
    """'2026-11-30T09:15:00' as dd/mm/yyyy."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso and len(iso) >= 10 else ""


def review_badge(status: str, request) -> dict:
    """Label and Bootstrap class of a review status."""
    if not status:
        return {}
    return {
        "id": status,
        "title": translated(reviews.STATUS_LABELS[status], request),
        "badge": "bg-danger" if status == "overdue" else "bg-warning text-dark",
    }


class DocumentLifecycleViewlet(ViewletBase):
    """On an effective document: whether its review is due (and the button
    to confirm it for the unit's officers), and «Cần đọc» with «Đã đọc và
    hiểu» for the people who must acknowledge it."""

    index = ViewPageTemplateFile("templates/document_lifecycle.pt")

    def available(self) -> bool:
        return (
            not api.user.is_anonymous() and self.context.portal_type in DOCUMENT_TYPES
        )

    def effective(self) -> bool:
        return api.content.get_state(
            obj=self.context, default=""
        ) == "effective" and not IWorkingCopy.providedBy(self.context)

    def audience(self) -> str:
        """Who must read it, for those who follow it: the unit names, or
        «every unit»."""
        if not api.user.has_permission(acknowledge.VIEW_PERMISSION, obj=self.context):
            return ""
        units = acknowledge.audience_units(self.context)
        if not units:
            return translated(acknowledge.SCOPES["none"], self.request)
        if acknowledge.EVERY_UNIT in units:
            return translated(acknowledge.SCOPES["all"], self.request)
        titles = unit_titles()
        return ", ".join(sorted(titles.get(unit, unit) for unit in units))

    @memoize
    def review(self) -> dict:
        """The review's state, for those who confirm or follow it (staff
        have nothing to do about it)."""
        if not self.effective():
            return {"can_confirm": False}
        can_confirm = reviews.can_confirm(self.context)
        follows = can_confirm or api.user.has_permission(
            acknowledge.VIEW_PERMISSION, obj=self.context
        )
        if not follows:
            return {"can_confirm": False}
        status = reviews.review_status(self.context.next_review_date)
        return {
            **review_badge(status, self.request),
            "date": format_date(self.context.next_review_date),
            "can_confirm": can_confirm,
            "url": f"{self.context.absolute_url()}/@@confirm-review",
        }

    @memoize
    def reading(self) -> dict | None:
        """Whether the current person must acknowledge, and whether they did."""
        user_id = api.user.get_current().getId()
        if not self.effective() or not acknowledge.must_acknowledge(
            self.context, user_id
        ):
            return None
        when = acknowledge.acknowledged_on(self.context, user_id)
        return {
            "done": _when(when),
            "revision": self.context.revision or 1,
            "url": f"{self.context.absolute_url()}/@@acknowledge",
        }

    @memoize
    def coverage(self) -> dict | None:
        """«n/m đã đọc» for those who follow it, with the link to the list."""
        if not self.effective() or not api.user.has_permission(
            acknowledge.VIEW_PERMISSION, obj=self.context
        ):
            return None
        found = acknowledge.coverage(self.context)
        if not found["people"]:
            return None
        return {
            "done": len(found["done"]),
            "total": len(found["people"]),
            "url": f"{self.context.absolute_url()}/@@acknowledgements",
        }


class ConfirmReviewForm(BrowserView):
    """«Xác nhận còn phù hợp»: one comment, required, then back to the
    document with what happened and the new review date."""

    index = ViewPageTemplateFile("templates/confirm_review.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}

    def comment(self) -> str:
        value = self.request.form.get("comment") or ""
        return value if isinstance(value, str) else ""

    def status(self) -> dict:
        return review_badge(
            reviews.review_status(self.context.next_review_date), self.request
        )

    def next_date(self) -> str:
        return format_date(self.context.next_review_date)

    def new_date(self) -> str:
        return format_date(reviews.next_date_after_review(self.context, date.today()))

    def __call__(self):
        if not reviews.can_confirm(self.context):
            IStatusMessage(self.request).add(
                translated(
                    _(
                        "error_review_not_yours",
                        default="Only the owning unit's ISO officers confirm the "
                        "review of an effective issue. Nothing was changed.",
                    ),
                    self.request,
                ),
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        try:
            new_date = reviews.confirm_review(self.context, self.comment())
        except reviews.ReviewRefused as refused:
            transaction.doom()
            key = "comment" if not self.comment().strip() else ""
            self.errors = {key: translated(refused.message, self.request)}
            return self.index()
        IStatusMessage(self.request).add(
            translated(
                _(
                    "done_confirm_review",
                    default="Review recorded: the document stays in force "
                    "unchanged; next review by ${date}.",
                    mapping={"date": format_date(new_date)},
                ),
                self.request,
            ),
            type="info",
        )
        return self.request.response.redirect(self.context.absolute_url())


class AcknowledgeView(BrowserView):
    """POST «Đã đọc và hiểu» from the document's box."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        try:
            when = acknowledge.acknowledge(self.context)
        except acknowledge.AcknowledgeRefused as refused:
            transaction.doom()
            messages.add(translated(refused.message, self.request), type="error")
        else:
            messages.add(
                translated(
                    _(
                        "done_acknowledge",
                        default="Thank you: you confirmed on ${date} that you "
                        "read and understood issue ${revision}.",
                        mapping={
                            "date": _when(when),
                            "revision": self.context.revision or 1,
                        },
                    ),
                    self.request,
                ),
                type="info",
            )
        return self.request.response.redirect(self.context.absolute_url())


class AcknowledgementsView(BrowserView):
    """Who has and has not acknowledged the current issue, unit by unit."""

    index = ViewPageTemplateFile("templates/acknowledgements.pt")

    def __call__(self):
        if not api.user.has_permission(acknowledge.VIEW_PERMISSION, obj=self.context):
            raise Forbidden("acknowledgements")
        return self.index()

    @memoize
    def data(self) -> dict:
        found = acknowledge.coverage(self.context)
        titles = unit_titles()
        units = []
        for unit in found["units"]:
            people = sorted(
                (user for user, their in found["people"].items() if their == unit),
                key=lambda user: fullname(user).lower(),
            )
            if not people:
                continue
            rows = [
                {
                    "name": fullname(user),
                    "done": _when(found["done"].get(user, "")),
                }
                for user in people
            ]
            units.append(
                {
                    "id": unit,
                    "title": titles.get(unit, unit),
                    "rows": rows,
                    "done": sum(1 for row in rows if row["done"]),
                    "total": len(rows),
                }
            )
        return {
            "revision": found["revision"],
            "done": len(found["done"]),
            "total": len(found["people"]),
            "units": units,
        }


def review_rows(brains, request) -> list[dict]:
    titles = unit_titles()
    return [
        {
            "title": brain.Title,
            "code": brain.document_code or "",
            "url": brain.getURL(),
            "unit": titles.get(brain.owning_unit, brain.owning_unit or ""),
            "unit_id": brain.owning_unit or "",
            "date": format_date(brain.next_review_date),
            **_status_of(brain, request),
        }
        for brain in brains
    ]


def _status_of(brain, request) -> dict:
    badge = review_badge(reviews.review_status(brain.next_review_date), request)
    return {
        "status": badge.get("id", ""),
        "status_title": badge.get("title", ""),
        "badge": badge.get("badge", ""),
    }


class UnitLifecycleViewlet(ViewletBase):
    """On a unit's page, for its officers and heads: documents due or
    overdue for review, and how far its people have read what they must."""

    index = ViewPageTemplateFile("templates/unit_lifecycle.pt")

    def available(self) -> bool:
        return not api.user.is_anonymous() and api.user.has_permission(
            acknowledge.VIEW_PERMISSION, obj=self.context
        )

    @memoize
    def due(self) -> list[dict]:
        brains = reviews.visible_to_review(units=[self.context.getId()])
        return review_rows(brains, self.request)

    @memoize
    def reading(self) -> dict:
        unit = self.context.getId()
        members = acknowledge.members_by_unit([unit])
        brains = api.content.find(**acknowledge.effective_query())
        row = acknowledge.unit_coverage(brains, members)[unit]
        return {**row, "percent": _percent(row)}


def _percent(row: dict) -> int:
    return round(100 * row["done"] / row["expected"]) if row["expected"] else 100


class LifecycleBoard(BrowserView):
    """The secretariat's board: every document due or overdue for review,
    and acknowledgement coverage per unit; each figure a link."""

    index = ViewPageTemplateFile("templates/lifecycle_board.pt")

    def __call__(self):
        return self.index()

    def unit_filter(self) -> str:
        value = self.request.form.get("unit") or ""
        return value if isinstance(value, str) and value in unit_titles() else ""

    @memoize
    def due(self) -> list[dict]:
        unit = self.unit_filter()
        brains = reviews.visible_to_review(units=[unit] if unit else None)
        return review_rows(brains, self.request)

    def counts(self) -> dict:
        rows = self.due()
        return {
            "overdue": sum(1 for row in rows if row["status"] == "overdue"),
            "due": sum(1 for row in rows if row["status"] == "due"),
        }

    @memoize
    def units(self) -> list[dict]:
        titles = unit_titles()
        members = acknowledge.members_by_unit(list(titles))
        brains = api.content.find(**acknowledge.effective_query())
        found = acknowledge.unit_coverage(brains, members)
        portal_url = api.portal.get().absolute_url()
        due = {}
        for brain in reviews.visible_to_review():
            due[brain.owning_unit] = due.get(brain.owning_unit, 0) + 1
        return [
            {
                "id": unit,
                "title": titles[unit],
                "url": f"{portal_url}/{UNITS_FOLDER}/{unit}",
                "filter_url": f"{self.context.absolute_url()}/@@lifecycle-board"
                f"?unit={unit}#qms-review-due",
                "people": len(members[unit]),
                "reviews_due": due.get(unit, 0),
                **row,
                "percent": _percent(row),
            }
            for unit, row in found.items()
        ]

    def unit_title(self) -> str:
        return unit_titles().get(self.unit_filter(), "")

    def t(self, message, **mapping) -> str:
        return translated(Message(message, mapping=mapping), self.request)
