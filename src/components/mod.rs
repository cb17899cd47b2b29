//! Reusable pieces of the view, one per file.

pub mod counterparts;
pub mod diff_text;
pub mod document_text;
pub mod location_scroll;
pub mod passage;
pub mod see_also;
pub mod site_header;
pub mod term_popover;
