"""Render the Zope instance configuration (instance/etc) from its templates.

Settings come from the environment, so that `make start HOST=0.0.0.0 PORT=9000`
and a deployment's variables both work:

- HOST, PORT: where waitress listens (default localhost:8080),
- QMS_VAR: data folder (default var/ in the repository),
- QMS_ETC: where the rendered configuration goes (default instance/etc),
- QMS_STORAGE: `filestorage` (default) or `relstorage`,
- RELSTORAGE_DSN: PostgreSQL DSN when QMS_STORAGE=relstorage,
- ZOPE_THREADS, ZOPE_DEBUG: waitress threads and Zope debug mode.
"""

from pathlib import Path

import os
import sys


ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"
TEMPLATES = INSTANCE / "templates"
STORAGES = ("filestorage", "relstorage")


def settings(env=os.environ) -> dict:
    """Read the instance settings from `env`, with their defaults."""
    storage = env.get("QMS_STORAGE", "filestorage")
    if storage not in STORAGES:
        raise SystemExit(f"QMS_STORAGE must be one of {', '.join(STORAGES)}")
    if storage == "relstorage" and not env.get("RELSTORAGE_DSN"):
        raise SystemExit("QMS_STORAGE=relstorage needs RELSTORAGE_DSN")
    port = env.get("PORT", "8080")
    if not port.isdigit():
        raise SystemExit(f"PORT must be a number, not {port!r}")
    return {
        "instance_home": str(INSTANCE),
        "var": str(Path(env.get("QMS_VAR", ROOT / "var")).resolve()),
        "etc": str(Path(env.get("QMS_ETC", INSTANCE / "etc")).resolve()),
        "host": env.get("HOST", "localhost"),
        "port": port,
        "threads": env.get("ZOPE_THREADS", "4"),
        "debug_mode": "on"
        if env.get("ZOPE_DEBUG", "") in ("1", "on", "true")
        else "off",
        "storage": storage,
        "relstorage_dsn": env.get("RELSTORAGE_DSN", ""),
    }


def render(values: dict) -> list[Path]:
    """Write instance/etc/{zope.conf,zope.ini,site.zcml}; return their paths."""
    etc = Path(values["etc"])
    etc.mkdir(parents=True, exist_ok=True)
    var = Path(values["var"])
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (var / sub).mkdir(parents=True, exist_ok=True)
    storage = (TEMPLATES / f"storage-{values['storage']}.in").read_text()
    values = {**values, "storage": storage.format(**values).rstrip()}
    written = []
    for name in ("zope.conf", "zope.ini"):
        target = etc / name
        target.write_text((TEMPLATES / f"{name}.in").read_text().format(**values))
        written.append(target)
    zcml = etc / "site.zcml"
    zcml.write_text((TEMPLATES / "site.zcml").read_text())
    written.append(zcml)
    return written


if __name__ == "__main__":
    for path in render(settings()):
        print(f"wrote {path}", file=sys.stderr)
