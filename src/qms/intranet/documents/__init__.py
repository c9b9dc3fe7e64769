"""Document control (ISO 9001 clause 7.5): the controlled-document behavior,
quality policy, procedures and their forms, decisions, the QMS section, the
approval workflow with revisions, and the year's figures.

Builds on units/ and search/ (attachments); imports nothing higher.
"""
