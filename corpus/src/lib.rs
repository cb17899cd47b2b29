//! The pure core of the source reader.
//!
//! The corpus model ([`model`]) is shared by the build step and the browser. Everything that
//! reads seed files, parses structure, matches glossary terms or detects links lives behind
//! the `build` feature: it runs once at build time and is never shipped to the browser.

#![no_std]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "build")]
extern crate std;

pub mod cards;
pub mod diff;
pub mod model;
pub mod paths;
pub mod text;

#[cfg(feature = "build")]
pub mod catalog;
#[cfg(feature = "build")]
pub mod error;
#[cfg(feature = "build")]
pub mod glossary;
#[cfg(feature = "build")]
pub mod linking;
#[cfg(feature = "build")]
pub mod pipeline;
#[cfg(feature = "build")]
pub mod structure;
