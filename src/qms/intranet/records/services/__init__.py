"""plone.restapi endpoints of records, one folder each."""
