"""Shared core: the finding model, settings, reference tables and dataset definitions. Imports no stage."""
