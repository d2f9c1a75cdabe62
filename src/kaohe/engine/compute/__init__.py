"""Scoring a cycle: per-unit steps, then the steps that need every unit (see docs/scoring.md)."""
