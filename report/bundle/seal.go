package bundle

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/scrypt"
)

// SealCost is the scrypt work factor of a sealed key: N = 2^SealCost, with
// r = 8 and p = 1, which takes 2^SealCost KiB of memory to open.
type SealCost int

const (
	// SealDefault is the cost Swanilai seals workspace keys with: 64 MiB
	// and a few hundred milliseconds. The minisign tool uses 1 GiB and
	// seconds (cost 20) on every signature, a lot on the 4 GB laptops
	// many offices run; 64 MiB still makes every guess of a stolen
	// file's passphrase cost 64 MiB of memory, and passphrases have at
	// least MinPassphrase characters.
	SealDefault SealCost = 16
	// SealCheapest is the lowest cost, 1 MiB: for tests only.
	SealCheapest SealCost = 10
)

// SealKey returns the text of a minisign encrypted secret-key file that
// holds the Ed25519 key priv with key ID id, encrypted with passphrase at
// the given cost. The file states the cost as minisign's ops and memory
// limits, so that minisign and aead.dev/minisign's DecryptKey open it.
func SealKey(id uint64, priv ed25519.PrivateKey, passphrase string, cost SealCost) ([]byte, error) {
	if cost < SealCheapest || cost > 20 {
		return nil, fmt.Errorf("bundle: seal cost %d out of range %d–20", cost, SealCheapest)
	}
	var plain [72]byte
	binary.LittleEndian.PutUint64(plain[:], id)
	copy(plain[8:], priv)
	var salt [32]byte
	if _, err := rand.Read(salt[:]); err != nil {
		return nil, err
	}
	// libsodium's pickparams turns these limits back into N = 2^cost,
	// r = 8, p = 1.
	ops, mem := uint64(1)<<(cost+5), uint64(1)<<(cost+11)
	stream, err := scrypt.Key([]byte(passphrase), salt[:], 1<<cost, 8, 1, len(plain)+blake2b.Size256)
	if err != nil {
		return nil, err
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
	var b [secretKeyLen]byte
	binary.LittleEndian.PutUint16(b[0:], 0x6445)      // Ed
	binary.LittleEndian.PutUint16(b[2:], 0x6353)      // Sc: scrypt
	binary.LittleEndian.PutUint16(b[4:], hashBlake2b) // B2
	copy(b[6:], salt[:])
	binary.LittleEndian.PutUint64(b[38:], ops)
	binary.LittleEndian.PutUint64(b[46:], mem)
	copy(b[54:], ct[:])
	return []byte("untrusted comment: minisign encrypted secret key\n" + base64.StdEncoding.EncodeToString(b[:])), nil
}
