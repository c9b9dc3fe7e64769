"""Our Vietnamese catalogs of Plone's own domains come before Plone's.

Plone 6.2.2's Vietnamese catalogs are incomplete (plone.po: 1,159 of 3,279
messages). We ship complete ones (core_locales/, Plone's translations plus
ours, in the glossary's terms). zope.i18n asks a domain's catalogs in the
order they were registered, and Plone registers its own first; this moves
ours to the front once the configuration is loaded.
"""

from pathlib import Path
from plone import api
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18n.interfaces import ITranslationDomain


PACKAGE = Path(__file__).parent.parent.resolve()
CORE_DOMAINS = ("plone", "widgets", "cmfeditions", "cmfplacefulworkflow", "z3c.form")


def ours(catalog_id: str) -> bool:
    return str(PACKAGE) in str(catalog_id)


def prefer_our_catalogs(domains=CORE_DOMAINS + ("qms.intranet",)) -> None:
    """Put our catalogs first in each language of `domains`."""
    for name in domains:
        domain = queryUtility(ITranslationDomain, name=name)
        catalogs = getattr(domain, "_catalogs", None)
        if not catalogs:
            continue
        for language, ids in list(catalogs.items()):
            catalogs[language] = sorted(ids, key=lambda cid: not ours(cid))


def on_process_starting(event) -> None:
    prefer_our_catalogs()


def translated(message, request=None) -> str:
    """`message` in the language of the request (the current one by default)."""
    return translate(message, context=request if request is not None else getRequest())


def stored(message) -> str:
    """Text kept in the data (titles, history rows): in the site's language."""
    return translate(message, target_language=api.portal.get_default_language())
