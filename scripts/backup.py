"""Back up and restore the instance's database and attached files (blobs).

    python scripts/backup.py backup [--full]
    python scripts/backup.py restore [--backup STAMP|PATH]
    python scripts/backup.py list

`make backup` and `make restore` run it. Settings are those of
scripts/instance.py (QMS_VAR, QMS_STORAGE, RELSTORAGE_DSN) plus:

- BACKUP_DIR: where backups go (default <QMS_VAR>/backups, i.e. var/backups),
- FULL=1: a full backup instead of an incremental one,
- BACKUP: the backup to restore, a stamp (`2026-11-30-23-48-36`, UTC, or a
  prefix such as `2026-11-30`: the latest of that day), the path of one of
  its files or folders, or another backup folder (its latest backup); the
  latest one in BACKUP_DIR by default.

FileStorage (the default). BACKUP_DIR holds

    filestorage/            repozo's repository: full (.fs) and incremental
                            (.deltafs) backups of Data.fs, their .dat and .index
    blobstorage/<stamp>/    the blob directory as of that backup; files that
                            were already in the previous snapshot are hard
                            links to it, so each snapshot costs only new files

Every backup is named by the stamp of the repozo file it wrote. A backup is
safe while the site is serving: repozo copies Data.fs up to its last committed
transaction, and the blobs are copied afterwards (blob files are never changed
once written, so the snapshot has every blob that transaction refers to). The
first backup is full, later ones incremental (repozo makes a full one by
itself after a pack).

Restore needs the instance stopped: it refuses while Data.fs is locked by a
running Zope. Data.fs is rebuilt with `repozo -R --with-verify` into a staging
folder and the blobs copied from the snapshot; then the current Data.fs and
blobs are moved aside into <QMS_VAR>/before-restore/ (replacing an older one
there) and the restored ones put in their place.

RelStorage (QMS_STORAGE=relstorage). The whole database, attached files
included (they are stored in PostgreSQL), is dumped with `pg_dump
--format=custom` into BACKUP_DIR/relstorage/<stamp>.dump: one consistent
snapshot, safe while the instances serve, full every time. Restore runs
`pg_restore --clean --if-exists --no-owner` into RELSTORAGE_DSN, refuses while
any other session (a running instance) is connected to that database, and
empties this instance's blob cache. PG_BIN may name the folder of pg_dump,
pg_restore and psql (default: PATH, then Debian's newest
/usr/lib/postgresql/*/bin).
"""

from pathlib import Path

import argparse
import contextlib
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time


HERE = Path(__file__).resolve().parent
STAMP = re.compile(r"^\d{4}(?:-\d\d){5}$")
REPOZO_DATA = re.compile(r"^(\d{4}(?:-\d\d){5})\.(?:delta)?fsz?$")


class Refused(SystemExit):
    """A backup or restore that must not go on; the message says why."""

    def __init__(self, message: str):
        super().__init__(f"backup.py: {message}")


def instance_settings(env=os.environ) -> dict:
    """scripts/instance.py's settings (one place for QMS_VAR and the rest)."""
    spec = importlib.util.spec_from_file_location("qms_instance", HERE / "instance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.settings(env)


def settings(env=os.environ) -> dict:
    values = instance_settings(env)
    var = Path(values["var"])
    backups = env.get("BACKUP_DIR") or var / "backups"
    return {
        **values,
        "var": var,
        "backups": Path(backups).resolve(),
        "full": env.get("FULL", "") in ("1", "yes", "true", "on"),
        "backup": env.get("BACKUP", ""),
        "data_fs": var / "filestorage" / "Data.fs",
        "blobs": var / "blobstorage",
    }


def say(message: str) -> None:
    print(message, flush=True)


def utc_stamp(now: float | None = None) -> str:
    return time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime(now))


def next_stamp(latest: str | None) -> str:
    """Now, once it is past the latest backup's second (backups are named by
    the second, in UTC)."""
    deadline = time.monotonic() + 3
    while latest and utc_stamp() <= latest:
        if time.monotonic() > deadline:
            raise Refused(f"the latest backup, {latest} UTC, is newer than the clock")
        time.sleep(0.2)
    return utc_stamp()


# FileStorage


def repozo_stamps(repository: Path) -> list[str]:
    """Stamps of repozo's full and incremental files, oldest first."""
    if not repository.is_dir():
        return []
    found = (REPOZO_DATA.match(p.name) for p in repository.iterdir())
    return sorted({m.group(1) for m in found if m})


def snapshots(backups: Path) -> list[str]:
    """Stamps of complete backups (Data.fs and blobs), oldest first."""
    folder = backups / "blobstorage"
    stamps = set(repozo_stamps(backups / "filestorage"))
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name in stamps)


def repozo(*args: str) -> None:
    command = [sys.executable, "-m", "ZODB.scripts.repozo", *args]
    done = subprocess.run(command, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise Refused(f"repozo failed:\n{done.stdout}{done.stderr}".rstrip())


def copy_blobs(source: Path, target: Path, previous: Path | None) -> tuple[int, int]:
    """Copy the blob directory `source` to `target` (which must not exist),
    hard-linking the files that `previous` (the last snapshot) has already.
    ZODB never changes a blob file once written and names it by its object
    and transaction, so the same name and size means the same bytes.
    Returns (files copied, files linked)."""
    copied = linked = 0
    for folder, dirs, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        if relative.parts[:1] == ("tmp",):  # uncommitted uploads
            dirs[:] = []
            continue
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            src = Path(folder) / name
            dst = target / relative / name
            old = previous / relative / name if previous else None
            try:
                if old is not None and old.stat().st_size == src.stat().st_size:
                    os.link(old, dst)
                    linked += 1
                    continue
            except FileNotFoundError:
                pass
            try:
                shutil.copy2(src, dst)
            except FileNotFoundError:  # removed by a pack meanwhile
                continue
            copied += 1
    return copied, linked


@contextlib.contextmanager
def backup_lock(backups: Path):
    """One backup at a time in a BACKUP_DIR (a slow one and the next cron
    run would otherwise write repozo's files together)."""
    import zc.lockfile

    backups.mkdir(parents=True, exist_ok=True)
    try:
        lock = zc.lockfile.LockFile(str(backups / ".lock"))
    except zc.lockfile.LockError:
        raise Refused(f"another backup is running in {backups}") from None
    try:
        yield
    finally:
        lock.close()


def backup_filestorage(values: dict) -> str | None:
    data_fs: Path = values["data_fs"]
    if not data_fs.exists():
        raise Refused(f"no database to back up at {data_fs}")
    backups: Path = values["backups"]
    repository = backups / "filestorage"
    repository.mkdir(parents=True, exist_ok=True)
    before = repozo_stamps(repository)
    next_stamp(before[-1] if before else None)  # repozo names files by the second
    full = values["full"] or not before
    repozo(
        "-B", "-z", "-r", str(repository), "-f", str(data_fs), *(["-F"] if full else [])
    )
    after = repozo_stamps(repository)
    stamp = after[-1]
    if after == before and stamp in snapshots(backups):
        say(f"No change since the backup of {stamp}: nothing to do.")
        return None
    kind = "full" if (repository / f"{stamp}.fsz").exists() else "incremental"

    # the blobs, after Data.fs: every blob its last transaction refers to
    # is there (blob files are only ever added, until a pack)
    blobs_root = backups / "blobstorage"
    blobs_root.mkdir(exist_ok=True)
    for partial in blobs_root.glob("*.partial"):  # of an interrupted backup
        shutil.rmtree(partial)
    done = snapshots(backups)
    previous = blobs_root / done[-1] if done else None
    partial = blobs_root / f"{stamp}.partial"
    partial.mkdir()
    if values["blobs"].is_dir():
        copied, linked = copy_blobs(values["blobs"], partial, previous)
    else:
        copied = linked = 0
    partial.rename(blobs_root / stamp)
    say(
        f"Backup {stamp} ({kind}) in {backups}: Data.fs by repozo, "
        f"blobs {copied} copied, {linked} unchanged (hard links)."
    )
    return stamp


def choose(stamps: list[str], wanted: str, backups: Path) -> str:
    """The stamp to restore: the latest, or the one `wanted` names."""
    if not stamps:
        raise Refused(f"no complete backup in {backups}")
    if not wanted:
        return stamps[-1]
    name = Path(wanted).name
    match = re.match(r"^\d{4}(?:-\d\d){0,5}", name)
    if match is None:
        raise Refused(f"BACKUP={wanted!r} names no backup (a date such as 2026-11-30)")
    prefix = match.group(0)
    found = [s for s in stamps if s.startswith(prefix)]
    if not found:
        raise Refused(
            f"no backup {prefix} in {backups}; there are: {', '.join(stamps)}"
        )
    return found[-1]


@contextlib.contextmanager
def database_lock(data_fs: Path):
    """Hold Data.fs's lock, as Zope does while it runs; refuse when a
    running instance holds it."""
    import zc.lockfile

    data_fs.parent.mkdir(parents=True, exist_ok=True)
    try:
        lock = zc.lockfile.LockFile(f"{data_fs}.lock")
    except zc.lockfile.LockError:
        raise Refused(
            f"the database {data_fs} is in use (locked by a running instance): "
            "stop the instance first, then restore"
        ) from None
    try:
        yield
    finally:
        lock.close()


def restore_filestorage(values: dict) -> str:
    backups: Path = values["backups"]
    stamp = choose(snapshots(backups), values["backup"], backups)
    data_fs: Path = values["data_fs"]
    var: Path = values["var"]
    with database_lock(data_fs):
        staging = var / "restoring"
        shutil.rmtree(staging, ignore_errors=True)
        (staging / "filestorage").mkdir(parents=True)
        repozo(
            "-R", "-w", "-r", str(backups / "filestorage"), "-D", stamp,
            "-o", str(staging / "filestorage" / "Data.fs"),
        )  # fmt: skip
        copy_blobs(backups / "blobstorage" / stamp, staging / "blobstorage", None)

        aside = var / "before-restore"
        shutil.rmtree(aside, ignore_errors=True)
        (aside / "filestorage").mkdir(parents=True)
        kept = []
        for suffix in ("", ".index", ".tmp", ".old"):
            current = data_fs.with_name(data_fs.name + suffix)
            if current.exists():
                current.rename(aside / "filestorage" / current.name)
                kept.append(current.name)
        if values["blobs"].exists():
            values["blobs"].rename(aside / "blobstorage")
            kept.append("blobstorage")
        for name in ("Data.fs", "Data.fs.index"):
            restored = staging / "filestorage" / name
            if restored.exists():
                restored.rename(data_fs.with_name(name))
        (staging / "blobstorage").rename(values["blobs"])
        (values["blobs"] / "tmp").mkdir(exist_ok=True)
        shutil.rmtree(staging)
        if not kept:
            shutil.rmtree(aside)
    say(f"Restored backup {stamp} from {backups} into {var}.")
    if kept:
        say(f"The data it replaced is in {aside} (delete it when all is well).")
    return stamp


# RelStorage on PostgreSQL


def pg_tool(name: str) -> str:
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise Refused(f"{name} not found: install PostgreSQL's client or set PG_BIN")
    return found if isinstance(found, str) else found[-1]


def pg_run(name: str, *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [pg_tool(name), *args], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise Refused(f"{name} failed:\n{done.stderr}".rstrip())
    return done.stdout


def dumps(backups: Path) -> list[str]:
    folder = backups / "relstorage"
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.dump") if STAMP.match(p.stem))


def backup_relstorage(values: dict) -> str:
    folder = values["backups"] / "relstorage"
    folder.mkdir(parents=True, exist_ok=True)
    existing = dumps(values["backups"])
    stamp = next_stamp(existing[-1] if existing else None)
    partial = folder / f"{stamp}.dump.partial"
    pg_run(
        "pg_dump", "--format=custom", "--file", str(partial),
        "--dbname", values["relstorage_dsn"],
    )  # fmt: skip
    partial.rename(folder / f"{stamp}.dump")
    say(f"Backup {stamp} (pg_dump, full) in {folder}.")
    return stamp


def restore_relstorage(values: dict) -> str:
    backups: Path = values["backups"]
    stamp = choose(dumps(backups), values["backup"], backups)
    dsn = values["relstorage_dsn"]
    others = pg_run(
        "psql", "--dbname", dsn, "-tAc",
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()",
    ).strip()  # fmt: skip
    if others != "0":
        raise Refused(
            f"the database is in use ({others} other connections, running "
            "instances): stop every instance first, then restore"
        )
    pg_run(
        "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
        "--dbname", dsn, str(backups / "relstorage" / f"{stamp}.dump"),
    )  # fmt: skip
    cache = values["var"] / "blobcache"
    if cache.is_dir():
        shutil.rmtree(cache)
        cache.mkdir()
    say(f"Restored backup {stamp} from {backups} into the RelStorage database.")
    return stamp


def main(argv=None, env=os.environ) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    backup = commands.add_parser("backup", help="back up now (incremental)")
    backup.add_argument("--full", action="store_true", help="a full backup")
    restore = commands.add_parser("restore", help="restore into a stopped instance")
    restore.add_argument("--backup", help="stamp or path (default: the latest)")
    commands.add_parser("list", help="list the backups")
    options = parser.parse_args(argv)

    values = settings(env)
    if getattr(options, "full", False):
        values["full"] = True
    if getattr(options, "backup", None):
        values["backup"] = options.backup
    wanted = Path(values["backup"]).resolve() if values["backup"] else None
    if wanted and wanted.exists():
        if wanted.parent.name in ("filestorage", "blobstorage", "relstorage"):
            values["backups"] = wanted.parent.parent  # one backup's file or folder
        elif wanted.is_dir():
            values["backups"], values["backup"] = wanted, ""  # a BACKUP_DIR
    relstorage = values["storage"] == "relstorage"
    if options.command == "backup":
        with backup_lock(values["backups"]):
            (backup_relstorage if relstorage else backup_filestorage)(values)
    elif options.command == "restore":
        (restore_relstorage if relstorage else restore_filestorage)(values)
    else:
        found = dumps(values["backups"]) if relstorage else snapshots(values["backups"])
        for stamp in found:
            say(stamp)


if __name__ == "__main__":
    main()
