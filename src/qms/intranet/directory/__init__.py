"""Signing in with the ministry's directory (issue #19).

pas.plugins.ldap authenticates directory people and gives their full name
and email (plugin `pasldap`, configured from our settings: settings.py,
ldapconfig.py); our small groups plugin (`qms_directory_groups`,
plugin.py) makes them members of the QMS groups their directory groups map
to (mapping.py), computed again at each request. With no directory
configured neither plugin is active: Plone's own users only.
"""
