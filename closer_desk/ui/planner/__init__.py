"""The planner room: when to call a prospect, the hours across the zones involved, booking a
slot and the proposal text."""
