"""Marker interfaces of qms.intranet."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IQMSIntranetLayer(IDefaultBrowserLayer):
    """Browser layer: our views and overrides apply only where we are installed."""
