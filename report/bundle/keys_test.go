package bundle

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
)

func TestPublicKeyFiles(t *testing.T) {
	for _, name := range []string{"opd", "other", "sealed"} {
		file, err := os.ReadFile(filepath.Join("testdata", "keys", name+".pub"))
		if err != nil {
			t.Fatal(err)
		}
		k, err := ParsePublicKey(file)
		if err != nil {
			t.Fatal(err)
		}
		// What we write is what the minisign tool writes, byte for byte.
		if got := MarshalPublicKey(k); !bytes.Equal(got, file) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, file)
		}
		line := bytes.Split(file, []byte("\n"))[1]
		if PublicKeyText(k) != string(line) {
			t.Errorf("%s: text %q, want %q", name, PublicKeyText(k), line)
		}
		if again, err := ParsePublicKey(line); err != nil || !again.Equal(k) {
			t.Errorf("%s: the base64 line alone reads as %v, %v", name, again, err)
		}
	}
	for _, bad := range []string{"", "RWQ", "untrusted comment: x\nAAAA", string(make([]byte, 56))} {
		if _, err := ParsePublicKey([]byte(bad)); !errors.Is(err, ErrPublicKey) {
			t.Errorf("%q: got %v", bad, err)
		}
	}
}

// signAndCheck signs a bundle with k and checks it verifies with k's public
// key.
func signAndCheck(t *testing.T, k model.SigningKey, passphrase string) error {
	t.Helper()
	s, err := NewSigner(k, passphrase)
	if err != nil {
		return err
	}
	f := newFixture(t, k.Public, 1)
	var buf bytes.Buffer
	if _, err := Write(t.Context(), &buf, f.sub, WriteOptions{Signer: s, Created: time.Now(), Evidence: f.open}); err != nil {
		t.Fatal(err)
	}
	if _, err := open(t, buf.Bytes(), k.Public); err != nil {
		t.Fatalf("signed with the opened key, the bundle does not verify: %v", err)
	}
	return nil
}

func TestProtectKey(t *testing.T) {
	useCheapSeal(t)
	plain := loadKey(t, "opd")
	sealed, err := ProtectKey(plain, "", "rahasia sekali")
	if err != nil {
		t.Fatal(err)
	}
	if !sealed.Protected() || sealed.Private != nil || !sealed.Public.Equal(plain.Public) {
		t.Fatalf("sealed %+v", sealed)
	}
	tests := []struct {
		name       string
		key        model.SigningKey
		passphrase string
		want       error
	}{
		{"plain", plain, "", nil},
		{"plain ignores a passphrase", plain, "apa saja", nil},
		{"sealed, right passphrase", sealed, "rahasia sekali", nil},
		{"sealed, no passphrase", sealed, "", ErrPassphraseNeeded},
		{"sealed, wrong passphrase", sealed, "rahasia sekal", ErrPassphrase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := signAndCheck(t, tt.key, tt.passphrase); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	// Change the passphrase, then remove it: the key pair stays the same.
	again, err := ProtectKey(sealed, "rahasia sekali", "kata sandi baru")
	if err != nil || bytes.Equal(again.Sealed, sealed.Sealed) {
		t.Fatalf("changed: %v", err)
	}
	if _, err := ProtectKey(again, "rahasia sekali", ""); !errors.Is(err, ErrPassphrase) {
		t.Fatalf("old passphrase after a change: %v", err)
	}
	open, err := ProtectKey(again, "kata sandi baru", "")
	if err != nil || open.Protected() || !bytes.Equal(open.Private, plain.Private) {
		t.Fatalf("removed: %+v, %v", open, err)
	}
	if _, err := ProtectKey(plain, "", "pendek"); !errors.Is(err, ErrWeakPassphrase) {
		t.Fatalf("short passphrase: %v", err)
	}
	other := loadKey(t, "other")
	if _, err := NewSigner(model.SigningKey{Public: plain.Public, Private: other.Private}, ""); err == nil {
		t.Fatal("a private key of another public key was taken")
	}
}

// TestSealedKeyOfMinisignTool opens a key the minisign tool encrypted, at
// the tool's full cost (1 GiB of scrypt memory: seconds, more under the
// race detector), and signs with it.
func TestSealedKeyOfMinisignTool(t *testing.T) {
	t.Parallel()
	k := loadKey(t, "sealed")
	if !k.Protected() {
		t.Fatal("testdata/keys/sealed.key is not encrypted")
	}
	if err := signAndCheck(t, k, sealedPassword); err != nil {
		t.Fatal(err)
	}
}

func TestSignerPublicKey(t *testing.T) {
	k := loadKey(t, "opd")
	if got := signer(t, k).PublicKey(); !got.Equal(k.Public) {
		t.Fatalf("got %v", got)
	}
}
