# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=cache,target=/etc/apk/cache \
    --mount=type=cache,target=/var/cache/apk,sharing=locked \
    apk --update-cache add ca-certificates tzdata
RUN --mount=type=cache,target=/etc/apk/cache \
    --mount=type=cache,target=/var/cache/apk,sharing=locked \
    apk update && apk add curl
