"""Excel workbooks: the first sheet with a recognisable header row is the indicator table."""

from __future__ import annotations
