# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
RUN --mount=type=secret,id=github-token GITHUB_TOKEN="$(cat /run/secrets/github-token)" && export GITHUB_TOKEN && git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"
COPY go.mod go.sum ./
RUN go mod download
