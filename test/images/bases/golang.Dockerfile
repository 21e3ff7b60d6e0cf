# tags: golang:1.19 golang:1.19-bookworm golang:1 golang:latest
# Like the official golang image: Go plus gcc, libc headers, make, git (buildpack-deps:scm).
FROM localhost/lean-base/debian-slim
RUN apt-get update && apt-get install -y --no-install-recommends golang-go gcc libc6-dev make git ca-certificates pkg-config \
 && rm -rf /var/lib/apt/lists/*
ENV GOPATH=/go PATH=/go/bin:/usr/lib/go-1.19/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RUN mkdir -p /go/src /go/bin && chmod -R 1777 /go
WORKDIR /go
