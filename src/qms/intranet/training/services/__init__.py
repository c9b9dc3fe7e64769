"""plone.restapi endpoints of training, one folder each."""
