"""Every user-facing word, Swedish (default) and English: one catalogue mechanism
(``catalogue.py``) and one table per area."""
