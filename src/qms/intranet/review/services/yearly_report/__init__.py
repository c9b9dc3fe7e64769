"""@yearly-report: every figure of the year's report (issue #15)."""
