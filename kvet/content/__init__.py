"""The data files kvet ships (checklist, glossary, guide, crisis lines, countries), read and
checked, and the catalogue of kvet's own sentences."""
