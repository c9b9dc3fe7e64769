"""@my-tasks: what waits for the current user (the home page's list)."""
