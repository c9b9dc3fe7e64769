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
        return IntranetSearchHandler(self.context, self.request).search(query)
