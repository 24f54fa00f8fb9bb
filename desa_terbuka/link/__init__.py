"""Link: stable addresses of what is published, for village websites."""
