"""plone.restapi endpoints of qms.intranet, one folder per endpoint."""
