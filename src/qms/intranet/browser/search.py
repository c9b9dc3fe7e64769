"""The search page and live search, with Vietnamese-aware query munging.

Plone splits "QT-01/VP" at the hyphen before searching; here codes stay
whole (qms.intranet.search.munge), so the page and live search find what
@search finds.
"""

from pathlib import Path
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet.search import apply_defaults
from qms.intranet.search import munge


PLONE_TEMPLATE = str(Path(plone_search.__file__).parent / "templates" / "search.pt")


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
    index = ViewPageTemplateFile(PLONE_TEMPLATE)

    def __call__(self):
        return self.index()


class AjaxSearch(_VietnameseMunging, plone_search.AjaxSearch):
    """Live search."""
