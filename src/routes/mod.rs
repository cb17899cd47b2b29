//! The app's pages, one per file. Every route is declared in `app.rs`.

pub mod compare;
pub mod document;
pub mod entry;
pub mod glossary;
pub mod library;
pub mod not_found;
pub mod original;
pub mod parallel;
