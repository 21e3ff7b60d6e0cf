# syntax=docker/dockerfile:1
FROM python:3.12
RUN --mount=type=secret,id=pip-extra-index-url,env=PIP_EXTRA_INDEX_URL ["pip", "install", "private-package"]
