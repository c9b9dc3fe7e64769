"""Serves the load benchmark's instance (run by load.py, not alone): Zope's
`runwsgi`, plus one JSON line per ConflictError in the file given first
(whether Zope retries the request or gives up), with the object in conflict
and the traceback, since Zope retries conflicts without logging them.

    python benchmarks/load_server.py CONFLICTS.jsonl etc/zope.ini
"""

from datetime import datetime
from ZODB.POSException import ConflictError
from zope.component import provideHandler
from ZPublisher.interfaces import IPubBeforeAbort

import json
import sys
import threading
import traceback


LOG = open(sys.argv.pop(1), "a", encoding="utf-8")  # noqa: SIM115 - whole run
LOCK = threading.Lock()


def describe(exc: ConflictError) -> dict:
    oid = exc.oid if isinstance(exc.oid, bytes) else None
    return {
        "oid": oid.hex() if oid else None,
        "class": exc.class_name,
        "error": type(exc).__name__,
        "message": str(exc)[:400],
    }


def on_abort(event) -> None:
    exc = event.exc_info[1]
    if not isinstance(exc, ConflictError):
        return
    request = event.request
    line = {
        "when": datetime.now().isoformat(timespec="milliseconds"),
        "retry": bool(event.retry),
        "method": request.get("REQUEST_METHOD", ""),
        "path": request.get("PATH_INFO", ""),
        **describe(exc),
        "traceback": "".join(traceback.format_exception(*event.exc_info))[-3000:],
    }
    with LOCK:
        LOG.write(json.dumps(line) + "\n")
        LOG.flush()


provideHandler(on_abort, (IPubBeforeAbort,))

if __name__ == "__main__":
    from Zope2.Startup.serve import main

    sys.exit(main())
