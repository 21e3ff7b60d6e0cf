FROM golang:1.22 AS base
ARG VERSION=1.0
ENV GITHUB_TOKEN ghp_0123456789abcdefghijABCDEFGHIJklmnopqr
RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"

FROM base AS build
COPY . .
RUN go mod download
RUN go build -o /out/app .

FROM gcr.io/distroless/static
COPY --from=build /out/app /app
