"""Views: turn results of the core into Documents (labels, formatting, verdict). No terminal here."""
