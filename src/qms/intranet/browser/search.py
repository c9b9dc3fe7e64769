"""The search page and live search, with Vietnamese-aware query munging.

Plone splits "QT-01/VP" at the hyphen before searching; here codes stay
whole (qms.intranet.search.munge), so the page and live search find what
@search finds.
"""

from plone import api
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet.search import apply_defaults
from qms.intranet.search import munge
from qms.intranet.search import snippet
from qms.intranet.vocabularies import DOCUMENT_STATES
from zope.i18n import translate


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


def searchable_text(obj) -> str:
    """The text the catalog indexed for `obj` (for its snippet)."""
    from plone.indexer.interfaces import IIndexer
    from zope.component import queryMultiAdapter

    catalog = api.portal.get_tool("portal_catalog")
    indexer = queryMultiAdapter((obj, catalog), IIndexer, name="SearchableText")
    if indexer is not None:
        # the indexed text starts with the id, which reads badly in a snippet
        return (indexer() or "").removeprefix(obj.getId()).lstrip()
    return " ".join(p for p in (obj.Title(), obj.Description()) if p)


class _VietnameseMunging:
    def filter_query(self, query):
        form = self.request.form
        text = query.get("SearchableText") or self.request.form.get(
            "SearchableText", ""
        )
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
        return snippet(searchable_text(item.getObject()), self.text())

    def units(self):
        from qms.intranet.browser.documents import unit_titles

        return sorted(unit_titles().items(), key=lambda unit: unit[1])

    def type_options(self):
        types = api.portal.get_tool("portal_types")
        return [
            (name, translate(types[name].Title(), context=self.request))
            for name in SEARCH_TYPES
            if name in types
        ]

    def state_options(self):
        return [
            (value, translate(title, context=self.request))
            for value, title in DOCUMENT_STATES
        ]

    def state_title(self, item) -> str:
        title = dict(DOCUMENT_STATES).get(item.review_state())
        return translate(title, context=self.request) if title else ""

    def selected(self, name, value) -> bool:
        return str(self.request.form.get(name, "")) == str(value)


class AjaxSearch(_VietnameseMunging, plone_search.AjaxSearch):
    """Live search."""
