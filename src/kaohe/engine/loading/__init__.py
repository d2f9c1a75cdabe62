"""Reading a plain scheme dict (as parsed from YAML) into a validated Scheme."""
