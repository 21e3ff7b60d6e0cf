FROM golang:1.22 AS build
RUN mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts
COPY id_ed25519 /root/.ssh/id_ed25519
RUN chmod 600 /root/.ssh/id_ed25519
RUN git config --global url."git@github.com:".insteadOf "https://github.com/"
WORKDIR /src
COPY . .
RUN go mod download && go build -o /out/app .
RUN rm /root/.ssh/id_ed25519

FROM gcr.io/distroless/static
COPY --from=build /out/app /app
