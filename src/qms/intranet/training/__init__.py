"""Training and competence of the part-time ISO officers (ISO 9001 7.2)."""
