"""Desa Terbuka: an open-data publishing pipeline for village governments."""

__version__ = "0.1.0"
