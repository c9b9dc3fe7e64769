"""Units (đơn vị) of the ministry: their folders, groups and local roles.

The lowest concept: documents and records build on it, it imports neither.
"""
