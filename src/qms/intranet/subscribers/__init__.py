"""Event subscribers of qms.intranet."""
