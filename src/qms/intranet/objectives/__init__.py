"""Quality objectives (mục tiêu chất lượng, ISO 9001 clause 6.2)."""
