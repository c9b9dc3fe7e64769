"""Upgrade steps of the qms.intranet:default profile, one module per change.

Every change to a profile that a live site must receive ships a step here:
add a module `v<YYYYMMDD><NNN>.py` (or a package with its own configure.zcml),
register it in configure.zcml and raise the version in metadata.xml.
"""
