package model

import (
	"crypto/ed25519"
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestFingerprint(t *testing.T) {
	// An all-zero key has a fixed fingerprint: SHA-256 of 32 zero bytes is
	// 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925,
	// whose first 4-byte group 0x66687aad is 1718123181, so 3181, …
	zero := PublicKey{ID: 1, Key: make(ed25519.PublicKey, 32)}
	if got, want := zero.Fingerprint(), "3181 0599 0523 1280 8917 8131"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	k := PublicKey{ID: 0xC373193807678450, Key: pub}
	if !regexp.MustCompile(`^\d{4}( \d{4}){5}$`).MatchString(k.Fingerprint()) {
		t.Fatalf("fingerprint %q", k.Fingerprint())
	}
	// The key ID is a label, not part of the fingerprint.
	other := k
	other.ID = 7
	if other.Fingerprint() != k.Fingerprint() || other.Equal(k) || !k.Equal(k) {
		t.Fatal("the key ID changes the fingerprint, or equality ignores it")
	}
	if k.IDText() != "C373193807678450" || (PublicKey{}).Fingerprint() != "" || !(PublicKey{}).IsZero() {
		t.Fatalf("id %q", k.IDText())
	}
}

func TestSubmissionErrors(t *testing.T) {
	a, b := PublicKey{ID: 1, Key: make(ed25519.PublicKey, 32)}, PublicKey{ID: 2, Key: append(make(ed25519.PublicKey, 31), 1)}
	tests := []struct {
		err  error
		want error
		text string
	}{
		{&KeyChangedError{Unit: "Dinas X", Pinned: a, Got: b}, ErrKeyChanged, a.Fingerprint()},
		{&ReplayError{Unit: "Dinas X", Have: 3, Got: 2}, ErrReplay, "revisi 3 sudah ada, kiriman ini revisi 2"},
		{&SenderMismatchError{What: MismatchYear, Want: "2025", Got: "2024"}, ErrSenderMismatch, "kiriman untuk tahun lain: 2024, berkas kerja ini 2025 / submission for another year"},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.want) || !strings.Contains(tt.err.Error(), tt.text) {
			t.Errorf("%v: not %v, or without %q", tt.err, tt.want, tt.text)
		}
	}
}

func TestSubmissionHead(t *testing.T) {
	s := &Submission{Since: ChainHead{Seq: 4, Hash: "h4"}}
	if s.Head() != s.Since {
		t.Fatalf("no entries: head %+v", s.Head())
	}
	s.History = []Change{{Seq: 5, Hash: "h5"}, {Seq: 6, Hash: "h6"}}
	if s.Head() != (ChainHead{Seq: 6, Hash: "h6"}) {
		t.Fatalf("head %+v", s.Head())
	}
	if (SubmittingOPD{}).Latest() != 0 || (SubmittingOPD{Revisions: []SubmissionInfo{{Revision: 2}, {Revision: 5}}}).Latest() != 5 {
		t.Fatal("latest")
	}
}
