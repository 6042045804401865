"""The call's desk under the selected call: closing script, notes, the prospect's file, history
and outcomes.
"""
