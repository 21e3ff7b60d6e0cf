// Package greet builds the greeting the API returns.
package greet

import (
	"fmt"
	"strings"
)

// Message returns a greeting for name; an empty name greets the world.
func Message(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "world"
	}
	return fmt.Sprintf("hello, %s", name)
}
