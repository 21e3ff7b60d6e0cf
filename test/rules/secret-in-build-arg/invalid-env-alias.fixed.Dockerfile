# syntax=docker/dockerfile:1
FROM golang:1.22 AS deps
ENV GOPRIVATE=github.com/acme/*
RUN --mount=type=secret,id=gh-token,env=GITHUB_TOKEN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"

FROM deps AS build
COPY . .
RUN go mod download && go build -o /app .
RUN --mount=type=secret,id=gh-token,env=GITHUB_TOKEN echo "token length ${#GITHUB_TOKEN}"
