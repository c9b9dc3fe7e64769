"""The search page and live search, with Vietnamese-aware query munging.

Plone splits "QT-01/VP" at the hyphen before searching; here codes stay
whole (qms.intranet.search.munge), so the page and live search find what
@search finds.
"""

from plone import api
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import DOCUMENT_STATES
from qms.intranet.core.states import state_label
from qms.intranet.core.states import STATES
from qms.intranet.search import apply_defaults
from qms.intranet.search import munge
from qms.intranet.search.snippets import snippet
from qms.intranet.search.snippets import text_for
from qms.intranet.units.groups import all_units


SEARCH_TYPES = (
    "Procedure",
    "ProcedureForm",
    "QualityPolicy",
    "Decision",
    "Record",
    "RecordFile",
    "RecordList",
    "Document",
    "File",
)


class _VietnameseMunging:
    def filter_query(self, query):
        form = self.request.form
        text = query.get("SearchableText") or form.get("SearchableText", "")
        query = super().filter_query(query)
        if query is not None and isinstance(text, str) and text.strip():
            query["SearchableText"] = munge(text)
        if query is not None:
            apply_defaults(query, form)
        return query


class Search(_VietnameseMunging, plone_search.Search):
    """The search page: filters by type, unit, state and year, snippets."""

    index = ViewPageTemplateFile("templates/search.pt")

    def __call__(self):
        return self.index()

    def text(self) -> str:
        return self.request.form.get("SearchableText", "") or ""

    def snippet_for(self, item) -> str:
        return snippet(text_for(item.getDataOrigin()), self.text())

    def units(self) -> list[tuple[str, str]]:
        return [(brain.getId, brain.Title) for brain in all_units()]

    def type_options(self):
        types = api.portal.get_tool("portal_types")
        return [
            (name, translated(types[name].Title(), self.request))
            for name in SEARCH_TYPES
            if name in types
        ]

    def state_options(self):
        return [
            (state, translated(state_label(state), self.request))
            for state in DOCUMENT_STATES
        ]

    def state_title(self, item) -> str:
        """The result's state, or nothing for what has no workflow of its own
        (a record's file, a procedure's form)."""
        state = item.review_state()
        if not isinstance(state, str) or state not in STATES:
            return ""
        return translated(state_label(state), self.request)

    def selected(self, name, value) -> bool:
        return str(self.request.form.get(name, "")) == str(value)


class AjaxSearch(_VietnameseMunging, plone_search.AjaxSearch):
    """Live search."""
