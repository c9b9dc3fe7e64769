"""A whole site's export and import with collective.exportimport (#18)."""
