"""What a search result says besides its title: its kind, its unit, its
state (only when it has one), and, for a record's file or a procedure's
form, the record or procedure it belongs to. Read from catalog brains, never
by waking the results' objects; shared by the search page, live search and
the search feed.

A record's file and a procedure's form have no workflow of their own: their
brains' `review_state` is Missing.Value, which is not a state (and cannot
even be looked up in a dict: "unhashable type: 'Missing'").
"""

from plone import api
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.states import STATES
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER


# What belongs to a parent shown with it: a record's file, a procedure's form.
PARENT_TYPES = ("RecordFile", "ProcedureForm")
# What has a file to download straight from the results.
FILE_TYPES = ("RecordFile", "ProcedureForm", "File")


def brain_of(item):
    """The catalog brain of a result (plone.app.contentlisting wraps them)."""
    return getattr(item, "_brain", item)


def text_value(brain, name: str) -> str:
    """A metadata column's text, or "" when the brain has none (Missing)."""
    value = getattr(brain, name, None)
    return value if isinstance(value, str) else ""


def state_of(brain) -> str:
    """The result's workflow state, or "" when it has none of ours."""
    state = text_value(brain, "review_state")
    return state if state in STATES else ""


class Results:
    """Describes the results of one request; caches what several share."""

    def __init__(self, request):
        self.request = request
        self._kinds = {}
        self._units = None
        self._parents = {}
        registry_types = api.portal.get_registry_record(
            "plone.types_use_view_action_in_listings", default=[]
        )
        self.view_action_types = tuple(registry_types or ())

    def kind(self, item) -> str:
        """The kind of item, in the request's language (Quy trình, Tệp hồ sơ)."""
        portal_type = text_value(brain_of(item), "portal_type")
        if portal_type not in self._kinds:
            fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
            self._kinds[portal_type] = (
                translated(fti.Title(), self.request) if fti is not None else ""
            )
        return self._kinds[portal_type]

    def unit(self, item) -> str:
        """The name of the unit the result belongs to: its owning unit, or the
        unit folder it lies in (records and their files)."""
        brain = brain_of(item)
        if self._units is None:
            self._units = unit_titles()
        unit_id = text_value(brain, "owning_unit")
        if not unit_id:
            parts = brain.getPath().split("/")
            if UNITS_FOLDER in parts[:-1]:
                unit_id = parts[parts.index(UNITS_FOLDER) + 1]
        return self._units.get(unit_id, "")

    def state(self, item) -> str:
        return state_of(brain_of(item))

    def state_title(self, item) -> str:
        state = self.state(item)
        kind = text_value(brain_of(item), "portal_type")
        return translated(state_label(state, kind), self.request) if state else ""

    def state_class(self, item) -> str:
        return state_badge(self.state(item), text_value(brain_of(item), "portal_type"))

    def url(self, item) -> str:
        """Where a result opens: its view (files and forms too, not their
        download)."""
        brain = brain_of(item)
        url = brain.getURL()
        if text_value(brain, "portal_type") in self.view_action_types:
            url += "/view"
        return url

    def download_url(self, item) -> str:
        brain = brain_of(item)
        if text_value(brain, "portal_type") in FILE_TYPES:
            return brain.getURL() + "/@@download/file"
        return ""

    def prefetch(self, items) -> None:
        """Find the parents of a page of results in one catalog query."""
        wanted = {
            brain_of(i).getPath().rsplit("/", 1)[0]
            for i in items
            if text_value(brain_of(i), "portal_type") in PARENT_TYPES
        } - set(self._parents)
        if not wanted:
            return
        catalog = api.portal.get_tool("portal_catalog")
        found = {
            b.getPath(): b for b in catalog(path={"query": list(wanted), "depth": 0})
        }
        for path in wanted:
            brain = found.get(path)
            self._parents[path] = (
                {
                    "title": brain.Title,
                    "url": self.url(brain),
                    "kind": self.kind(brain),
                }
                if brain is not None
                else None
            )

    def parent(self, item) -> dict | None:
        """The record of a record's file, the procedure of a form: title, url,
        kind; None for the others (or a parent the user may not see)."""
        brain = brain_of(item)
        if text_value(brain, "portal_type") not in PARENT_TYPES:
            return None
        path = brain.getPath().rsplit("/", 1)[0]
        if path not in self._parents:
            self.prefetch([brain])
        return self._parents.get(path)

    def summary(self, item) -> str:
        """One line: kind · unit · parent (live search, the feed)."""
        parent = self.parent(item)
        parts = [self.kind(item), self.unit(item), parent and parent["title"]]
        return " · ".join(p for p in parts if p)
