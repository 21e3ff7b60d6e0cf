FROM golang:1.22 AS deps
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download

FROM golang:1.22 AS build
COPY --from=deps /go/pkg/mod /go/pkg/mod
COPY . .
RUN go build -o /app .
