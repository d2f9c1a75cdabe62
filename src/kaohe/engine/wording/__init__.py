"""A rule in plain Chinese: one sentence generated from the rule itself.

For example 「每发生1次扣2分，最多扣10分」.

The sentence is read beside the source sentence a rule came from, so that a person checks a
rule's meaning by reading, not by decoding its parameters. Each rule kind has one small
function behind :func:`kaohe.engine.wording.registry.wording`, like the rule kinds themselves;
it takes the rule as plain data (``kind`` and its parameters, as in the scheme file), so that
a draft that does not load yet still reads.
"""

from kaohe.engine.wording.registry import rule_sentence, worded_kinds

__all__ = ["rule_sentence", "worded_kinds"]
