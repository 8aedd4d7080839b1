"""The chat widget, its demo page, and the small server that serves them (bot/web/static)."""
