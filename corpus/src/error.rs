//! Build errors that name the file and line at fault.

use std::fmt;
use std::string::String;

/// A problem in the seed data, located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Path of the file, as the user knows it (e.g. `seeds/glossary.toml`).
    pub file: String,
    /// 1-based line number, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, and where useful what to do.
    pub message: String,
}

impl DataError {
    /// An error at a line of a file.
    pub fn at(file: &str, line: usize, message: impl Into<String>) -> DataError {
        DataError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// The 1-based line of a byte offset in a text.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
