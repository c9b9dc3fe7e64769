"""Upgrade steps of the qms.intranet:default profile, one module per change.

Every change to a profile that a live site must receive ships a step here:
a module `v<destination>.py` named for the profile version it brings the
site to (v1003.py: 1002 -> 1003) with a function `upgrade(context)`,
registered in configure.zcml; and metadata.xml raised to that version.
"""

from plone import api


PROFILE = "profile-qms.intranet:default"


def import_steps(*steps: str) -> None:
    """Run these import steps of our profile, without their dependencies."""
    setup = api.portal.get_tool("portal_setup")
    for step in steps:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)


def add_indexes(indexes: dict, columns=()) -> None:
    """Add the catalog indexes (name -> meta type) and metadata columns a
    site lacks, one by one: importing catalog.xml again would empty
    SearchableText. New indexes are filled by the caller, if it must."""
    catalog = api.portal.get_tool("portal_catalog")
    for name, meta_type in indexes.items():
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
    for name in columns:
        if name not in catalog.schema():
            catalog.addColumn(name)
