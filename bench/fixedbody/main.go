// Command fixedbody is the baseline for the wrk benchmark in bench/wrk.sh:
// an HTTP server that answers every request with a fixed JSON body of a
// given size, so that naikkelas's list endpoint can be compared with the
// cost of net/http alone on the same machine in the same run.
package main

import (
	"bytes"
	"flag"
	"log"
	"net/http"
	"strconv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18081", "listen address")
	size := flag.Int("size", 10000, "body size in bytes")
	flag.Parse()
	body := append([]byte(`{"items":"`), bytes.Repeat([]byte("x"), max(0, *size-12))...)
	body = append(body, `"}`...)
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
