"""What every room uses and no room owns: the worker, the one door to the agenda file, the
prompts, languages and formats, links, colours and the table model base.

Nothing here imports a room (tests/test_layers.py checks it).
"""
