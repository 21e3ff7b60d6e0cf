# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
RUN --mount=type=cache,target=/var/cache/apt \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
apt-get update && \
apt-get install -y make && \
make --version
EXPOSE 8080
