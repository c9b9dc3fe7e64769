"""@improvement-board: nonconformities per unit and year (issue #13)."""
