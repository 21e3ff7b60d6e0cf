// Command api serves greetings over HTTP on $PORT (default 8080).
// With -selftest it prints its version and user id and exits (used by smoke tests).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	"example.com/go-api/internal/greet"
)

const version = "1.4.2"

func main() {
	selftest := flag.Bool("selftest", false, "print version and uid, then exit")
	flag.Parse()
	if *selftest || os.Getenv("SELFTEST") == "1" {
		fmt.Printf("go-api %s uid=%d %s\n", version, os.Getuid(), greet.Message("selftest"))
		return
	}
	http.HandleFunc("/greet", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"message": greet.Message(r.URL.Query().Get("name"))})
	})
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	log.Printf("go-api %s listening on :%s", version, port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
