package bundle

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aead.dev/minisign"
)

func TestSealKeyOpensWithMinisign(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	const id = 0x1122334455667788
	for _, cost := range []SealCost{SealCheapest, SealDefault} {
		start := time.Now()
		sealed, err := SealKey(id, priv, "kata sandi uji", cost)
		if err != nil {
			t.Fatal(err)
		}
		if !minisign.IsEncrypted(sealed) {
			t.Fatal("not an encrypted key")
		}
		key, err := minisign.DecryptKey("kata sandi uji", sealed)
		if err != nil {
			t.Fatalf("cost %d: %v", cost, err)
		}
		t.Logf("cost %d: sealed and opened in %v", cost, time.Since(start))
		// The opened key is the sealed one: its public key is pub under id.
		var want [42]byte
		binary.LittleEndian.PutUint16(want[:], minisign.EdDSA)
		binary.LittleEndian.PutUint64(want[2:], id)
		copy(want[10:], pub)
		if got := key.Public().(minisign.PublicKey).String(); got != base64.StdEncoding.EncodeToString(want[:]) {
			t.Fatalf("public key %s", got)
		}
		if _, err := minisign.DecryptKey("kata sandi lain", sealed); err == nil {
			t.Fatal("a wrong password opened the key")
		}
	}
	if _, err := SealKey(id, priv, "x", 30); err == nil {
		t.Fatal("an absurd cost was taken")
	}
}

// TestMinisignSignsWithOurSealedKey gives a key sealed at the default cost
// to the reference tool, which signs with it after the passphrase: our
// sealed keys are minisign secret-key files.
func TestMinisignSignsWithOurSealedKey(t *testing.T) {
	needMinisign(t)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := SealKey(0x0102030405060708, priv, "kata sandi uji", SealDefault)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile, msg := filepath.Join(dir, "kunci.key"), filepath.Join(dir, "pesan.txt")
	if err := os.WriteFile(keyFile, append(sealed, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(msg, []byte("halo"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("minisign", "-S", "-s", keyFile, "-m", msg)
	cmd.Stdin = strings.NewReader("kata sandi uji\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("minisign -S: %v\n%s", err, out)
	}
	var pk [42]byte
	binary.LittleEndian.PutUint16(pk[:], minisign.EdDSA)
	binary.LittleEndian.PutUint64(pk[2:], 0x0102030405060708)
	copy(pk[10:], pub)
	out, err := exec.Command("minisign", "-V", "-m", msg, "-P", base64.StdEncoding.EncodeToString(pk[:])).CombinedOutput()
	if err != nil {
		t.Fatalf("minisign -V: %v\n%s", err, out)
	}
}
