"""@qms-statistics: the year's document-control figures."""
