"""@audit-coverage: which units a year's audit programme covers (issue #14)."""
