"""What the assistant says and which buttons it offers, built from content (no Rasa imports).

Each function takes the loaded Content and returns Replies; the Rasa actions only send them.
"""
