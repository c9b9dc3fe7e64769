"""@search with the intranet's defaults (see qms.intranet.search)."""
