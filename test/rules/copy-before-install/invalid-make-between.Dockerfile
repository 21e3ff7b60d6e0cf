FROM golang:1.22
WORKDIR /go/src/app
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler
RUN make generate
RUN go mod download
RUN go build -o /bin/app .
