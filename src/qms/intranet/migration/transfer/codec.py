"""JSON for what is not a schema field (site annotations, attributes kept
beside the fields): BTrees, persistent lists and mappings, tuples, sets
and dates come back as the same types, so that the code reading them
(acknowledgements, disposals, the daily job) sees no difference."""

from BTrees.OOBTree import OOBTree
from DateTime import DateTime
from datetime import date
from datetime import datetime
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping


TYPE = "@codec"


def _pairs(mapping) -> list:
    return [[to_json(key), to_json(value)] for key, value in mapping.items()]


def to_json(value):
    """A JSON-compatible copy of `value`, types tagged where JSON loses them."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, OOBTree):
        return {TYPE: "OOBTree", "items": _pairs(value)}
    if isinstance(value, PersistentMapping):
        return {TYPE: "PersistentMapping", "items": _pairs(value)}
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value) and TYPE not in value:
            return {key: to_json(item) for key, item in value.items()}
        return {TYPE: "dict", "items": _pairs(value)}
    if isinstance(value, PersistentList):
        return {TYPE: "PersistentList", "items": [to_json(i) for i in value]}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, tuple):
        return {TYPE: "tuple", "items": [to_json(item) for item in value]}
    if isinstance(value, set | frozenset):
        items = sorted((to_json(item) for item in value), key=repr)
        return {TYPE: type(value).__name__, "items": items}
    if isinstance(value, datetime):
        return {TYPE: "datetime", "value": value.isoformat()}
    if isinstance(value, date):
        return {TYPE: "date", "value": value.isoformat()}
    if isinstance(value, DateTime):
        return {TYPE: "DateTime", "value": value.ISO8601()}
    if isinstance(value, bytes):
        return {TYPE: "bytes", "value": value.decode("latin-1")}
    raise TypeError(f"cannot export a {type(value).__name__}: {value!r}")


def _items(data):
    return [(from_json(key), from_json(value)) for key, value in data["items"]]


DECODERS = {
    "OOBTree": lambda data: OOBTree(dict(_items(data))),
    "PersistentMapping": lambda data: PersistentMapping(_items(data)),
    "dict": lambda data: dict(_items(data)),
    "PersistentList": lambda data: PersistentList(from_json(i) for i in data["items"]),
    "tuple": lambda data: tuple(from_json(i) for i in data["items"]),
    "set": lambda data: {from_json(i) for i in data["items"]},
    "frozenset": lambda data: frozenset(from_json(i) for i in data["items"]),
    "datetime": lambda data: datetime.fromisoformat(data["value"]),
    "date": lambda data: date.fromisoformat(data["value"]),
    "DateTime": lambda data: DateTime(data["value"]),
    "bytes": lambda data: data["value"].encode("latin-1"),
}


def from_json(value):
    """The value `to_json` was given."""
    if isinstance(value, list):
        return [from_json(item) for item in value]
    if isinstance(value, dict):
        kind = value.get(TYPE)
        if kind is not None:
            return DECODERS[kind](value)
        return {key: from_json(item) for key, item in value.items()}
    return value
