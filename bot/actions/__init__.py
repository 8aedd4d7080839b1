"""Thin rasa_sdk actions: read content, build replies with bot.dialogue, send them.

The action server loads every module in this package (rasa run actions --actions bot.actions).
"""
