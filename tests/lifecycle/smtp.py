"""A real SMTP server for the notification tests (aiosmtpd), on a free port
of the loopback, keeping what it receives."""

from aiosmtpd.controller import Controller
from dataclasses import dataclass
from email import message_from_bytes
from email import policy

import socket
import threading
import time


@dataclass
class Mail:
    """One message received: the envelope's recipients and the message."""

    to: list[str]
    sender: str
    message: object

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def body(self) -> str:
        return self.message.get_content()

    @property
    def from_header(self) -> str:
        return str(self.message["From"])


class Inbox:
    """The aiosmtpd handler: every message received, in order."""

    def __init__(self):
        self.mails: list[Mail] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        mail = Mail(
            to=list(envelope.rcpt_tos),
            sender=envelope.mail_from,
            message=message_from_bytes(envelope.content, policy=policy.default),
        )
        with self.lock:
            self.mails.append(mail)
        return "250 Message accepted for delivery"

    def clear(self) -> None:
        with self.lock:
            self.mails.clear()

    def to(self, login: str) -> list[Mail]:
        """The mails sent to a demo account (login@qms.example.vn)."""
        address = login if "@" in login else f"{login}@qms.example.vn"
        return [mail for mail in self.mails if address in mail.to]

    def recipients(self, subject_part: str = "") -> set[str]:
        """The logins of the accounts the mails (whose subject contains
        `subject_part`) went to."""
        return {
            address.split("@", 1)[0]
            for mail in self.mails
            if subject_part in mail.subject
            for address in mail.to
        }

    def wait(self, count: int = 1, timeout: float = 5) -> list[Mail]:
        """Mails leave when a transaction commits: wait for `count`."""
        deadline = time.monotonic() + timeout
        while len(self.mails) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.mails)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> tuple[Controller, Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, inbox
