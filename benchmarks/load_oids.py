"""Names the objects in conflict of the load benchmark (run by load.py through
zconsole, not alone): walks the site from its root through attributes, BTree
buckets and persistent values, and prints `oid <hex> <where>` for each oid
given (hex, as load_server.py logs them). Bounded in objects walked."""

from Acquisition import aq_base
from persistent import Persistent

import sys


LIMIT = 500_000


def short(key) -> str:
    text = repr(key)
    return text if len(text) <= 40 else text[:37] + "..."


def names(roots, wanted: set[bytes]) -> dict[bytes, str]:
    """Walk each (root, label): its attributes, BTree buckets and values,
    never into another object with a path (walked as a root of its own)."""
    found = {}
    seen = set()
    walked = 0
    rooted = {aq_base(root)._p_oid for root, _ in roots}
    for root, root_label in roots:
        stack = [(aq_base(root), root_label, 0)]
        while stack and walked < LIMIT and len(found) < len(wanted):
            obj, label, depth = stack.pop()
            walked += 1
            if isinstance(obj, Persistent):
                oid = obj._p_oid
                if oid is None or oid in seen:
                    continue
                if depth and oid in rooted:
                    continue  # content: a root of its own
                seen.add(oid)
                if oid in wanted:
                    found[oid] = f"{label} ({type(obj).__name__})"
            if depth > 8:
                continue
            children = []
            if type(obj).__module__.startswith("BTrees"):
                bucket = getattr(obj, "_firstbucket", None)
                n = 0
                while bucket is not None and n < 100_000:
                    children.append((bucket, f"{label}/bucket{n}"))
                    bucket = bucket._next
                    n += 1
                if hasattr(obj, "items"):
                    for key, value in list(obj.items())[:20000]:
                        children.append((value, f"{label}[{short(key)}]"))
            elif isinstance(obj, dict):
                children = [(v, f"{label}[{short(k)}]") for k, v in obj.items()]
            elif isinstance(obj, (list, tuple)):
                children = [(v, f"{label}[{i}]") for i, v in enumerate(obj)]
            elif isinstance(obj, Persistent):
                try:
                    obj._p_activate()
                    attrs = dict(vars(obj))
                except Exception:  # noqa: BLE001
                    attrs = {}
                children = [(v, f"{label}.{k}") for k, v in attrs.items()]
            for value, child_label in children[:20000]:
                if isinstance(value, (Persistent, dict, list, tuple)):
                    stack.append((value, child_label, depth + 1))
    return found


if __name__ == "__main__":
    app = globals()["app"]
    wanted = {
        bytes.fromhex(h.rjust(16, "0"))
        for h in sys.argv[1:]
        if all(c in "0123456789abcdef" for c in h)
    }
    site = app.Plone
    roots = [(site, "Plone"), (site.portal_catalog, "portal_catalog")]
    for brain in site.portal_catalog.unrestrictedSearchResults(path="/Plone"):
        try:
            roots.append((brain._unrestrictedGetObject(), brain.getPath()))
        except Exception:  # noqa: BLE001, S112 - gone
            continue
    for oid, where in names(roots, wanted).items():
        print(f"oid {oid.hex()} {where}")
    for oid in wanted:
        try:
            obj = app._p_jar.get(oid)
            print(f"class {oid.hex()} {type(obj).__module__}.{type(obj).__name__}")
        except Exception as error:  # noqa: BLE001
            print(f"class {oid.hex()} {error!r}")
