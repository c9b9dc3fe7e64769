"""1011 -> 1012: bringing in a unit's register, moving a whole site (#18).

The rolemap gives the new permission to import a register to the
secretariat and to units' ISO officers.
"""

from plone import api


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-qms.intranet:default", "rolemap", run_dependencies=False
    )
