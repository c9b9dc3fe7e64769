"""1011 -> 1012: bringing in a unit's register, moving a whole site (#18).

The rolemap gives the new permissions: to import a register (the
secretariat, units' ISO officers) and to export the whole site (the
secretariat); the actions give the export its link in the personal menu.
"""

from plone import api


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "actions"):
        setup.runImportStepFromProfile(
            "profile-qms.intranet:default", step, run_dependencies=False
        )
