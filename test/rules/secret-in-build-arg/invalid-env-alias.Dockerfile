FROM golang:1.22 AS deps
ARG GH_TOKEN
ENV GOPRIVATE=github.com/acme/* GITHUB_TOKEN=${GH_TOKEN}
RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"

FROM deps AS build
COPY . .
RUN go mod download && go build -o /app .
RUN echo "token length ${#GITHUB_TOKEN}"
