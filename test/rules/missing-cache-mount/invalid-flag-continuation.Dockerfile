FROM alpine:3.19 AS tools
RUN apk add --no-cache\
      curl jq\
      bash

FROM python:3.12-slim AS app
RUN pip install -r requirements.txt --no-cache-dir\
    && python -m compileall /usr/local/lib
USER nobody

FROM python:3.12-slim
RUN pip install \
    flask==3.0.0 \
    --no-cache-dir
USER nobody
