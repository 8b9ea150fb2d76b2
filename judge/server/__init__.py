"""The contest server (`judge contest serve`): an ASGI application over a contest database.

Imported only by the commands that serve (Starlette, uvicorn and Jinja2 are the
`server` extra), so `judge run` never pays for them. docs/contest-server.md
describes the API, hosting and security.
"""
