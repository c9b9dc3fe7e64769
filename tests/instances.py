"""Zope instances of their own for the tests that need a real process: a
served site, a database made by another version, several instances."""

from pathlib import Path
from tests.conftest import load_script
from tests.conftest import ROOT

import atexit
import contextlib
import os
import requests
import shutil
import socket
import subprocess
import sys
import tempfile
import time


BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    """A Zope instance of its own, rendered by scripts/instance.py into
    `folder` (etc/ and var/), served on a free port of the loopback, run by
    the Zope scripts in `bin` (this virtualenv's by default)."""

    def __init__(self, folder: Path, bin: Path = BIN, **settings):
        self.port = free_port()
        self.folder = folder
        self.bin = bin
        self.env = {
            **os.environ,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "QMS_VAR": str(folder / "var"),
            "QMS_ETC": str(folder / "etc"),
            "SITE_ID": "Plone",
            "DEMO": "1",
            "zope_i18n_compile_mo_files": "true",
            **settings,
        }
        instance = load_script("instance")
        instance.render(instance.settings(self.env))
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/Plone"

    def zconsole(self, script: Path, *args: str) -> subprocess.CompletedProcess:
        """Run `script` inside this instance's Zope (`zconsole run`); ten
        minutes at most."""
        return subprocess.run(
            [
                str(self.bin / "zconsole"),
                "run",
                str(self.folder / "etc" / "zope.conf"),
                str(script),
                *args,
            ],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def create_site(self) -> str:
        done = self.zconsole(ROOT / "scripts" / "create_site.py")
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def serve(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own instance
            [str(self.bin / "runwsgi"), str(self.folder / "etc" / "zope.ini")],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the instance stopped"
            with contextlib.suppress(requests.ConnectionError):
                requests.get(f"{self.url}/login", timeout=5)
                return
            time.sleep(0.5)
        raise AssertionError(f"instance on port {self.port} did not answer")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def kill(self) -> None:
        """SIGKILL: Zope dies at once, nothing flushed or closed (a crash)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)

    def halt(self) -> None:
        """Stop, and kill when stopping takes too long (for cleanups)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


_demo_site: list[Path] = []


def demo_instance(folder: Path, **settings) -> Instance:
    """An Instance (FileStorage) in `folder` whose data starts as a copy of a
    site with the demo data, created once per test run (saves creating it
    again, about half a minute each time)."""
    if not _demo_site:
        template = Path(tempfile.mkdtemp(prefix="qms-demo-site-"))
        atexit.register(shutil.rmtree, template, True)
        Instance(template).create_site()
        _demo_site.append(template / "var")
    instance = Instance(folder, **settings)
    assert instance.env.get("QMS_STORAGE", "filestorage") == "filestorage"
    for sub in ("filestorage", "blobstorage"):
        shutil.copytree(
            _demo_site[0] / sub,
            folder / "var" / sub,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("*.lock", "*.tmp"),
        )
    return instance
