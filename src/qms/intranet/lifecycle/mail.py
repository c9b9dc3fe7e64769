"""Sending the notifications: who gets what, how (at once, in the day's
digest, or not at all) and through which mail server.

- The mail server comes from the environment, read at each send:
  SMTP_HOST, SMTP_PORT (25) and QMS_MAIL_FROM (the sender's address; its
  name is «Hệ thống QLCL»). The site's MailHost and Mail settings follow
  them, written only when they differ (no write on every request).
- Without SMTP_HOST, each mail is written to the log (logger
  `qms.intranet.mail`, INFO: recipient, subject and body) when the
  transaction commits: never lost silently.
- Mails go through the MailHost's mailer and zope.sendmail's transactional
  delivery, as MailHost.send does: they leave when the transaction commits,
  and a request that fails or conflicts sends nothing. In a request a mail
  server that refuses does not fail the person's act: the mail is logged
  (ERROR) instead. The daily job delivers strictly: a refused mail fails
  the run, which sends nothing and is run again.
- Each person chooses in their personal information (`qms_notifications`):
  «immediate» (the default), «digest» (queued on the site, one mail a day
  from the daily job) or «off».
"""

from BTrees.OOBTree import OOBTree
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from persistent.list import PersistentList
from plone import api
from plone.registry.interfaces import IRegistry
from qms.intranet import _
from qms.intranet.core.dates import format_date
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.sendmail.delivery import DirectMailDelivery

import logging
import os
import transaction


logger = logging.getLogger("qms.intranet.mail")

PREFERENCE = "qms_notifications"
IMMEDIATE, DIGEST, OFF = "immediate", "digest", "off"
PREFERENCES = (IMMEDIATE, DIGEST, OFF)
LANGUAGES = ("vi", "en")
DIGEST_KEY = "qms.intranet.lifecycle.digest"
# The serial of a persistent object not committed yet (ZODB.utils.z64).
NEVER_COMMITTED = b"\x00" * 8

SENDER_NAME = _("mail_sender_name", default="QMS system")
SUBJECT_PREFIX = _("mail_subject_prefix", default="[QMS]")
GREETING = _("mail_greeting", default="Dear ${name},")
OPEN_LINK = _("mail_open_link", default="Open: ${url}")
SIGNATURE = _(
    "mail_signature",
    default="This message was sent by the quality management system; please "
    "do not reply to it. To receive one mail a day, or none, change «E-mail "
    "notifications» in your personal information: ${url}",
)
DIGEST_SUBJECT = _(
    "mail_digest_subject", default="Your notifications of ${date} (${count})"
)
DIGEST_INTRO = _(
    "mail_digest_intro",
    default="Here is what happened in the quality management system since "
    "the last digest:",
)


# The mail server


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    sender: str


def settings() -> Settings:
    """The mail server and sender of the environment, read now (tests and
    deployments change them without restarting code that imported us)."""
    host = os.environ.get("SMTP_HOST", "").strip()
    try:
        port = int(os.environ.get("SMTP_PORT", "") or 25)
    except ValueError:
        port = 25
    sender = os.environ.get("QMS_MAIL_FROM", "").strip()
    if not sender:
        registry = queryUtility(IRegistry)
        sender = (registry and registry.get("plone.email_from_address")) or ""
    return Settings(host=host, port=port, sender=sender or "qms@localhost")


def _set_if_different(obj, name: str, value) -> None:
    if getattr(obj, name, None) != value:
        setattr(obj, name, value)


def sync_mailhost(config: Settings) -> None:
    """The site's MailHost and Mail control panel follow the environment, so
    that Plone's own mails (password reset) use the same server. Written
    only when different: a send writes nothing else to the database."""
    mailhost = api.portal.get_tool("MailHost")
    _set_if_different(mailhost, "smtp_host", config.host)
    _set_if_different(mailhost, "smtp_port", config.port)
    registry = queryUtility(IRegistry)
    if registry is None:
        return
    name = stored_text(SENDER_NAME)
    for key, value in (
        ("plone.smtp_host", config.host),
        ("plone.smtp_port", config.port),
        ("plone.email_from_address", config.sender),
        ("plone.email_from_name", name),
    ):
        try:
            if registry.get(key) != value:
                registry[key] = value
        except Exception:  # noqa: BLE001 - a record missing or refusing the value
            logger.warning("Mail setting %s not updated", key)


class TolerantMailer:
    """A mailer whose failures are logged, not raised: in a request, a mail
    server that refuses must not undo what the person did."""

    def __init__(self, mailer, message: str):
        self.mailer = mailer
        self.message = message
        self.failed = False

    def vote(self, fromaddr, toaddrs, message):
        try:
            self.mailer.vote(fromaddr, toaddrs, message)
        except Exception:
            self.failed = True
            logger.exception("Mail server refused; mail not sent:\n%s", self.message)

    def send(self, fromaddr, toaddrs, message):
        if self.failed:
            return
        try:
            self.mailer.send(fromaddr, toaddrs, message)
        except Exception:
            logger.exception("Mail not sent:\n%s", self.message)

    def abort(self):
        if not self.failed:
            self.mailer.abort()


def _log_after_commit(success: bool, text: str) -> None:
    if success:
        logger.info("No mail server (SMTP_HOST unset); mail written here:\n%s", text)


def deliver(to: str, subject: str, body: str, name: str = "", strict=False) -> None:
    """Send one plain-text mail to the address `to` when the transaction
    commits (or log it there, without SMTP_HOST)."""
    config = settings()
    text = f"To: {to}\nSubject: {subject}\n\n{body}"
    if not config.host:
        transaction.get().addAfterCommitHook(_log_after_commit, args=(text,))
        return
    sync_mailhost(config)
    message = MIMEText(body, "plain", "utf-8")
    message["Subject"] = Header(subject, "utf-8")
    message["From"] = formataddr((stored_text(SENDER_NAME), config.sender), "utf-8")
    message["To"] = formataddr((name, to), "utf-8") if name else to
    message["Date"] = formatdate(localtime=True)
    message["Message-Id"] = make_msgid(domain=config.sender.rpartition("@")[2])
    mailer = api.portal.get_tool("MailHost")._makeMailer()
    if not strict:
        mailer = TolerantMailer(mailer, text)
    # CRLF line ends, as SMTP wants (smtplib sends bytes as they are).
    data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    DirectMailDelivery(mailer).send(config.sender, [to], data)


# Translation


def stored_text(message) -> str:
    return translate(message, target_language=api.portal.get_default_language())


def language_of(user) -> str:
    language = (user.getProperty("language", "") or "").split("-")[0]
    return language if language in LANGUAGES else api.portal.get_default_language()


def text(message, language: str) -> str:
    if isinstance(message, Message):
        return translate(message, target_language=language)
    return str(message or "")


# What is sent


@dataclass
class Notice:
    """One notification: a subject, lines of text and the page to open."""

    subject: Message
    lines: list = field(default_factory=list)
    url: str = ""

    def render(self, language: str) -> tuple[str, str]:
        """(subject without the prefix, text without greeting) in `language`."""
        subject = text(self.subject, language)
        lines = [text(line, language) for line in self.lines if line]
        if self.url:
            lines.append(text(Message(OPEN_LINK, mapping={"url": self.url}), language))
        return subject, "\n\n".join(lines)


def prefixed(subject: str, language: str) -> str:
    return f"{text(SUBJECT_PREFIX, language)} {subject}"


def preference(user) -> str:
    value = user.getProperty(PREFERENCE, "") or ""
    return value if value in PREFERENCES else IMMEDIATE


def _full_body(user, language: str, main: str) -> str:
    name = user.getProperty("fullname", "") or user.getId()
    portal_url = site_url()
    return "\n\n".join(
        (
            text(Message(GREETING, mapping={"name": name}), language),
            main,
            "-- ",
            text(
                Message(
                    SIGNATURE, mapping={"url": f"{portal_url}/@@personal-information"}
                ),
                language,
            ),
        )
    )


def site_url() -> str:
    return public_url(api.portal.get())


def public_url(obj) -> str:
    """The address of `obj` for a mail: QMS_PUBLIC_URL (the address people
    use, for the daily job) plus its path in the site, or its own."""
    base = os.environ.get("QMS_PUBLIC_URL", "").strip().rstrip("/")
    if not base:
        return obj.absolute_url()
    portal_path = api.portal.get().getPhysicalPath()
    path = obj.getPhysicalPath()[len(portal_path) :]
    return "/".join((base, *path))


def site_being_created() -> bool:
    """Is the site new in this transaction (its creation, with the demo
    data)? Nobody is told of what the creation does."""
    return getattr(api.portal.get(), "_p_serial", NEVER_COMMITTED) == NEVER_COMMITTED


def send_notice(user_ids, notice: Notice, actor: str | None = None, strict=False):
    """Tell these people (never `actor`), each as they chose; returns the
    ids of those told (at once or queued for the digest)."""
    if site_being_created():
        logger.debug("Site being created: %r not sent", notice.subject)
        return []
    told = []
    for user_id in sorted(set(user_ids or ()) - {actor, None, ""}):
        user = api.user.get(userid=user_id)
        if user is None:
            logger.warning("Notification %r: no user %s", notice.subject, user_id)
            continue
        choice = preference(user)
        if choice == OFF:
            continue
        language = language_of(user)
        subject, main = notice.render(language)
        address = (user.getProperty("email", "") or "").strip()
        if not address:
            logger.warning(
                "Notification «%s» not sent to %s: no e-mail address", subject, user_id
            )
            continue
        if choice == DIGEST:
            queue(user_id, subject, main)
        else:
            deliver(
                address,
                prefixed(subject, language),
                _full_body(user, language, main),
                user.getProperty("fullname", "") or "",
                strict=strict,
            )
        told.append(user_id)
    return told


# The digest queue: user id -> list of {"subject", "text", "at"}


def digest_queue(create: bool = False):
    annotations = IAnnotations(api.portal.get())
    queued = annotations.get(DIGEST_KEY)
    if queued is None and create:
        queued = annotations[DIGEST_KEY] = OOBTree()
    return queued


def queue(user_id: str, subject: str, main: str) -> None:
    queued = digest_queue(create=True)
    items = queued.get(user_id)
    if items is None:
        items = queued[user_id] = PersistentList()
    items.append(
        {
            "subject": subject,
            "text": main,
            "at": datetime.now().isoformat("T", "seconds"),
        }
    )


def queued_for(user_id: str) -> list[dict]:
    queued = digest_queue()
    return list(queued.get(user_id, ())) if queued is not None else []


def send_digests(day, strict=True) -> list[str]:
    """One mail per person with everything queued for them; the queue is
    emptied in the same transaction. Returns who got one."""
    queued = digest_queue()
    if not queued:
        return []
    sent = []
    for user_id in list(queued.keys()):
        items = list(queued[user_id])
        del queued[user_id]
        user = api.user.get(userid=user_id)
        if user is None or not items or preference(user) == OFF:
            continue
        address = (user.getProperty("email", "") or "").strip()
        if not address:
            logger.warning("Digest not sent to %s: no e-mail address", user_id)
            continue
        language = language_of(user)
        subject = text(
            Message(
                DIGEST_SUBJECT, mapping={"date": format_date(day), "count": len(items)}
            ),
            language,
        )
        subject = prefixed(subject, language)
        parts = [text(DIGEST_INTRO, language)]
        for number, item in enumerate(items, start=1):
            parts.append(f"{number}. {item['subject']}\n\n{item['text']}")
        name = user.getProperty("fullname", "") or ""
        deliver(
            address,
            subject,
            _full_body(user, language, "\n\n".join(parts)),
            name,
            strict=strict,
        )
        sent.append(user_id)
    return sent
