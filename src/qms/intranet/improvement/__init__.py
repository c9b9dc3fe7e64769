"""Sự không phù hợp và hành động khắc phục (ISO 9001 clause 10.2): each
unit's register of nonconformities, their causes, the actions taken and
whether they worked."""
