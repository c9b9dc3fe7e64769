"""@training-record: a person's training record (issue #16)."""
