"""@comments lists only the comments the person may see.

plone.restapi lists every comment of a conversation, pending ones included;
with moderation by the unit's ISO officers (góp ý are checked before they
are shown), a pending comment must stay hidden from other staff.
"""

from AccessControl import getSecurityManager
from plone.app.discussion.interfaces import IConversation
from plone.restapi.batching import HypermediaBatch
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.discussion import ConversationSerializer
from plone.restapi.services.discussion.utils import can_reply
from plone.restapi.services.discussion.utils import can_view
from qms.intranet.interfaces import IQMSIntranetLayer
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IConversation, IQMSIntranetLayer)
class ModeratedConversationSerializer(ConversationSerializer):
    def __call__(self):
        security = getSecurityManager()
        view_comments = can_view(self.context)
        threads = [
            thread
            for thread in self.context.getThreads()
            if security.checkPermission("View", thread["comment"])
        ]
        batch = HypermediaBatch(self.request, threads)
        results = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "permissions": {
                "view_comments": view_comments,
                "can_reply": can_reply(self.context),
            },
        }
        if batch.links:
            results["batching"] = batch.links
        results["items"] = (
            [
                getMultiAdapter((thread["comment"], self.request), ISerializeToJson)()
                for thread in batch
            ]
            if view_comments
            else []
        )
        return results
