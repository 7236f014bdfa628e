"""A course of treatment as the person records it, and what kvet reads from it (PHQ-9, signals)."""
