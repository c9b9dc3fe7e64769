"""GET /@search: plone.restapi's search, obsolete documents left out unless
asked for (include_obsolete=1), `year` filtering by qms_year, each result's
`snippet`, and `reading`: the query as read when a word of it was typed in
Telex or VNI or with a typo."""

from plone import api
from plone.restapi.search.handler import SearchHandler
from plone.restapi.search.utils import unflatten_dotted_dict
from plone.restapi.services import Service
from qms.intranet.search import apply_defaults
from qms.intranet.search.index import searchable_text_index
from qms.intranet.search.query import reading
from qms.intranet.search.snippets import snippet
from qms.intranet.search.snippets import text_for


class IntranetSearchHandler(SearchHandler):
    """The defaults go in after plone.restapi has parsed the query."""

    def _parse_query(self, query):
        return apply_defaults(super()._parse_query(query), self.request.form)


class SearchGet(Service):
    def reply(self):
        query = unflatten_dotted_dict(self.request.form.copy())
        query.pop("include_obsolete", None)
        query.pop("year", None)
        results = IntranetSearchHandler(self.context, self.request).search(query)
        text = self.request.form.get("SearchableText")
        if text and isinstance(text, str) and isinstance(results, dict):
            read_as = reading(searchable_text_index(), text)
            if read_as:
                results["reading"] = read_as
            add_snippets(results.get("items", []), read_as or text)
        return results


def add_snippets(items: list[dict], text: str) -> None:
    """Each result gets `snippet`: HTML with the matching words in <mark>,
    cut from the index's copy of its text (no result object is woken)."""
    catalog = api.portal.get_tool("portal_catalog")
    portal = api.portal.get()
    portal_url, portal_path = portal.absolute_url(), "/".join(portal.getPhysicalPath())
    for item in items:
        path = portal_path + item["@id"].removeprefix(portal_url)
        brains = catalog(path={"query": path, "depth": 0})
        item["snippet"] = snippet(text_for(brains[0]), text) if brains else ""
