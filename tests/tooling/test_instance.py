"""The instance `make start` builds: configuration from HOST/PORT, and a site
created once and then reused, never overwritten, only upgraded."""

from pathlib import Path
from tests.conftest import load_script
from tests.conftest import PROFILE_VERSION
from tests.conftest import ROOT

import os
import pytest
import subprocess
import sys


BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def instance():
    return load_script("instance")


def render(instance, tmp_path, **env):
    env = {"QMS_VAR": str(tmp_path / "var"), "QMS_ETC": str(tmp_path / "etc"), **env}
    instance.render(instance.settings(env))
    return tmp_path / "etc"


def test_defaults(instance, tmp_path):
    etc = render(instance, tmp_path)
    assert "listen = localhost:8080" in (etc / "zope.ini").read_text()
    conf = (etc / "zope.conf").read_text()
    assert "path $VAR/filestorage/Data.fs" in conf
    assert f"%define VAR {tmp_path / 'var'}" in conf
    assert (tmp_path / "var" / "blobstorage").is_dir()


def test_host_and_port(instance, tmp_path):
    etc = render(instance, tmp_path, HOST="0.0.0.0", PORT="9090")  # noqa: S104
    assert "listen = 0.0.0.0:9090" in (etc / "zope.ini").read_text()


def test_relstorage_configuration(instance, tmp_path):
    etc = render(
        instance,
        tmp_path,
        QMS_STORAGE="relstorage",
        RELSTORAGE_DSN="dbname='qms' host='127.0.0.1'",
    )
    conf = (etc / "zope.conf").read_text()
    assert "%import relstorage" in conf
    assert "dsn dbname='qms' host='127.0.0.1'" in conf
    assert "filestorage" not in conf


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PORT": "huit"}, "PORT must be a number"),
        ({"QMS_STORAGE": "sqlite"}, "QMS_STORAGE must be one of"),
        ({"QMS_STORAGE": "relstorage"}, "needs RELSTORAGE_DSN"),
    ],
)
def test_bad_settings_refused(instance, env, message):
    with pytest.raises(SystemExit, match=message):
        instance.settings(env)


def test_site_created_once_then_reused(instance, tmp_path):
    """Two runs of the site step: the second keeps the database as it was."""
    etc = render(instance, tmp_path)
    env = {
        **os.environ,
        "SITE_ID": "Plone",
        "DEMO": "1",
        "zope_i18n_compile_mo_files": "true",
    }
    command = [
        str(BIN / "zconsole"),
        "run",
        str(etc / "zope.conf"),
        str(ROOT / "scripts" / "create_site.py"),
    ]
    first = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "Site 'Plone' created from the 'qms' distribution." in first.stdout
    data = tmp_path / "var" / "filestorage" / "Data.fs"
    size = data.stat().st_size
    second = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "exists: reusing it, nothing changed" in second.stdout
    assert data.stat().st_size == size

    # after a `git pull` that brings an upgrade step, the next start runs it
    older = tmp_path / "older.py"
    older.write_text(
        "import transaction\n"
        "setup = app.Plone.portal_setup\n"
        "setup.setLastVersionForProfile('qms.intranet:default', '1001')\n"
        "transaction.commit()\n"
    )
    downgrade = subprocess.run(
        [*command[:-1], str(older)], env=env, capture_output=True, text=True
    )
    assert downgrade.returncode == 0, downgrade.stderr[-2000:]
    third = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    assert third.returncode == 0, third.stderr[-2000:]
    assert (
        f"upgraded qms.intranet:default from 1001 to {PROFILE_VERSION}" in third.stdout
    )
