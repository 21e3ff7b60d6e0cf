FROM golang:1.22
WORKDIR /go/src/app
RUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler
COPY go.mod ./
RUN go mod download
COPY . .
RUN make generate
RUN go build -o /bin/app .
