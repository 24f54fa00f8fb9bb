"""Publish: plan the portal state from the warehouse (pure), then sync it through the one CKAN adapter."""
