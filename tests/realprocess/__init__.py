"""Tests that start the real editor in child processes: several at once, or killed as a crash does.

In-process tests cannot show what another process sees (a lock, a file
changed on disk), nor that a copy is really on disk when the process dies
without running another line (kill -9, a power cut), nor that a new start
finds it: these do, offscreen, with short delays set in the environment.
"""
