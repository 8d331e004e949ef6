//! `RawDocument` → `Article`: charset, boilerplate removal, metadata, plain-text news items.
