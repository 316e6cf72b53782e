// Package model is the pure domain of Swanilai: instrument packs (the
// Indeks SPBE and Indeks Pemdi questionnaires as data), answers with their
// external index values, exact scoring, predikat, the target planner, the
// crosswalk between instruments and the sentinel errors the other packages
// and the window build on. It imports no toolkit, no database and no PDF
// library.
//
// Numbers are exact. Weights and indicator values are Hundredths (integer
// hundredths) and indices are Ratios (exact fractions); they are rounded
// half-up to two decimals only when shown, in Indonesian notation (3,28).
package model
