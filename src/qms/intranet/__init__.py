"""QMS Intranet: the ISO 9001 quality management system of a ministry on Plone.

One package per concept (core, units, search, documents, discussion,
records, site); docs/architecture.md draws the map.
"""

from importlib.abc import Loader
from importlib.abc import MetaPathFinder
from importlib.util import spec_from_loader
from zope.i18nmessageid import MessageFactory

import importlib
import logging
import sys
import types


PACKAGE_NAME = "qms.intranet"
DISTRIBUTION_NAME = "qms"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)


# Dotted names that databases made before the one-folder-per-concept layout
# (profile 1002) store: the classes of pickled content, the FTIs' klass and
# schema. They keep resolving to where the code lives now.
MOVED_MODULES = {
    "qms.intranet.content": None,
    "qms.intranet.content.department": "qms.intranet.units.content",
    "qms.intranet.content.documents": "qms.intranet.documents.content",
    "qms.intranet.content.section": "qms.intranet.documents.content",
    "qms.intranet.content.records": "qms.intranet.records.content",
    "qms.intranet.behaviors": None,
    "qms.intranet.behaviors.controlled": "qms.intranet.documents.behaviors",
}


class _MovedModules(MetaPathFinder, Loader):
    """Imports an old module name as the module that now holds its code
    (an empty package for the old folders)."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname in MOVED_MODULES:
            return spec_from_loader(
                fullname, self, is_package=MOVED_MODULES[fullname] is None
            )
        return None

    def create_module(self, spec):
        target = MOVED_MODULES[spec.name]
        if target is None:
            module = types.ModuleType(spec.name)
            module.__path__ = []
            return module
        return importlib.import_module(target)

    def exec_module(self, module):
        """Nothing to run: the module is the one the code lives in now."""


sys.meta_path.append(_MovedModules())
