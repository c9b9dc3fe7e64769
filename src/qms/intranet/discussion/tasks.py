""" "Việc của tôi": the góp ý waiting for this person's moderation."""

from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.tasks import ITaskProvider
from qms.intranet.core.tasks import Task
from qms.intranet.discussion import moderation
from zope.interface import implementer


KIND = "comment_to_moderate"
GROUP = _("tasks_comments_group", default="Comments waiting for moderation")
ACTION = _("tasks_comments_action", default="Approve or reject")


@implementer(ITaskProvider)
class CommentTasks:
    """One task per pending comment this person may moderate, found with
    their own permissions (restricted catalog query, then "Review
    comments" on each comment); each links to the moderation queue."""

    def tasks(self) -> list[Task]:
        comments = moderation.pending_to_moderate()
        if not comments:
            return []
        group = translated(GROUP)
        action = translated(ACTION)
        queue = moderation.queue_url()
        tasks = []
        for comment in comments:
            document = moderation.document_of(comment)
            code = getattr(document, "code", "") or ""
            title = f"{code} {document.Title()}".strip()
            detail = f"{moderation.author_of(comment)}, {moderation.when(comment)}"
            tasks.append(
                Task(
                    kind=KIND,
                    group=group,
                    title=title,
                    url=f"{queue}#comment-{comment.getId()}",
                    action=action,
                    detail=detail,
                    order=40,
                )
            )
        return tasks
