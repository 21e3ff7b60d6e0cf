FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y make\
# tidy up
 && rm -rf /var/lib/apt/lists/*
RUN make --version
