"""GET /@search: plone.restapi's search, obsolete documents left out unless
asked for (include_obsolete=1), `year` filtering by qms_year."""

from plone.restapi.search.handler import SearchHandler
from plone.restapi.search.utils import unflatten_dotted_dict
from plone.restapi.services import Service
from qms.intranet.search import apply_defaults


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
        if text and isinstance(results, dict):
            add_snippets(results.get("items", []), text)
        return results


def add_snippets(items: list[dict], text: str) -> None:
    """Each result gets `snippet`: HTML with the matching words in <mark>."""
    from plone import api
    from qms.intranet.browser.search import searchable_text
    from qms.intranet.search import snippet

    portal_url = api.portal.get().absolute_url()
    for item in items:
        path = item["@id"].removeprefix(portal_url).lstrip("/")
        obj = api.content.get(path=f"/{path}") if path else None
        item["snippet"] = snippet(searchable_text(obj), text) if obj else ""
