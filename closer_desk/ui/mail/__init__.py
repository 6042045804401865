"""Invites by e-mail in the window: the closer's mail account, "Send invite", the update
question after a move or cancel, the invite badge of a call, and the Outbox room."""
