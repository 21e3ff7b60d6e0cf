package greet

import "testing"

func TestMessage(t *testing.T) {
	if got := Message(" "); got != "hello, world" {
		t.Fatalf("Message(blank) = %q", got)
	}
	if got := Message("gopher"); got != "hello, gopher" {
		t.Fatalf("Message(gopher) = %q", got)
	}
}
