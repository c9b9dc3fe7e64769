"""plone.restapi endpoints of document control, one folder each."""
