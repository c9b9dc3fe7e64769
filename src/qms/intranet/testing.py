"""Test layers: a real Plone site created by our `qms` distribution."""

from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.distribution.testing.layer import PloneDistributionFixture
from plone.testing.zope import WSGI_SERVER_FIXTURE
from qms.intranet import DISTRIBUTION_NAME

import os


# Compile our .po catalogs on load, as the instance does (zope.conf).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
os.environ.setdefault("zope_i18n_allowed_languages", "vi en")

ANSWERS = {
    "site_id": "plone",
    "title": "Hệ thống quản lý chất lượng ISO",
    "description": "Mạng nội bộ của Hệ thống quản lý chất lượng",
    "default_language": "vi",
    "portal_timezone": "Asia/Ho_Chi_Minh",
    "setup_content": True,
}


class QMSDistributionFixture(PloneDistributionFixture):
    """Zope with our package loaded and one site made by the distribution."""

    PACKAGE_NAME = "qms.intranet"
    SITES = ((DISTRIBUTION_NAME, ANSWERS),)
    _distribution_products = (
        ("plone.app.contenttypes", {"loadZCML": True}),
        ("plone.restapi", {"loadZCML": True}),
        ("plone.distribution", {"loadZCML": True}),
        ("plone.classicui", {"loadZCML": True}),
        ("collective.exportimport", {"loadZCML": True}),
    )


BASE_FIXTURE = QMSDistributionFixture()


class Layer(PloneSandboxLayer):
    defaultBases = (BASE_FIXTURE,)


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,), name="QMSIntranetLayer:IntegrationTesting"
)
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="QMSIntranetLayer:FunctionalTesting"
)
