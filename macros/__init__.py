"""Macros of the Beleidsposities site, in sub-packages along the pipeline (README, "Modules").

The hooks (macros/adapter/hooks.py) make one `Build` (macros/adapter/build.py) per build.
"""
