"""Collect: find submissions and read them into raw tables that remember where each row came from."""
