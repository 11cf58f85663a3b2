"""Helpers shared by the tests that use `pledgekit serve` from the outside (scripts/browser-round.py,
scripts/serve-kill-test.py, Benchmarks/serve/load.py): starting the binary and reading the address
it prints, a cookie-keeping HTTP client for 127.0.0.1 (forms with their hidden csrf field,
multipart uploads), and the little HTML reading they need. Standard library only.
"""
