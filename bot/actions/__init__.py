"""Thin rasa_sdk actions: read content, build replies with bot.dialogue, send them.

The action server loads every module in this package (rasa run actions --actions bot.actions).
"""

from bot import insights, log_privacy

# No log line may hold what a young person typed, at any log level.
log_privacy.install()
# Check the insights settings and database now, so a bad region fails at start-up, not later.
insights.start()
