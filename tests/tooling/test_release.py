"""zest.releaser finds the one version (setup.py) and our CHANGES.md format."""

from datetime import date
from pathlib import Path
from tests.conftest import ROOT

import re
import shutil
import subprocess
import sys


BIN = Path(sys.executable).parent


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_prerelease_sets_version_and_date(tmp_path):
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in tracked:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    version = re.search(r'version="([^"]+)"', (ROOT / "setup.py").read_text())[1]
    assert version.endswith(".dev0")
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x", cwd=tmp_path)
    result = subprocess.run(
        [str(BIN / "prerelease"), "--no-input"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
            "PATH": str(BIN) + ":/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    released = version.removesuffix(".dev0")
    assert f'version="{released}"' in (tmp_path / "setup.py").read_text()
    changes = (tmp_path / "CHANGES.md").read_text()
    assert f"## {released} ({date.today().isoformat()})" in changes
