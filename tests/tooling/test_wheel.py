"""The built wheel, installed with only its declared requirements (and our
pins) into a fresh virtualenv, renders an instance, creates the site with
the `qms` distribution and serves it: what a deployment from the wheel or
from buildout gets. Slow (about a minute): it installs Plone once more,
from uv's cache."""

from pathlib import Path
from qms.intranet.site.demo.data import DEMO_PASSWORD
from tests.conftest import JSON
from tests.conftest import ROOT
from tests.instances import BIN
from tests.instances import Instance

import pytest
import requests
import subprocess
import sys


def run(*command, **kwargs):
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a new virtualenv holding the wheel and what it declares."""
    folder = tmp_path_factory.mktemp("wheel")
    run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        str(folder / "dist"),
        cwd=ROOT,
    )
    (wheel,) = (folder / "dist").glob("qms_intranet-*.whl")
    run(sys.executable, "-m", "venv", str(folder / "venv"))
    python = folder / "venv" / "bin" / "python"
    run(
        str(BIN / "uv"),
        "pip",
        "install",
        "--python",
        str(python),
        "--quiet",
        "-c",
        str(ROOT / "constraints.txt"),
        str(wheel),
    )
    return python.parent


def test_only_what_is_declared_is_installed(installed):
    """Nothing of the development extras, so the site below runs on the
    declared requirements alone."""
    listed = run(str(BIN / "uv"), "pip", "list", "--python", str(installed / "python"))
    names = {line.split()[0].lower() for line in listed.stdout.splitlines()[2:]}
    assert "qms-intranet" in names
    assert "plone-app-iterate" in names
    assert "pytest" not in names
    assert "plone-app-testing" not in names


@pytest.fixture(scope="module")
def site(installed, tmp_path_factory):
    instance = Instance(tmp_path_factory.mktemp("wheel-site"), bin=installed)
    output = instance.create_site()
    instance.serve()
    yield instance, output
    instance.stop()


def test_site_created_from_the_wheel(site):
    instance, output = site
    assert "created from the 'qms' distribution" in output
    login = requests.get(f"{instance.url}/login", timeout=30)
    assert login.status_code == 200
    procedure = requests.get(
        f"{instance.url}/++api++/don-vi/vp/quy-trinh-quan-ly-van-ban-di",
        headers=JSON,
        auth=("vp.staff", DEMO_PASSWORD),
        timeout=30,
    )
    assert procedure.status_code == 200, procedure.text
    assert procedure.json()["code"] == "QT-02/VP"
    page = requests.get(
        f"{instance.url}/don-vi/vp", auth=("vp.officer", DEMO_PASSWORD), timeout=30
    )
    assert page.status_code == 200
