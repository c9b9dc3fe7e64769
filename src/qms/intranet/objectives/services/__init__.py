"""plone.restapi endpoints of quality objectives."""
