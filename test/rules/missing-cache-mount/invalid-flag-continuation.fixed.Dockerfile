# syntax=docker/dockerfile:1
FROM alpine:3.19 AS tools
RUN --mount=type=cache,target=/etc/apk/cache \
    --mount=type=cache,target=/var/cache/apk,sharing=locked \
    apk add --update-cache\
      curl jq\
      bash

FROM python:3.12-slim AS app
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\
    && python -m compileall /usr/local/lib
USER nobody

FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install \
    flask==3.0.0
USER nobody
