"""The scheme model and the facts a cycle is scored on."""
