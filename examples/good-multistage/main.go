// Command pinger checks that HTTP endpoints answer 2xx; used as a sidecar health probe.
// SELFTEST=1 prints the version and user id and exits.
package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

const version = "0.3.0"

func main() {
	if os.Getenv("SELFTEST") == "1" {
		fmt.Printf("pinger %s uid=%d\n", version, os.Getuid())
		return
	}
	client := &http.Client{Timeout: 5 * time.Second}
	failed := 0
	for _, url := range os.Args[1:] {
		resp, err := client.Get(url)
		if err != nil || resp.StatusCode/100 != 2 {
			fmt.Fprintf(os.Stderr, "FAIL %s\n", url)
			failed++
			continue
		}
		resp.Body.Close()
		fmt.Printf("ok   %s\n", url)
	}
	if failed > 0 {
		os.Exit(1)
	}
}
