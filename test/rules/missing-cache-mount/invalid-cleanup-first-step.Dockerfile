FROM ubuntu:22.04
RUN apt-get clean && \
apt-get update && \
apt-get install -y make && \
rm -rf /var/lib/apt/lists/* && \
make --version
EXPOSE 8080
