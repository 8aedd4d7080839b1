"""`make bench`: load-test the assistant against a bare-Rasa baseline (issue 8, first version).

Our stack (`python -m bot run`, as `make run` starts it) and a baseline (the same Rasa server and
model, its action endpoint an echo server) get the same simulated conversations, one after the
other; the report gives latency, throughput, errors, memory and cold start, and ratios to the
baseline. No reply text is ever printed or stored, only counts and timings.
"""
