"""What waits for each role, counted from live data for the home page (工作台).

One module per kind of person: ``office`` (考核办), ``units`` (考评单位, 被考核单位, 领导),
``administration`` (the three administrators). Each panel function takes the user and returns a
``Panel`` in a fixed number of queries, asking the access rules' one home
(``kaohe.cycles.access``) and the progress worklist (``kaohe.progress.worklist``) what the user
may see — never a count of its own of who may do what.
"""
