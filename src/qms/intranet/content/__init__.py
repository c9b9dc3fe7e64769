"""Content types of the QMS: units, the QMS section and controlled documents."""
