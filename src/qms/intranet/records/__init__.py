"""Records (ISO 9001 clause 7.5.3): each unit's archive, the yearly record
list (danh mục hồ sơ), records and their files, disposal, and the
completeness board.

Builds on documents/ (the procedures that produce records), units/ and
search/; imports nothing higher.
"""
