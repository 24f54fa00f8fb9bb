"""Stage: the DuckDB warehouse (history, current slices), quarantine and cross-dataset rules."""
