"""Classic UI views, viewlets and static resources of qms.intranet."""
