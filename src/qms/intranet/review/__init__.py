"""Management review (xem xét của lãnh đạo, ISO 9001 clause 9.3) and the
steering committee's yearly evaluation of the units and its report."""
