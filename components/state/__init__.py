"""The app's state: cached data (keyed on the files), the per-run context handed to every page, and the
view mirrored into the URL."""
