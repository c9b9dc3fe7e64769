"""QMS Intranet: the ISO 9001 quality management system of a ministry on Plone."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "qms.intranet"
DISTRIBUTION_NAME = "qms"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
