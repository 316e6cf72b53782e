// Package store keeps a workspace — one evaluation year of one OPD or of the
// city coordinator — in a single bbolt file: its identity, the instrument
// pack it is filled against, the answers with their penjelasan, the evidence
// files (bukti dukung) and an append-only, hash-chained history of every
// change. It is the only package that imports go.etcd.io/bbolt; everything
// it hands out is a model type.
//
// The file never loses work. Every change is one bbolt transaction, which is
// either wholly on disk or not at all. Evidence bytes are stored once per
// SHA-256, in chunks written by several small transactions into a pending
// area and made visible by one final small transaction, so a 1 GB scan
// neither sits in memory nor makes one giant transaction, and a crash in
// between leaves only pending garbage that the next Open removes. Records are
// JSON in store-private types, so the model can change without changing the
// file format; schema.go declares every bucket and key with the schema
// version that introduced it, and migrate.go brings older files up to date
// in one transaction after a backup copy is written beside them.
//
// A Workspace is safe for concurrent use by several goroutines. A second
// process (or a second Open in the same process) gets ErrLocked within about
// a second instead of waiting.
package store
