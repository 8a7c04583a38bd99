/**
 * Merkle trees as Certificate Transparency builds them (RFC 9162 section 2.1): the tree hash of an ordered list of
 * entries, inclusion proofs (an entry is in a tree of a given size) and consistency proofs (a larger tree extends a
 * smaller one), both made and verified, and an incremental {@link org.oligotrial.merkle.MerkleRange} that keeps only
 * the roots of the tree's perfect subtrees so that appending costs amortised one hash and the root O(log n). Pure
 * functions over byte arrays; no framework, no I/O.
 */
package org.oligotrial.merkle;
