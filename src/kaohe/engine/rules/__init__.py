"""Rule kinds, one module each; see registry.py."""
