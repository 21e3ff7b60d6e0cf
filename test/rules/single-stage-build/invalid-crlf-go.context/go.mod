module github.com/acme/hello-svc/v2

go 1.21
