"""The lifecycle tests' fixtures: a real SMTP server the site sends to."""

from tests.lifecycle.smtp import start

import pytest


SENDER = "iso@qms.example.vn"


@pytest.fixture(scope="session")
def smtp_server():
    controller, inbox = start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def smtp(functional, smtp_server, monkeypatch):
    """The inbox of the SMTP server the site sends to (SMTP_HOST, SMTP_PORT,
    QMS_MAIL_FROM set for this test, read by the site at each send), empty.
    The layer is set up first, without a mail server."""
    controller, inbox = smtp_server
    monkeypatch.setenv("SMTP_HOST", controller.hostname)
    monkeypatch.setenv("SMTP_PORT", str(controller.port))
    monkeypatch.setenv("QMS_MAIL_FROM", SENDER)
    monkeypatch.delenv("QMS_PUBLIC_URL", raising=False)
    inbox.clear()
    return inbox


@pytest.fixture
def no_smtp(functional, monkeypatch):
    """No mail server configured: mails go to the log."""
    monkeypatch.delenv("SMTP_HOST", raising=False)
    monkeypatch.delenv("SMTP_PORT", raising=False)
