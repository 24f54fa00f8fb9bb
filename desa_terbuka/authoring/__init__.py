"""Authoring aids for operators: pre-filled templates and sample submissions."""
