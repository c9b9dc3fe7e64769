"""Bringing content in and moving it out (issue #18): a unit's existing
register of documents (register/), and later a whole site's export and
import with collective.exportimport. Above documents/ and records/: it
creates their content, they never import it."""
