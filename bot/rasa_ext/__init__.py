"""Thin adapters that plug the plain-Python core into Rasa: NLU components, the REST channel,
the tracker store, and settings.

Rasa imports this package when it reads credentials.yml or endpoints.yml, or loads a model whose
config.yml names one of its components, so the settings below apply in every Rasa process that
serves the assistant, before it handles a message.
"""

import os

import rasa.core.actions.action

from bot import log_privacy

# No log line may hold what a young person typed, at any log level.
log_privacy.install()

# Rasa 3.6 waits up to 5 minutes for the action server, with no setting to change it. The safety
# reply (utter_safety_first) is sent by Rasa itself before any custom action, but the REST channel
# only answers once every action has finished: a hung action server would hold that reply back.
# Give up on the action server after ACTION_TIMEOUT seconds instead.
ACTION_TIMEOUT_SECONDS = float(os.environ.get("ACTION_TIMEOUT", "10"))
rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
