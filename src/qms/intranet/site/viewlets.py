"""What every page shows: the header names the system, with its logo."""

from plone.app.layout.viewlets.common import LogoViewlet as PloneLogoViewlet
from plone.base.utils import safe_text
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility


DEFAULT_LOGO = "++plone++qms.intranet/logo.svg"


class LogoViewlet(PloneLogoViewlet):
    """The system's name beside its logo: the logo the secretariat sets in
    the Site control panel, or ours instead of Plone's."""

    index = ViewPageTemplateFile("templates/logo.pt")

    def update(self):
        super().update()
        if not getUtility(IRegistry).get("plone.site_logo"):
            self.img_src = f"{self.portal_state.portal_url()}/{DEFAULT_LOGO}"
        self.site_title = safe_text(self.logo_title or self.navigation_root_title)
