"""Handlers of the `qms` Plone distribution."""

from plone.distribution.core import Distribution
from plone.distribution.handler import post_handler as plone_post_handler
from Products.CMFPlone.Portal import PloneSite
from qms.intranet.site import demo


def post_handler(
    distribution: Distribution, site: PloneSite, answers: dict
) -> PloneSite:
    """After the profiles ran: the logo, then the demo data when asked for."""
    site = plone_post_handler(distribution, site, answers)
    if answers.get("setup_content"):
        demo.create(site)
    return site
