"""The results rooms: reports per company and month, and the pipeline of prospects waiting for a
call.
"""
