"""`python -m kaohe.bench.ballots`: the ballots load script of issue 13.

In a fresh installation under var/ballots/ (SQLite always; PostgreSQL with --postgres naming a
database whose name contains "load", dropped and created afresh), served by the production
processes on 127.0.0.1 as the load harness starts them (kaohe.bench.load.server): an open
evaluation over twelve sections with its one-time codes (setup.py), then 200 concurrent voters
(voting.py), in windows of three seconds alternating with windows of /healthz asked by as many
clients, measured alike. It reports ballots per second as a ratio to /healthz in the same run,
the ballots lost (answered as stored but not in the database) and the duplicate codes accepted
(ballots beyond the codes used, and answers accepting a code already used).
"""
