"""测评/评议 run inside kaohe: evaluator groups, one-time codes, ballots, validity rules and the
tally that writes each group's 0–100 score where the office would type it (cycles'
``set_evaluation_score``)."""
