"""Upgrade steps of the qms.intranet:default profile, one module per change.

Every change to a profile that a live site must receive ships a step here:
a module `v<destination>.py` named for the profile version it brings the
site to (v1003.py: 1002 -> 1003) with a function `upgrade(context)`,
registered in configure.zcml; and metadata.xml raised to that version.
"""
