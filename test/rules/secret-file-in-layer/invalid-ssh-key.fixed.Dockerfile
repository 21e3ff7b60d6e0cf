# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
RUN mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts
RUN --mount=type=ssh git config --global url."git@github.com:".insteadOf "https://github.com/"
WORKDIR /src
COPY . .
RUN --mount=type=ssh go mod download && go build -o /out/app .

FROM gcr.io/distroless/static
COPY --from=build /out/app /app
