"""The daily job (issue #16): reminders of what is due or overdue, and the
day's digests. `make daily` runs it (scripts/daily.py), once a day by cron
or a systemd timer.

- Documents due for periodic review (within 30 days) or overdue: the owning
  unit's ISO officers.
- Corrective actions due within 7 days, or overdue: their responsible
  person.
- Record lists of the year not issued by their deadline (the yearly
  evaluation's setting, 31 January by default): the unit's officers and
  heads.
- The digests: one mail per person who chose them, with all they have
  queued.

Idempotent: each reminder sent is logged on the site, keyed (kind, uid,
recipient, stage); a reminder of something due is sent once, one of
something overdue once when it becomes overdue and again every 7 days.
The job records the moment it ran in the same transaction as its mails
(which leave when it commits): two runs at once, on instances sharing a
RelStorage database, write the same object, the second conflicts and sends
nothing.
"""

from BTrees.OOBTree import OOBTree
from datetime import date
from datetime import datetime
from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from qms.intranet.improvement.content import FROZEN_STATES
from qms.intranet.improvement.content import nonconformity_of
from qms.intranet.lifecycle import notify
from qms.intranet.lifecycle.mail import public_url
from qms.intranet.lifecycle.mail import send_digests
from qms.intranet.lifecycle.mail import send_notice
from qms.intranet.lifecycle.reviews import documents_to_review
from qms.intranet.lifecycle.reviews import review_status
from qms.intranet.records.lists import ARCHIVE_ID
from qms.intranet.review.evaluation import settings as evaluation_settings
from qms.intranet.units.groups import all_units
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import logging


logger = logging.getLogger("qms.intranet.daily")

STATE_KEY = "qms.intranet.lifecycle.daily"
ACTION_NOTICE_DAYS = 7
REPEAT_OVERDUE_DAYS = 7
# Sent reminders are forgotten after this long: every stage they could
# repeat is keyed by its due date or year, long past by then.
KEEP_SENT_DAYS = 120


def state(portal):
    """{"last_run": ISO timestamp, "runs": count, "sent": OOBTree}, kept in
    the site's annotations."""
    annotations = IAnnotations(portal)
    current = annotations.get(STATE_KEY)
    if current is None:
        current = annotations[STATE_KEY] = PersistentMapping()
    if "sent" not in current:
        current["sent"] = OOBTree()
    return current


class Reminders:
    """Sends reminders that were not sent yet, and logs them."""

    def __init__(self, sent, today: date, strict: bool):
        self.sent = sent
        self.today = today
        self.strict = strict

    def due(self, key, repeat: int | None) -> bool:
        last = self.sent.get(key)
        if last is None:
            return True
        return repeat is not None and (self.today - last).days >= repeat

    def remind(self, kind, uid, stage, recipients, notice, repeat=None) -> int:
        """Tell the recipients not yet reminded of (kind, uid, stage); the
        number told."""
        new = [
            user_id
            for user_id in sorted(set(recipients) - {None, ""})
            if self.due((kind, uid, user_id, stage), repeat)
        ]
        if not new:
            return 0
        told = send_notice(new, notice, strict=self.strict)
        # Also those who turned mails off or have no address: not reminded
        # (nor logged about them) again every day.
        for user_id in new:
            self.sent[(kind, uid, user_id, stage)] = self.today
        return len(told)

    def prune(self) -> int:
        limit = self.today - timedelta(days=KEEP_SENT_DAYS)
        old = [key for key, day in self.sent.items() if day < limit]
        for key in old:
            del self.sent[key]
        return len(old)


def remind_reviews(reminders: Reminders) -> int:
    told = 0
    for brain in documents_to_review(today=reminders.today):
        doc = brain._unrestrictedGetObject()
        due_on = getattr(doc, "next_review_date", None)
        status = review_status(due_on, today=reminders.today)
        if not status:
            continue
        told += reminders.remind(
            "review",
            doc.UID(),
            f"{status}:{due_on}",
            notify.unit_people(getattr(doc, "owning_unit", None), "officers"),
            notify.review_notice(doc, status),
            repeat=REPEAT_OVERDUE_DAYS if status == "overdue" else None,
        )
    return told


def remind_actions(reminders: Reminders) -> tuple[int, int]:
    """(told of actions due soon, told of overdue ones)."""
    today = reminders.today
    catalog = api.portal.get_tool("portal_catalog")
    soon = overdue = 0
    for brain in catalog.unrestrictedSearchResults(
        portal_type="CorrectiveAction",
        review_state="open",
        due_date={
            "query": today + timedelta(days=ACTION_NOTICE_DAYS),
            "range": "max",
        },
    ):
        action = brain._unrestrictedGetObject()
        nc = nonconformity_of(action)
        if nc is not None and api.content.get_state(nc, default="") in FROZEN_STATES:
            continue
        due_on, responsible = action.due_date, action.responsible
        if not due_on or not responsible:
            continue
        if due_on < today:
            overdue += reminders.remind(
                "action",
                action.UID(),
                f"overdue:{due_on}",
                {responsible},
                notify.action_notice(
                    action, notify.ACTION_OVERDUE, notify.ACTION_OVERDUE_TEXT
                ),
                repeat=REPEAT_OVERDUE_DAYS,
            )
        else:
            soon += reminders.remind(
                "action",
                action.UID(),
                f"due:{due_on}",
                {responsible},
                notify.action_notice(action, notify.ACTION_DUE, notify.ACTION_DUE_TEXT),
            )
    return soon, overdue


def record_list_deadline(year: int) -> date:
    """The day a year's record list is to be issued by (the yearly
    evaluation's setting)."""
    values = evaluation_settings()
    month, day = values["record_list_month"], values["record_list_day"]
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def remind_record_lists(reminders: Reminders) -> int:
    today = reminders.today
    year = today.year
    deadline = record_list_deadline(year)
    if today <= deadline:
        return 0
    told = 0
    for brain in all_units():
        unit = brain._unrestrictedGetObject()
        archive = unit.get(ARCHIVE_ID)
        record_list = archive.get(str(year)) if archive is not None else None
        if record_list is not None and (
            getattr(record_list, "approved_on", None)
            or api.content.get_state(record_list, default="") == "approved"
        ):
            continue
        target = record_list or archive or unit
        told += reminders.remind(
            "record_list",
            unit.UID(),
            f"late:{year}",
            notify.unit_people(unit.getId(), "officers", "heads"),
            notify.record_list_notice(unit, year, deadline, public_url(target)),
            repeat=REPEAT_OVERDUE_DAYS,
        )
    return told


def run(portal, today: date | None = None, strict: bool = True) -> dict:
    """Send the day's reminders and digests (when the transaction commits;
    the caller commits). Returns what was done."""
    previous = getSite()
    setSite(portal)
    try:
        return _run(portal, today or date.today(), strict)
    finally:
        setSite(previous)


def _run(portal, today: date, strict: bool) -> dict:
    current = state(portal)
    # The write two concurrent runs conflict on.
    current["last_run"] = datetime.now().isoformat()
    current["runs"] = current.get("runs", 0) + 1
    reminders = Reminders(current["sent"], today, strict)
    summary = {"day": today.isoformat()}
    summary["reviews"] = remind_reviews(reminders)
    summary["actions_due"], summary["actions_overdue"] = remind_actions(reminders)
    summary["record_lists"] = remind_record_lists(reminders)
    summary["digests"] = len(send_digests(today, strict=strict))
    summary["forgotten"] = reminders.prune()
    logger.info("Daily job of %s: %s", today.isoformat(), summary)
    return summary
