"""Macros of the Beleidsposities site: the hooks (macros/hooks.py) make one `Build` (macros/build.py) per build."""
