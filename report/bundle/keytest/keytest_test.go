package keytest

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"testing"

	"aead.dev/minisign"
)

func TestSealOpensWithMinisign(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	const id = 0x1122334455667788
	sealed := Seal(id, priv, "kata sandi uji")
	if !minisign.IsEncrypted(sealed) {
		t.Fatal("not an encrypted key")
	}
	key, err := minisign.DecryptKey("kata sandi uji", sealed)
	if err != nil {
		t.Fatal(err)
	}
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
