FROM ubuntu:22.04
RUN apt-get update && apt-get install -y curl
RUN apt-get install -y --no-install-recommends make \
    && apt-get clean
