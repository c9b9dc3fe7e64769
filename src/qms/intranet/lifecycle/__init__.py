"""Keeping the system alive (issue #16): periodic review of documents,
read-and-acknowledge, email notifications and the daily job."""
