// Package linkage finds the records that describe one business across the
// office's lists (its own registers, the OSS export, attendance and halal
// applicant sheets) although they are spelled differently: probabilistic
// record linkage after Fellegi and Sunter.
//
// A Config names the fields to compare, each with a kind that fixes its
// comparison levels (exact, near, different, missing), and the blocking rules
// whose union gives the candidate pairs, so that never all pairs are
// compared. Link estimates from the data itself how often each level occurs
// among true matches (m) and among non-matches (u) by expectation
// maximisation, starting u from random pairs, scores every candidate pair,
// adjusts agreement on common values (Siti, Muhammad) by their frequency and
// groups the records into clusters without chaining unrelated records
// through one bad link. The same records in any order give the same
// clusters.
//
// The package knows neither HTTP nor SQL: the command line and the registry
// hand it records and read clusters and pairs back.
package linkage
