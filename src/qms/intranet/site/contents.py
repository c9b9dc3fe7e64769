"""Folder contents ("Nội dung") in Vietnamese: its rows come from Plone's
@@getVocabulary, which leaves states as ids ("effective") and types by
their English titles ("Procedure"). Here both are translated."""

from plone import api
from plone.app.content.browser.vocabulary import VocabularyView
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_label
from qms.intranet.core.states import STATES
from zope.i18nmessageid import Message

import json


class TranslatedVocabularyView(VocabularyView):
    def __call__(self):
        body = super().__call__()
        try:
            data = json.loads(body)
        except (TypeError, ValueError):
            return body
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            return body
        types = api.portal.get_tool("portal_types")
        for item in results:
            if not isinstance(item, dict):
                continue
            state = item.get("review_state")
            if isinstance(state, str) and state in STATES:
                label = state_label(state, item.get("portal_type"))
                item["review_state"] = translated(label, self.request)
            fti = types.get(item.get("portal_type") or "")
            if fti is not None and "Type" in item:
                item["Type"] = translated(
                    Message(fti.Title(), domain=fti.i18n_domain or "plone"),
                    self.request,
                )
        return json.dumps(data)
