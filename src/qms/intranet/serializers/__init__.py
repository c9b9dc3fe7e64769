"""plone.restapi serializers of qms.intranet."""
