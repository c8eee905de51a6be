#!/bin/sh
# A git credential helper that answers with the token in the environment variable PAGES_PUSH_TOKEN (user name:
# PAGES_PUSH_USER, default "publicatie"). The GitLab publish job gives it to git for one command through the
# environment (GIT_CONFIG_COUNT/GIT_CONFIG_KEY_n/GIT_CONFIG_VALUE_n), so the token is never written into .git/config
# or any other file, never part of a URL or command line, and never printed.
# git calls it as `<helper> get|store|erase`; only `get` answers, the others do nothing (nothing is stored).
[ "${1:-}" = get ] || exit 0
[ -n "${PAGES_PUSH_TOKEN:-}" ] || exit 0
# Read git's request to its end (git writes it before it reads the answer).
while IFS= read -r line && [ -n "$line" ]; do :; done
printf 'username=%s\npassword=%s\n' "${PAGES_PUSH_USER:-publicatie}" "$PAGES_PUSH_TOKEN"
