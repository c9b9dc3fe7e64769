"""The search page and live search, with Vietnamese-aware query munging.

Plone splits "QT-01/VP" at the hyphen before searching; here codes stay
whole (qms.intranet.search.munge), so the page and live search find what
@search finds.
"""

from html import escape
from plone import api
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import DOCUMENT_STATES
from qms.intranet.core.states import RECORD_LIST_STATES
from qms.intranet.core.states import RECORD_STATES
from qms.intranet.core.states import state_label
from qms.intranet.search import apply_defaults
from qms.intranet.search import munge
from qms.intranet.search.index import searchable_text_index
from qms.intranet.search.query import reading as read_as
from qms.intranet.search.results import brain_of
from qms.intranet.search.results import Results
from qms.intranet.search.snippets import snippet
from qms.intranet.search.snippets import text_for
from qms.intranet.units.groups import all_units
from zope.cachedescriptors.property import Lazy as lazy_property
from zope.component import getMultiAdapter

import json


PAGE_SIZE = 20

SEARCH_TYPES = (
    "Procedure",
    "ProcedureForm",
    "QualityPolicy",
    "Decision",
    "Record",
    "RecordFile",
    "RecordList",
    "Nonconformity",
    "CorrectiveAction",
    "Audit",
    "AuditFinding",
    "QualityObjective",
    "ManagementReview",
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

    @lazy_property
    def described(self) -> Results:
        return Results(self.request)

    def text(self) -> str:
        text = self.request.form.get("SearchableText", "") or ""
        return text if isinstance(text, str) else ""

    def b_start(self) -> int:
        """The first result of the page (the batch links' b_start:int), 0 for
        anything that is not a number."""
        try:
            return max(0, int(self.request.form.get("b_start", 0) or 0))
        except (TypeError, ValueError):
            return 0

    def batch(self):
        batch = self.results(b_start=self.b_start(), b_size=PAGE_SIZE)
        if batch:
            self.described.prefetch(list(batch))
        return batch

    @lazy_property
    def reading(self) -> str | None:
        """How the query was read when a word was typed in Telex or VNI or
        with a typo: "Kết quả cho «quyết định»"."""
        text = self.text()
        return read_as(searchable_text_index(), text) if text.strip() else None

    def snippet_for(self, item) -> str:
        return snippet(text_for(brain_of(item)), self.reading or self.text())

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
        """The states of documents, then those of record lists and records."""
        states = dict.fromkeys(DOCUMENT_STATES + RECORD_LIST_STATES + RECORD_STATES)
        return [
            (state, translated(state_label(state), self.request)) for state in states
        ]

    def state_title(self, item) -> str:
        """The result's state, or nothing for what has no workflow of its own
        (a record's file, a procedure's form)."""
        return self.described.state_title(item)

    def selected(self, name, value) -> bool:
        return str(self.request.form.get(name, "")) == str(value)


class AjaxSearch(_VietnameseMunging, plone_search.AjaxSearch):
    """Live search: each result says what it is, whose, and where it
    belongs (kind · unit · record or procedure) under its title."""

    def __call__(self):
        found = json.loads(super().__call__())
        items = found.get("items") or []
        if items:
            catalog = api.portal.get_tool("portal_catalog")
            brains = {b.UID: b for b in catalog(UID=[i["id"] for i in items])}
            described = Results(self.request)
            described.prefetch(list(brains.values()))
            for item in items:
                brain = brains.get(item["id"])
                if brain is None:
                    continue
                summary = described.summary(brain)
                item["description"] = " — ".join(
                    p for p in (summary, item.get("description")) if p
                )
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(found)


class SearchFeed(Search):
    """search_rss: the search page's results as an RSS 2.0 feed, with the
    same query (codes whole, no obsolete documents unless asked, filters).

    Plone's own search_rss lists the site's top folder whatever is asked.
    """

    index = ViewPageTemplateFile("templates/search_rss.pt")

    def __call__(self):
        util = getMultiAdapter((self.context, self.request), name="syndication-util")
        util.search_rss_enabled(raise404=True)
        self.request.response.setHeader(
            "Content-Type", "application/rss+xml; charset=utf-8"
        )
        return self.index()

    def page_url(self) -> str:
        """The search page showing the same results."""
        query = self.request.get("QUERY_STRING", "")
        url = f"{self.context.absolute_url()}/@@search"
        return f"{url}?{query}" if query else url

    def description_for(self, item) -> str:
        """HTML: kind · unit · parent, then the snippet."""
        summary = escape(self.described.summary(item))
        return f"<p>{summary}</p><p>{self.snippet_for(item)}</p>"

    def date_for(self, item) -> str:
        modified = getattr(brain_of(item), "modified", None)
        return modified.rfc822() if hasattr(modified, "rfc822") else ""
