"""Readers for submission formats that are not one plain table (e.g. a Siskeudes export ZIP)."""
