"""Comments (góp ý) on effective documents, moderated by the owning unit's
ISO officers (workflow qms_comment_workflow in the profile)."""
