//! Reusable pieces of the view, one per file. The islands (hydrated in the browser) are
//! built in both builds; the rest only renders pages at build time.

pub mod counterparts_toggle;
pub mod exact_toggle;
pub mod glossary_index;
pub mod passage_marks;
pub mod requested_address;
pub mod see_also;
pub mod term_popover;

#[cfg(feature = "ssr")]
pub mod counterparts;
#[cfg(feature = "ssr")]
pub mod diff_text;
#[cfg(feature = "ssr")]
pub mod document_text;
#[cfg(feature = "ssr")]
pub mod passage;
#[cfg(feature = "ssr")]
pub mod site_header;
