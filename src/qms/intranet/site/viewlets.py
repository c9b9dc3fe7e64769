"""What every page shows: the header names the system, with its logo."""

from plone.app.layout.links.viewlets import RSSViewlet as PloneRSSViewlet
from plone.app.layout.viewlets.common import LogoViewlet as PloneLogoViewlet
from plone.base.utils import safe_text
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility

import re


DEFAULT_LOGO = "++plone++qms.intranet/logo.svg"
# Plone formats the feed's name as bytes: "Site - b'RSS 2.0'".
BYTES_REPR = re.compile(r" - b'(.*)'$")


class LogoViewlet(PloneLogoViewlet):
    """The system's name beside its logo: the logo the secretariat sets in
    the Site control panel, or ours instead of Plone's."""

    index = ViewPageTemplateFile("templates/logo.pt")

    def update(self):
        super().update()
        if not getUtility(IRegistry).get("plone.site_logo"):
            self.img_src = f"{self.portal_state.portal_url()}/{DEFAULT_LOGO}"
        self.site_title = safe_text(self.logo_title or self.navigation_root_title)


class RSSViewlet(PloneRSSViewlet):
    """Feed links titled "<site> - RSS 2.0", not "<site> - b'RSS 2.0'"."""

    def getRssLinks(self, obj):
        links = super().getRssLinks(obj)
        for link in links:
            link["title"] = BYTES_REPR.sub(r" - \1", link["title"])
        return links
