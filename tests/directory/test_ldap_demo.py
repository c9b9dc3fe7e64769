"""`make ldap-demo` then `QMS_LDAP_URI=... make start` (issue #19): an
instance started with the demo directory's environment (what
scripts/ldap_demo.py prints) signs its directory people in, with their
units, on a site created before without any directory; without that
environment the same site has Plone's own accounts only."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.conftest import JSON
from tests.conftest import ROOT
from tests.directory.slapd import DEMO_PASSWORD as LDAP_PASSWORD
from tests.instances import demo_instance

import pytest
import requests
import subprocess
import sys


def test_demo_prints_how_to_start_the_site(slapd):
    env = slapd.environment()
    assert env["QMS_LDAP_URI"] == slapd.uri
    assert "GRP-VP-ISO = vp-officers" in env["QMS_LDAP_GROUP_MAP"]


def test_instance_started_with_the_demo_directory(slapd, tmp_path):
    instance = demo_instance(tmp_path, **slapd.environment())
    instance.serve()
    try:
        me = requests.get(
            f"{instance.url}/++api++/@users/ld.khcn.officer",
            headers=JSON,
            auth=("ld.khcn.officer", LDAP_PASSWORD),
            timeout=60,
        )
        assert me.status_code == 200, me.text
        assert me.json()["fullname"] == "Đỗ Văn Ích"
        assert "khcn-officers" in {g["id"] for g in me.json()["groups"]["items"]}
        own = requests.get(
            f"{instance.url}/++api++/don-vi/vp",
            headers=JSON,
            auth=("vp.officer", DEMO_PASSWORD),
            timeout=60,
        )
        assert own.status_code == 200
    finally:
        instance.stop()
    # started again without the directory: its people are unknown
    instance.env = {
        k: v for k, v in instance.env.items() if not k.startswith("QMS_LDAP_")
    }
    instance.serve()
    try:
        refused = requests.get(
            f"{instance.url}/++api++/@users/ld.khcn.officer",
            headers=JSON,
            auth=("ld.khcn.officer", LDAP_PASSWORD),
            timeout=60,
        )
        assert refused.status_code == 401
    finally:
        instance.stop()


def run_demo_until(marker: str) -> str:
    """Start scripts/ldap_demo.py, read its output up to the line holding
    `marker`, press Ctrl+C (SIGINT), wait for it to end; its output."""
    import signal
    import time

    process = subprocess.Popen(  # noqa: S603 - our script
        [sys.executable, str(ROOT / "scripts" / "ldap_demo.py")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if marker in line or not line:
            break
    process.send_signal(signal.SIGINT)
    lines.append(process.communicate(timeout=30)[0])
    return "".join(lines)


def assert_nothing_left(text: str) -> None:
    """slapd stopped and its folder removed."""
    import re
    import socket

    port = int(re.search(r"ldap://127\.0\.0\.1:(\d+)", text).group(1))
    folder = re.search(r"Data and log in (\S+)", text).group(1)
    assert not Path(folder).exists(), folder
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), 1):
        pass


def test_make_ldap_demo_script_starts_and_stops():
    """The script itself: prints the people and the environment, stops on
    Ctrl+C (SIGINT) and leaves nothing running."""
    text = run_demo_until("Stop with Ctrl+C")
    assert "QMS_LDAP_URI='ldap://127.0.0.1:" in text
    assert "make start" in text
    assert "ld.vp.officer" in text
    assert_nothing_left(text)
