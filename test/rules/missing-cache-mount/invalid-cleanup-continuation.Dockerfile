FROM debian:bookworm AS base
RUN apt-get update \
 && apt-get install -y curl\
 && apt-get clean

WORKDIR /opt

FROM node:20 AS web
RUN npm ci --omit=dev \
    && npm cache clean --force\
    && node --version
EXPOSE 3000

FROM debian:bookworm
RUN \
    apt-get update && \
    apt-get install -y --no-install-recommends git \
    && apt-get -y clean \
    && apt-get -y autoclean \
    && rm -rf /var/lib/apt/lists/*\
    && rm -rf /tmp/*
ENV LANG=C.UTF-8
