"""Validate: findings from the Table Schema, reference tables, personal data, totals and business rules."""
