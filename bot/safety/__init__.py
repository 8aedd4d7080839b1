"""Noticing worrying disclosures: categories, risk patterns and the combined decision.

Plain Python and spaCy only; bot/rasa_ext/safety_net.py plugs this into Rasa's NLU pipeline.
"""
