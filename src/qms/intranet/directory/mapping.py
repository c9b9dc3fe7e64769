"""From a person's directory groups (and attributes) to the QMS groups:
`<unit>-staff`, `<unit>-officers`, `<unit>-heads`, `qms-secretariat`,
`qms-leaders`, `qms-auditors`.

The setting has one line per rule, `source = target[, target...]`. The
source is a directory group's name (its cn), or `attribute=value` for a
value of one of the person's attributes (e.g. `ou=vp = vp-staff`). A
directory group named exactly like a QMS group maps to it without a line.
Only QMS groups are targets: a line naming another group (Administrators,
Site Administrators...) is ignored, so the directory cannot make anyone a
Manager."""

from dataclasses import dataclass
from dataclasses import field
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import SITE_GROUPS
from qms.intranet.units.groups import UNIT_GROUPS


@dataclass
class GroupMap:
    groups: dict[str, set[str]] = field(default_factory=dict)
    # (attribute lower-cased, value lower-cased) -> targets
    attributes: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # lines that could not be read
    errors: list[str] = field(default_factory=list)
    # source lower-cased -> as written (for the secretariat's page)
    written: dict[str, str] = field(default_factory=dict)

    @property
    def attribute_names(self) -> list[str]:
        return sorted({name for name, _value in self.attributes})


def parse(text: str) -> GroupMap:
    result = GroupMap()
    for raw in (text or "").replace(";", "\n").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            result.errors.append(line)
            continue
        source, targets = line.rsplit("=", 1)
        source = source.strip()
        targets = {t.strip() for t in targets.split(",") if t.strip()}
        if not source or not targets:
            result.errors.append(line)
            continue
        if "=" in source:
            name, value = (part.strip() for part in source.split("=", 1))
            key = (name.lower(), value.lower())
            result.attributes.setdefault(key, set()).update(targets)
            result.written.setdefault(f"{key[0]}={key[1]}", f"{name}={value}")
        else:
            result.groups.setdefault(source.lower(), set()).update(targets)
            result.written.setdefault(source.lower(), source)
    return result


def qms_groups(unit_ids) -> set[str]:
    """Every group the directory may give."""
    names = set(SITE_GROUPS)
    for unit in unit_ids:
        names.update(group_id(unit, kind) for kind in UNIT_GROUPS)
    return names


def map_groups(
    group_map: GroupMap,
    directory_groups,
    attributes: dict | None,
    allowed: set[str],
) -> set[str]:
    """The QMS groups of a person in `directory_groups`, whose attributes
    are `attributes` (name -> value or values), among `allowed`."""
    found: set[str] = set()
    for name in directory_groups or ():
        found.update(group_map.groups.get(name.lower(), ()))
        if name in allowed:
            found.add(name)
    for (attribute, value), targets in group_map.attributes.items():
        values = (attributes or {}).get(attribute) or ()
        if isinstance(values, str | bytes):
            values = [values]
        if any(str(v).strip().lower() == value for v in values):
            found.update(targets)
    return found & allowed
