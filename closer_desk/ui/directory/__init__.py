"""The people side of the window: companies, prospects and closers.

- ``rooms``: ``CompaniesRoom``, ``ProspectsRoom``, ``ClosersRoom`` (filter box, sortable table,
  New/Edit; ``ClosersRoom`` also opens ``closer_desk.ui.availability.AvailabilityDialog``).
- ``company_dialog``, ``prospect_dialog``, ``closer_dialog``: the editors, on ``form.EditDialog``
  (errors under their field, saving on the task manager, nothing saved on refusal).
- ``models``: the plain-row table models and their sort/filter proxy.

Nothing is imported here: ``availability`` uses ``form`` and ``rooms`` uses ``availability``.
"""
