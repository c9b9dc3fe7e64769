"""Behaviors: fields that several content types share."""
