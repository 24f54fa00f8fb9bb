"""Normalise: raw tables become canonical records (headings, context, numbers, dates, codes)."""
