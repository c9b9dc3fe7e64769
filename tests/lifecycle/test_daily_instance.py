"""`make daily` while the site is served: the job runs inside the running
instance (POST @daily-job as the Zope administrator), since FileStorage lets
one process open the database. Only administrators may start it; a second
run the same day sends nothing."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.conftest import load_script
from tests.lifecycle.test_daily import DAY
from tests.lifecycle.test_daily import setup_items
from urllib.parse import urlsplit

import pytest


@pytest.fixture
def script():
    return load_script("daily")


def env_of(portal_url: str) -> dict:
    parts = urlsplit(portal_url)
    return {
        "HOST": parts.hostname,
        "PORT": str(parts.port),
        "SITE_ID": parts.path.strip("/"),
        "ADMIN_USER": SITE_OWNER_NAME,
        "ADMIN_PASSWORD": SITE_OWNER_PASSWORD,
        "DAY": DAY.isoformat(),
    }


def test_the_job_runs_in_the_running_instance(smtp, functional, portal_url, script):
    setup_items(functional)
    result = script.through_instance(env_of(portal_url))
    assert result["day"] == DAY.isoformat()
    assert result["reviews"] >= 1
    assert smtp.mails
    count = len(smtp.mails)
    again = script.through_instance(env_of(portal_url))
    assert again["reviews"] == 0
    assert len(smtp.mails) == count


def test_no_instance_answers(script):
    assert script.through_instance({"HOST": "localhost", "PORT": "1"}) is None


@pytest.mark.parametrize("login", ["iso.secretary", "vp.officer", None])
def test_only_administrators_start_it(functional, rest, login):
    answer = rest("POST", "@daily-job", login, json={})
    assert answer.status_code in (401, 403)


def test_a_bad_day_is_a_400(functional, rest):
    answer = rest("POST", "@daily-job?day=yesterday", SITE_OWNER_NAME, json={})
    assert answer.status_code == 400
