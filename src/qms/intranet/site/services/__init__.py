"""plone.restapi endpoints of the site as a whole, one folder each."""
