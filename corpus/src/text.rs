//! Small text helpers shared by segmentation, matching, linking and diffing.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Whether a character is part of a word (letters and digits in any script).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Folds the typographic variants that editions and translations differ in — curly and
/// straight quotes, dashes, ellipses — to one plain form, so that comparisons see words.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// The words of a text as (byte start, byte end) ranges: maximal runs of word characters,
/// with an apostrophe inside a word kept in it ("Lenin's", "Zinov'ev").
pub fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let inner_apostrophe = matches!(fold_char(c), '\'')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
        if is_word_char(c) || inner_apostrophe {
            start.get_or_insert(index);
        } else if let Some(begin) = start.take() {
            words.push((begin, index));
        }
    }
    if let Some(begin) = start {
        words.push((begin, text.len()));
    }
    words
}

/// A word in comparison form: lower case, typographic variants folded.
pub fn word_key(word: &str) -> String {
    word.chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The anchor slug of a block: its first six words, lower case, ASCII letters and digits
/// joined by hyphens. Derived from the words, not the position, so that it survives edits
/// elsewhere in the document.
pub fn anchor_slug(text: &str) -> String {
    let mut slug = String::new();
    for (start, end) in word_ranges(text).into_iter().take(6) {
        let word: String = text[start..end]
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    if slug.is_empty() {
        slug.push_str("passage");
    }
    slug
}

/// Number of words in a text.
pub fn word_count(text: &str) -> usize {
    word_ranges(text).len()
}

/// Keyword-in-context: up to `chars` characters of `text` on each side of `start..end`, cut
/// at a space where one is near, with "…" where text was cut off.
pub fn context(text: &str, start: usize, end: usize, chars: usize) -> (String, String) {
    let before = &text[..start];
    let after = &text[end..];
    let left_cut = before
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map(|(i, _)| i);
    let left = match left_cut {
        None => String::from(before),
        Some(cut) => {
            let piece = &before[cut..];
            let piece = piece.find(' ').map_or(piece, |space| &piece[space + 1..]);
            format!("…{piece}")
        }
    };
    let right_cut = after.char_indices().nth(chars).map(|(i, _)| i);
    let right = match right_cut {
        None => String::from(after),
        Some(cut) => {
            let piece = &after[..cut];
            let piece = piece.rfind(' ').map_or(piece, |space| &piece[..space]);
            format!("{piece}…")
        }
    };
    (left, right)
}

/// The first sentence of a definition, for the index: up to the first ". " that does not
/// follow an initial ("E.H. Carr").
pub fn first_sentence(text: &str) -> &str {
    let mut from = 0;
    while let Some(found) = text[from..].find(". ") {
        let end = from + found;
        let last_word = text[..end].rsplit(' ').next().unwrap_or("");
        let initial = last_word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && last_word.chars().filter(|c| c.is_alphabetic()).count() <= 3;
        if !initial {
            return &text[..=end];
        }
        from = end + 2;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes() {
        let text = "Zinov'ev and Lenin’s ‘trio’";
        let words: Vec<&str> = word_ranges(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(words, ["Zinov'ev", "and", "Lenin’s", "trio"]);
    }

    #[test]
    fn anchors_come_from_the_first_words() {
        assert_eq!(
            anchor_slug("By the end of 1922 Lenin was seriously ill"),
            "by-the-end-of-1922-lenin"
        );
        assert_eq!(
            anchor_slug("“This present regime”, Trotsky wrote"),
            "this-present-regime-trotsky-wrote"
        );
        assert_eq!(anchor_slug("(1) To restore"), "1-to-restore");
        assert_eq!(anchor_slug("… —"), "passage");
    }

    #[test]
    fn context_cuts_at_spaces_and_marks_cuts() {
        let text = "In December 1922, Zinoviev (then president) and Kamenev formed a faction";
        let start = text.find("Zinoviev").unwrap();
        let (left, right) = context(text, start, start + 8, 12);
        assert_eq!(left, "…1922, ");
        assert_eq!(right, " (then…");
        assert_eq!(
            context("Zinoviev", 0, 8, 10),
            (String::new(), String::new())
        );
        let greek = "αβγ δεζ Lenin ηθι κλμ";
        let start = greek.find("Lenin").unwrap();
        assert_eq!(
            context(greek, start, start + 5, 5),
            ("…δεζ ".into(), " ηθι…".into())
        );
    }

    #[test]
    fn first_sentences_do_not_stop_at_initials() {
        assert_eq!(
            first_sentence("Volume of E.H. Carr's history. It covers 1923."),
            "Volume of E.H. Carr's history."
        );
        assert_eq!(first_sentence("A body. Another sentence."), "A body.");
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
        assert_eq!(
            first_sentence("Led by Lev B. Kamenev. Then"),
            "Led by Lev B. Kamenev."
        );
    }

    #[test]
    fn keys_fold_typography_and_case() {
        assert_eq!(word_key("Lenin’s"), "lenin's");
        assert_eq!(word_key("NEP"), "nep");
    }
}
