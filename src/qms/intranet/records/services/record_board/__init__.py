"""@record-board: completeness of the record lists, per unit and year."""
