"""Validation: rule codes, findings, schema checks, the domain rules, protocol locks, the
identity-number scan, the one pipeline and its cache."""
