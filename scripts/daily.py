"""The daily job of issue #16: reminders of what is due or overdue, and the
day's digests, by e-mail (qms.intranet.lifecycle.daily).

`make daily` runs `python scripts/daily.py`, once a day (cron or a systemd
timer, see README): when an instance answers at HOST:PORT, the job runs
inside it (POST @daily-job as the Zope administrator ADMIN_USER /
ADMIN_PASSWORD, as `make start` created them), because FileStorage lets one
process open the database; when none answers, it runs here through
`zconsole run instance/etc/zope.conf scripts/daily.py`.

SITE_ID names the site; SMTP_HOST, SMTP_PORT and QMS_MAIL_FROM the mail
server and sender (without SMTP_HOST the mails are written to the log);
QMS_PUBLIC_URL the address people open the site at, for the links (default
http://HOST:PORT). DAY=YYYY-MM-DD runs it as of another day.

On RelStorage several runs at once (one per instance) send once: the job
writes the day it ran in the transaction that sends its mails, so the
second run conflicts; it is then run again and finds nothing left to send.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_base
from datetime import date
from pathlib import Path
from qms.intranet.lifecycle import daily
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import base64
import json
import os
import subprocess
import sys
import transaction
import urllib.error
import urllib.request


SITE_ID = os.environ.get("SITE_ID", "Plone")
ATTEMPTS = 3


def request_environ(env=os.environ) -> dict:
    """The request's server: the links in the mails point there unless
    QMS_PUBLIC_URL says otherwise."""
    return {
        "SERVER_NAME": env.get("HOST", "localhost"),
        "SERVER_PORT": env.get("PORT", "8080"),
    }


def main(app, today: date | None = None, site_id: str = SITE_ID) -> dict:
    """Run the job on the site and commit; retried when another transaction
    (another run, a person's request) wrote the same objects meanwhile."""
    if today is None and os.environ.get("DAY"):
        today = date.fromisoformat(os.environ["DAY"])
    # zconsole's app has a request of its own (http://nohost): replace it.
    app = makerequest(aq_base(app), environ=request_environ())
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    for attempt in range(1, ATTEMPTS + 1):
        site = app.unrestrictedTraverse(site_id)
        setSite(site)
        try:
            summary = daily.run(site, today)
            transaction.commit()
        except ConflictError:
            transaction.abort()
            app._p_jar.sync()
            if attempt == ATTEMPTS:
                raise
            print(f"Conflict with another transaction: running again ({attempt}).")
            continue
        return summary
    return {}  # pragma: no cover - the loop returns or raises


def instance_url(env=os.environ) -> str:
    host = env.get("HOST", "localhost")
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 - where to reach it, not bind
        host = "localhost"
    return f"http://{host}:{env.get('PORT', '8080')}/{env.get('SITE_ID', SITE_ID)}"


def through_instance(env=os.environ) -> dict | None:
    """Run the job in the running instance; None when no instance answers."""
    url = f"{instance_url(env)}/++api++/@daily-job"
    if env.get("DAY"):
        url += f"?day={env['DAY']}"
    user = env.get("ADMIN_USER", "admin")
    password = env.get("ADMIN_PASSWORD", "qms-demo")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(  # noqa: S310 - our own instance
        url,
        data=b"{}",
        method="POST",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Basic {token}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:  # noqa: S310
            return json.load(answer)
    except urllib.error.HTTPError as refused:
        raise SystemExit(
            f"The instance refused the daily job ({refused.code}): "
            f"{refused.read()[:500]!r}"
        ) from None
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def report(result: dict) -> None:
    print(
        "Daily job of {day}: {reviews} review reminders, {actions_due} actions "
        "due, {actions_overdue} overdue, {record_lists} record lists, "
        "{digests} digests sent.".format(**result)
    )
    sys.stdout.flush()


if __name__ == "__main__":
    if "app" in globals():  # under zconsole
        report(main(globals()["app"]))
    else:
        result = through_instance()
        if result is not None:
            report(result)
        else:
            zconsole = str(Path(sys.executable).with_name("zconsole"))
            etc = os.environ.get("QMS_ETC", "instance/etc")
            sys.exit(
                subprocess.call(  # noqa: S603 - our own script, fixed arguments
                    [zconsole, "run", f"{etc}/zope.conf", __file__]
                )
            )
