"""Publish staged slices to CKAN: plan (pure) then sync (one writer per dataset)."""
