"""The agenda room: day, week and list views, the selected call's details, the editor, what is
done to calls and its undo.
"""
