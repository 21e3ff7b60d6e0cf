FROM golang:1.21-bookworm
WORKDIR /go/src/app
COPY . .
RUN go build
EXPOSE 9000
# start it
CMD ./hello-svc -port 9000
