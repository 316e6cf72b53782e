// Package report makes the documents that leave the laptop: the OPD's
// Laporan Penilaian Mandiri and the coordinator's recap for the Forum SPBE,
// as A4 PDF files in Bahasa Indonesia.
//
// A report is a pure function of model values and Options written to an
// io.Writer: WriteOPD renders one workspace's model.Assessment, WriteRecap a
// Recap of all OPDs. The texts are set in an embedded TrueType font (see
// package assets) so that every character of the instrument and of the
// answers prints, numbers use the Indonesian decimal comma (3,28), and every
// page carries the instansi, unit and year in its header and "Halaman x dari
// y", the generation time and the workspace id in its footer.
//
// This package is the only importer of github.com/jung-kurt/gofpdf. gofpdf
// keeps an error state instead of returning errors; every function here
// checks it and returns it wrapped in ErrRender.
package report
