//! Reusable pieces of the view, one per file.

pub mod document_text;
pub mod passage;
pub mod site_header;
pub mod term_popover;
