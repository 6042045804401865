"""The people side of the window: companies, prospects and closers.

- ``rooms``: ``CompaniesRoom``, ``ProspectsRoom``, ``ClosersRoom`` (filter box, sortable table,
  New/Edit; ``ClosersRoom`` also opens ``availability.AvailabilityDialog``).
- ``company_dialog``, ``prospect_dialog``, ``closer_dialog``: the editors, on ``form.EditDialog``
  (errors under their field, saving on the task manager, nothing saved on refusal).
- ``availability``: a closer's weekly hours, days off, travel and booking rules.
- ``models``: the plain-row table models and their sort/filter proxy.
- ``field_errors``: what core and store refuse, as a sentence under the field concerned.

Nothing is imported here: ``availability`` uses ``form`` and ``rooms`` uses ``availability``.
"""
