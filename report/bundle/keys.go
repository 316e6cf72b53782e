package bundle

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"

	"aead.dev/minisign"

	"github.com/swanilai/swanilai/model"
)

// MinPassphrase is the fewest characters a new passphrase may have.
const MinPassphrase = 8

// Layout of minisign's binary key formats (minisign.c, aead.dev/minisign).
const (
	publicKeyLen  = 2 + 8 + ed25519.PublicKeySize        // algorithm ‖ key ID ‖ key
	secretKeyLen  = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32 // algorithm ‖ KDF ‖ hash ‖ salt ‖ ops ‖ mem ‖ key ID ‖ key ‖ checksum
	kdfNone       = 0x0000
	hashBlake2b   = 0x3242
	secretKeyID   = 54
	secretKeyData = 62
)

// sealCost is the cost ProtectKey seals keys with; tests lower it.
var sealCost = SealDefault

// sealKey encrypts a private key with a passphrase in minisign's format
// (see SealKey).
func sealKey(passphrase string, priv minisign.PrivateKey) ([]byte, error) {
	raw, err := rawPrivate(priv)
	if err != nil {
		return nil, err
	}
	return SealKey(priv.ID(), raw, passphrase, sealCost)
}

// Signer signs bundles with a workspace's key.
type Signer struct {
	public  model.PublicKey
	private minisign.PrivateKey
}

// NewSigner returns a signer for k. A key protected by a passphrase is
// opened with passphrase (ErrPassphraseNeeded when it is empty,
// ErrPassphrase when it is wrong); opening takes seconds and about 1 GiB of
// memory, by design of minisign's key encryption.
func NewSigner(k model.SigningKey, passphrase string) (*Signer, error) {
	priv, err := privateKey(k, passphrase)
	if err != nil {
		return nil, err
	}
	return &Signer{public: k.Public, private: priv}, nil
}

// PublicKey returns the key the signer's signatures verify with.
func (s *Signer) PublicKey() model.PublicKey { return s.public }

// privateKey turns k into minisign's private key, opening a sealed one.
func privateKey(k model.SigningKey, passphrase string) (minisign.PrivateKey, error) {
	if k.Protected() {
		if passphrase == "" {
			return minisign.PrivateKey{}, ErrPassphraseNeeded
		}
		priv, err := minisign.DecryptKey(passphrase, k.Sealed)
		if err != nil {
			return minisign.PrivateKey{}, ErrPassphrase
		}
		pub, ok := priv.Public().(minisign.PublicKey)
		if !ok || priv.ID() != k.Public.ID || !bytes.Equal(rawPublic(pub), k.Public.Key) {
			return minisign.PrivateKey{}, fmt.Errorf("bundle: the sealed key is not the workspace's public key %s", k.Public.IDText())
		}
		return priv, nil
	}
	if len(k.Private) != ed25519.PrivateKeySize || !bytes.Equal(ed25519.PrivateKey(k.Private).Public().(ed25519.PublicKey), k.Public.Key) {
		return minisign.PrivateKey{}, fmt.Errorf("bundle: the private key does not belong to public key %s", k.Public.IDText())
	}
	// minisign's unencrypted secret key: no KDF, the key ID and the key,
	// salt and checksum left zero as aead.dev/minisign writes them.
	var b [secretKeyLen]byte
	binary.LittleEndian.PutUint16(b[0:], minisign.EdDSA)
	binary.LittleEndian.PutUint16(b[2:], kdfNone)
	binary.LittleEndian.PutUint16(b[4:], hashBlake2b)
	binary.LittleEndian.PutUint64(b[secretKeyID:], k.Public.ID)
	copy(b[secretKeyData:], k.Private)
	var priv minisign.PrivateKey
	if err := priv.UnmarshalText([]byte(base64.StdEncoding.EncodeToString(b[:]))); err != nil {
		return minisign.PrivateKey{}, fmt.Errorf("bundle: %w", err)
	}
	return priv, nil
}

// ProtectKey returns k with its private key kept under a new passphrase,
// or, when newPassphrase is empty, kept without one. A key protected
// already is opened with oldPassphrase first. Store the result in the
// workspace; the key pair itself does not change.
func ProtectKey(k model.SigningKey, oldPassphrase, newPassphrase string) (model.SigningKey, error) {
	if newPassphrase != "" && utf8.RuneCountInString(newPassphrase) < MinPassphrase {
		return model.SigningKey{}, ErrWeakPassphrase
	}
	priv, err := privateKey(k, oldPassphrase)
	if err != nil {
		return model.SigningKey{}, err
	}
	out := model.SigningKey{Public: k.Public, Created: k.Created}
	if newPassphrase == "" {
		out.Private, err = rawPrivate(priv)
		return out, err
	}
	if out.Sealed, err = sealKey(newPassphrase, priv); err != nil {
		return model.SigningKey{}, fmt.Errorf("bundle: cannot seal the key: %w", err)
	}
	return out, nil
}

// rawPrivate returns the Ed25519 bytes of a minisign private key, read
// back from its unencrypted text form.
func rawPrivate(priv minisign.PrivateKey) (ed25519.PrivateKey, error) {
	text, err := priv.MarshalText()
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	b, err := base64.StdEncoding.DecodeString(string(text[bytes.IndexByte(text, '\n')+1:]))
	if err != nil || len(b) != secretKeyLen {
		return nil, fmt.Errorf("bundle: cannot read back the private key")
	}
	return ed25519.PrivateKey(bytes.Clone(b[secretKeyData : secretKeyData+ed25519.PrivateKeySize])), nil
}

// PublicKeyText returns the key as minisign writes it on its second line
// and takes it with -P: base64 of the algorithm, the key ID and the key.
func PublicKeyText(k model.PublicKey) string {
	var b [publicKeyLen]byte
	binary.LittleEndian.PutUint16(b[0:], minisign.EdDSA)
	binary.LittleEndian.PutUint64(b[2:], k.ID)
	copy(b[10:], k.Key)
	return base64.StdEncoding.EncodeToString(b[:])
}

// MarshalPublicKey returns the contents of a minisign public key file
// (minisign -p) for k.
func MarshalPublicKey(k model.PublicKey) []byte {
	return []byte("untrusted comment: minisign public key " + k.IDText() + "\n" + PublicKeyText(k) + "\n")
}

// ParsePublicKey reads a minisign public key: the contents of a public key
// file, or its base64 line alone.
func ParsePublicKey(text []byte) (model.PublicKey, error) {
	var pk minisign.PublicKey
	if err := pk.UnmarshalText(bytes.TrimSpace(text)); err != nil {
		return model.PublicKey{}, fmt.Errorf("%w: %v", ErrPublicKey, strings.TrimPrefix(err.Error(), "minisign: "))
	}
	return model.PublicKey{ID: pk.ID(), Key: rawPublic(pk)}, nil
}

// minisignPublic turns k into minisign's public key.
func minisignPublic(k model.PublicKey) (minisign.PublicKey, error) {
	var pk minisign.PublicKey
	if len(k.Key) != ed25519.PublicKeySize {
		return pk, ErrPublicKey
	}
	if err := pk.UnmarshalText([]byte(PublicKeyText(k))); err != nil {
		return pk, fmt.Errorf("%w: %v", ErrPublicKey, err)
	}
	return pk, nil
}

// rawPublic returns the 32 bytes of a minisign public key.
func rawPublic(pk minisign.PublicKey) ed25519.PublicKey {
	b, err := base64.StdEncoding.DecodeString(pk.String())
	if err != nil || len(b) != publicKeyLen {
		return nil
	}
	return ed25519.PublicKey(b[10:])
}
