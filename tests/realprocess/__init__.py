"""Tests that start the real editor in a child process and kill it, as a crash does.

In-process tests cannot show that a copy is really on disk when the process
dies without running another line (kill -9, a power cut), nor that a new
start finds it: these do, with short autosave delays set in the environment.
"""
