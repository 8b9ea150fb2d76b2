"""The harness: one judging run (static checks, the box, the hidden tests, the complexity phase, the result)."""
