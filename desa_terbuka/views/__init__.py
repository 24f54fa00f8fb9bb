"""Views: text, JSON and HTML renderings of findings and run summaries."""
