package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strconv"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// ErrOtherKey reports a signing key that is not the workspace's own: the
// key pair of a workspace never changes, only how its private half is kept.
var ErrOtherKey = model.NewCode("err.store.other_key")

// newSigningKey makes an Ed25519 key pair with a random minisign key ID,
// as the minisign tool does.
func newSigningKey() (model.SigningKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return model.SigningKey{}, fmt.Errorf("store: cannot make a signing key: %w", err)
	}
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return model.SigningKey{}, fmt.Errorf("store: cannot make a signing key: %w", err)
	}
	return model.SigningKey{Public: model.PublicKey{ID: binary.LittleEndian.Uint64(id[:]), Key: pub}, Private: priv, Created: now()}, nil
}

// SigningKey returns the workspace's signing key. Every workspace gets one
// when it is created; one made by an older Swanilai gets it the first time
// it is asked for.
func (w *Workspace) SigningKey() (model.SigningKey, error) {
	var k model.SigningKey
	found := false
	err := w.view(func(tx *bbolt.Tx) (err error) {
		k, found, err = getSigningKey(metaBucket.of(tx))
		return err
	})
	if err != nil || found {
		return k, err
	}
	err = w.update(func(tx *bbolt.Tx) (err error) {
		meta := metaBucket.of(tx)
		// Another goroutine may have made it meanwhile.
		if k, found, err = getSigningKey(meta); err != nil || found {
			return err
		}
		if k, err = newSigningKey(); err != nil {
			return err
		}
		return putJSON(meta, keySigningKey, signingKeyToRec(k))
	})
	return k, err
}

// SetSigningKey stores a new form of the workspace's private key: sealed
// with a passphrase (k.Sealed) or not (k.Private), exactly one of them. The
// public key must be the workspace's (ErrOtherKey).
func (w *Workspace) SetSigningKey(k model.SigningKey) error {
	switch {
	case (len(k.Private) == 0) == (len(k.Sealed) == 0):
		return fmt.Errorf("store: a signing key needs either its private key or its sealed form")
	case len(k.Private) != 0 && (len(k.Private) != ed25519.PrivateKeySize || !bytes.Equal(ed25519.PrivateKey(k.Private).Public().(ed25519.PublicKey), k.Public.Key)):
		return ErrOtherKey
	}
	if _, err := w.SigningKey(); err != nil {
		return err
	}
	return w.update(func(tx *bbolt.Tx) error {
		meta := metaBucket.of(tx)
		old, _, err := getSigningKey(meta)
		if err != nil {
			return err
		}
		if !old.Public.Equal(k.Public) {
			return ErrOtherKey
		}
		k.Created = old.Created
		return putJSON(meta, keySigningKey, signingKeyToRec(k))
	})
}

// getSigningKey reads the signing key from the meta bucket.
func getSigningKey(meta *bbolt.Bucket) (k model.SigningKey, found bool, err error) {
	if meta.Get(keySigningKey) == nil {
		return k, false, nil
	}
	var rec signingKeyRec
	if err := getJSON(meta, keySigningKey, &rec); err != nil {
		return k, false, model.Wrapf(err, ErrDamaged, "err.store.detail_signing_key")
	}
	pub, err := rec.Public.model()
	if err != nil || (len(rec.Private) != 0) == (rec.Sealed != "") || (len(rec.Private) != 0 && len(rec.Private) != ed25519.PrivateKeySize) {
		return k, false, model.Errorf(ErrDamaged, "err.store.detail_signing_key")
	}
	k = model.SigningKey{Public: pub, Private: rec.Private, Created: rec.Created}
	if rec.Sealed != "" {
		k.Sealed = []byte(rec.Sealed)
	}
	return k, true, nil
}

func signingKeyToRec(k model.SigningKey) signingKeyRec {
	return signingKeyRec{Public: publicKeyToRec(k.Public), Private: k.Private, Sealed: string(k.Sealed), Created: k.Created}
}

func publicKeyToRec(p model.PublicKey) publicKeyRec {
	return publicKeyRec{ID: fmt.Sprintf("%016X", p.ID), Key: p.Key}
}

func (r publicKeyRec) model() (model.PublicKey, error) {
	id, err := strconv.ParseUint(r.ID, 16, 64)
	if err != nil || len(r.ID) != 16 || len(r.Key) != ed25519.PublicKeySize {
		return model.PublicKey{}, model.Errorf(ErrDamaged, "err.store.detail_public_key_id", "ID", strconv.Quote(r.ID))
	}
	return model.PublicKey{ID: id, Key: ed25519.PublicKey(r.Key)}, nil
}
