"""plone.restapi endpoints of search, one folder each."""
