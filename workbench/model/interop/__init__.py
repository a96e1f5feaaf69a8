"""Interchange at the edge: other formats in and out of the model (no Qt).

Each module converts between a journey and one outside format, building
journeys through the models so that what comes in is validated like a file.
"""
