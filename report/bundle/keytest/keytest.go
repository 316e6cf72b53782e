// Package keytest seals signing keys for tests the way minisign does, but
// at the smallest scrypt cost. minisign.EncryptKey, which the app uses,
// spends 1 GiB of memory and seconds on every key, by design; a test that
// needs a protected key takes one from Seal instead. minisign.DecryptKey
// reads the cost from the key, so the app opens these keys with the same
// code as real ones.
package keytest

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/scrypt"
)

// Seal returns the text of a minisign encrypted secret key file holding the
// Ed25519 key priv with key ID id, encrypted with password: scrypt with
// N = 1024, r = 8, p = 1 (1 MiB of memory), stated in the file as minisign's
// ops and mem limits 2^15 and 2^21.
func Seal(id uint64, priv ed25519.PrivateKey, password string) []byte {
	var plain [72]byte
	binary.LittleEndian.PutUint64(plain[:], id)
	copy(plain[8:], priv)
	var salt [32]byte
	rand.Read(salt[:])
	const ops, mem = 1 << 15, 1 << 21
	stream, err := scrypt.Key([]byte(password), salt[:], 1024, 8, 1, 104)
	if err != nil {
		panic(err) // the parameters are constant and valid
	}
	// The checksum is BLAKE2b-256 of the algorithm ("Ed") and the key;
	// key and checksum are XORed with the scrypt stream.
	var msg [74]byte
	binary.LittleEndian.PutUint16(msg[:], 0x6445)
	copy(msg[2:], plain[:])
	check := blake2b.Sum256(msg[:])
	var ct [104]byte
	copy(ct[:], plain[:])
	copy(ct[72:], check[:])
	for i := range ct {
		ct[i] ^= stream[i]
	}
	var b [158]byte
	binary.LittleEndian.PutUint16(b[0:], 0x6445) // Ed
	binary.LittleEndian.PutUint16(b[2:], 0x6353) // Sc: scrypt
	binary.LittleEndian.PutUint16(b[4:], 0x3242) // B2: BLAKE2b
	copy(b[6:], salt[:])
	binary.LittleEndian.PutUint64(b[38:], ops)
	binary.LittleEndian.PutUint64(b[46:], mem)
	copy(b[54:], ct[:])
	return []byte("untrusted comment: minisign encrypted secret key\n" + base64.StdEncoding.EncodeToString(b[:]))
}
