"""Domain core of the Wegwijzer Jeugdzorg: knowledge data, rules and their evaluators.

Nothing here imports Rasa, so the rules can be tested in milliseconds and reused by
the inbox and reports.
"""
