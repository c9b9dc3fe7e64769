"""A site of its own for each benchmark: an instance rendered into a folder
(etc/ and var/), on a free port of the loopback, with the demo data; served
by runwsgi (or another command) until stopped. Benchmarks import it from
their folder; it is no test fixture (tests/instances.py is)."""

from pathlib import Path

import os
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawaySite:
    def __init__(self, folder=None, prefix="qms-bench-", **settings):
        self.folder = Path(folder or tempfile.mkdtemp(prefix=prefix))
        self.port = free_port()
        self.env = {
            **os.environ,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "QMS_VAR": str(self.folder / "var"),
            "QMS_ETC": str(self.folder / "etc"),
            "SITE_ID": "Plone",
            "DEMO": "1",
            "zope_i18n_compile_mo_files": "true",
            **settings,
        }
        self.conf = str(self.folder / "etc" / "zope.conf")
        self.base = f"http://127.0.0.1:{self.port}/Plone"
        self.server = None

    def run(self, *command, timeout=7200, **kwargs) -> None:
        subprocess.run(
            [str(part) for part in command],
            env=self.env,
            cwd=ROOT,
            check=True,
            timeout=timeout,
            **kwargs,
        )

    def create(self) -> None:
        """Render the instance; make the site (or upgrade the one there)."""
        self.run(sys.executable, "scripts/instance.py")
        self.zconsole(ROOT / "scripts" / "create_site.py", capture_output=True)

    def zconsole(self, script, *args, **kwargs) -> None:
        """Run a script inside the instance (the server must be stopped)."""
        self.run(BIN / "zconsole", "run", self.conf, script, *args, **kwargs)

    def serve(self, command=None) -> None:
        """Start serving (runwsgi by default) and wait for the login page."""
        import requests

        command = command or [BIN / "runwsgi", self.folder / "etc" / "zope.ini"]
        self.server = subprocess.Popen(  # noqa: S603 - our own instance
            [str(part) for part in command],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(240):
            try:
                requests.get(f"{self.base}/login", timeout=5)
                return
            except requests.ConnectionError:
                time.sleep(0.5)
        raise RuntimeError(f"the instance on port {self.port} did not answer")

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)
            self.server = None


DEMO_PASSWORD = "qms-demo"  # noqa: S105 - the demo accounts


def measure(url: str, login: str, rounds: int) -> tuple[int, list[float]]:
    """Size of the answer and `rounds` timings (ms) of GET `url` as `login`
    (a demo account), after one unmeasured warm-up; every answer must be 200."""
    import requests

    auth = (login, DEMO_PASSWORD)
    headers = {"Accept": "application/json"} if "/++api++/" in url else {}
    first = requests.get(url, auth=auth, headers=headers, timeout=300)  # warm-up
    assert first.status_code == 200, (url, first.status_code, first.text[:300])
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = requests.get(url, auth=auth, headers=headers, timeout=300)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return len(first.content), times


def filled_site(folder, prefix: str, fill_script: str, *counts: int) -> ThrowawaySite:
    """A site filled by the zconsole script `fill_script` (in benchmarks/)
    with `counts`, or, with `folder`, the one an earlier run filled there
    (its instance files rendered again)."""
    site = ThrowawaySite(folder, prefix=prefix)
    if folder:
        site.run(sys.executable, "scripts/instance.py")
        return site
    site.create()
    started = time.perf_counter()
    site.zconsole(Path(__file__).with_name(fill_script), *counts)
    print(
        f"filled with {', '.join(map(str, counts))} in "
        f"{time.perf_counter() - started:.0f} s"
    )
    return site


def measure_gets(site: ThrowawaySite, pages: dict, rounds: int) -> tuple[dict, int]:
    """Serve `site`, time each of `pages` (name -> (url, login)) `rounds`
    times, stop; (name -> (size, timings), bytes the database grew by while
    only GETs were sent: it must not grow)."""
    site.serve()
    data_fs = site.folder / "var" / "filestorage" / "Data.fs"
    try:
        size_before = data_fs.stat().st_size
        results = {
            name: measure(url, login, rounds) for name, (url, login) in pages.items()
        }
        return results, data_fs.stat().st_size - size_before
    finally:
        site.stop()
