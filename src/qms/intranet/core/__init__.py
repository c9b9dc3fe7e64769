"""Shared by every concept: state labels and badges, dates, translation,
workflow refusals, file checks and REST helpers. Imports no concept."""
