"""Internal audits (ISO 9001 clause 9.2): programmes, audits, findings."""

from Products.CMFPlone.CatalogTool import CatalogTool


def _extend_catalog_principals():
    """Searches of someone auditing a unit now also find what its
    auditors may read (access.py says why this cannot be stored). Plone
    offers no hook for the principals a search runs as: the catalog's
    own method is wrapped, once, keeping everything it returns."""
    original = CatalogTool._listAllowedRolesAndUsers
    if getattr(original, "_qms_audits", False):
        return

    def _listAllowedRolesAndUsers(self, user):
        from qms.intranet.audits.access import auditing_tokens

        result = original(self, user)
        if result == ["Anonymous"]:
            return result
        return result + auditing_tokens(user)

    _listAllowedRolesAndUsers._qms_audits = True
    CatalogTool._listAllowedRolesAndUsers = _listAllowedRolesAndUsers


_extend_catalog_principals()
