"""Edit operations, the policy both front ends call: saving, locking, corrections, moving a
meeting with its referrers, a new meeting, § numbering, a new folder, canonical formatting."""
