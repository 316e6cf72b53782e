package model

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// PublicKey is the public half of a workspace's signing key: an Ed25519
// key and the 64-bit key ID that minisign signatures name it by. The ID is
// a random label, not derived from the key; only Key is authenticated.
type PublicKey struct {
	ID  uint64
	Key ed25519.PublicKey
}

// Equal reports whether p and q are the same key with the same ID.
func (p PublicKey) Equal(q PublicKey) bool {
	return p.ID == q.ID && len(p.Key) == ed25519.PublicKeySize && bytes.Equal(p.Key, q.Key)
}

// IsZero reports whether p holds no key.
func (p PublicKey) IsZero() bool { return len(p.Key) == 0 }

// IDText is the key ID the way the minisign tool prints it: 16 upper-case
// hex digits, e.g. "C373193807678450".
func (p PublicKey) IDText() string { return fmt.Sprintf("%016X", p.ID) }

// Fingerprint returns the fingerprint people compare to be sure of a key,
// for instance over the phone: 24 decimal digits in six groups of four,
// "4821 0937 5512 7730 1846 2205". Digits read aloud the same in every
// language and cannot be confused with one another the way letters can.
//
// Each group is the big-endian number in four successive bytes of the
// SHA-256 of the 32-byte Ed25519 key, modulo 10 000; the six groups carry
// close to 80 bits of the hash, so making another key with the same
// fingerprint is out of reach. The key ID is not part of the fingerprint.
func (p PublicKey) Fingerprint() string {
	if len(p.Key) != ed25519.PublicKeySize {
		return ""
	}
	sum := sha256.Sum256(p.Key)
	groups := make([]string, 6)
	for i := range groups {
		groups[i] = fmt.Sprintf("%04d", binary.BigEndian.Uint32(sum[4*i:])%10000)
	}
	return strings.Join(groups, " ")
}

// SigningKey is a workspace's key pair. The private key is kept either as
// it is (Private) or, when the user protects it with a passphrase, only
// encrypted (Sealed: minisign's scrypt-encrypted secret key format); never
// both.
type SigningKey struct {
	Public PublicKey
	// Private is the Ed25519 private key; nil when the key is sealed.
	Private ed25519.PrivateKey
	// Sealed is the private key encrypted with a passphrase, as the text
	// of a minisign secret key file; nil when the key is not protected.
	Sealed  []byte
	Created time.Time
}

// Protected reports whether the private key is kept encrypted with a
// passphrase.
func (k SigningKey) Protected() bool { return len(k.Sealed) > 0 }
