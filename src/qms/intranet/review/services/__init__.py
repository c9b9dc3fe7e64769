"""REST services of the yearly evaluation and report."""
